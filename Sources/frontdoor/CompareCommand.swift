import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorApp
import FrontDoorModel
import FrontDoorReports
import ScenarioModel

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run two or more designs on the same demand and compare each with the first.",
        discussion: """
            Every design is run with the same seeds, so each replication feeds the same contacts to every design (common random numbers), and each measure is reported for each design and as a paired difference from the first, with 95% intervals. Writes report.html, summary.csv, differences.csv, budget.csv, daily.csv, replications.csv, summary.json and manifest.json to Output/<names> or the --output folder.

            With --at-standard, each design is first sized to one standard: the cheapest staffing of the teams its scenario marks as sizable (sizing: {teams: [...], max_posts: N}) that meets every target with confidence (the first scenario's targets, or --target, the same for every design) with no team more than 85% busy. The sized designs, named <name>@standard, are then run beside the designs as staffed, on the same contacts; standard.csv and frontier.csv are written too, and the report opens with the designs at the standard.

            Examples:
              frontdoor compare Scenarios/mash.yaml Scenarios/cads.yaml \\
                  Scenarios/integrated-front-door.yaml
              frontdoor compare Scenarios/peterborough.yaml \\
                  Scenarios/what-if/peterborough-second-manager.yaml --precision 0.02
              frontdoor compare Scenarios/mash.yaml Scenarios/cads.yaml \\
                  Scenarios/integrated-front-door.yaml --at-standard
              frontdoor compare Scenarios/mash.yaml Scenarios/cads.yaml --json --no-report
              frontdoor compare Scenarios/mash.yaml Scenarios/cads.yaml \\
                  --set demand.contacts_per_year=25000
            """
    )

    @Argument(help: "The scenario files: the baseline first.")
    var scenarios: [String]

    @OptionGroup var options: ReplicationOptions
    @OptionGroup var what: OverrideOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var shards: ShardOptions

    @Flag(
        help:
            "Size each design to one standard first (the targets, no team over 85% busy) and compare the designs at it beside the designs as staffed."
    )
    var atStandard = false

    @Option(
        name: .customLong("target"),
        help: ArgumentHelp(
            "With --at-standard: a target of the standard, MEASURE>=VALUE or MEASURE<=VALUE, "
                + "the same for every design; may be repeated (default: the first scenario's targets).",
            valueName: "target"))
    var targets: [String] = []

    func validate() throws {
        guard scenarios.count >= 2 else { throw ValidationError("compare needs at least two scenario files: the baseline first") }
        guard atStandard || targets.isEmpty else {
            throw ValidationError("--target sets the standard of --at-standard; add --at-standard, or use 'frontdoor size'")
        }
    }

    func run() throws {
        let loaded = try scenarios.map(what.load)
        if let network = loaded.first(where: { $0.isNetwork }), let frontDoor = loaded.first(where: { !$0.isNetwork }) {
            throw fail(
                "\(network.file) is a queueing network and \(frontDoor.file) a front door: only designs of the same kind can be compared")
        }
        let names = loaded.map(\.name)
        if let shared = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw fail("two scenarios share the name '\(shared)'; give each its own 'scenario:' name")
        }
        guard atStandard else {
            let shard = try shards.resolved()
            try app {
                try App.runDesigns(
                    loaded, settings: options.settings, output: output.request, shard: shard,
                    invocation: Invocation(command: "compare", scenarios: scenarios, overrides: what.overrides))
            }
            return
        }
        try runAtStandard(loaded)
    }

    /// Sizes every design to the standard, then runs the sized designs beside the designs as
    /// staffed on the same seeds, and presents both.
    func runAtStandard(_ loaded: [Scenario]) throws {
        guard try shards.resolved() == nil else {
            throw fail("--at-standard sizes each design before it runs them, which cannot be split into shards; leave out --shard")
        }
        let standard: [SizingTarget]
        do {
            standard = try targets.isEmpty ? loaded[0].targets : targets.map { text throws(SweepError) in try SizingTarget(parsing: text) }
        } catch {
            throw fail(error.message)
        }
        try app { try App.compareAtStandard(loaded, targets: standard, settings: options.settings, output: output.request) }
    }
}
