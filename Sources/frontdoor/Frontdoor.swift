import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorReports
import ScenarioFiles
import ScenarioModel

@main
struct Frontdoor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontdoor",
        abstract: "Simulate the front door of children's social care and compare ways of organising it.",
        discussion: """
            Examples:
              frontdoor check Scenarios/mash.yaml
              frontdoor run Scenarios/mash.yaml --replications 50
              frontdoor compare Scenarios/mash.yaml Scenarios/cads.yaml \\
                  Scenarios/integrated-front-door.yaml --at-standard
              frontdoor sweep Scenarios/peterborough.yaml \\
                  --vary teams.team_managers.people=1,2,3
              frontdoor size Scenarios/peterborough.yaml --team team_managers \\
                  --target "decided_within_3wd>=0.85"
            """,
        version: FrontdoorVersion.current,
        // Every command gives its name: without it, ArgumentParser works each one out from the
        // type's name by reflection on every start (about 17 million instructions).
        subcommands: [Run.self, Compare.self, Sweep.self, Size.self, Check.self, Merge.self, Calibrate.self, Serve.self]
    )
}

enum FrontdoorVersion {
    static let current = "0.2.0"
}

/// Options shared by every command that runs replications.
struct ReplicationOptions: ParsableArguments {
    @Option(
        name: .shortAndLong, parsing: .unconditional,
        help: "Number of independent replications (different random numbers) to run; with --precision, the number to start with.")
    var replications = 20

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Add replications until every headline measure's 95% interval is within this share of its mean (0.02 = ±2%).",
            valueName: "share"))
    var precision: Double?

    @Option(parsing: .unconditional, help: "The most replications --precision may run (default 200).")
    var maxReplications: Int?

    @Option(
        name: .shortAndLong, parsing: .unconditional,
        help:
            "Base seed, a whole number from 0 to 4294967295. The same seed gives the same numbers, and designs run with the same seed see the same contacts.",
        transform: Self.parseSeed)
    var seed: UInt32 = 1

    /// Reads a seed: every bit of it counts, so seeds wider than 32 bits are refused.
    static func parseSeed(_ text: String) throws -> UInt32 {
        guard let seed = UInt32(text) else {
            throw ValidationError("--seed must be a whole number from 0 to 4294967295, not \(text)")
        }
        return seed
    }

    @Option(name: .shortAndLong, parsing: .unconditional, help: "Worker threads (default: all cores). The numbers do not depend on it.")
    var jobs: Int?

    func validate() throws {
        guard (2...100_000).contains(replications) || (replications == 1 && precision == nil) else {
            throw ValidationError("--replications must be between 1 and 100000 (at least 2 with --precision), not \(replications)")
        }
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be between 1 and 1024, not \(jobs)") }
        if let precision, !(precision > 0 && precision < 1) {
            throw ValidationError("--precision must be a share between 0 and 1, such as 0.02, not \(precision)")
        }
        if let maxReplications {
            guard precision != nil else { throw ValidationError("--max-replications applies only with --precision") }
            guard maxReplications >= replications else { throw ValidationError("--max-replications must be at least --replications") }
        } else if precision != nil && replications > 200 {
            throw ValidationError(
                "--replications \(replications) is more than the default --max-replications of 200: raise --max-replications too")
        }
    }

    var settings: ExperimentSettings {
        ExperimentSettings(
            replications: replications, seed: seed, jobs: jobs ?? ReplicationRunner.availableCores,
            precision: precision, maximumReplications: precision == nil ? replications : maxReplications ?? 200)
    }
}

