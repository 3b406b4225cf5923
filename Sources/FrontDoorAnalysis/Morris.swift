import FrontDoorModel
import ScenarioModel
import SimulationEngine

/// Morris's screening design for many ranges at once (Morris 1991): `r` trajectories through the
/// ranges, each starting at a point of a four-level grid and moving one value at a time by two
/// thirds of its range, in a random order. Each move gives an elementary effect of that value;
/// their mean size ranks the values, and their spread shows where a value's effect depends on
/// the others (interactions) or is not straight.
public struct MorrisPlan: Sendable {
    /// The step, as a share of each range: 2/3, for a grid of four levels.
    public static let step = 2.0 / 3
    public let ranges: [AssumptionRange]
    /// `points[t][s][i]`: where trajectory `t`, at step `s`, puts value `i`, as a share of its
    /// range (0: its low end, 1: its high end).
    public let points: [[[Double]]]
    /// `moved[t][s]`: the value moved from step `s` to step `s + 1` of trajectory `t`.
    public let moved: [[Int]]

    /// `trajectories` trajectories through `ranges`, drawn from a stream seeded by `seed` (the
    /// same plan every time).
    public init(ranges: [AssumptionRange], trajectories: Int, seed: UInt32) {
        precondition(!ranges.isEmpty && trajectories >= 2)
        self.ranges = ranges
        let stream = RandomStream(seed: seed)
        var points: [[[Double]]] = [], moved: [[Int]] = []
        for _ in 0..<trajectories {
            // A start on the levels 0 and 1/3, so that a step of 2/3 stays within the range.
            var point = ranges.map { _ in stream.uniform() < 0.5 ? 0 : 1.0 / 3 }
            var order = Array(ranges.indices)
            for index in order.indices.reversed() {
                let other = Int(stream.uniform() * Double(index + 1))
                order.swapAt(index, min(other, index))
            }
            var path = [point]
            for value in order {
                point[value] += Self.step
                path.append(point)
            }
            points.append(path)
            moved.append(order)
        }
        self.points = points
        self.moved = moved
    }

    /// The values at a point, in their own units; a range whose ends are whole numbers (a team's
    /// people, a stage's servers) takes whole numbers, the nearest to the grid's.
    public func values(_ point: [Double]) -> [Double] {
        zip(ranges, point).map { range, share in
            let value = range.low + share * (range.high - range.low)
            return range.low == range.low.rounded() && range.high == range.high.rounded() ? value.rounded() : value
        }
    }
}

/// What Morris's screening found for one value, one measure and one design (or difference): the
/// mean of the sizes of its elementary effects (μ*, which ranks it), their mean (μ) and their
/// standard deviation (σ: large against μ* where the effect depends on the other values), each in
/// the measure's unit for a move across the whole range (each move's change divided by the share
/// of the range it moved).
public struct MorrisEffect: Sendable {
    public let range: AssumptionRange
    public let measure: MeasureDefinition
    public let subject: String
    public let meanSize: Double
    public let mean: Double
    public let spread: Double
    public let effects: [Double]
}

public enum Morris {
    /// Every design to run, in one list: `designs[t][s]`, trajectory by trajectory and step by
    /// step, each named after its place (so that shards and a merge agree on them).
    public static func designs(_ designs: [[[Scenario]]]) -> [Scenario] {
        designs.enumerated().flatMap { t, trajectory in
            trajectory.enumerated().flatMap { s, point in point.map { $0.renamed("\($0.name)[morris \(t + 1).\(s)]") } }
        }
    }

    /// Runs every point of `plan` — `designs[t][s]` the designs at step `s` of trajectory `t` — on
    /// the same seeds, and returns each value's elementary effects on each of `measures`, ranked
    /// by their mean size.
    public static func run(
        plan: MorrisPlan, designs: [[[Scenario]]], measures: [MeasureID], settings: ExperimentSettings,
        progress: (any ProgressObserver)? = nil
    ) -> [MorrisEffect] {
        let comparison = Comparison.run(self.designs(designs), settings: settings, progress: progress)
        return effects(of: comparison.designs, plan: plan, names: designs[0][0].map(\.name), measures: measures)
    }

    /// The effects, from the results of ``designs(_:)`` run in that order (by one process, or by
    /// shards and merged); `names` are the designs' own names, the first design's first.
    public static func effects(of results: [ExperimentResult], plan: MorrisPlan, names: [String], measures: [MeasureID])
        -> [MorrisEffect]
    {
        let perPoint = names.count, steps = plan.ranges.count + 1
        let subjects = perPoint == 1 ? [names[0]] : names.dropFirst().map { "\($0) − \(names[0])" }
        // The quantity at each point: per measure, per subject (the design, or each design's
        // difference from the first), the mean over replications.
        func quantity(_ t: Int, _ s: Int, _ id: MeasureID) -> [Double]? {
            let point = results[(t * steps + s) * perPoint..<(t * steps + s + 1) * perPoint]
            guard let first = point.first?[id] else { return nil }
            return perPoint == 1 ? [first.mean] : point.dropFirst().map { ($0[id]?.mean ?? .nan) - first.mean }
        }
        var found: [MorrisEffect] = []
        for id in measures {
            guard let definition = results.first?[id]?.definition else { continue }
            for (subject, name) in subjects.enumerated() {
                for (value, range) in plan.ranges.enumerated() {
                    var effects: [Double] = []
                    for t in plan.points.indices {
                        guard let step = plan.moved[t].firstIndex(of: value), let before = quantity(t, step, id)?[subject],
                            let after = quantity(t, step + 1, id)?[subject]
                        else { continue }
                        // The share of the range actually moved (whole-number values are rounded).
                        let moved =
                            (plan.values(plan.points[t][step + 1])[value] - plan.values(plan.points[t][step])[value])
                            / (range.high - range.low)
                        if moved > 0 { effects.append((after - before) / moved) }
                    }
                    let sizes = Estimate(effects.map(abs)), signed = Estimate(effects)
                    found.append(
                        MorrisEffect(
                            range: range, measure: definition, subject: name, meanSize: sizes.mean, mean: signed.mean,
                            spread: signed.standardDeviation, effects: effects))
                }
            }
        }
        return found.enumerated().sorted { a, b in
            (a.element.measure.id.name, a.element.subject, -a.element.meanSize, a.offset)
                < (b.element.measure.id.name, b.element.subject, -b.element.meanSize, b.offset)
        }.map(\.element)
    }
}
