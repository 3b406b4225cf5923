import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorApp
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
        version: App.version,
        // Every command gives its name: without it, ArgumentParser works each one out from the
        // type's name by reflection on every start (about 17 million instructions).
        subcommands: [
            Run.self, Compare.self, Sweep.self, Size.self, SensitivityCommand.self, Check.self, Merge.self, Calibrate.self, Serve.self
        ]
    )
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
    @Option(
        help:
            "Folder for the report and data files — report.html, summary.csv, differences.csv, budget.csv, daily.csv, replications.csv, summary.json, manifest.json (default: Output/<scenario names>)."
    )
    var output: String?

    @Flag(help: "Write no files; print only.")
    var noReport = false

    @Flag(help: "Print one JSON object on standard output instead of a table.")
    var json = false

    @Flag(help: "Show every measure in the table, not only the headline ones.")
    var all = false

    @Flag(help: "Ignore the terminal's width (or COLUMNS) and print whole lines.")
    var wide = false

    /// What the options ask for: the table's layout is the width of the terminal (COLUMNS where
    /// set), unless --wide or standard output is not a terminal, and the headline measures
    /// unless --all.
    var request: OutputRequest {
        OutputRequest(
            folder: output, noReport: noReport, json: json,
            layout: TerminalLayout(width: wide ? nil : App.terminalWidth(), allMeasures: all))
    }
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

/// Runs an application call, turning its error into the command line's: the message on standard
/// error and status 1.
func app<Value>(_ body: () throws -> Value) throws -> Value {
    do {
        return try body()
    } catch let error as AppError {
        throw fail(error.message)
    }
}

/// Prints `message` on standard error and returns the error that exits with status 1.
func fail(_ message: String) -> ExitCode {
    App.printError("error: \(message)")
    return ExitCode.failure
}
