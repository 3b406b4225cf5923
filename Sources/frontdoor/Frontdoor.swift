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
          frontdoor run Scenarios/benchmarks/tandem.yaml --replications 100 --json
        """,
        version: FrontdoorVersion.current,
        subcommands: [Run.self, Check.self]
    )
}

enum FrontdoorVersion {
    static let current = "0.1.0"
}

/// Options shared by every command that runs replications.
struct ReplicationOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Number of independent replications (different random numbers) to run.")
    var replications = 20

    @Option(name: .shortAndLong, help: "Base seed. The same seed gives the same numbers, and two scenarios run with the same seed see the same arrivals.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "Worker threads (default: all cores). The numbers do not depend on it.")
    var jobs: Int?

    func validate() throws {
        guard (1...100_000).contains(replications) else { throw ValidationError("--replications must be between 1 and 100000, not \(replications)") }
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be between 1 and 1024, not \(jobs)") }
    }

    var settings: ExperimentSettings {
        ExperimentSettings(replications: replications, seed: seed, jobs: jobs ?? ReplicationRunner.availableCores)
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one scenario and report every measure with a 95% confidence interval.",
        discussion: """
        Examples:
          frontdoor run Scenarios/benchmarks/tandem.yaml
          frontdoor run Scenarios/benchmarks/tandem.yaml --replications 100 --jobs 1 --json
          frontdoor run Scenarios/benchmarks/tandem.yaml --output Output/tandem

        Without --json, prints a table of measures. With --json, prints one JSON object:
        {"scenario", "seed", "replications", "events", "wall_seconds", "measures": [...]}.
        With --output DIR, also writes summary.json, summary.csv and replications.csv there.
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @OptionGroup var options: ReplicationOptions

    @Flag(help: "Print one JSON object on standard output instead of a table.")
    var json = false

    @Option(help: "Folder to write summary.json, summary.csv and replications.csv into.")
    var output: String?

    func run() throws {
        let loaded = try loadScenario(scenario)
        let result = Experiment.run(loaded, settings: options.settings)
        if json {
            print(try RunJSON(result).text())
        } else {
            print(SummaryTable.render(result), terminator: "")
        }
        if let output {
            do {
                let written = try OutputFolder(path: output).write(result)
                printError("Wrote \(written.joined(separator: ", "))")
            } catch {
                throw fail("could not write the output folder \(output): \(error.localizedDescription)")
            }
        }
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
          frontdoor check Scenarios/what-if/cads-office-hours.yaml
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    func run() throws {
        print(ScenarioDescription.render(try loadScenario(scenario)), terminator: "")
    }
}

/// Loads a scenario, turning a scenario error into a clean message and exit code 1.
func loadScenario(_ path: String) throws -> Scenario {
    do {
        return try ScenarioLoader.load(path: path)
    } catch {
        throw fail(error.description)
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
