import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorReports

@main
struct Frontdoor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontdoor",
        abstract: "Simulate the front door of children's social care and compare ways of organising it.",
        discussion: """
        Examples:
          frontdoor check Scenarios/mash.yaml
          frontdoor run Scenarios/mash.yaml --replications 50
          frontdoor compare Scenarios/mash.yaml Scenarios/cads.yaml Scenarios/integrated-front-door.yaml
          frontdoor sweep Scenarios/peterborough.yaml --vary teams.team_manager.people=1,2,3
          frontdoor size Scenarios/peterborough.yaml --team team_manager --target "decided_within_3wd>=0.85"
        """,
        version: FrontdoorVersion.current,
        subcommands: [Run.self, Compare.self, Sweep.self, Size.self, Check.self]
    )
}

enum FrontdoorVersion {
    static let current = "0.2.0"
}

/// Options shared by every command that runs replications.
struct ReplicationOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Number of independent replications (different random numbers) to run; with --precision, the number to start with.")
    var replications = 20

    @Option(help: ArgumentHelp("Add replications until every headline measure's 95% interval is within this share of its mean (0.02 = ±2%).", valueName: "share"))
    var precision: Double?

    @Option(help: "The most replications --precision may run.")
    var maxReplications = 200

    @Option(name: .shortAndLong, help: "Base seed. The same seed gives the same numbers, and designs run with the same seed see the same contacts.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "Worker threads (default: all cores). The numbers do not depend on it.")
    var jobs: Int?

    func validate() throws {
        guard (2...100_000).contains(replications) || (replications == 1 && precision == nil) else {
            throw ValidationError("--replications must be between 1 and 100000 (at least 2 with --precision), not \(replications)")
        }
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be between 1 and 1024, not \(jobs)") }
        if let precision, !(precision > 0 && precision < 1) { throw ValidationError("--precision must be a share between 0 and 1, such as 0.02, not \(precision)") }
        guard maxReplications >= replications else { throw ValidationError("--max-replications must be at least --replications") }
    }

    var settings: ExperimentSettings {
        ExperimentSettings(replications: replications, seed: seed, jobs: jobs ?? ReplicationRunner.availableCores,
                           precision: precision, maximumReplications: maxReplications)
    }
}

/// What-if overrides laid over every scenario read.
struct OverrideOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Change one value of the scenario, checked like the file itself; may be repeated. Example: --set teams.team_manager.people=2",
        valueName: "key.path=value"))
    var overrides: [String] = []

    func load(_ path: String) throws -> Scenario {
        do {
            return try ScenarioLoader.load(path: path, overrides: overrides)
        } catch {
            throw fail(error.description)
        }
    }
}

/// Options for where the report goes.
struct OutputOptions: ParsableArguments {
    @Option(help: "Folder for the report and data files (default: Output/<scenario names>).")
    var output: String?

    @Flag(help: "Write no files; print only.")
    var noReport = false

    @Flag(help: "Print one JSON object on standard output instead of a table.")
    var json = false
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one scenario and report every measure with a 95% confidence interval.",
        discussion: """
        Prints a table of measures (or, with --json, one JSON object: {"scenario", "seed",
        "replications", "events", "wall_seconds", "warnings", "measures": [...]}) and writes
        report.html, summary.csv, daily.csv, replications.csv, summary.json and manifest.json to
        Output/<scenario> or the --output folder.

        Examples:
          frontdoor run Scenarios/peterborough.yaml
          frontdoor run Scenarios/mash.yaml --precision 0.02 --output Output/mash-precise
          frontdoor run Scenarios/benchmarks/tandem.yaml --replications 100 --jobs 1 --json --no-report
          frontdoor run Scenarios/peterborough.yaml --set teams.team_manager.people=2 --output Output/two
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @OptionGroup var options: ReplicationOptions
    @OptionGroup var what: OverrideOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runDesigns([try what.load(scenario)], options: options, output: output)
    }
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run two or more designs on the same demand and compare each with the first.",
        discussion: """
        Every design is run with the same seeds, so each replication feeds the same contacts to
        every design (common random numbers), and each measure is reported for each design and as
        a paired difference from the first, with 95% intervals. Writes report.html,
        summary.csv, differences.csv, daily.csv, replications.csv, summary.json and
        manifest.json to Output/<names> or the --output folder.

