import FrontDoorModel
import ScenarioModel

/// One assumption's range tried at one of its ends: every design with the value set there (a
/// design that does not give the value runs as it is).
public struct SensitivityPoint: Sendable {
    public enum End: String, Sendable { case low, high }

    public let range: AssumptionRange
    public let end: End
    /// The designs, in the order of the designs as they are; nil where the design does not give
    /// the value (it is then the design as it is).
    public let designs: [Scenario?]

    public init(range: AssumptionRange, end: End, designs: [Scenario?]) {
        self.range = range
        self.end = end
        self.designs = designs
    }

    /// The value tried.
    public var value: Double { end == .low ? range.low : range.high }
}

/// How one assumption at one end of its range changes one measure — of the design, or, for two
/// or more designs, of the difference between a design and the first — against the designs as
/// they are, paired replication by replication on the same seeds.
public struct SensitivityEffect: Sendable {
    /// What the change does to the answer.
    public enum Kind: String, Sendable {
        /// The difference between two designs changes sign with confidence, or a target met with
        /// confidence is missed with confidence (or the other way round).
        case flips = "flips the answer"
        /// The change's 95% interval excludes no change.
        case moves = "moves it"
        case negligible
    }

    public let point: SensitivityPoint
    public let measure: MeasureDefinition
    /// The design, or "design − first design".
    public let subject: String
    /// The quantity with the designs as they are, and with the value at the end.
    public let base: Estimate
    public let atEnd: Estimate
    /// The change from the designs as they are, paired by replication.
    public let change: Estimate
    public let kind: Kind
}

/// One value at a time at each end of its range, the others as in the files: what changes, and
/// whether the answer does.
///
/// ```swift
/// let effects = Sensitivity.run(base: [mash, cads], points: points, measures: [MeasureID(.assessmentsStarted)],
///                               settings: ExperimentSettings(replications: 10, seed: 1, jobs: 2))
/// effects.filter { $0.kind == .flips }      // the assumptions the choice rests on
/// ```
public enum Sensitivity {
    /// Every design to run, in one list: the designs as they are, then each point's designs that
    /// give its value, named after the value they try (so that shards and a merge agree on them).
    public static func designs(base: [Scenario], points: [SensitivityPoint]) -> [Scenario] {
        base
            + points.flatMap { point in
                point.designs.compactMap { design in
                    design?.renamed("\(design?.name ?? "")[\(point.range.path)=\(point.end.rawValue)]")
                }
            }
    }

    /// Runs the designs as they are and at every point, on the same seeds, and measures each
    /// effect on `measures`; with one design, a change that takes it across one of `targets`
    /// flips the answer.
    public static func run(
        base: [Scenario], points: [SensitivityPoint], measures: [MeasureID], targets: [MeasureTarget] = [], settings: ExperimentSettings,
        progress: (any ProgressObserver)? = nil
    ) -> [SensitivityEffect] {
        let comparison = Comparison.run(designs(base: base, points: points), settings: settings, progress: progress)
        return effects(of: comparison.designs, base: base.count, points: points, measures: measures, targets: targets)
    }

    /// The effects, from the results of ``designs(base:points:)`` run in that order (by one
    /// process, or by shards and merged).
    public static func effects(
        of results: [ExperimentResult], base: Int, points: [SensitivityPoint], measures: [MeasureID], targets: [MeasureTarget] = []
    ) -> [SensitivityEffect] {
        precondition(base >= 1 && points.allSatisfy { $0.designs.count == base })
        let asTheyAre = Array(results.prefix(base))
        var next = base, found: [SensitivityEffect] = []
        for point in points {
            let tried = zip(point.designs, asTheyAre).map { design, result -> ExperimentResult in
                guard design != nil else { return result }
                defer { next += 1 }
                return results[next]
            }
            for id in measures {
                found += effects(of: point, on: id, asTheyAre: asTheyAre, tried: tried, targets: targets)
            }
        }
        return found
    }

    /// The effects of `point` on measure `id`: on the design, or on each design's difference
    /// from the first.
    static func effects(
        of point: SensitivityPoint, on id: MeasureID, asTheyAre: [ExperimentResult], tried: [ExperimentResult], targets: [MeasureTarget]
    ) -> [SensitivityEffect] {
        guard let definition = asTheyAre[0][id]?.definition else { return [] }
        // The quantity per replication: the design's value, or a design's minus the first's.
        func quantities(_ results: [ExperimentResult]) -> [(subject: String, values: [Double])] {
            guard let first = results[0].column(id) else { return [] }
            if results.count == 1 { return [(asTheyAre[0].scenario.name, first)] }
            return results.indices.dropFirst().compactMap { index in
                results[index].column(id).map { column in
                    ("\(asTheyAre[index].scenario.name) − \(asTheyAre[0].scenario.name)", zip(column, first).map { $0 - $1 })
                }
            }
        }
        let before = quantities(asTheyAre), after = quantities(tried)
        let share = definition.unit == .fraction && asTheyAre.count == 1
        return zip(before, after).map { was, now in
            let base = Estimate(was.values, within: share ? 0...1 : nil)
            let atEnd = Estimate(now.values, within: share ? 0...1 : nil)
            let change = Estimate(zip(now.values, was.values).map { $0 - $1 })
            var kind = SensitivityEffect.Kind.negligible
            if change.ci95Low > 0 || change.ci95High < 0 { kind = .moves }
            if asTheyAre.count > 1 {
                let sign = { (e: Estimate) -> Int in e.ci95Low > 0 ? 1 : e.ci95High < 0 ? -1 : 0 }
                if sign(base) * sign(atEnd) == -1 { kind = .flips }
            } else {
                for target in targets where target.measure == id {
                    let wasMet = target.isMet(low: base.ci95Low, high: base.ci95High)
                    let wasMissed = target.isMissed(low: base.ci95Low, high: base.ci95High)
                    let isMet = target.isMet(low: atEnd.ci95Low, high: atEnd.ci95High)
                    let isMissed = target.isMissed(low: atEnd.ci95Low, high: atEnd.ci95High)
                    if (wasMet && isMissed) || (wasMissed && isMet) { kind = .flips }
                }
            }
            return SensitivityEffect(
                point: point, measure: definition, subject: was.subject, base: base, atEnd: atEnd, change: change, kind: kind)
        }
    }
}
