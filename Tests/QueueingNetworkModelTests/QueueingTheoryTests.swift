import Foundation
import FrontDoorTestSupport
import SimulationEngine
import Testing

@testable import QueueingNetworkModel

/// The engine against results of queueing theory. Each check uses a 95% t-interval across
/// independent replications, with fixed seeds; the interval must contain the exact value.
@Suite struct QueueingTheoryTests {
    /// Erlang C: the probability that an arrival waits, and the mean wait, in an M/M/c queue.
    static func erlangC(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int) -> (waitProbability: Double, meanWait: Double) {
        let a = lambda / mu
        let rho = a / Double(c)
        var term = 1.0, sum = 0.0
        for k in 0..<c {
            if k > 0 { term *= a / Double(k) }
            sum += term
        }
        let last = term * a / Double(c) / (1 - rho)
        let probability = last / (sum + last)
        return (probability, probability / (Double(c) * mu - lambda))
    }

    static func singleStage(
        lambda: Double, meanService: Double, servers: Int, classes: [Double] = [1],
        discipline: QueueingNetwork.Discipline = .firstComeFirstServed
    ) throws -> QueueingNetwork {
        try QueueingNetwork(
            arrivalsPerHour: lambda, entry: [.init(to: 0, probability: 1)],
            stages: [
                .init(name: "only", servers: servers, service: try .exponential(mean: meanService), discipline: discipline, routes: [])
            ],
            priorityClassProbabilities: classes)
    }

    static func replicate(_ network: QueueingNetwork, _ length: RunLength, count: Int, seed: UInt32) -> [NetworkReplication] {
        (0..<count).map { NetworkSimulation.run(network, length: length, seeds: SeedPlan(baseSeed: seed), replication: $0) }
    }

    @Test func erlangCMatchesPublishedValues() {
        // The reference workload's triage stage: M/M/6 with λ = 3.125, μ = 2.
        let triage = Self.erlangC(arrivalRate: 3.125, serviceRate: 2, servers: 6)
        #expect(abs(triage.waitProbability - 0.00573) < 0.000005)
        #expect(abs(triage.meanWait - 0.000645) < 0.0000005)
        // M/M/1 reduces to ρ / (μ − λ).
        #expect(abs(Self.erlangC(arrivalRate: 0.9, serviceRate: 1, servers: 1).meanWait - 9) < 1e-9)
    }

    @Test(arguments: [1, 4])
    func mmcAtNinetyPercentLoadMatchesErlangC(servers: Int) throws {
        let lambda = 0.9 * Double(servers)
        let network = try Self.singleStage(lambda: lambda, meanService: 1, servers: servers)
        let runs = Self.replicate(network, RunLength(horizonHours: 40_000, warmUpHours: 2_000), count: 40, seed: 90 + UInt32(servers))
        let wait = tInterval95(runs.map { $0.stages[0].meanWaitHours })
        let utilisation = tInterval95(runs.map { $0.stages[0].utilisation })
        let theory = Self.erlangC(arrivalRate: lambda, serviceRate: 1, servers: servers)
        #expect(wait.low <= theory.meanWait && theory.meanWait <= wait.high, "wait \(wait), Erlang C \(theory.meanWait)")
        #expect(utilisation.low <= 0.9 && 0.9 <= utilisation.high, "utilisation \(utilisation)")
    }

    @Test func littlesLawHoldsOnAStage() throws {
        let network = try Self.singleStage(lambda: 0.8, meanService: 1, servers: 1)
        let horizon = 200_000.0
        let run = NetworkSimulation.run(network, length: RunLength(horizonHours: horizon), seeds: SeedPlan(baseSeed: 3), replication: 0)
        let stage = run.stages[0]
        // L_q = λ W_q on the sample path. The two sides differ only by the waits of the few
        // contacts in the queue at the horizon, of order (queue at end × mean wait) / T ≈ 10⁻⁴ here,
        // so 0.5% is generous while still catching any accounting error.
        let throughput = Double(stage.completed) / horizon
        #expect(abs(stage.meanQueueLength - throughput * stage.meanWaitHours) <= 0.005 * stage.meanQueueLength)
        // And for the whole network: L = λ W.
        let arrivalRate = Double(run.completed) / horizon
        #expect(abs(run.meanInNetwork - arrivalRate * run.meanTimeInNetworkHours) <= 0.005 * run.meanInNetwork)
    }