/// What-if overrides laid over every scenario read.
struct OverrideOptions: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Change one value of the scenario, checked like the file itself; may be repeated. Example: --set teams.team_managers.people=2",
            valueName: "key.path=value"))
    var overrides: [String] = []

    func load(_ path: String) throws -> Scenario {
        try scenario(from: try document(path))
    }

    /// The scenario file and the files it extends, read once, with the overrides laid over it.
    func document(_ path: String) throws -> ScenarioDocument {
        do {
            return try ScenarioDocument.load(
                path: path, overrides: try overrides.map { text throws(ScenarioError) in try ScenarioOverride(text) })
        } catch {
            throw fail(error.description)
        }
    }

    /// The scenario a document describes, or a clear error.
    func scenario(from document: ScenarioDocument) throws -> Scenario {
        do {
            return try document.scenario()
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

    @Flag(help: "Show every measure in the table, not only the headline ones.")
    var all = false

    @Flag(help: "Ignore the terminal's width (or COLUMNS) and print whole lines.")
    var wide = false

    /// The table's layout: the width of the terminal (COLUMNS where set), unless --wide or
    /// standard output is not a terminal; the headline measures unless --all.
    var layout: TerminalLayout { TerminalLayout(width: wide ? nil : terminalWidth(), allMeasures: all) }
}

/// The width tables on standard output must fit: COLUMNS where set, else the terminal's; nil
/// when standard output is not a terminal (a file or a pipe takes whole lines).
func terminalWidth() -> Int? {
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
    guard isatty(STDOUT_FILENO) != 0 else { return nil }
    var size = winsize()
    return ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
}

/// Options for running a share of the work as one task of an array job.
struct ShardOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Run only shard K (from 0) of N of the replications, for an array job; 'auto' reads K and N from Slurm, a Kubernetes Indexed Job or AWS Batch. Merge the shards with 'frontdoor merge'.",
            valueName: "K/N|auto"))
    var shard: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The number of shards, with --shard auto where the engine does not say (a Kubernetes Indexed Job's completions).",
            valueName: "N"))
    var shardCount: Int?

    /// The shard this process runs, if any.
    func resolved() throws -> Shard? {
        guard let shard else {
            if shardCount != nil { throw ValidationError("--shard-count applies only with --shard auto") }
            return nil
        }
        do throws(ShardError) {
            if shard == "auto" { return try Shard(environment: ProcessInfo.processInfo.environment, count: shardCount) }
            if shardCount != nil { throw ShardError("--shard-count applies only with --shard auto") }
            return try Shard(parsing: shard)
        } catch {
            throw fail(error.description)
        }
    }
}

/// What was asked for, as a shard records it so that `merge` can read the same designs again.
struct Invocation {
    let command: String
    let scenarios: [String]
    let overrides: [String]
    let vary: [String]
}

/// How a comparison is shown: as designs (run, compare) or as the points of a sweep.
enum Presentation {
    case designs
    case sweep(axes: [SweepAxis], points: [SweepPoint], measures: [MeasureID])
}

