import Foundation
import FrontDoorModel
import SimulationEngine

/// The settings of an experiment: how many replications, from which seed, on how many threads.
public struct ExperimentSettings: Sendable {
    public var replications: Int
    public var seed: UInt64
    public var jobs: Int

    public init(replications: Int, seed: UInt64, jobs: Int) {
        self.replications = replications
        self.seed = seed
        self.jobs = jobs
    }
}

/// The results of running one scenario for several replications.
public struct ExperimentResult: Sendable {
    public let scenario: Scenario
    public let settings: ExperimentSettings
    /// Each measure across the replications, in the scenario's measure order.
    public let summaries: [MeasureSummary]
    /// The value of every measure in every replication: `values[replication][measure]`.
    public let values: [[Double]]
    /// Events processed over all replications.
    public let events: Int
    /// Wall-clock time of the replications.
    public let wallSeconds: Double

    /// The summary of the measure with this name.
    public subscript(name: String) -> MeasureSummary? { summaries.first { $0.definition.name == name } }

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
}

/// Runs scenarios as experiments.
public enum Experiment {
    /// Runs `settings.replications` replications of `scenario` and summarises every measure.
    ///
    /// ```swift
    /// let result = Experiment.run(scenario, settings: .init(replications: 20, seed: 1, jobs: 2))
    /// print(result["contacts.arrived"]!.mean)
    /// ```
    public static func run(_ scenario: Scenario, settings: ExperimentSettings) -> ExperimentResult {
        let seeds = SeedPlan(baseSeed: settings.seed)
        let started = DispatchTime.now()
        let outcomes = ReplicationRunner.run(count: settings.replications, jobs: settings.jobs) { replication in
            scenario.simulate(replication: replication, seeds: seeds)
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let definitions = scenario.measures
        let summaries = definitions.indices.map { index in
            MeasureSummary(definitions[index], values: outcomes.map { $0.values[index] })
        }
        return ExperimentResult(scenario: scenario, settings: settings, summaries: summaries,
                                values: outcomes.map(\.values), events: outcomes.reduce(0) { $0 + $1.events },
                                wallSeconds: wall)
    }
}
