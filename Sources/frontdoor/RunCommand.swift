import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorApp
import FrontDoorModel
import FrontDoorReports

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one scenario and report every measure with a 95% confidence interval.",
        discussion: """
            Prints a table of measures (or, with --json, one JSON object: {"scenario", "seed", "replications", "events", "wall_seconds", "warnings", "measures": [...]}) and writes report.html, summary.csv, budget.csv (for a front door), daily.csv, replications.csv, summary.json and manifest.json to Output/<scenario> or the --output folder.

            Examples:
              frontdoor run Scenarios/peterborough.yaml
              frontdoor run Scenarios/mash.yaml --precision 0.02 \\
                  --output Output/mash-precise
              frontdoor run Scenarios/benchmarks/tandem.yaml --replications 100 \\
                  --jobs 1 --json --no-report
              frontdoor run Scenarios/peterborough.yaml \\
                  --set teams.team_managers.people=2 --output Output/two
            """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @OptionGroup var options: ReplicationOptions
    @OptionGroup var what: OverrideOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var shards: ShardOptions

    func run() throws {
        let loaded = try what.load(scenario), shard = try shards.resolved()
        try app {
            try App.runDesigns(
                [loaded], settings: options.settings, output: output.request, shard: shard,
                invocation: Invocation(command: "run", scenarios: [scenario], overrides: what.overrides))
        }
    }
}