/// Runs the designs (or this process's shard of them), prints the results and writes the report.
func runDesigns(
    _ scenarios: [Scenario], options: ReplicationOptions, output: OutputOptions, shards: ShardOptions,
    invocation: Invocation, presentation: Presentation = .designs
) throws {
    if let shard = try shards.resolved() {
        try runShard(shard, scenarios, options: options, output: output, invocation: invocation)
        return
    }
    let names = scenarios.map(\.name).joined(separator: "-vs-")
    let defaultFolder: String
    switch presentation {
    case .designs: defaultFolder = "Output/" + names
    case .sweep: defaultFolder = "Output/\(scenarios[0].name.prefix { $0 != "[" })-sweep"
    }
    let folder = output.noReport ? nil : try prepareOutput(output.output ?? defaultFolder)
    let comparison = Comparison.run(scenarios, settings: options.settings, progress: ProgressReporter.onTerminal())
    try present(comparison, presentation: presentation, output: output, folder: folder, commandLine: CommandLine.arguments)
}

/// Prints a comparison and writes its files, as `run`, `compare`, `sweep` and `merge` all do.
func present(
    _ comparison: DesignComparison, presentation: Presentation, output: OutputOptions, folder: OutputFolder?, commandLine: [String],
    standard: StandardView? = nil
) throws {
    switch (presentation, output.json) {
    case (.designs, true): print(try summaryJSON(comparison))
    case (.sweep, true): print(try ComparisonJSON(comparison).text())
    case (.designs, false):
        print(
            comparison.designs.count == 1
                ? SummaryTable.render(comparison.baseline, layout: output.layout)
                : ComparisonTable.render(comparison, layout: output.layout), terminator: "")
        if let precision = comparison.precision { print(precision.sentence) }
    case (.sweep(let axes, let points, let measures), false):
        print(
            SweepReport.table(comparison, axes: axes, points: points, measures: measures, width: output.wide ? nil : terminalWidth()),
            terminator: "")
    }
    guard let folder else { return }
    do {
        let manifest = RunManifest(comparison, version: FrontdoorVersion.current, commandLine: commandLine)
        switch presentation {
        case .designs:
            let written = try folder.write(comparison, manifest: manifest, standard: standard)
            printError("Wrote \(written.count) files to \(folder.path)/ (open \(folder.path)/report.html)")
        case .sweep(let axes, let points, let measures):
            try folder.write([
                ("sweep.csv", SweepReport.csv(comparison, axes: axes, points: points)),
                ("report.html", SweepReport.html(comparison, axes: axes, points: points, manifest: manifest, measures: measures)),
                ("manifest.json", try manifest.text())
            ])
            printError("Wrote sweep.csv, report.html and manifest.json to \(folder.path)/")
        }
    } catch let error as OutputError {
        throw fail(error.message)
    } catch {
        throw fail("could not write to \(folder.path): \(error.localizedDescription)")
    }
}

/// Runs one shard's units and writes its record and replications beside the other shards'.
func runShard(_ shard: Shard, _ scenarios: [Scenario], options: ReplicationOptions, output: OutputOptions, invocation: Invocation) throws {
    guard options.precision == nil else {
        throw fail("--precision decides how many replications to run from all of them, so it cannot be sharded: give --replications")
    }
    guard !output.json, !output.noReport else {
        throw fail("a shard writes its replications for 'frontdoor merge' and prints no results: leave out --json and --no-report")
    }
    let folder = output.output ?? "Output/" + scenarios.map(\.name).joined(separator: "-vs-") + "-shards"
    let started = DispatchTime.now()
    let settings = options.settings
    let result = Comparison.run(scenarios, settings: settings, shard: shard, progress: ProgressReporter.onTerminal())
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    let record = ShardRecord(
        result, designs: scenarios, version: FrontdoorVersion.current, command: invocation.command, scenarios: invocation.scenarios,
        overrides: invocation.overrides, vary: invocation.vary, commandLine: CommandLine.arguments, settings: settings, wallSeconds: seconds
    )
    let table = CSVTables.replications(
        scenarios.indices.map { design in
            (scenarios[design], result.units.filter { $0.design == design }.map { ($0.replication, $0.outcome.values) })
        })
    do {
        let written = try record.write(into: folder, replicationsTable: table)
        print(
            "Shard \(shard) ran \(result.units.count) of \(scenarios.count * settings.replications) units (design × replication) in "
                + String(format: "%.1f s", seconds)
                + "; wrote \(written.map { ($0 as NSString).lastPathComponent }.joined(separator: " and ")) to \(folder)/.")
        print("When every shard has run: frontdoor merge \(folder) --output <folder>")
    } catch {
        throw fail(error.message)
    }
}

/// The output folder, checked before any simulation so that a folder that cannot be written is
/// found at once; an interrupt from here on removes any half-written temporary folder.
func prepareOutput(_ path: String) throws -> OutputFolder {
    let folder = OutputFolder(path: path)
    do {
        try folder.checkWritable()
    } catch {
        throw fail(error.message)
    }
    InterruptHandler.install()
    return folder
}

/// On SIGINT or SIGTERM: remove the temporary folder being written, if any, and exit.
enum InterruptHandler {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        guard sources.isEmpty else { return }
        for (signalNumber, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                OutputFolder.removePending()
                exit(status)
            }
            source.resume()
            sources.append(source)
        }
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
