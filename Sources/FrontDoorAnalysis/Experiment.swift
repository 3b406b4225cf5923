import Foundation
import FrontDoorModel
import ScenarioModel
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
        positions = Dictionary(uniqueKeysWithValues: definitions.enumerated().map { ($1.id, $0) })
    }

    /// Where each measure is in ``summaries`` and in every outcome's values.
    private let positions: [MeasureID: Int]

    /// The number of replications run.
    public var replications: Int { outcomes.count }

    /// The value of every measure in every replication: `values[replication][measure]`.
    public var values: [[Double]] { outcomes.map(\.values) }

    /// Events processed over all replications.
    public var events: Int { outcomes.reduce(0) { $0 + $1.events } }

    /// The summary of a measure, if this scenario has it.
    public subscript(id: MeasureID) -> MeasureSummary? { positions[id].map { summaries[$0] } }

    /// The summary of a measure of a family without subjects, such as `result[.backlogMean]`.
    public subscript(family: MeasureID.Family) -> MeasureSummary? { self[MeasureID(family)] }

    /// The values one measure took, replication by replication.
    public func column(_ id: MeasureID) -> [Double]? {
        guard let index = positions[id] else { return nil }
        return outcomes.map { $0.values[index] }
    }

    /// What is wrong with a design's results: it cannot keep up with its demand.
    public enum Concern: Sendable {
        /// This share of replications stopped early, overloaded.
        case stoppedOverloaded(share: Double)
        /// The backlog grows every working day (mean and 95% interval, contacts a day), by more
        /// than a working day's decisions a year with confidence (the second summary).
        case backlogGrowing(MeasureSummary, daysOfWorkAYear: MeasureSummary)
    }

    /// The concerns about these results, most serious first.
    public var concerns: [Concern] {
        var concerns: [Concern] = []
        if let overloaded = self[.runsOverloaded], overloaded.mean > 0 { concerns.append(.stoppedOverloaded(share: overloaded.mean)) }
        // The backlog is falling behind when, with confidence, it grows by more than a working
        // day's decisions a year. Not merely above zero: after a year's warm-up the flow of
        // re-contacts is still settling (it takes years: children come back, and come back
        // again), and that drift alone lifts every shipped design's growth a little above zero.
        if let growth = self[.backlogGrowthPerDay], let days = self[.backlogGrowthWorkingDaysAYear], days.ci95Low > 1 {
            concerns.append(.backlogGrowing(growth, daysOfWorkAYear: days))
        }
        return concerns
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
    /// print(result[.contactsArrived]!.mean)
    /// ```
    public static func run(_ scenario: Scenario, settings: ExperimentSettings, progress: (any ProgressObserver)? = nil) -> ExperimentResult
    {
        Comparison.run([scenario], settings: settings, progress: progress).designs[0]
    }

    /// Replications `first ..< first + count` of `scenario`, in order, on `jobs` threads.
    static func replicate(
        _ scenario: Scenario, seeds: SeedPlan, first: Int, count: Int, jobs: Int,
        progress: (any ProgressObserver)?
    ) -> [ReplicationOutcome] {
        replicate(scenario, seeds: seeds, replications: Array(first..<(first + count)), jobs: jobs, progress: progress)
    }

    /// The numbered replications of `scenario`, in the order given, on `jobs` threads.
    static func replicate(
        _ scenario: Scenario, seeds: SeedPlan, replications: [Int], jobs: Int,
        progress: (any ProgressObserver)?
    ) -> [ReplicationOutcome] {
        let measures = scenario.measures.count
        return ReplicationRunner.run(replications: replications, jobs: jobs) { replication in
            // A cancelled experiment's results are thrown away: skip the work.
            if progress?.isCancelled == true { return ReplicationOutcome(values: Array(repeating: .nan, count: measures), events: 0) }
            let outcome = scenario.simulate(replication: replication, seeds: seeds)
            progress?.advance()
            return outcome
        }
    }
}

extension ExperimentResult {
    /// A team busier than this share of its time at work has little slack for a busy day or a
    /// colleague away, and is flagged.
    public static let busyThreshold = 0.85

    /// The teams of a front door whose posts cost money but which spend (almost) no time on
    /// contacts: paid for no work the model gives them.
    public var paidTeamsWithoutWork: [String] {
        guard case .frontDoor(let design) = scenario.model else { return [] }
        return zip(design.teams, StaffCosts(design).teams).filter { team, cost in
            cost.total > 0 && (self[.team(team.id).utilisation]?.mean ?? 0) < 0.005
        }.map(\.0.id)
    }
}

extension ExperimentResult {
    /// A step on the way to a decision, and the hours a contact spends on it on average.
    public struct DecisionStep: Sendable {
        public enum Kind: Sendable, Equatable {
            case queue(stage: String)
            case work(stage: String)
            case handoff, information, slow

            /// The step a measure of the time to a decision is about; nil for any other measure.
            public init?(_ id: MeasureID) {
                switch id.family {
                case .stageWaitHoursPerContact: self = .queue(stage: id.subject ?? "")
                case .stageWorkHoursPerContact: self = .work(stage: id.subject ?? "")
                case .handoffHoursPerContact: self = .handoff
                case .informationHoursPerContact: self = .information
                case .slowHoursPerContact: self = .slow
                default: return nil
                }
            }
        }
        public let kind: Kind
        public let hours: Double
    }

    /// The steps to a decision a front door measures, per contact decided: queueing for and
    /// working at each stage, and the waits between steps.
    public var stepsToDecision: [DecisionStep] {
        summaries.compactMap { m in DecisionStep.Kind(m.id).map { DecisionStep(kind: $0, hours: m.mean) } }
    }
}
