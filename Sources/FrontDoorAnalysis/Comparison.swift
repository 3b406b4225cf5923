import Foundation
import FrontDoorModel
import ScenarioModel
import SimulationEngine

/// Two or more designs run on the same demand, with every measure compared with the first design.
///
/// Every design is run with the same seeds, so replication `i` of each design sees the same
/// contacts (common random numbers); a difference is then summarised over the paired
/// replications, which gives a narrower interval than comparing two independent means.
public struct DesignComparison: Sendable {
    /// The designs, the baseline first.
    public let designs: [ExperimentResult]
    /// For each design after the first, the paired difference from the baseline of every measure
    /// the two share, in the design's measure order.
    public let differences: [[MeasureSummary]]
    /// What a precision target reached, if one was set.
    public let precision: PrecisionReport?

    public var baseline: ExperimentResult { designs[0] }
}

/// What `--precision` reached: the target, the replications it took, and whether every headline
/// measure met it.
public struct PrecisionReport: Sendable {
    public let target: Double
    public let replications: Int
    public let maximum: Int
    /// The headline measures still wider than the target (empty when it was met).
    public let unmet: [(scenario: String, measure: MeasureID)]
    /// The widest relative half-width among the headline measures.
    public let worst: Double

    public var met: Bool { unmet.isEmpty }
}

public enum Comparison {
    /// Runs every scenario with the same seeds and compares each with the first.
    public static func run(_ scenarios: [Scenario], settings: ExperimentSettings, progress: (any ProgressObserver)? = nil)
        -> DesignComparison
    {
        let (outcomes, seconds) = replicateAll(scenarios, settings: settings, progress: progress)
        return assemble(scenarios, settings: settings, outcomes: outcomes, seconds: seconds)
    }

    /// The same, or nil when `progress` says the comparison is no longer wanted before it ends
    /// (the replications not yet started are skipped).
    public static func runUnlessCancelled(_ scenarios: [Scenario], settings: ExperimentSettings, progress: any ProgressObserver)
        -> DesignComparison?
    {
        let (outcomes, seconds) = replicateAll(scenarios, settings: settings, progress: progress)
        return progress.isCancelled ? nil : assemble(scenarios, settings: settings, outcomes: outcomes, seconds: seconds)
    }

    /// Every design's replications, as many as the settings (and a precision target) call for.
    static func replicateAll(_ scenarios: [Scenario], settings: ExperimentSettings, progress: (any ProgressObserver)?) -> (
        [[ReplicationOutcome]], [Double]
    ) {
        precondition(!scenarios.isEmpty)
        let seeds = SeedPlan(baseSeed: settings.seed)
        var outcomes = scenarios.map { _ in [ReplicationOutcome]() }
        var seconds = scenarios.map { _ in 0.0 }
        var target = settings.replications
        progress?.expect(scenarios.count * target)
        while true {
            for (index, scenario) in scenarios.enumerated() {
                let started = DispatchTime.now()
                outcomes[index] += Experiment.replicate(
                    scenario, seeds: seeds, first: outcomes[index].count,
                    count: target - outcomes[index].count, jobs: settings.jobs, progress: progress)
                seconds[index] += Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            }
            guard let precision = settings.precision, target < settings.maximumReplications, progress?.isCancelled != true else { break }
            let results = scenarios.indices.map {
                ExperimentResult(scenario: scenarios[$0], settings: settings, outcomes: outcomes[$0], wallSeconds: seconds[$0])
            }
            if results.allSatisfy({ $0.imprecise(at: precision).isEmpty }) { break }
            // Half-widths shrink as 1/√n: add what the widest measure needs, at least a few more.
            let worst = results.map(\.worstRelativeHalfWidth).max() ?? 0
            let needed = Int((Double(target) * (worst / precision) * (worst / precision)).rounded(.up))
            let next = min(settings.maximumReplications, max(target + 5, min(needed, target * 4)))
            progress?.expect(scenarios.count * (next - target))
            target = next
        }
        progress?.finish()
        return (outcomes, seconds)
    }

    /// The comparison of `scenarios` from every replication's outcome of each, in replication
    /// order (however and wherever they were run), and the seconds each design took.
    public static func assemble(
        _ scenarios: [Scenario], settings: ExperimentSettings, outcomes: [[ReplicationOutcome]],
        seconds: [Double]
    ) -> DesignComparison {
        let target = outcomes[0].count
        var final = settings
        final.replications = target
        let designs = scenarios.indices.map {
            ExperimentResult(scenario: scenarios[$0], settings: final, outcomes: outcomes[$0], wallSeconds: seconds[$0])
        }
        let differences = designs.indices.map { $0 == 0 ? [] : pairedDifferences(designs[$0], from: designs[0]) }
        var report: PrecisionReport?
        if let precision = settings.precision {
            let unmet = designs.flatMap { design in design.imprecise(at: precision).map { (design.scenario.name, $0.id) } }
            let worst = designs.map(\.worstRelativeHalfWidth).max() ?? 0
            report = PrecisionReport(
                target: precision, replications: target, maximum: settings.maximumReplications, unmet: unmet, worst: worst)
        }
        return DesignComparison(designs: designs, differences: differences, precision: report)
    }

    /// Design minus baseline, replication by replication, for every measure both have.
    public static func pairedDifferences(_ design: ExperimentResult, from baseline: ExperimentResult) -> [MeasureSummary] {
        design.scenario.measures.compactMap { definition in
            guard let mine = design.column(definition.id), let theirs = baseline.column(definition.id) else { return nil }
            return MeasureSummary(definition, values: zip(mine, theirs).map { $0 - $1 }, difference: true)
        }
    }

    /// The half-width of the 95% interval of a difference between two independent means
    /// (Welch), for showing what pairing saves.
    public static func unpairedHalfWidth(_ a: MeasureSummary, _ b: MeasureSummary) -> Double {
        let va = a.standardDeviation * a.standardDeviation / Double(a.n)
        let vb = b.standardDeviation * b.standardDeviation / Double(b.n)
        let se = (va + vb).squareRoot()
        guard se > 0 else { return 0 }
        let dof = (va + vb) * (va + vb) / (va * va / Double(a.n - 1) + vb * vb / Double(b.n - 1))
        return StudentT.quantile(0.975, degreesOfFreedom: max(1, Int(dof.rounded(.down)))) * se
    }
}
