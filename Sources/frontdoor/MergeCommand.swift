import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorApp
import FrontDoorModel
import FrontDoorReports
import ScenarioModel

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shards of a run, comparison, sweep or sensitivity into what one process would have written.",
        discussion: """
            Reads the shard records (shard-K-of-N.json) that 'run', 'compare', 'sweep' or 'sensitivity' wrote with --shard, checks that they are one experiment's (the same version, command, scenario files and their contents, seed and replications) with every unit there exactly once, reads the scenario files again, and prints and writes exactly what the command would have written without --shard. Run it from the folder the shards ran in, so that the scenario paths they recorded are found.

            Examples:
              frontdoor merge Output/shards --output Output/mash-vs-cads
              frontdoor merge node1/Output/shards node2/Output/shards \\
                  --output Output/merged --json
            """
    )

    @Argument(help: "The folders holding the shards' records.")
    var folders: [String]

    @OptionGroup var output: OutputOptions

    func run() throws {
        let set: ShardSet
        do { set = try ShardSet.read(folders: folders) } catch { throw fail(error.message) }
        let record = set.first
        let what = try OverrideOptions.parse(record.overrides.flatMap { ["--set", $0] })
        let designs: [Scenario]
        let presentation: Presentation
        switch record.command {
        case "sweep":
            let (points, axes, grid) = try Sweep.designs(record.scenarios[0], axes: record.vary, what: what)
            designs = points
            presentation = .sweep(axes: axes, points: grid, measures: [])
        case "run", "compare":
            designs = try record.scenarios.map(what.load)
            presentation = .designs
        case "sensitivity":
            let plan = try SensitivityPlan.read(record: record.scenarios, what: what, options: record.vary, seed: record.seed)
            do { try set.check(plan.all) } catch { throw fail(error.message) }
            let settings = ExperimentSettings(replications: record.replications, seed: record.seed, jobs: 1)
            let comparison = Comparison.assemble(plan.all, settings: settings, outcomes: set.outcomes, seconds: set.seconds)
            let folder = try app { try App.prepareOutput(output.output ?? plan.defaultFolder) }
            try app { try plan.present(comparison.designs, folder: folder) }
            return
        default:
            throw fail("the shards were written by a command this version cannot merge ('\(record.command)')")
        }
        do { try set.check(designs) } catch { throw fail(error.message) }
        let settings = ExperimentSettings(replications: record.replications, seed: record.seed, jobs: 1)
        let comparison = Comparison.assemble(designs, settings: settings, outcomes: set.outcomes, seconds: set.seconds)
        let folder =
            output.noReport
            ? nil
            : try app { try App.prepareOutput(output.output ?? "Output/" + designs.map(\.name).joined(separator: "-vs-")) }
        try app {
            try App.present(
                comparison, presentation: presentation, output: output.request, folder: folder,
                commandLine: Self.withoutShard(record.commandLine))
        }
    }

    /// The command line as it would have been without the shard options and the shards' folder.
    static func withoutShard(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext {
                skipNext = false
                continue
            }
            if ["--shard", "--shard-count", "--output"].contains(argument) {
                skipNext = true
                continue
            }
            if ["--shard=", "--shard-count=", "--output="].contains(where: argument.hasPrefix) { continue }
            kept.append(argument)
        }
        return kept
    }
}
