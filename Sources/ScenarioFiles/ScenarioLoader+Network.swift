import Foundation
import FrontDoorModel
import QueueingNetworkModel
import ScenarioModel
import SimulationEngine

/// The plain queueing network's part of a scenario file: its stages, arrivals and routes.
extension ScenarioLoader {
    static func readNetwork(_ root: YAMLMapping) throws(ScenarioError) -> Scenario.Model {
        let stagesValue = try root.required("stages", "the stages work passes through")
        let stageEntries = try stagesValue.mapping().entries
        guard !stageEntries.isEmpty else { throw stagesValue.error("expected at least one stage") }
        let stageIDs = stageEntries.map(\.key)
        for id in stageIDs where id == exitName {
            throw stagesValue.error("'\(exitName)' is reserved for leaving the network; choose another stage id")
        }

        let arrivals = try root.required("arrivals", "how work arrives")
            .mapping(allowed: ["per_hour", "per_day", "per_year", "pattern", "to", "priority_classes"])
        if let pattern = arrivals["pattern"] { _ = try pattern.choice(["poisson": ()]) }
        let rate = try arrivals.oneOf(["per_hour", "per_day", "per_year"], "the average arrival rate")
        let hoursPerUnit = rate.key == "per_year" ? 8760.0 : rate.key == "per_day" ? 24 : 1
        let perHour =
            try rate.value.number("a rate above 0", atMost: Limits.arrivalsPerHour * hoursPerUnit, "arrivals") { $0 > 0 } / hoursPerUnit
        let entry = try readRoutes(try arrivals.required("to", "the stage arrivals go to first"), stageIDs: stageIDs)
        var classes = [1.0]
        if let classValue = arrivals["priority_classes"] {
            classes = try classValue.mapping().entries.map { entry throws(ScenarioError) in try entry.value.probability() }
            guard !classes.isEmpty else { throw classValue.error("expected at least one priority class") }
            let total = classes.reduce(0, +)
            guard abs(total - 1) < 1e-9 else {
                throw classValue.error("the class probabilities must add up to 1, not \(String(format: "%.6g", total))")
            }
        }

        var stages: [QueueingNetwork.Stage] = []
        for (id, value) in stageEntries {
            let stage = try value.mapping(allowed: ["servers", "service_hours", "service_minutes", "queue", "next"])
            let service = try stage.oneOf(["service_hours", "service_minutes"], "how long one piece of work takes")
            stages.append(
                QueueingNetwork.Stage(
                    name: id,
                    servers: try stage.required("servers", "how many people work at this stage at once").wholeNumber(atLeast: 1),
                    service: try readDistribution(service.value, hoursPerUnit: service.key == "service_minutes" ? 1.0 / 60 : 1),
                    discipline: try stage["queue"]?.choice(["first_come_first_served": .firstComeFirstServed, "priority": .priority])
                        ?? .firstComeFirstServed,
                    routes: try stage["next"].map { value throws(ScenarioError) in try readRoutes(value, stageIDs: stageIDs) } ?? []))
        }

        do {
            let network = try QueueingNetwork(
                arrivalsPerHour: perHour, entry: entry, stages: stages,
                priorityClassProbabilities: classes)
            return .network(network, stageIDs: stageIDs)
        } catch {
            throw stagesValue.error(error.message)
        }
    }
    /// The routing target that means "leaves the network".
    static let exitName = "leave"

    /// A route is a stage id (or `leave`), or a mapping from stage ids to probabilities.
    static func readRoutes(_ value: YAMLValue, stageIDs: [String]) throws(ScenarioError) -> [QueueingNetwork.Route] {
        func target(_ id: String, at place: YAMLValue) throws(ScenarioError) -> Int? {
            if id == exitName { return nil }
            guard let index = stageIDs.firstIndex(of: id) else {
                throw place.error(
                    "no stage is called '\(id)'; expected one of \((stageIDs + [exitName]).joined(separator: ", "))"
                        + suggestion(for: id, among: stageIDs + [exitName]))
            }
            return index
        }
        if case .scalar = value.node {
            return [QueueingNetwork.Route(to: try target(try value.string(), at: value), probability: 1)]
        }
        var routes: [QueueingNetwork.Route] = []
        for (key, probability) in try value.mapping().entries {
            routes.append(.init(to: try target(key, at: probability), probability: try probability.probability()))
        }
        guard !routes.isEmpty else { throw value.error("expected at least one destination") }
        let total = routes.reduce(0) { $0 + $1.probability }
        guard abs(total - 1) < 1e-9 else { throw value.error("the probabilities must add up to 1, not \(String(format: "%.6g", total))") }
        return routes
    }
}
