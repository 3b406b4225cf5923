import Foundation
import FrontDoorModel
import SimulationEngine

/// The settings of an experiment: how many replications, from which seed, on how many threads.
public struct ExperimentSettings: Sendable {
    public var replications: Int
    public var seed: UInt32
    public var jobs: Int
    /// When set, replications are added until the 95% half-width of every headline measure is
    /// within this share of its mean (0.05 = ±5%), up to `maximumReplications`.
    public var precision: Double?
    public var maximumReplications: Int

    public init(replications: Int, seed: UInt32, jobs: Int, precision: Double? = nil, maximumReplications: Int = 500) {
        self.replications = replications
        self.seed = seed
        self.jobs = jobs
        self.precision = precision
        self.maximumReplications = maximumReplications
    }
}

/// The results of running one scenario for several replications.
public struct ExperimentResult: Sendable {
    public let scenario: Scenario
    public let settings: ExperimentSettings
    /// Each measure across the replications, in the scenario's measure order.
    public let summaries: [MeasureSummary]
    /// What every replication produced, in replication order.
    public let outcomes: [ReplicationOutcome]
    /// Wall-clock time of the replications.
    public let wallSeconds: Double

    public init(scenario: Scenario, settings: ExperimentSettings, outcomes: [ReplicationOutcome], wallSeconds: Double) {
        self.scenario = scenario
        self.settings = settings
        self.outcomes = outcomes
        self.wallSeconds = wallSeconds
        let definitions = scenario.measures
        summaries = definitions.indices.map { index in MeasureSummary(definitions[index], values: outcomes.map { $0.values[index] }) }
    }

    /// The number of replications run.
    public var replications: Int { outcomes.count }

    /// The value of every measure in every replication: `values[replication][measure]`.
    public var values: [[Double]] { outcomes.map(\.values) }

    /// Events processed over all replications.
    public var events: Int { outcomes.reduce(0) { $0 + $1.events } }

    /// The summary of the measure with this name.
    public subscript(name: String) -> MeasureSummary? { summaries.first { $0.definition.name == name } }

    /// The values one measure took, replication by replication.
    public func column(_ name: String) -> [Double]? {
        guard let index = scenario.measures.firstIndex(where: { $0.name == name }) else { return nil }
        return outcomes.map { $0.values[index] }
    }

    /// Plain-English warnings about the results: a design that cannot keep up with its demand.
    public var warnings: [String] {
        var warnings: [String] = []
        if let overloaded = self["runs.overloaded"], overloaded.mean > 0 {
            warnings.append(String(format: "%.0f%% of replications stopped early with over 200,000 contacts waiting for a decision: "
                                   + "this design is overloaded and its figures describe only the time before it stopped.", overloaded.mean * 100))
        }
        if let growth = self["backlog.growth_per_day"], growth.ci95Low > 1 {
            warnings.append(String(format: "The backlog grows by about %.1f contacts a working day (95%% interval %.1f to %.1f): "
                                   + "this design cannot keep up with its demand, and a longer run would show a larger backlog.",
                                   growth.mean, growth.ci95Low, growth.ci95High))
        }
        return warnings
    }

    /// The widest 95% half-width among the headline measures, as a share of the mean.
    public var worstRelativeHalfWidth: Double {
        scenario.headlineMeasures.compactMap { self[$0]?.relativeHalfWidth }.max() ?? 0
    }

    /// The headline measures whose 95% half-width is more than `precision` of their mean.
    public func imprecise(at precision: Double) -> [MeasureSummary] {
        scenario.headlineMeasures.compactMap { self[$0] }.filter { $0.relativeHalfWidth > precision }
    }
}

/// Runs scenarios as experiments.
public enum Experiment {
    /// Runs `settings.replications` replications of `scenario` (more, with a precision target)
    /// and summarises every measure.
    ///
    /// ```swift
    /// let result = Experiment.run(scenario, settings: .init(replications: 20, seed: 1, jobs: 2))
    /// print(result["contacts.arrived"]!.mean)
    /// ```
    public static func run(_ scenario: Scenario, settings: ExperimentSettings, progress: ProgressReporter? = nil) -> ExperimentResult {
        Comparison.run([scenario], settings: settings, progress: progress).designs[0]
    }

    /// Replications `first ..< first + count` of `scenario`, in order, on `jobs` threads.
    static func replicate(_ scenario: Scenario, seeds: SeedPlan, first: Int, count: Int, jobs: Int,
                          progress: ProgressReporter?) -> [ReplicationOutcome] {
        ReplicationRunner.run(count: count, first: first, jobs: jobs) { replication in
            let outcome = scenario.simulate(replication: replication, seeds: seeds)
            progress?.advance()
            return outcome
        }
    }
}
