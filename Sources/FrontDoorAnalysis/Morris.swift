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

    /// The values at a point, in their own units.
    public func values(_ point: [Double]) -> [Double] {
        zip(ranges, point).map { range, share in range.low + share * (range.high - range.low) }
    }
}

/// What Morris's screening found for one value, one measure and one design (or difference): the
/// mean of the sizes of its elementary effects (μ*, which ranks it), their mean (μ) and their
/// standard deviation (σ: large against μ* where the effect depends on the other values), each in
/// the measure's unit for a move across the whole range.
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
    /// Runs every point of `plan` — `designs[t][s]` the designs at step `s` of trajectory `t` — on
    /// the same seeds, and returns each value's elementary effects on each of `measures`, ranked
    /// by their mean size.
    public static func run(
        plan: MorrisPlan, designs: [[[Scenario]]], measures: [MeasureID], settings: ExperimentSettings,
        progress: (any ProgressObserver)? = nil
    ) -> [MorrisEffect] {
        // The quantity at each point: per measure, per subject (the design, or each design's
        // difference from the first), the mean over replications.
        var subjects: [String] = []
        var definitions: [MeasureID: MeasureDefinition] = [:]
        let quantities: [[[MeasureID: [Double]]]] = designs.map { trajectory in
            trajectory.map { point in
                let results = point.map { Experiment.run($0, settings: settings, progress: progress) }
                if subjects.isEmpty {
                    subjects =
                        results.count == 1
                        ? [results[0].scenario.name] : results.dropFirst().map { "\($0.scenario.name) − \(results[0].scenario.name)" }
                }
                var byMeasure: [MeasureID: [Double]] = [:]
                for id in measures {
                    guard let first = results[0][id] else { continue }
                    definitions[id] = first.definition
                    byMeasure[id] =
                        results.count == 1
                        ? [first.mean] : results.dropFirst().map { ($0[id]?.mean ?? .nan) - first.mean }
                }
                return byMeasure
            }
        }
        var found: [MorrisEffect] = []
        for id in measures {
            guard let definition = definitions[id] else { continue }
            for (subject, name) in subjects.enumerated() {
                for (value, range) in plan.ranges.enumerated() {
                    var effects: [Double] = []
                    for (t, trajectory) in quantities.enumerated() {
                        guard let step = plan.moved[t].firstIndex(of: value), let before = trajectory[step][id]?[subject],
                            let after = trajectory[step + 1][id]?[subject]
                        else { continue }
                        effects.append((after - before) / MorrisPlan.step)
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
