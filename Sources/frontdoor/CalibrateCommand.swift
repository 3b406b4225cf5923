import ArgumentParser
import Calibration
import Foundation
import FrontDoorApp
import FrontDoorModel
import FrontDoorReports
import ScenarioFiles

struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Calibrate demand from a council's own data: Annex A lists in, a demand file and a data-quality report out.",
        subcommands: [AnnexA.self, Synth.self]
    )
}

extension Calibrate {
    struct AnnexA: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "annex-a",
            abstract: "Read Annex A extracts (CSV) and write demand.yaml, data-quality.html and data-quality.csv.",
            discussion: """
                List 1 (contacts) is needed; List 3 (referrals), List 4 (assessments) and the safeguarding dataset's contacts (with times of day and outcome flags) add conversions and hour profiles. Columns are found by their headers, whatever the case and punctuation; dates may be dd/mm/yyyy, ISO or Excel serial numbers; source values are mapped to CIN codes by the codes file. No child identifier, date of birth or worker name is written anywhere, and every count under 5 is shown as "<5".

                Examples:
                  frontdoor calibrate annex-a --list1 list1.csv --output Output/calibration
                  frontdoor calibrate annex-a --list1 l1.csv --list3 l3.csv --list4 l4.csv \\
                      --from 2024-04-01 --to 2025-03-31 --output Output/calibration
                """
        )

        @Option(help: "Annex A List 1 (contacts), CSV.") var list1: String
        @Option(help: "Annex A List 3 (referrals), CSV.") var list3: String?
        @Option(help: "Annex A List 4 (assessments), CSV.") var list4: String?
        @Option(help: "The safeguarding dataset's ssd_contacts, CSV (times of day, outcome flags).") var ssdContacts: String?
        @Option(help: "First day of contacts to use (YYYY-MM-DD).") var from: String?
        @Option(help: "Last day of contacts to use (YYYY-MM-DD).") var to: String?
        @Option(help: "The file mapping source values to CIN codes.") var codes = "Scenarios/calibration/annex-a-codes.yaml"
        @Option(help: "The demand file the result extends (channels, RAG mix and the rest come from it).") var base =
            "Scenarios/shared/demand.yaml"
        @Option(help: "Folder for demand.yaml and the data-quality report.") var output = "Output/calibration"

        func run() throws {
            func day(_ text: String?, _ option: String) throws -> CivilDate? {
                guard let text else { return nil }
                guard let date = CivilDate(iso: text) else { throw fail("\(option) must be a date such as 2024-04-01, not '\(text)'") }
                return date
            }
            let first = try day(from, "--from"), last = try day(to, "--to")
            if let first, let last, last < first { throw fail("--to (\(last)) is before --from (\(first))") }
            let baseSources = try Self.sources(ofBase: base)
            let folder = try app { try App.prepareOutput(output) }
            do {
                let extract = try AnnexAExtract(
                    list1: list1, list3: list3, list4: list4, ssdContacts: ssdContacts, from: first, to: last,
                    codes: try SourceCodes(path: codes))
                guard extract.to.dayNumber - extract.from.dayNumber + 1 >= 28 else {
                    throw CalibrationError(
                        "\(list1): the contacts cover \(extract.to.dayNumber - extract.from.dayNumber + 1) days; calibration needs at least 4 weeks"
                    )
                }
                let calibration = DemandCalibration(extract)
                let demand = CalibrationReport.demandYAML(
                    calibration, extract: extract, base: OutputFolder.relativePath(from: folder.absolutePath, to: base),
                    baseSources: baseSources)
                try folder.write([
                    ("demand.yaml", demand), ("data-quality.html", CalibrationReport.dataQualityHTML(extract, calibration)),
                    ("data-quality.csv", CalibrationReport.dataQualityCSV(extract, calibration))
                ])
                print(
                    "\(calibration.contacts) contacts over \(calibration.days) days: about \(Int(calibration.contactsPerYear.rounded())) new contacts a year."
                )
                if !extract.unmapped.isEmpty {
                    App.printError(
                        "warning: \(extract.unmapped.values.reduce(0, +)) contacts have source values not in \(codes) (\(extract.unmapped.count) different); "
                            + "see data-quality.html, and add them under their codes")
                }
                App.printError("Wrote demand.yaml, data-quality.html and data-quality.csv to \(folder.path)/")
            } catch let error as CalibrationError {
                throw fail(error.message)
            } catch let error as OutputError {
                throw fail(error.message)
            }
        }

        /// The source groups of the base demand file's `demand.sources`, its own and those of the
        /// files it extends.
        static func sources(ofBase path: String) throws -> [SourceGroup] {
            do {
                return try ScenarioDocument.load(path: path).demandSourceGroups()
            } catch {
                throw fail(
                    "\(error.description) (give --base a file that lists the demand's sources, such as Scenarios/shared/demand.yaml)")
            }
        }
    }

    struct Synth: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "synth",
            abstract: "Write synthetic Annex A lists 1, 3 and 4 drawn from a scenario's demand, for trying and testing calibration.",
            discussion: """
                The lists are untidy on purpose, as real extracts are: headers with units, dates in four forms, source values as codes, labelled codes and words. Identifiers are made up.

                Examples:
                  frontdoor calibrate synth Scenarios/mash.yaml --output Output/synthetic
                  frontdoor calibrate synth Scenarios/typical-council.yaml --days 730 \\
                      --output Output/synthetic-typical
                """
        )

        @Argument(help: "The scenario whose demand to draw from.") var scenario: String
        @Option(parsing: .unconditional, help: "Days of contacts, from the scenario's start date.") var days = 365
        @Option(name: .shortAndLong, help: "Seed of the random numbers.", transform: ReplicationOptions.parseSeed) var seed: UInt32 = 1
        @Option(help: "Folder for list1.csv, list3.csv and list4.csv.") var output = "Output/synthetic"
        @OptionGroup var what: OverrideOptions

        func run() throws {
            guard (28...3_650).contains(days) else { throw fail("--days must be from 28 to 3650, not \(days)") }
            let loaded = try what.load(scenario)
            guard case .frontDoor(let design) = loaded.model else {
                throw fail("\(scenario) is a queueing network; synthetic Annex A lists need a front door")
            }
            let folder = try app { try App.prepareOutput(output) }
            let lists = AnnexASynthesis.extracts(design, days: days, seed: seed)
            do {
                try folder.write([("list1.csv", lists.list1), ("list3.csv", lists.list3), ("list4.csv", lists.list4)])
            } catch {
                throw fail(error.message)
            }
            App.printError("Wrote list1.csv, list3.csv and list4.csv (synthetic) to \(folder.path)/")
        }
    }
}
