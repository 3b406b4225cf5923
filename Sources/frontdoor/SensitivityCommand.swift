import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorApp
import FrontDoorModel
import FrontDoorReports
import ScenarioFiles
import ScenarioModel

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Try each assumed value at the low and high ends of its range, one at a time: which could change the answer?",
        discussion: """
            The ranges are the scenario's own (the root key ranges:, which check lists). Each value is set at its low end, then its high end, the others as in the files, and every design run on the same seeds as the designs as they are (the same contacts). With one design, the change in each measure; with two or more, the change in each design's difference from the first, so the question is "does the choice still hold?". Each is classed: flips the answer (the difference changes sign with confidence, or a target met with confidence is missed with confidence), moves it (its 95% interval excludes no change) or negligible. Prints the answer in a sentence and the largest effects; writes sensitivity.csv.

            Examples:
              frontdoor sensitivity Scenarios/cads.yaml --measure assessments.started
              frontdoor sensitivity Scenarios/norfolk-before.yaml Scenarios/cads.yaml \\
                  --measure assessments.unnecessary --measure children.need_missed -r 10
            """
    )

    @Argument(help: "The scenario files (YAML): one design, or two or more compared with the first.")
    var scenarios: [String] = []

    @Option(
        name: .customLong("measure"),
        help: ArgumentHelp("A measure to follow (its name); may be repeated (default: the headline measures).", valueName: "name"))
    var measures: [String] = []

    @Option(
        name: .customLong("target"),
        help: ArgumentHelp(
            "A target, MEASURE>=VALUE or MEASURE<=VALUE, that a value may take one design across; may be repeated "
                + "(default: the scenario's own targets).", valueName: "target"))
    var targets: [String] = []

    @Option(
        help: ArgumentHelp(
            "one-at-a-time: each range at its low and high end, the others as in the files; morris: Morris's screening of every "
                + "range at once, in trajectories that move one value at a time, ranking them and showing interactions.",
            valueName: "one-at-a-time|morris"))
    var method = "one-at-a-time"

    @Option(help: "With --method morris, the number of trajectories (each runs one point more than there are ranges).")
    var trajectories = 10

    @OptionGroup var options: ReplicationOptions
    @OptionGroup var what: OverrideOptions
    @OptionGroup var shards: ShardOptions

    @Option(
        help:
            "Folder for sensitivity.csv and report.html, or morris.csv (default: Output/<scenarios>-sensitivity); with --shard, for the shard's record."
    )
    var output: String?

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario file") }
        guard ["one-at-a-time", "morris"].contains(method) else {
            throw ValidationError("--method is one-at-a-time or morris, not \(method)")
        }
        guard (2...200).contains(trajectories) else { throw ValidationError("--trajectories must be between 2 and 200") }
    }

    func run() throws {
        let plan = try SensitivityPlan.read(
            scenarios: scenarios, what: what, measures: measures, targets: targets, method: method, trajectories: trajectories,
            seed: options.settings.seed)
        if let shard = try shards.resolved() {
            try app {
                try App.runShard(
                    shard, plan.all, settings: options.settings, output: OutputRequest(folder: output),
                    invocation: Invocation(command: "sensitivity", scenarios: scenarios, overrides: what.overrides, vary: plan.options))
            }
            return
        }
        let folder = try app { try App.prepareOutput(output ?? plan.defaultFolder) }
        let comparison = Comparison.run(plan.all, settings: options.settings, progress: ProgressReporter.onTerminal())
        try app { try plan.present(comparison.designs, folder: folder) }
    }
}

/// What `sensitivity` runs, read from its arguments — by the command, or again by `merge` from the
/// shards' record — and how its results are presented.
struct SensitivityPlan {
    enum Method {
        case oneAtATime([SensitivityPoint])
        case morris(MorrisPlan, [[[Scenario]]])
    }

    let designs: [Scenario]
    let method: Method
    let measures: [MeasureID]
    let targets: [MeasureTarget]
    /// The command's own options, as a shard records them (`--measure=…`, `--target=…`,
    /// `--method=…`, `--trajectories=…`).
    let options: [String]

    /// Every design run, in one list (see ``Sensitivity/designs(base:points:)``).
    var all: [Scenario] {
        switch method {
        case .oneAtATime(let points): return Sensitivity.designs(base: designs, points: points)
        case .morris(_, let grid): return Morris.designs(grid)
        }
    }

    var defaultFolder: String { "Output/" + designs.map(\.name).joined(separator: "-vs-") + "-sensitivity" }

    /// Prints and writes the effects found in `results`, the results of ``all`` in order.
    func present(_ results: [ExperimentResult], folder: OutputFolder) throws(AppError) {
        switch method {
        case .oneAtATime(let points):
            _ = try App.presentSensitivity(
                Sensitivity.effects(of: results, base: designs.count, points: points, measures: measures, targets: targets),
                designs: designs, folder: folder)
        case .morris(let plan, _):
            try App.presentMorris(
                Morris.effects(of: results, plan: plan, names: designs.map(\.name), measures: measures), folder: folder)
        }
    }

