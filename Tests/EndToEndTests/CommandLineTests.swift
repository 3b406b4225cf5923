import Foundation
import FrontDoorTestSupport
import Testing

/// Runs the built `frontdoor` executable, as a user or a script would.
enum Frontdoor {
    /// The executable built beside the test bundle.
    static let executable: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("frontdoor")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        for configuration in ["debug", "release"] {
            let built = URL(fileURLWithPath: packageRoot + "/.build/\(configuration)/frontdoor")
            if FileManager.default.isExecutableFile(atPath: built.path) { return built }
        }
        fatalError("the frontdoor executable has not been built")
    }()

    static func run(_ arguments: [String]) throws -> ProcessOutcome {
        try runProcess(executable, arguments)
    }
}

@Suite struct CommandLineTests {
    static let tandem = "Scenarios/benchmarks/tandem.yaml"

    func json(_ arguments: [String]) throws -> [String: Any] {
        let outcome = try Frontdoor.run(arguments)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    }

    /// At 80 columns every example in the top-level help is a whole command: a line that does not
    /// start one continues the line before it, which ends in a backslash.
    @Test func theTopLevelHelpsExamplesDoNotWrapMidCommand() throws {
        let help = try runProcess(Frontdoor.executable, ["--help"], environment: ["COLUMNS": "80"])
        #expect(help.status == 0)
        let lines = help.standardOutput.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "Examples:")) + 1
        let examples = lines[start...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(examples.count >= 5)
        for (previous, line) in zip([""] + examples.dropLast(), examples) {
            #expect(line.hasPrefix("  frontdoor ") || previous.hasSuffix("\\"), "\(line)")
            #expect(line.count <= 80, "\(line)")
        }
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let object = try json(["run", Self.tandem, "--replications", "3", "--seed", "9", "--json", "--no-report"])
        #expect(object["scenario"] as? String == "tandem")
        #expect(object["seed"] as? Int == 9)
        #expect(object["replications"] as? Int == 3)
        #expect((object["events"] as? Int ?? 0) > 400_000)
        #expect(object["wall_seconds"] as? Double != nil)
        let measures = try #require(object["measures"] as? [[String: Any]])
        let names = measures.compactMap { $0["name"] as? String }
        for name in [
            "contacts.arrived", "contacts.completed", "stage.triage.mean_wait_hours", "stage.triage.utilisation", "stage.triage.completed"
        ] {
            #expect(names.contains(name))
        }
        for measure in measures {
            for key in ["name", "label", "unit", "mean", "ci95_low", "ci95_high", "n"] { #expect(measure[key] != nil, "\(key)") }
        }
    }

    @Test func oneAndTwoJobsGiveIdenticalMeasures() throws {
        let one = try json(["run", Self.tandem, "-r", "4", "--jobs", "1", "--json", "--no-report"])
        let two = try json(["run", Self.tandem, "-r", "4", "--jobs", "2", "--json", "--no-report"])
        let a = try JSONSerialization.data(withJSONObject: one["measures"]!, options: .sortedKeys)
        let b = try JSONSerialization.data(withJSONObject: two["measures"]!, options: .sortedKeys)
        #expect(a == b)
        #expect(one["events"] as? Int == two["events"] as? Int)
    }

    @Test func theTableNamesEveryMeasure() throws {
        let outcome = try Frontdoor.run(["run", Self.tandem, "-r", "2", "--no-report", "--wide"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("95% confidence interval"))
        #expect(outcome.standardOutput.contains("stage.mash.utilisation"))
    }

    @Test func aComparisonFitsTheTerminalInPlainUnits() throws {
        // COLUMNS sets the width, as a shell does; headline measures unless --all.
        let arguments = [
            "compare", "Scenarios/mash.yaml", "Scenarios/cads.yaml", "-r", "2", "--no-report", "--set", "run.horizon_days=120",
            "--set", "run.warm_up_days=30"
        ]
        let narrow = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["COLUMNS=100", Frontdoor.executable.path] + arguments)
        #expect(narrow.status == 0, "\(narrow.standardError)")
        let table = narrow.standardOutput.components(separatedBy: "\n").drop { !$0.hasPrefix("Measure") }.prefix { !$0.isEmpty }
        #expect(table.count > 10 && table.allSatisfy { $0.count <= 100 }, "\(table.map(\.count).max() ?? 0) columns")
        // Shares as percentages, differences in points, money in pounds, n/a where a design lacks
        // a measure (the MASH's screeners are not in the CADS), no exponents.
        #expect(narrow.standardOutput.contains("%") && narrow.standardOutput.contains(" pts") && narrow.standardOutput.contains("£"))
        #expect(narrow.standardOutput.contains("n/a") && !narrow.standardOutput.contains("e-0"))
        #expect(narrow.standardOutput.contains("--all shows every one"))
        let all = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"), ["COLUMNS=100", Frontdoor.executable.path] + arguments + ["--all", "--wide"])
        #expect(all.standardOutput.components(separatedBy: "\n").count > narrow.standardOutput.components(separatedBy: "\n").count + 50)
        #expect(all.standardOutput.contains("Share of contacts from education services"))
    }

    @Test func outputFilesAreWrittenWhole() throws {
        let folder = NSTemporaryDirectory() + "frontdoor-e2e-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try Frontdoor.run(["run", Self.tandem, "-r", "2", "--output", folder])
        #expect(outcome.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["daily.csv", "manifest.json", "replications.csv", "report.html", "summary.csv", "summary.json"])
        let bytes = try #require(FileManager.default.contents(atPath: folder + "/summary.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF]) // the byte-order mark Excel needs
        let summary = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(summary.hasPrefix("scenario,measure,label,unit,mean,ci95_low,ci95_high,n\r\n"))
    }

    @Test func theOutputFolderIsReplacedAsOneUnitAndNeverMixesTwoRuns() throws {
        let parent = NSTemporaryDirectory() + "frontdoor-e2e-\(UUID().uuidString)"
        let folder = parent + "/out"
        defer { try? FileManager.default.removeItem(atPath: parent) }
        // A comparison writes differences.csv; a single run afterwards must not leave it behind.
        #expect(
            try Frontdoor.run([
                "compare", "Scenarios/peterborough.yaml", "Scenarios/what-if/peterborough-second-manager.yaml",
                "-r", "2", "--set", "run.horizon_days=60", "--set", "run.warm_up_days=10", "--output", folder
            ]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/differences.csv"))
        // A temporary folder left by a killed run is cleared.
        let stale = parent + "/.out.partial-999999999"
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        #expect(try Frontdoor.run(["run", Self.tandem, "-r", "2", "--output", folder]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["daily.csv", "manifest.json", "replications.csv", "report.html", "summary.csv", "summary.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
        // A folder holding someone else's file is refused before anything runs, and left alone.
        FileManager.default.createFile(atPath: folder + "/notes.txt", contents: Data("mine".utf8))
        let refused = try Frontdoor.run(["run", Self.tandem, "-r", "2", "--output", folder])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("holds files frontdoor did not write (notes.txt)"))
        #expect(!refused.standardOutput.contains("events"))
        #expect(
            FileManager.default.fileExists(atPath: folder + "/notes.txt")
                && FileManager.default.fileExists(atPath: folder + "/summary.json"))
    }

    @Test func aDesignThatCannotKeepUpMakesNoClaimsInTheReport() throws {
        let folder = NSTemporaryDirectory() + "frontdoor-e2e-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try Frontdoor.run([
            "run", "Scenarios/peterborough.yaml", "-r", "2", "--set", "teams.team_managers.people=0.2",
            "--set", "run.horizon_days=150", "--set", "run.warm_up_days=30", "--output", folder
        ])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("Warning: The backlog grows"))
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        let start = try #require(html.range(of: "<ul class=\"summary\">"))
        let list = String(html[start.upperBound...]).components(separatedBy: "</ul>")[0]
        #expect(list.contains("peterborough cannot keep up with its demand"))
        #expect(!list.contains("of contacts are decided within 3 working days"))
    }

    @Test func identicalRunsWriteIdenticalSummariesApartFromTheirWallTime() throws {
        func summary() throws -> String {
            let folder = NSTemporaryDirectory() + "frontdoor-e2e-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: folder) }
            #expect(try Frontdoor.run(["run", Self.tandem, "-r", "2", "--seed", "5", "--output", folder]).status == 0)
            let text = try String(contentsOfFile: folder + "/summary.json", encoding: .utf8)
            return text.split(separator: "\n").filter { !$0.contains("\"wall_seconds\"") }.joined(separator: "\n")
        }
        let first = try summary()
        #expect(first.contains("\"measures\""))
        #expect(try summary() == first)
    }

    @Test func aBadScenarioExitsNonZeroNamingTheFileLineAndKey() throws {
        let file = NSTemporaryDirectory() + "frontdoor-bad-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let text = try String(contentsOfFile: packageRoot + "/" + Self.tandem, encoding: .utf8)
            .replacingOccurrences(of: "servers: 4", with: "servers: -4")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let outcome = try Frontdoor.run(["run", file, "-r", "1"])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("\(file):"))
        #expect(outcome.standardError.contains("stages.mash.servers: expected a whole number of 1 or more, found '-4'"))
    }

    @Test func badOptionsAndMissingFilesExitNonZeroAndSayWhy() throws {
        // A usage error exits 64 (EX_USAGE) and names the option and the command's help.
        let zero = try Frontdoor.run(["run", Self.tandem, "--replications", "0"])
        #expect(zero.status == 64 && zero.standardError.contains("--replications must be between 1 and 100000"), "\(zero.standardError)")
        #expect(zero.standardError.contains("See 'frontdoor run --help'"))
        let missing = try Frontdoor.run(["run", "no-such-file.yaml"])
        #expect(missing.status == 1 && missing.standardError.contains("no-such-file.yaml"), "\(missing.standardError)")
        let unknown = try Frontdoor.run(["no-such-command"])
        #expect(unknown.status == 64 && unknown.standardError.contains("Unexpected argument 'no-such-command'"), "\(unknown.standardError)")
        #expect(zero.standardOutput.isEmpty && missing.standardOutput.isEmpty && unknown.standardOutput.isEmpty)
    }

    @Test func manyReplicationsNeedNoMaximumWithoutAPrecisionTarget() throws {
        let outcome = try Frontdoor.run(["run", Self.tandem, "-r", "300", "--set", "run.horizon_days=1", "--no-report", "--json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("\"replications\" : 300") || outcome.standardOutput.contains("\"replications\":300"))
    }

    @Test func everyBitOfASeedCountsOrTheSeedIsRefused() throws {
        for seed in ["4294967297", "-1", "1.5"] {
            let outcome = try Frontdoor.run(["run", Self.tandem, "-r", "1", "--seed", seed, "--no-report"])
            #expect(outcome.status != 0)
            #expect(
                outcome.standardError.contains("--seed must be a whole number from 0 to 4294967295, not \(seed)"),
                "\(outcome.standardError)")
        }
        #expect(
            try Frontdoor.run(["run", Self.tandem, "-r", "1", "--seed", "4294967295", "--set", "run.horizon_days=1", "--no-report"]).status
                == 0)
    }

    @Test func checkDescribesAScenarioInPlainWords() throws {
        let outcome = try Frontdoor.run(["check", "Scenarios/cads.yaml"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let text = outcome.standardOutput
        for expected in [
            "Teams", "16 × CADS senior social worker", "Mon–Fri 08:00–22:00", "police (Annex A 6)", "Pathway, in order",
            "a phone line", "Assumptions (", "stages.consultation.phone.patience_minutes (cads.yaml:",
            "a conversation with the caller finds 69% of the children the table would refer (or take to a strategy discussion) who need less",
            "Between steps", "red contacts take the immediate path",
            "police: red 95%, amber 31%, green 6%", "a strategy discussion: 1 of team_managers, 2 of partners meet at once",
            "a manager, who makes or signs off decisions",
            "police_notifications by cads, task screen_contact, on average 25 minutes (amber), 20 minutes (green)",
            "consultation by cads, task screen_contact ×2 because a conversation with the referrer takes longer",
            "Forecasts (1, marked '# forecast')",
            "Sized to one standard by `compare --at-standard`: cads, team_managers, at most 30 posts each"
        ] {
            #expect(text.contains(expected), "missing '\(expected)'")
        }
    }

    @Test func sensitivityTriesEachRangeAndRefusesAnEndThatCannotRunBeforeRunning() throws {
        let folder = NSTemporaryDirectory() + "frontdoor-sensitivity-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func write(_ ranges: String) throws -> String {
            let path = folder + "/ranged.yaml"
            try """
            extends: \(packageRoot)/Scenarios/benchmarks/tandem.yaml
            scenario: ranged
            run: {horizon_days: 60}
            ranges:
            \(ranges)
            """.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let good = try write("  arrivals.per_day: {low: 60, high: 90, why: \"a quieter and a busier year\"}")
        let run = try Frontdoor.run(
            ["sensitivity", good, "--measure", "contacts.mean_time_in_system_hours", "-r", "3", "--output", folder + "/out"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("The answer holds for every assumption tried: none of the 1 ranges flips it"))
        #expect(run.standardOutput.contains("arrivals.per_day") && run.standardOutput.contains("high 90"))
        let csv = try String(contentsOfFile: folder + "/out/sensitivity.csv", encoding: .utf8)
        #expect(csv.components(separatedBy: "\r\n").filter { $0.hasPrefix("arrivals.per_day,60,90,75,") }.count == 2)
        // Morris's screening, through the binary: one row for the one range.
        let morris = try Frontdoor.run(
            [
                "sensitivity", good, "--method", "morris", "--trajectories", "3", "--measure", "contacts.mean_time_in_system_hours", "-r",
                "2", "--output", folder + "/morris"
            ])
        #expect(morris.status == 0 && morris.standardOutput.contains("mean size (μ*)"), "\(morris.standardError)")
        let screening = try String(contentsOfFile: folder + "/morris/morris.csv", encoding: .utf8)
        #expect(screening.components(separatedBy: "\r\n").filter { $0.contains(",arrivals.per_day,60,90,") }.count == 1)
        // An end at which the design cannot run is refused before anything runs.
        let bad = try write("  arrivals.per_day: {low: -5, high: 90, why: \"x\"}")
        let refused = try Frontdoor.run(["sensitivity", bad, "--output", folder + "/never"])
        #expect(
            refused.status == 1 && refused.standardError.contains("ranges.arrivals.per_day: at its low end (-5) ranged cannot be run"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/never"))
        // So is an end at which nobody is left to make the decisions every contact needs.
        let nobody = folder + "/nobody.yaml"
        try """
        extends: \(packageRoot)/Scenarios/mash.yaml
        scenario: nobody
        ranges:
          teams.team_managers.people: {low: 0, high: 8, why: "x"}
        """.write(toFile: nobody, atomically: true, encoding: .utf8)
        let empty = try Frontdoor.run(["sensitivity", nobody, "--output", folder + "/never"])
        #expect(empty.status == 1 && empty.standardError.contains("at its low end (0) nobody has nobody at work in team 'team_managers'"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/never"))
    }

    @Test func checkDescribesDemandBySourceAndThePublishedFigures() throws {
        let outcome = try Frontdoor.run(["check", "Scenarios/typical-council.yaml"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        for expected in [
            "festive ×1.25 from 17 December to 4 January each year", "sent in a batch at 08:00 each working day",
            "september return ×1.2 from 1 September to 30 September", "children per contact: 1: 70%, 2: 20%",
            "10% of new contacts are about a child whose case is open", "of referred children, 44% whose case closed",
            "10% of them needing protection by then",
            "Published figures it should reproduce", "rereferral_rate: 22.6% — Re-referrals within 12 months",
            "Targets every design is judged against", "decided_within_3wd at least 85%", "decisions_per_manager_day.p95 at most 45"
        ] {
            #expect(outcome.standardOutput.contains(expected), "missing '\(expected)'")
        }
    }

    @Test func fatigueBeyondTheEvidenceIsAllowedButFlagged() throws {
        let linder = try Frontdoor.run(["check", "Scenarios/what-if/peterborough-linder-fatigue.yaml"])
        #expect(linder.status == 0 && linder.standardOutput.contains("up to 22.5% more likely"), "\(linder.standardError)")
        #expect(!linder.standardOutput.contains("more than the evidence supports"))
        let danziger = try Frontdoor.run([
            "run", "Scenarios/what-if/peterborough-linder-fatigue.yaml", "-r", "1", "--no-report",
            "--set", "fatigue.default_increase=2", "--set", "run.horizon_days=30", "--set", "run.warm_up_days=5"
        ])
        #expect(danziger.status == 0, "\(danziger.standardError)")
        #expect(
            danziger.standardOutput.contains(
                "Warning: The scenario assumes default decisions 200% more likely when tired. "
                    + "This is more than the evidence supports"))
    }

    @Test func checkNamesTheFileOfAnErrorInAnExtendedFile() throws {
        let folder = NSTemporaryDirectory() + "frontdoor-extends-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "extends: \(packageRoot)/Scenarios/mash.yaml\nscenario: what-if\nteams:\n  team_managers:\n    peple: 6\n"
            .write(toFile: folder + "/what-if.yaml", atomically: true, encoding: .utf8)
        let outcome = try Frontdoor.run(["check", folder + "/what-if.yaml"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("what-if.yaml:5:5: teams.team_managers.peple: unknown key"))
        #expect(outcome.standardError.contains("did you mean 'people'?"))
    }

    @Test func compareWritesEveryFileAndPairedDifferences() throws {
        let folder = NSTemporaryDirectory() + "frontdoor-compare-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try Frontdoor.run([
            "compare", "Scenarios/peterborough.yaml", "Scenarios/what-if/peterborough-second-manager.yaml",
            "-r", "3", "--json", "--output", folder
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(object["baseline"] as? String == "peterborough")
        #expect((object["designs"] as? [[String: Any]])?.count == 2)
        let differences = try #require((object["differences"] as? [[String: Any]])?.first)
        #expect(differences["scenario"] as? String == "peterborough-second-manager")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(
            files == [
                "budget.csv", "daily.csv", "differences.csv", "manifest.json", "replications.csv", "report.html", "summary.csv",
                "summary.json"
            ])
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))) as? [String: Any])
        let designs = try #require(manifest["designs"] as? [[String: Any]])
        let firstFile = try #require((designs[0]["files"] as? [[String: Any]])?.first)
        #expect((firstFile["sha256"] as? String)?.count == 64)
        #expect((manifest["command_line"] as? [String])?.contains("compare") == true)
    }

    @Test func compareAtOneStandardWritesTheStandardAndTheFrontier() throws {
        let folder = NSTemporaryDirectory() + "frontdoor-standard-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try Frontdoor.run([
            "compare", "Scenarios/peterborough.yaml", "Scenarios/what-if/peterborough-second-manager.yaml",
            "--at-standard", "--target", "decided_within_3wd>=80%", "-r", "3",
            "--set", "run.horizon_days=90", "--set", "run.warm_up_days=20",
            "--set", "sizing={teams: [team_managers], max_posts: 4}", "--output", folder
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(
            outcome.standardOutput.contains("At one standard (decided_within_3wd>=80%; no team more than 85% busy):"),
            "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains("peterborough@standard: team_managers 2 (1 as staffed)"), "\(outcome.standardOutput)")
        // Sized to the standard, the two designs are the same front door: neither is the cheaper.
        #expect(
            outcome.standardOutput.contains(
                "Cheapest to meet the standard: peterborough@standard and peterborough-second-manager@standard, "
                    + "which cost the same at it."), "\(outcome.standardOutput)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(Set(["standard.csv", "frontier.csv", "report.html", "summary.csv"]).isSubset(of: Set(files)))
        let standard = try String(contentsOfFile: folder + "/standard.csv", encoding: .utf8)
        #expect(standard.contains("peterborough,team_managers,council,1,2,"), "\(standard)")
        #expect(standard.contains("peterborough-second-manager,team_managers,council,2,2,"), "\(standard)")
        let frontier = try String(contentsOfFile: folder + "/frontier.csv", encoding: .utf8)
        #expect(frontier.contains(",as staffed,"), "\(frontier)")
        let report = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(
            report.contains("<h2>At one standard</h2>")
                && report.range(of: "At one standard")!.lowerBound < report.range(of: "Key figures")!.lowerBound)
        // The standard is a choice of --at-standard, and a network has no teams to size.
        #expect(
            try Frontdoor.run(["compare", "Scenarios/mash.yaml", "Scenarios/cads.yaml", "--target", "decided_within_3wd>=80%"])
                .standardError
                .contains("--target sets the standard of --at-standard"))
    }

    @Test func sizeWithoutATargetUsesTheScenariosOwnAndSaysSo() throws {
        let folder = NSTemporaryDirectory() + "frontdoor-size-own-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try Frontdoor.run([
            "size", "Scenarios/peterborough.yaml", "--team", "team_managers", "--max-posts", "3", "-r", "2",
            "--set", "run.horizon_days=60", "--set", "run.warm_up_days=10", "--output", folder
        ])
        #expect(
            outcome.standardError.contains("Targets: the scenario's own, decided_within_3wd >= 85%; red_decided_within_4wh >= 95%"),
            "\(outcome.standardError)")
        #expect(try String(contentsOfFile: folder + "/sizing.csv", encoding: .utf8).contains("decided_within_3wd"))
    }

    @Test func aValueTakenFromAForecastIsSaidToBeOne() throws {
        let folder = NSTemporaryDirectory() + "frontdoor-forecast-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try Frontdoor.run([
            "compare", "Scenarios/cads.yaml", "Scenarios/what-if/cads-office-hours.yaml", "-r", "1",
            "--set", "run.horizon_days=30", "--set", "run.warm_up_days=0", "--output", folder
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        // Both designs rest on the CADS file's forecast: named together, once.
        #expect(
            report.contains("<strong>cads and cads-office-hours</strong> take a value from a forecast, not from evidence of what happened"))
        #expect(report.contains("stages.consultation.conversation.finds_less_need (cads.yaml:"))
    }

    @Test func aHugeFactorIsPrintedNotTrapped() throws {
        // 1e308 cannot be held as a whole number: check prints it in powers of ten.
        let outcome = try Frontdoor.run(["check", "Scenarios/mash.yaml", "--set", "outcomes.referral_factor_by_channel={phone: 1e308}"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("phone ×1e+308"), "\(outcome.standardOutput)")
        // A vanishingly small day-to-day variation would give a gamma that cannot be drawn from:
        // refused with the key, never trapped in a run.
        let tiny = try Frontdoor.run([
            "run", "Scenarios/mash.yaml", "-r", "1", "--no-report", "--set", "run.horizon_days=30", "--set", "run.warm_up_days=5",
            "--set", "demand.overdispersion=1e-308"
        ])
        #expect(tiny.status == 1 && tiny.standardError.contains("demand.overdispersion"), "\(tiny.standardError)")
    }

    @Test func compareNeedsTwoDesigns() throws {
        let outcome = try Frontdoor.run(["compare", "Scenarios/mash.yaml"])
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("compare needs at least two scenario files: the baseline first"))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func sizeRefusesTeamsItCannotStaffBeforeRunningAnything() throws {
        let team = try Frontdoor.run(["size", "Scenarios/peterborough.yaml", "--team", "nobody", "--target", "backlog.mean<=10"])
        #expect(team.status == 1)
        #expect(team.standardError.contains("no team is called 'nobody'"))
        let network = try Frontdoor.run(["size", Self.tandem, "--team", "triage", "--target", "contacts.completed>=10"])
        #expect(network.status == 1)
        #expect(network.standardError.contains("only a front door has teams"))
    }

    @Test func setOverridesAValueAndIsCheckedLikeTheFile() throws {
        let changed = try Frontdoor.run(["check", "Scenarios/peterborough.yaml", "--set", "teams.team_managers.people=3"])
        #expect(changed.status == 0)
        #expect(changed.standardOutput.contains("team_managers: 3 × front door team manager"))
        #expect(changed.standardOutput.contains("teams.team_managers.people (set on the command line)"))
        let typo = try Frontdoor.run(["check", "Scenarios/peterborough.yaml", "--set", "teams.team_managers.peple=3"])
        #expect(typo.status == 1)
        #expect(typo.standardError.contains("--set teams.team_managers.peple=3: teams.team_managers.peple: unknown key"))
        #expect(typo.standardError.contains("did you mean 'people'?"))
        let wrong = try Frontdoor.run(["check", "Scenarios/peterborough.yaml", "--set", "demand.contacts_per_year=many"])
        #expect(wrong.status == 1)
        #expect(wrong.standardError.contains("expected a number of contacts above 0, found 'many'"))
        #expect(try Frontdoor.run(["check", "Scenarios/peterborough.yaml", "--set", "no-equals-sign"]).status == 1)
    }

    @Test func everyWhatIfFileIsValid() throws {
        let folder = packageRoot + "/Scenarios/what-if"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 6)
        for file in files {
            let outcome = try Frontdoor.run(["check", "Scenarios/what-if/" + file])
            #expect(outcome.status == 0, "\(file): \(outcome.standardError)")
        }
    }

    @Test func sizeWritesAReportWithTheCostOfThePostsSized() throws {
        let folder = NSTemporaryDirectory() + "frontdoor-size-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try Frontdoor.run([
            "size", "Scenarios/peterborough.yaml", "--team", "team_managers", "--target", "decided_within_3wd>=50%",
            "--measure", "backlog.mean", "--max-posts", "3", "-r", "2", "--set", "run.horizon_days=150",
            "--set", "run.warm_up_days=30", "--output", folder
        ])
        #expect(outcome.status == 0 || outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("posts sized, £ a year") && outcome.standardOutput.contains("backlog.mean"))
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        for section in [
            "The answer", "Share of contacts decided within 3 working days", "Contacts waiting for a decision", "Cost of the posts sized"
        ] {
            #expect(html.contains(section), "missing \(section)")
        }
        #expect(html.contains("class=\"target\""))
        let csv = try String(contentsOfFile: folder + "/sizing.csv", encoding: .utf8)
        #expect(csv.contains("sized_posts_cost_gbp_a_year") && csv.contains("backlog.mean.ci95_low"))
    }

    @Test func helpHasExamplesThatFitAnEightyColumnTerminal() throws {
        for command in [
            ["run"], ["compare"], ["check"], ["size"], ["sweep"], ["merge"], ["serve"], ["calibrate", "annex-a"], ["calibrate", "synth"]
        ] {
            let outcome = try runProcess(
                URL(fileURLWithPath: "/usr/bin/env"), ["COLUMNS=80", Frontdoor.executable.path] + command + ["--help"])
            let name = command.joined(separator: " ")
            #expect(outcome.status == 0)
            #expect(outcome.standardOutput.contains("Examples:"), "\(name) --help has no examples")
            // Prose wraps at words within the width; every example line fits, so none is broken
            // by the terminal and each can be pasted (long ones continue with a backslash).
            let lines = outcome.standardOutput.components(separatedBy: "\n")
            for line in lines where !line.hasPrefix("USAGE:") {
                #expect(line.count <= 80, "\(name): \(line)")
            }
            let examples = lines.drop { $0 != "Examples:" }.dropFirst().prefix { !$0.isEmpty }
            #expect(examples.allSatisfy { $0.hasPrefix("  frontdoor ") || $0.hasPrefix("      ") }, "\(name): \(Array(examples))")
        }
    }
}
