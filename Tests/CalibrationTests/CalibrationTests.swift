import Foundation
import FrontDoorModel
import FrontDoorReports
import FrontDoorTestSupport
import ScenarioFiles
import Testing

@testable import Calibration

/// Reading councils' extracts, and calibration recovering the demand that synthetic extracts
/// were drawn from.
struct CalibrationTests {
    static let codes = try! SourceCodes(path: packageRoot + "/Scenarios/calibration/annex-a-codes.yaml")

    @Test func datesAreReadInEveryFormExtractsUse() throws {
        let day = try #require(CivilDate(iso: "2024-03-31"))
        for text in ["31/03/2024", "31-03-2024", "31.3.2024", "2024-03-31", "31/3/24", "45382", " 31/03/2024 "] {
            #expect(ExtractDate(text)?.date == day, "\(text)")
        }
        #expect(ExtractDate("2024-03-31T14:30")?.hour == 14.5)
        #expect(ExtractDate("31/03/2024 09:15:36")?.hour == 9.26)
        #expect(abs((ExtractDate("45382.75")?.hour ?? 0) - 18) < 1e-6)
        for text in ["", "31/02/2024", "2024-13-01", "tomorrow", "12/1899/01", "45382.5.1", "31/03/2024 25:00"] {
            #expect(ExtractDate(text) == nil, "\(text)")
        }
    }