    /// Reads the designs and every point they are run at, before anything runs: a range whose
    /// end (or a point of the screening) cannot be run is refused at once.
    static func read(
        scenarios: [String], what: OverrideOptions, measures: [String], targets: [String], method: String, trajectories: Int, seed: UInt32
    ) throws -> SensitivityPlan {
        let designs = try scenarios.map { try what.load($0) }
        let chosen = try measures.map { name throws -> MeasureID in
            do throws(MeasureID.Unknown) { return try MeasureID.named(name, among: designs[0].measures.map(\.id)) } catch {
                throw fail("--measure \(name): \(error.message)")
            }
        }
        let parsedTargets: [MeasureTarget]
        do { parsedTargets = try targets.map { text throws(SweepError) in try SizingTarget(parsing: text) } } catch {
            throw fail(error.message)
        }
        // Every range of every design, once, the first design's first.
        var ranges: [AssumptionRange] = []
        for design in designs {
            for range in design.ranges where !ranges.contains(where: { $0.path == range.path }) { ranges.append(range) }
        }
        guard !ranges.isEmpty else {
            throw fail(
                "\(designs[0].file) gives no ranges: add a root key ranges:, such as "
                    + "ranges: {decision_quality.noise: {low: 0.3, high: 1.0, why: \"…\"}}")
        }
        func load(_ path: String, _ design: Scenario, _ values: [(range: AssumptionRange, value: Double)], at place: String) throws
            -> Scenario
        {
            let last = values.last
            let refusal = "\(last?.range.place ?? path): ranges.\(last?.range.path ?? ""): at \(place) (\(Figures.data(last?.value ?? 0))) "
            let scenario: Scenario
            do throws(ScenarioError) {
                scenario = try ScenarioLoader.load(
                    path: path, overrides: what.overrides + values.map { "\($0.range.path)=\(Figures.data($0.value))" })
            } catch {
                throw fail(refusal + "\(design.name) cannot be run: \(error.message)")
            }
            // A design that reads but can decide nothing (a team of 0 making every decision, with
            // no cover) would only pile its contacts up: refused, not run.
            if case .frontDoor(let prepared) = scenario.model, let final = prepared.stages.last {
                let deciders = [final.team] + (final.coverTeam.map { [$0] } ?? [])
                if deciders.allSatisfy({ prepared.teams[$0].workedPosts.isEmpty }) {
                    throw fail(
                        refusal + "\(design.name) has nobody at work in team '\(prepared.teams[final.team].id)', which makes the decision "
                            + "every contact needs: no contact could be decided")
                }
            }
            return scenario
        }
        let gives = { (design: Scenario, range: AssumptionRange) in design.ranges.contains { $0.path == range.path } }
        let chosenMethod: Method
        if method == "morris" {
            let plan = MorrisPlan(ranges: ranges, trajectories: trajectories, seed: seed)
            chosenMethod = .morris(
                plan,
                try plan.points.map { trajectory in
                    try trajectory.map { point in
                        try zip(scenarios, designs).map { path, design in
                            try load(
                                path, design, zip(ranges, plan.values(point)).filter { gives(design, $0.0) }.map { ($0.0, $0.1) },
                                at: "a point of the screening")
                        }
                    }
                })
        } else {
            chosenMethod = .oneAtATime(
                try ranges.flatMap { range in
                    try [SensitivityPoint.End.low, .high].map { end in
                        let value = end == .low ? range.low : range.high
                        return SensitivityPoint(
                            range: range, end: end,
                            designs: try zip(scenarios, designs).map { path, design in
                                gives(design, range) ? try load(path, design, [(range, value)], at: "its \(end.rawValue) end") : nil
                            })
                    }
                })
        }
        return SensitivityPlan(
            designs: designs, method: chosenMethod, measures: chosen.isEmpty ? designs[0].headlineMeasures : chosen,
            targets: parsedTargets.isEmpty ? designs[0].targets : parsedTargets,
            options: measures.map { "--measure=\($0)" } + targets.map { "--target=\($0)" }
                + (method == "morris" ? ["--method=morris", "--trajectories=\(trajectories)"] : []))
    }

    /// The same, from a shard's record: its scenarios, overrides and the options it recorded.
    static func read(record scenarios: [String], what: OverrideOptions, options: [String], seed: UInt32) throws -> SensitivityPlan {
        func values(_ name: String) -> [String] { options.filter { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) } }
        return try read(
            scenarios: scenarios, what: what, measures: values("--measure"), targets: values("--target"),
            method: values("--method").first ?? "one-at-a-time", trajectories: Int(values("--trajectories").first ?? "") ?? 10, seed: seed)
    }
}
