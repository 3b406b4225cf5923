import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorApp
import FrontDoorModel
import FrontDoorReports
import ScenarioFiles
import ScenarioModel

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario over a grid of values of one or two keys, on the same demand.",
        discussion: """
            Each point of the grid is the scenario with the values set (as --set would), run with the same seeds, so every point sees the same contacts. Prints the headline measures at each point and writes sweep.csv (every measure at every point, with its interval), report.html (a chart per headline measure: a line for one key, a heat map for two) and manifest.json.

            Examples:
              frontdoor sweep Scenarios/peterborough.yaml \\
                  --vary teams.team_managers.people=1,2,3
              frontdoor sweep Scenarios/mash.yaml \\
                  --vary teams.team_managers.people=3,4,5,6 \\
                  --vary teams.screeners.people=12,14,16
              frontdoor sweep Scenarios/cads.yaml \\
                  --vary stages.consultation.task_scale.factor=1.5,2,2.5 -r 30
            """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(
        name: .customLong("vary"), help: ArgumentHelp("A key and the values it takes; one or two of these.", valueName: "key.path=v1,v2,…"))
    var axes: [String] = []

    @Option(
        name: .customLong("measure"),
        help: ArgumentHelp(
            "A measure to show (its name, such as backlog.p95); may be repeated. "
                + "Default: the headline measures, the busiest day's decisions and the cost.", valueName: "name"))
    var measures: [String] = []

    @OptionGroup var options: ReplicationOptions
    @OptionGroup var what: OverrideOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var shards: ShardOptions

    func validate() throws {
        guard (1...2).contains(axes.count) else { throw ValidationError("give one or two --vary options") }
    }

    func run() throws {
        let (designs, parsed, points) = try Self.designs(scenario, axes: axes, what: what)
        let chosen = try measures.map { name throws -> MeasureID in
            do throws(MeasureID.Unknown) { return try MeasureID.named(name, among: designs[0].measures.map(\.id)) } catch {
                throw fail("--measure \(name): \(error.message)")
            }
        }
        let shard = try shards.resolved()
        try app {
            try App.runDesigns(
                designs, settings: options.settings, output: output.request, shard: shard,
                invocation: Invocation(command: "sweep", scenarios: [scenario], overrides: what.overrides, vary: axes),
                presentation: .sweep(axes: parsed, points: points, measures: chosen))
        }
    }

    /// Every point of the grid as a design: the scenario with the point's values set.
    static func designs(_ scenario: String, axes: [String], what: OverrideOptions) throws -> ([Scenario], [SweepAxis], [SweepPoint]) {
        let parsed: [SweepAxis]
        do { parsed = try axes.map { text throws(SweepError) in try SweepAxis(parsing: text) } } catch { throw fail(error.message) }
        let points = SweepPoint.grid(parsed)
        let document = try what.document(scenario)
        let base = try what.scenario(from: document)
        let designs = try points.map { point in
            let overrides: [ScenarioOverride]
            do throws(ScenarioError) {
                overrides = try zip(parsed, point.values).map { axis, value throws(ScenarioError) in
                    try ScenarioOverride(key: axis.key, value: value, option: "--vary")
                }
            } catch {
                throw fail(error.description)
            }
            return try what.scenario(from: document.applying(overrides)).renamed(point.name(base: base.name, axes: parsed))
        }
        return (designs, parsed, points)
    }
}
