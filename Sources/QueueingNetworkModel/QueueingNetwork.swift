import Foundation
import SimulationEngine

/// An open network of service stages: work arrives as a Poisson stream, queues for the servers at
/// a stage, is served, and moves on to another stage or leaves according to routing probabilities.
///
/// This is the model's description of *what* is simulated; ``NetworkSimulation`` runs it.
/// Validation happens here, once, so that a run never meets an impossible network.
///
/// ```swift
/// let network = try QueueingNetwork(
///     arrivalsPerHour: 3.125,
///     entry: [.init(to: 0, probability: 1)],
///     stages: [.init(name: "triage", servers: 6, service: try .exponential(mean: 0.5), routes: [])])
/// ```
public struct QueueingNetwork: Sendable {
    /// Where work goes next: to a stage (by index), or out of the network when `stage` is nil.
    public struct Route: Sendable, Hashable {
        public var stage: Int?
        public var probability: Double
        public init(to stage: Int?, probability: Double) {
            self.stage = stage
            self.probability = probability
        }
    }

    /// How a stage chooses the next piece of work from its queue.
    public enum Discipline: Sendable, Hashable {
        /// First come, first served, whatever the priority class.
        case firstComeFirstServed
        /// Lowest class number first (class 0 is the most urgent); first come, first served within a
        /// class. Work already in service is never interrupted.
        case priority
    }

    public struct Stage: Sendable {
        public var name: String
        public var servers: Int
        public var service: Distribution
        public var discipline: Discipline
        /// Where work goes after this stage; empty means it leaves the network.
        public var routes: [Route]

        public init(
            name: String, servers: Int, service: Distribution,
            discipline: Discipline = .firstComeFirstServed, routes: [Route]
        ) {
            self.name = name
            self.servers = servers
            self.service = service
            self.discipline = discipline
            self.routes = routes
        }
    }

    public let arrivalsPerHour: Double
    public let entry: [Route]
    public let stages: [Stage]
    /// The probability that an arrival belongs to each priority class (class 0 first).
    public let priorityClassProbabilities: [Double]

    /// Builds and validates a network.
    ///
    /// - Throws: ``NetworkError`` naming the stage and what is wrong: a rate or a number of
    ///   servers out of range, probabilities outside 0…1 or not adding up to 1, a route to a stage
    ///   that does not exist, or a loop that work can never leave.
    public init(
        arrivalsPerHour: Double, entry: [Route], stages: [Stage],
        priorityClassProbabilities: [Double] = [1]
    ) throws(NetworkError) {
        guard arrivalsPerHour.isFinite, arrivalsPerHour > 0 else {
            throw NetworkError("the arrival rate must be a number above 0 per hour, not \(arrivalsPerHour)")
        }
        guard !stages.isEmpty else { throw NetworkError("a network needs at least one stage") }
        guard stages.count <= StreamPurpose.maximumNumbered(from: StreamPurpose.firstNetworkService) else {
            throw NetworkError(
                "a network may have at most \(StreamPurpose.maximumNumbered(from: StreamPurpose.firstNetworkService)) stages")
        }
        try Self.checkProbabilities(priorityClassProbabilities, what: "the priority class probabilities")
        guard priorityClassProbabilities.count <= 64 else { throw NetworkError("at most 64 priority classes are supported") }
        try Self.checkRoutes(entry, from: "arrivals", stageCount: stages.count)
        guard !entry.isEmpty else { throw NetworkError("arrivals must be routed to at least one stage") }
        for stage in stages {
            guard stage.servers >= 1 else {
                throw NetworkError("stage '\(stage.name)' must have at least 1 server, not \(stage.servers)")
            }
            if !stage.routes.isEmpty { try Self.checkRoutes(stage.routes, from: "stage '\(stage.name)'", stageCount: stages.count) }
        }
        self.arrivalsPerHour = arrivalsPerHour
        self.entry = entry
        self.stages = stages
        self.priorityClassProbabilities = priorityClassProbabilities
        if let trapped = firstStageThatCannotReachTheExit() {
            throw NetworkError("work that reaches stage '\(stages[trapped].name)' can never leave the network: its routes loop forever")
        }
    }

    // MARK: - Implementation details

    private static func checkProbabilities(_ probabilities: [Double], what: String) throws(NetworkError) {
        guard !probabilities.isEmpty else { throw NetworkError("\(what) must not be empty") }
        for p in probabilities where !(p.isFinite && p >= 0 && p <= 1) {
            throw NetworkError("\(what) must each lie between 0 and 1, not \(p)")
        }
        let total = probabilities.reduce(0, +)
        guard abs(total - 1) <= 1e-9 else { throw NetworkError("\(what) must add up to 1, not \(String(format: "%.6g", total))") }
    }

    private static func checkRoutes(_ routes: [Route], from origin: String, stageCount: Int) throws(NetworkError) {
        try checkProbabilities(routes.map(\.probability), what: "the routing probabilities from \(origin)")
        for route in routes {
            if let target = route.stage, !(0..<stageCount).contains(target) {
                throw NetworkError("\(origin) routes to stage number \(target), which does not exist")
            }
        }
    }

    /// A stage from which no route with positive probability leads out of the network.
    private func firstStageThatCannotReachTheExit() -> Int? {
        var canLeave = stages.map { $0.routes.isEmpty || $0.routes.contains { $0.stage == nil && $0.probability > 0 } }
        var changed = true
        while changed {
            changed = false
            for (index, stage) in stages.enumerated() where !canLeave[index] {
                if stage.routes.contains(where: { route in route.probability > 0 && route.stage.map { canLeave[$0] } == true }) {
                    canLeave[index] = true
                    changed = true
                }
            }
        }
        return canLeave.firstIndex(of: false)
    }
}

/// A network description that cannot be simulated; the message says why.
public struct NetworkError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
