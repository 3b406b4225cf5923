import SimulationEngine

/// A scenario: a described piece of work to simulate, read from a file and validated.
///
/// Load one with ``ScenarioLoader``; simulate one replication with ``simulate(replication:seeds:)``.
public struct Scenario: Sendable {
    /// The scenario's short name, used in reports and output folder names.
    public let name: String
    /// A sentence or two saying what the scenario represents.
    public let summary: String
    /// The file it was read from.
    public let file: String
    /// The stage ids, in the order the file gives them.
    public let stageIDs: [String]
    public let network: QueueingNetwork
    public let length: RunLength

    public init(name: String, summary: String, file: String, stageIDs: [String], network: QueueingNetwork, length: RunLength) {
        self.name = name
        self.summary = summary
        self.file = file
        self.stageIDs = stageIDs
        self.network = network
        self.length = length
    }

    /// Everything this scenario measures, in the order ``simulate(replication:seeds:)`` returns values.
    public var measures: [MeasureDefinition] {
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

    /// Runs one replication and returns one value per entry of ``measures``, and the number of
    /// events the engine processed.
    public func simulate(replication: Int, seeds: SeedPlan) -> ReplicationOutcome {
        let run = NetworkSimulation.run(network, length: length, seeds: seeds, replication: replication)
        var values: [Double] = [
            Double(run.arrived), Double(run.completed), Double(run.inNetworkAtEnd), run.meanInNetwork,
            run.meanTimeInNetworkHours, run.timeInNetworkP50Hours, run.timeInNetworkP90Hours,
        ]
        for stage in run.stages {
            values += [stage.meanWaitHours, stage.utilisation, Double(stage.completed), stage.meanQueueLength]
        }
        return ReplicationOutcome(values: values, events: run.events)
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

/// What one replication produced: one value per measure, and the engine's event count.
public struct ReplicationOutcome: Sendable {
    public let values: [Double]
    public let events: Int

    public init(values: [Double], events: Int) {
        self.values = values
        self.events = events
    }
}