    @Test func sourceValuesMapToCINCodesAndUnknownOnesAreNotGuessed() {
        let codes = Self.codes
        for (value, code) in [
            ("a) 1B: Acquaintance", "1B"), ("6 - Police", "6"), ("POLICE", "6"), ("Parent / Carer", "1A"), ("10", "10"),
            ("3E A&E", "3E"), ("Health Visitor", "3B"), ("School", "2A"), ("early help", "5D"), ("2a", "2A")
        ] {
            #expect(codes.code(of: value) == code, "\(value)")
        }
        for value in ["5", "Milkman", "", "6X"] { #expect(codes.code(of: value) == nil, "\(value)") }
        #expect(SourceCodes.group(ofCode: "3F") == .health)
    }

    @Test func calibrationRecoversTheDemandItWasDrawnFrom() throws {
        // A year of the shared demand (as the MASH has it), written untidily, read back. The
        // estimate fits one set of month weights shared by every source, so the sources' own
        // months and yearly peaks are left out of what is drawn.
        let scenario = try ScenarioLoader.load(path: packageRoot + "/Scenarios/mash.yaml")
        guard case .frontDoor(let prepared) = scenario.model else {
            Issue.record("not a front door")
            return
        }
        var design = prepared.design
        for index in design.demand.sources.indices {
            design.demand.sources[index].monthWeights = nil
            design.demand.sources[index].peaks = []
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-calibration-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lists = AnnexASynthesis.extracts(try PreparedDesign(design), days: 365, seed: 3)
        for (name, text) in [("list1.csv", lists.list1), ("list3.csv", lists.list3), ("list4.csv", lists.list4)] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let extract = try AnnexAExtract(
            list1: folder + "/list1.csv", list3: folder + "/list3.csv", list4: folder + "/list4.csv", codes: Self.codes)
        #expect(extract.unmapped.isEmpty && extract.files.allSatisfy { $0.dropped.isEmpty })
        let c = DemandCalibration(extract)
        let demand = design.demand
        let n = Double(c.contacts)
        // Volume: Poisson with the day-to-day multiplier, so its variance is N + c²·Σμ².
        let perDay = demand.contactsPerYear / 365
        let volumeSE = (n + demand.overdispersion * demand.overdispersion * 365 * perDay * perDay).squareRoot()
        #expect(
            abs(c.contactsPerYear - demand.contactsPerYear) < 4 * volumeSE,
            "\(c.contactsPerYear) against \(demand.contactsPerYear) ± \(4 * volumeSE)")
        #expect(abs(c.overdispersion - demand.overdispersion) < 0.05, "overdispersion \(c.overdispersion)")
        for source in demand.sources {
            let found = try #require(c.sources.first { $0.group == source.group })
            let se = (source.share * (1 - source.share) / n).squareRoot()
            #expect(abs(found.share - source.share) < 4 * se, "\(source.group.name) share \(found.share) against \(source.share)")
            // Weekday weights of the large sources, each weekday's count about N·share/7.
            guard source.share > 0.1, let weights = found.weekdayWeights else { continue }
            let mean = source.weekdayWeights.reduce(0, +) / 7
            let perWeekday = n * source.share / 7
            for weekday in 0..<7 where source.weekdayWeights[weekday] > 0.5 {
                let truth = source.weekdayWeights[weekday] / mean
                let relative = (1 / (perWeekday * truth) + demand.overdispersion * demand.overdispersion / 52).squareRoot()
                #expect(
                    abs(weights[weekday] / truth - 1) < 4 * relative,
                    "\(source.group.name) weekday \(weekday): \(weights[weekday]) against \(truth)")
            }
        }
        // Month weights (mean 1 in the scenario and in the estimate), each month about N/12.
        for month in 0..<12 {
            let relative = (12 / n + demand.overdispersion * demand.overdispersion / 30).squareRoot()
            #expect(
                abs(c.monthWeights[month] / demand.monthWeights[month] - 1) < 4 * relative, "month \(month + 1): \(c.monthWeights[month])")
        }
        // Conversion: the police's chance of a referral from the design's tables, against the
        // share of police contacts followed by a referral.
        let police = try #require(demand.sources.first { $0.group == .police })
        var truth = 0.0
        for rag in RAG.allCases {
            for channel in Channel.allCases {
                let table = design.outcomes.table(rag: rag, channel: channel, group: .police)
                truth +=
                    police.rag[rag.rawValue] * police.channels[channel.rawValue]
                    * (table[Outcome.referral.rawValue] + table[Outcome.strategyDiscussion.rawValue])
            }
        }
        let linked = try #require(c.linkedConversion[.police])
        #expect(
            abs(linked.value - truth) < 4 * (truth * (1 - truth) / Double(linked.of)).squareRoot(),
            "police conversion \(linked.value) against \(truth)")
        let start = try #require(c.assessmentStart)
        #expect(abs(start.value - design.outcomes.assessmentStart) < 4 * (0.87 * 0.13 / Double(start.of)).squareRoot(), "\(start.value)")
    }

    @Test func nothingWrittenNamesAChildAndSmallCountsAreSuppressed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-privacy-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Sixty days of contacts, with a rare source (3 contacts) and an unknown spelling (2).
        var rows = ["Child ID,DOB,Contact Date,Source of contact,Worker"]
        var identifiers: [String] = [], births: [String] = []
        for index in 0..<600 {
            let id = "ZQ\(7_000_000 + index * 37)", birth = String(format: "%02d/%02d/20%02d", index % 28 + 1, index % 12 + 1, index % 17)
            identifiers.append(id)
            births.append(birth)
            let date = CivilDate(dayNumber: CivilDate(iso: "2024-04-01")!.dayNumber + index % 60)
            let source = index < 3 ? "Housing" : index < 5 ? "Milkman" : index % 2 == 0 ? "POLICE" : "School"
            rows.append(
                "\(id),\(birth),\(String(format: "%02d/%02d/%04d", date.day, date.month, date.year)),\(source),Ms Worker\(index % 7)")
        }
        try Data(rows.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder + "/contacts.csv"))
        let extract = try AnnexAExtract(list1: folder + "/contacts.csv", codes: Self.codes)
        let c = DemandCalibration(extract)
        let outputs = [
            CalibrationReport.demandYAML(c, extract: extract, base: "base.yaml", baseSources: [.police, .schools]),
            CalibrationReport.dataQualityCSV(extract, c), CalibrationReport.dataQualityHTML(extract, c)
        ]
        for text in outputs {
            for id in identifiers { #expect(!text.contains(id)) }
            for birth in births { #expect(!text.contains(birth)) }
            #expect(!text.contains("Worker"))
        }
        #expect(outputs[0].contains("# <5 contacts (codes 4)"))
        #expect(outputs[1].contains("Milkman,<5") && outputs[2].contains("Milkman</td><td class=\"n\">&lt;5"))
        #expect(extract.unmapped == ["Milkman": 2])
    }

    @Test func timedContactsGiveHourProfilesAndOutcomeFlagsGiveConversion() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-ssd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 300 police contacts over 30 days, two in three at 10:00 and the rest at 22:30; one in
        // five flagged as a new referral. Schools: 20, untimed.
        var list1 = ["Child Unique ID,Date of Contact,Contact Source"],
            ssd = ["contact_id,person_id,contact_date,contact_source_code,new_referral_flag"]
        let start = try #require(CivilDate(iso: "2024-04-01"))
        for index in 0..<320 {
            let date = start.adding(days: index % 30)
            let day = String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
            let code = index < 300 ? "6" : "2A"
            list1.append("P\(index),\(day),\(code)")
            if index < 300 {
                ssd.append("C\(index),P\(index),\(day) \(index % 3 == 2 ? "22:30" : "10:00"),\(code),\(index % 5 == 0 ? "Y" : "N")")
            }
        }
        try Data(list1.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder + "/list1.csv"))
        try Data(ssd.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder + "/ssd.csv"))
        let extract = try AnnexAExtract(list1: folder + "/list1.csv", ssdContacts: folder + "/ssd.csv", codes: Self.codes)
        let c = DemandCalibration(extract)
        let police = try #require(c.sources.first { $0.group == .police })
        let hours = try #require(police.hourWeights)
        #expect(abs(hours[10] - 24 * 2 / 3) < 1e-9 && abs(hours[22] - 24 / 3.0) < 1e-9 && hours[0] == 0)
        #expect(police.referred?.count == 60 && police.referred?.of == 300)
        #expect(c.sources.first { $0.group == .schools }?.hourWeights == nil)
        let yaml = CalibrationReport.demandYAML(c, extract: extract, base: "base.yaml", baseSources: [.police, .schools])
        #expect(yaml.contains("police: 20% of contacts became a new referral (60 of 300, outcome flags)"))
        #expect(yaml.contains("hour_weights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16,"))
    }
}