        Examples:
          frontdoor compare Scenarios/mash.yaml Scenarios/cads.yaml Scenarios/integrated-front-door.yaml
          frontdoor compare Scenarios/peterborough.yaml Scenarios/what-if/peterborough-second-manager.yaml --precision 0.02
          frontdoor compare Scenarios/mash.yaml Scenarios/cads.yaml --json --no-report
          frontdoor compare Scenarios/mash.yaml Scenarios/cads.yaml --set demand.contacts_per_year=25000
        """
    )

    @Argument(help: "The scenario files: the baseline first.")
    var scenarios: [String]

    @OptionGroup var options: ReplicationOptions
    @OptionGroup var what: OverrideOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard scenarios.count >= 2 else { throw ValidationError("compare needs at least two scenario files: the baseline first") }
    }

    func run() throws {
        let loaded = try scenarios.map(what.load)
        let names = loaded.map(\.name)
        guard Set(names).count == names.count else {
            throw fail("two scenarios share the name '\(names.first { name in names.filter { $0 == name }.count > 1 }!)'; give each its own 'scenario:' name")
        }
        try runDesigns(loaded, options: options, output: output)
    }
}

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario over a grid of values of one or two keys, on the same demand.",
        discussion: """
        Each point of the grid is the scenario with the values set (as --set would), run with the
        same seeds, so every point sees the same contacts. Prints the headline measures at each
        point and writes sweep.csv (every measure at every point, with its interval), report.html
        (a chart per headline measure: a line for one key, a heat map for two) and manifest.json.

        Examples:
          frontdoor sweep Scenarios/peterborough.yaml --vary teams.team_manager.people=1,2,3
          frontdoor sweep Scenarios/mash.yaml --vary teams.team_managers.people=3,4,5,6 --vary teams.screeners.people=12,14,16
          frontdoor sweep Scenarios/cads.yaml --vary stages.consultation.minutes=30,40,50 -r 30
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .customLong("vary"), help: ArgumentHelp("A key and the values it takes; one or two of these.", valueName: "key.path=v1,v2,…"))
    var axes: [String] = []

    @OptionGroup var options: ReplicationOptions
    @OptionGroup var what: OverrideOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...2).contains(axes.count) else { throw ValidationError("give one or two --vary options") }
    }

    func run() throws {
        let parsed: [SweepAxis]
        do { parsed = try axes.map { text throws(SweepError) in try SweepAxis(parsing: text) } } catch { throw fail(error.message) }
        let points = SweepPoint.grid(parsed)
        let base = try what.load(scenario)
        let designs = try points.map { point in
            var overrides = OverrideOptions()
            overrides.overrides = what.overrides + point.overrides(parsed)
            return try overrides.load(scenario).renamed(point.name(base: base.name, axes: parsed))
        }
        let comparison = Comparison.run(designs, settings: options.settings, progress: ProgressReporter.onTerminal())
        if output.json {
            print(try ComparisonJSON(comparison).text())
        } else {
            print(SweepReport.table(comparison, axes: parsed, points: points), terminator: "")
        }
        guard !output.noReport else { return }
        let folder = output.output ?? "Output/\(base.name)-sweep"
        do {
            let manifest = RunManifest(comparison, version: FrontdoorVersion.current, commandLine: CommandLine.arguments)
            let files = OutputFolder(path: folder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = try files.writeAtomically(SweepReport.csv(comparison, axes: parsed, points: points), to: "sweep.csv")
            _ = try files.writeAtomically(SweepReport.html(comparison, axes: parsed, points: points, manifest: manifest), to: "report.html")
            _ = try files.writeAtomically(try manifest.text(), to: "manifest.json")
            printError("Wrote sweep.csv, report.html and manifest.json to \(folder)/")
        } catch {
            throw fail("could not write the sweep to \(folder): \(error.localizedDescription)")
        }
    }
}