    @Test(arguments: [0.0, 500.0])
    func everyArrivalIsAccountedFor(warmUp: Double) throws {
        let network = try QueueingNetwork(
            arrivalsPerHour: 2, entry: [.init(to: 0, probability: 0.7), .init(to: 1, probability: 0.3)],
            stages: [
                .init(
                    name: "a", servers: 1, service: try .exponential(mean: 0.4),
                    routes: [.init(to: 1, probability: 0.5), .init(to: nil, probability: 0.5)]),
                .init(
                    name: "b", servers: 2, service: try .lognormal(mean: 0.6, standardDeviation: 0.5),
                    routes: [.init(to: 0, probability: 0.2), .init(to: nil, probability: 0.8)])
            ])
        let run = NetworkSimulation.run(
            network, length: RunLength(horizonHours: 5_000, warmUpHours: warmUp), seeds: SeedPlan(baseSeed: 8), replication: 0)
        #expect(run.inNetworkAtStart + run.arrived == run.completed + run.inNetworkAtEnd)
        #expect(run.inNetworkAtEnd == run.stages.reduce(0) { $0 + $1.inStageAtEnd })
        if warmUp == 0 { #expect(run.inNetworkAtStart == 0) }
    }

    @Test func priorityClassesMatchCobhamsFormula() throws {
        // Non-preemptive priority M/M/1: W_k = W₀ / ((1 − σ_{k−1})(1 − σ_k)), W₀ = λ E[S²] / 2.
        let lambda = 0.8, shares = [0.3, 0.7]
        let network = try Self.singleStage(lambda: lambda, meanService: 1, servers: 1, classes: shares, discipline: .priority)
        let runs = Self.replicate(network, RunLength(horizonHours: 30_000, warmUpHours: 1_000), count: 40, seed: 12)
        let w0 = lambda * 2 / 2
        let sigma1 = lambda * shares[0]
        let expected = [w0 / (1 - sigma1), w0 / ((1 - sigma1) * (1 - lambda))]
        for k in 0..<2 {
            let wait = tInterval95(runs.map { $0.stages[0].meanWaitHoursByClass[k] })
            #expect(wait.low <= expected[k] && expected[k] <= wait.high, "class \(k): \(wait), expected \(expected[k])")
        }
    }

    @Test func routingSendsTheStatedShare() throws {
        let network = try QueueingNetwork(
            arrivalsPerHour: 5, entry: [.init(to: 0, probability: 1)],
            stages: [
                .init(
                    name: "first", servers: 10, service: try .fixed(0.1),
                    routes: [.init(to: 1, probability: 0.4), .init(to: nil, probability: 0.6)]),
                .init(name: "second", servers: 10, service: try .fixed(0.1), routes: [])
            ])
        let run = NetworkSimulation.run(network, length: RunLength(horizonHours: 10_000), seeds: SeedPlan(baseSeed: 4), replication: 0)
        let share = Double(run.stages[1].completed) / Double(run.stages[0].completed)
        let n = Double(run.stages[0].completed)
        #expect(abs(share - 0.4) <= 3.29 * (0.4 * 0.6 / n).squareRoot())
    }

    @Test func commonRandomNumbersGiveTheSameArrivalsToDifferentDesigns() throws {
        let small = try Self.singleStage(lambda: 1, meanService: 0.5, servers: 1)
        let large = try Self.singleStage(lambda: 1, meanService: 0.5, servers: 3)
        let length = RunLength(horizonHours: 1_000)
        let a = NetworkSimulation.run(small, length: length, seeds: SeedPlan(baseSeed: 77), replication: 3)
        let b = NetworkSimulation.run(large, length: length, seeds: SeedPlan(baseSeed: 77), replication: 3)
        #expect(a.arrived == b.arrived)
        #expect(a.stages[0].meanWaitHours > b.stages[0].meanWaitHours)
    }

    @Test func badNetworksAreRejectedWithTheReason() throws {
        let service = try Distribution.exponential(mean: 1)
        func network(_ routes: [QueueingNetwork.Route], servers: Int = 1, rate: Double = 1) throws -> QueueingNetwork {
            try QueueingNetwork(
                arrivalsPerHour: rate, entry: [.init(to: 0, probability: 1)],
                stages: [.init(name: "loop", servers: servers, service: service, routes: routes)])
        }
        #expect(throws: NetworkError("work that reaches stage 'loop' can never leave the network: its routes loop forever")) {
            try network([.init(to: 0, probability: 1)])
        }
        #expect(throws: NetworkError.self) { try network([.init(to: 0, probability: 0.5), .init(to: nil, probability: 0.6)]) }
        #expect(throws: NetworkError.self) { try network([.init(to: 3, probability: 1)]) }
        #expect(throws: NetworkError.self) { try network([], servers: 0) }
        #expect(throws: NetworkError.self) { try network([], rate: -1) }
        // A loop that work can leave is fine.
        _ = try network([.init(to: 0, probability: 0.5), .init(to: nil, probability: 0.5)])
    }

    @Test func memoryStaysBoundedByTheWorkInTheNetwork() throws {
        let network = try Self.singleStage(lambda: 1, meanService: 0.5, servers: 2)
        var state = NetworkState(network: network, length: RunLength(horizonHours: 100_000), seeds: SeedPlan(baseSeed: 1), replication: 0)
        let run = state.run()
        #expect(run.arrived > 90_000)
        #expect(state.entities.capacity < 100)
        #expect(state.events.count <= 3)
    }

    @Test func anOverloadedNetworkStopsEarlyAndSaysSo() throws {
        // Ten arrivals for every one served: work piles up until the guard stops the run.
        let network = try Self.singleStage(lambda: 1_000, meanService: 0.01, servers: 1)
        let run = NetworkSimulation.run(network, length: RunLength(horizonHours: 8760), seeds: SeedPlan(baseSeed: 3), replication: 0)
        #expect(run.stoppedOverloaded)
        #expect(run.inNetworkAtEnd > NetworkSimulation.inNetworkLimit)
        #expect(run.measuredHours < 8760)
        let calm = NetworkSimulation.run(
            try Self.singleStage(lambda: 1, meanService: 0.5, servers: 1), length: RunLength(horizonHours: 100),
            seeds: SeedPlan(baseSeed: 3), replication: 0)
        #expect(!calm.stoppedOverloaded && calm.measuredHours == 100)
    }
}
