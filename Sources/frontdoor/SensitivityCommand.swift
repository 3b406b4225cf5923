import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorApp
import FrontDoorModel
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

    @Option(help: "Folder for sensitivity.csv (default: Output/<scenarios>-sensitivity).")
    var output: String?

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario file") }
        guard ["one-at-a-time", "morris"].contains(method) else {
            throw ValidationError("--method is one-at-a-time or morris, not \(method)")
        }
        guard (2...200).contains(trajectories) else { throw ValidationError("--trajectories must be between 2 and 200") }
    }

    /// A design read with the values of some ranges set (as --set would set them), or a clear
    /// refusal naming the range that cannot be run.
    func load(_ path: String, design: Scenario, setting values: [(range: AssumptionRange, value: Double, at: String)]) throws -> Scenario {
        do throws(ScenarioError) {
            return try ScenarioLoader.load(path: path, overrides: what.overrides + values.map { "\($0.range.path)=\($0.value)" })
        } catch {
            let last = values.last
            throw fail(
                "\(last?.range.place ?? path): ranges.\(last?.range.path ?? ""): at \(last?.at ?? "a point") (\(last?.value ?? 0)) "
                    + "\(design.name) cannot be run: \(error.message)")
        }
    }

    func run() throws {
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
        let measuresToFollow = chosen.isEmpty ? designs[0].headlineMeasures : chosen
        let folderName = output ?? "Output/" + designs.map(\.name).joined(separator: "-vs-") + "-sensitivity"
        if method == "morris" {
            // Every point of every trajectory is read before anything runs.
            let plan = MorrisPlan(ranges: ranges, trajectories: trajectories, seed: options.settings.seed)
            let grid = try plan.points.map { trajectory in
                try trajectory.map { point in
                    let values = plan.values(point)
                    return try zip(scenarios, designs).map { path, design in
                        let given = zip(ranges, values).filter { range, _ in design.ranges.contains { $0.path == range.path } }
                        return try load(path, design: design, setting: given.map { ($0.0, $0.1, "a point of the screening") })
                    }
                }
            }
            let folder = try app { try App.prepareOutput(folderName) }
            _ = try app {
                try App.morris(plan: plan, designs: grid, measures: measuresToFollow, settings: options.settings, folder: folder)
            }
            return
        }
        // Every point is read before anything runs, so that a range whose end cannot be run is
        // refused at once.
        var points: [SensitivityPoint] = []
        for range in ranges {
            for end in [SensitivityPoint.End.low, .high] {
                let value = end == .low ? range.low : range.high
                let tried = try zip(scenarios, designs).map { path, design throws -> Scenario? in
                    guard design.ranges.contains(where: { $0.path == range.path }) else { return nil }
                    return try load(path, design: design, setting: [(range, value, "its \(end.rawValue) end")])
                }
                points.append(SensitivityPoint(range: range, end: end, designs: tried))
            }
        }
        let folder = try app { try App.prepareOutput(folderName) }
        _ = try app {
            try App.sensitivity(
                designs, points: points, measures: measuresToFollow,
                targets: parsedTargets.isEmpty ? designs[0].targets : parsedTargets, settings: options.settings, folder: folder)
        }
    }
}