struct Size: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the smallest staffing of one or more teams that meets every target with confidence.",
        discussion: """
        A target is met with confidence when the lower end of its 95% interval reaches a >=
        value, or the upper end stays within a <= value. Every staffing tried is run with the
        same seeds (the same contacts). With several teams, the answer is the cheapest staffing
        that meets every target. Prints each staffing tried and why the answer is the answer;
        writes sizing.csv.

        Examples:
          frontdoor size Scenarios/peterborough.yaml --team team_manager --target "decided_within_3wd>=0.85" --target "decisions_per_decider_day.p95<=40"
          frontdoor size Scenarios/mash.yaml --team team_managers --team screeners --target "decided_within_1wd>=0.6" --max-posts 20
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .customLong("team"), help: "A team to size (its id under teams:); may be repeated.")
    var teams: [String] = []

    @Option(name: .customLong("target"), help: ArgumentHelp("A target, MEASURE>=VALUE or MEASURE<=VALUE; may be repeated.", valueName: "target"))
    var targets: [String] = []

    @Option(help: "The most posts to try in any one team.")
    var maxPosts = 12

    @OptionGroup var options: ReplicationOptions
    @OptionGroup var what: OverrideOptions

    @Option(help: "Folder for sizing.csv (default: Output/<scenario>-sizing).")
    var output: String?

    func validate() throws {
        guard !teams.isEmpty, !targets.isEmpty else { throw ValidationError("give at least one --team and one --target") }
        guard (1...200).contains(maxPosts) else { throw ValidationError("--max-posts must be between 1 and 200") }
    }

    func run() throws {
        let parsedTargets: [SizingTarget]
        do { parsedTargets = try targets.map { text throws(SweepError) in try SizingTarget(parsing: text) } } catch { throw fail(error.message) }
        let base = try what.load(scenario)
        guard case .frontDoor(let design) = base.model else { throw fail("size works on front-door scenarios (with teams)") }
        for team in teams where !design.teams.contains(where: { $0.id == team }) {
            throw fail("\(scenario): no team is called '\(team)'; expected one of \(design.teams.map(\.id).joined(separator: ", "))")
        }
        let result: SizingResult
        do {
            result = try Sizing.run(teams: teams, targets: parsedTargets, maximumPosts: maxPosts, settings: options.settings,
                                    progress: ProgressReporter.onTerminal()) { posts in
                var overrides = OverrideOptions()
                overrides.overrides = what.overrides + zip(teams, posts).map { "teams.\($0).people=\($1)" }
                return try overrides.load(scenario).renamed(base.name + "[" + zip(teams, posts).map { "\($0)=\($1)" }.joined(separator: ",") + "]")
            }
        } catch let error as SweepError {
            throw fail(error.message)
        }
        print(SizingReport.table(result, scenario: base.name), terminator: "")
        let folder = output ?? "Output/\(base.name)-sizing"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = try OutputFolder(path: folder).writeAtomically(SizingReport.csv(result), to: "sizing.csv")
            printError("Wrote \(folder)/sizing.csv")
        } catch {
            throw fail("could not write \(folder)/sizing.csv: \(error.localizedDescription)")
        }
        if result.answer == nil { throw ExitCode(2) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file and describe it in plain words.",
        discussion: """
        Reads the scenario (and any file it extends), reports the first problem with its file,
        line and key, or prints what it describes: teams, people and hours, demand a year by
        source, the pathway, and every value marked as an assumption.

        Examples:
          frontdoor check Scenarios/cads.yaml
          frontdoor check Scenarios/what-if/peterborough-second-manager.yaml
          frontdoor check Scenarios/mash.yaml --set stages.decide.minutes=20
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @OptionGroup var what: OverrideOptions

    func run() throws {
        print(ScenarioDescription.render(try what.load(scenario)), terminator: "")
    }
}

/// Runs the designs, prints the results and writes the report.
func runDesigns(_ scenarios: [Scenario], options: ReplicationOptions, output: OutputOptions) throws {
    let comparison = Comparison.run(scenarios, settings: options.settings, progress: ProgressReporter.onTerminal())
    if output.json {
        print(try summaryJSON(comparison))
    } else {
        print(scenarios.count == 1 ? SummaryTable.render(comparison.baseline) : ComparisonTable.render(comparison), terminator: "")
        if let precision = comparison.precision { print(precision.sentence) }
    }
    guard !output.noReport else { return }
    let folder = output.output ?? "Output/" + scenarios.map(\.name).joined(separator: "-vs-")
    do {
        let manifest = RunManifest(comparison, version: FrontdoorVersion.current, commandLine: CommandLine.arguments)
        let written = try OutputFolder(path: folder).write(comparison, manifest: manifest)
        printError("Wrote \(written.count) files to \(folder)/ (open \(folder)/report.html)")
    } catch {
        throw fail("could not write the report to \(folder): \(error.localizedDescription)")
    }
}

/// Prints `message` on standard error and returns the error that exits with status 1.
func fail(_ message: String) -> ExitCode {
    printError("error: \(message)")
    return ExitCode.failure
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