/// Extracts cut, spliced and sprinkled with stray bytes: each is read or refused with a message,
/// never a crash.
struct CalibrationFuzzTests {
    @Test func mutatedExtractsAreReadOrRefusedNeverCrash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-fuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var rows = ["Child Unique ID,Date of Contact (dd/mm/yyyy),Contact Source"]
        let start = try #require(CivilDate(iso: "2024-04-01"))
        for index in 0..<400 {
            let date = start.adding(days: index % 60)
            rows.append(
                "C\(index),\(String(format: "%02d/%02d/%04d", date.day, date.month, date.year)),\(["6", "POLICE", "a) 2A: Schools", "3B", "Milkman"][index % 5])"
            )
        }
        let original = Array(rows.joined(separator: "\r\n").utf8)
        var generator = SplitMix64(seed: 17)
        let pieces: [[UInt8]] = [
            [0x22], [0x2c], [0x0a], [0x0d], [0xff, 0xfe], [0x00], Array("45382.5".utf8), Array("31/02/2024".utf8), Array("\"\"".utf8), []
        ]
        var refused = 0, read = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let at = Int.random(in: 0..<max(1, bytes.count), using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...200, using: &generator)))
                case 1: bytes.insert(contentsOf: pieces.randomElement(using: &generator)!, at: min(at, bytes.count))
                default: if !bytes.isEmpty { bytes[at] = UInt8.random(in: 0...255, using: &generator) }
                }
            }
            let path = folder + "/mutant.csv"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                let extract = try AnnexAExtract(list1: path, codes: CalibrationTests.codes)
                let c = DemandCalibration(extract)
                let yaml = CalibrationReport.demandYAML(c, extract: extract, base: "base.yaml", baseSources: [.police])
                let tokens = Set(yaml.lowercased().split { !$0.isLetter }.map(String.init))
                #expect(c.contactsPerYear.isFinite && c.overdispersion.isFinite && !tokens.contains("nan") && !tokens.contains("inf"))
                read += 1
            } catch {
                #expect(error.message.hasPrefix(path) || error.message.contains("mutant.csv"), "\(error.message)")
                refused += 1
            }
        }
        #expect(read > 50 && refused > 0, "read \(read), refused \(refused)")
    }
}
