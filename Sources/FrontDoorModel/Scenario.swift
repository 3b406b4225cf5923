import SimulationEngine
import QueueingNetworkModel

/// A scenario: a described piece of work to simulate, read from a file and validated.
///
/// Load one with ``ScenarioLoader``; simulate one replication with ``simulate(replication:seeds:)``.
public struct Scenario: Sendable {
    /// What is simulated: a plain queueing network (such as the reference workload), or a
    /// front door with its calendar, demand, teams and decisions.
    public enum Model: Sendable {
        case network(QueueingNetwork, stageIDs: [String])
        case frontDoor(FrontDoorDesign)
    }

    /// The scenario's short name, used in reports and output folder names.
    public let name: String
    /// A sentence or two saying what the scenario represents.
    public let summary: String
    /// The file it was read from.
    public let file: String
    /// Every file read, the scenario's own first, then the files it extends.
    public let files: [String]
    public let model: Model
    public let length: RunLength

    /// The same scenario under another name (a point of a sweep, a candidate staffing).
    public func renamed(_ newName: String) -> Scenario {
        Scenario(name: newName, summary: summary, file: file, files: files, model: model, length: length)
    }

    /// The measures that `--precision` watches and reports open with.
    public var headlineMeasures: [String] {
        switch model {
        case .network(_, let stageIDs): return ["contacts.completed"] + stageIDs.map { "stage.\($0).utilisation" }
        case .frontDoor: return ["decided_within_3wd", "backlog.mean", "decisions_per_decider_day.mean", "assessments.started"]
        }
    }

    /// Everything this scenario measures, in the order ``simulate(replication:seeds:)`` returns values.
    public var measures: [MeasureDefinition] {
        switch model {
        case .network(_, let stageIDs): return NetworkMeasures.definitions(stageIDs: stageIDs)
        case .frontDoor(let design): return FrontDoorMeasures.definitions(design)
        }
    }

    /// Runs one replication and returns one value per entry of ``measures``, and the number of
    /// events the engine processed.
    public func simulate(replication: Int, seeds: SeedPlan) -> ReplicationOutcome {
        switch model {
        case .network(let network, _):
            let run = NetworkSimulation.run(network, length: length, seeds: seeds, replication: replication)
            return ReplicationOutcome(values: NetworkMeasures.values(run), events: run.events)
        case .frontDoor(let design):
            let run = FrontDoorSimulation.run(design, length: length, seeds: seeds, replication: replication)
            return ReplicationOutcome(
                values: FrontDoorMeasures.values(run, design: design), events: run.events,
                days: run.days.map { DayValues(date: design.calendar.date(ofDay: $0.day), received: $0.received, decided: $0.decided, backlog: $0.backlog) },
                backlogSeries: run.backlogSeries.map(Double.init), warmUpObservations: run.warmUpWorkingDays)
        }
    }
}

/// The measures of a plain queueing network.
enum NetworkMeasures {
    static func definitions(stageIDs: [String]) -> [MeasureDefinition] {
        var measures: [MeasureDefinition] = [
            .init("contacts.arrived", "Contacts that arrived", unit: "contacts"),
            .init("contacts.completed", "Contacts that went all the way through", unit: "contacts"),
            .init("contacts.in_system_at_end", "Contacts still being worked on at the end", unit: "contacts"),
            .init("contacts.mean_in_system", "Average number of contacts being worked on at any moment", unit: "contacts"),
            .init("contacts.mean_time_in_system_hours", "Average time from arrival to the end of the last stage", unit: "hours"),
            .init("contacts.time_in_system_hours.p50", "Median time from arrival to the end of the last stage", unit: "hours"),
            .init("contacts.time_in_system_hours.p90", "Time within which 90% of contacts finished the last stage", unit: "hours"),
        ]
        for id in stageIDs {
            measures += [
                .init("stage.\(id).mean_wait_hours", "Average wait before \(id) starts", unit: "hours"),
                .init("stage.\(id).utilisation", "Share of \(id) staff time spent busy", unit: "fraction"),
                .init("stage.\(id).completed", "Contacts that finished \(id)", unit: "contacts"),
                .init("stage.\(id).mean_queue_length", "Average number of contacts waiting for \(id)", unit: "contacts"),
            ]
        }
        return measures
    }

    static func values(_ run: NetworkReplication) -> [Double] {
        var values: [Double] = [
            Double(run.arrived), Double(run.completed), Double(run.inNetworkAtEnd), run.meanInNetwork,
            run.meanTimeInNetworkHours, run.timeInNetworkP50Hours, run.timeInNetworkP90Hours,
        ]
        for stage in run.stages {
            values += [stage.meanWaitHours, stage.utilisation, Double(stage.completed), stage.meanQueueLength]
        }
        return values
    }
}

/// A measure's stable name (dotted, lower case), its plain-English label and its unit.
public struct MeasureDefinition: Sendable, Hashable, Codable {
    public let name: String
    public let label: String
    public let unit: String

    public init(_ name: String, _ label: String, unit: String) {
        self.name = name
        self.label = label
        self.unit = unit
    }
}

/// What one replication produced: one value per measure, the engine's event count, and for a
/// front door the day-by-day record.
public struct ReplicationOutcome: Sendable {
    public let values: [Double]
    public let events: Int
    /// Each calendar day of the measured period (empty for a plain network).
    public let days: [DayValues]
    /// The backlog at the close of every working day, warm-up included, and how many of those
    /// observations fall in the warm-up: the series on which the warm-up is checked.
    public let backlogSeries: [Double]
    public let warmUpObservations: Int

    public init(values: [Double], events: Int, days: [DayValues] = [], backlogSeries: [Double] = [], warmUpObservations: Int = 0) {
        self.values = values
        self.events = events
        self.days = days
        self.backlogSeries = backlogSeries
        self.warmUpObservations = warmUpObservations
    }
}

/// One calendar day of a front door: contacts received and decided, and the backlog at the close
/// of the day (nil when it is not a working day).
public struct DayValues: Sendable, Equatable {
    public let date: CivilDate
    public let received: Int
    public let decided: Int
    public let backlog: Int?
}
