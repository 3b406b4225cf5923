import Foundation
import FrontDoorTestSupport
import SimulationEngine
import Testing

@testable import FrontDoorModel

/// The phone line against the Erlang A model (M/M/c+M: Poisson calls, exponential call lengths,
/// c advisers, callers who give up after an exponential time).
@Suite struct PhoneLineTests {
    /// The probability that a caller gives up, from the birth–death chain of the Erlang A model,
    /// truncated where the remaining probability is negligible.
    static func erlangAAbandonment(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int, patienceRate theta: Double) -> Double
    {
        var weights = [1.0]
        for n in 1..<2_000 {
            let death = Double(min(n, c)) * mu + Double(max(n - c, 0)) * theta
            weights.append(weights[n - 1] * lambda / death)
        }
        let total = weights.reduce(0, +)
        let meanQueue = weights.enumerated().reduce(0.0) { $0 + Double(max($1.offset - c, 0)) * $1.element } / total
        return theta * meanQueue / lambda
    }

    @Test func erlangAMatchesAKnownCase() {
        // With no patience limit worth the name (θ → 0) and light load, almost nobody gives up.
        #expect(Self.erlangAAbandonment(arrivalRate: 1, serviceRate: 1, servers: 4, patienceRate: 1e-9) < 1e-6)
        // One adviser with θ = μ = λ = 1: every state leaves at rate n, so the chain is M/M/∞ with
        // p_n = e⁻¹ / n!, and E[(N − 1)⁺] = E[N] − P(N ≥ 1) = 1 − (1 − e⁻¹) = e⁻¹.
        let p = Self.erlangAAbandonment(arrivalRate: 1, serviceRate: 1, servers: 1, patienceRate: 1)
        #expect(abs(p - exp(-1.0)) < 1e-9)
    }

    @Test func abandonmentMatchesErlangA() throws {
        let lambda = 8.0, mu = 1.0, theta = 1.0, c = 8
        var fixture = try FrontDoorFixture(
            contactsPerYear: lambda * 8760, people: c, minutes: try .exponential(mean: FrontDoorFixture.hours(minutes: 60)), days: 65,
            warmUpDays: 5)
        fixture.design.stages[0].phone = Stage.PhoneLine(
            patience: try .exponential(mean: FrontDoorFixture.hours(minutes: 60)), callBackProbability: 0,
            callBackDelay: try .fixed(FrontDoorFixture.hours(minutes: 10)), channels: Channel.allCases.map { _ in true })
        fixture.design.stages[0].byPriority = false
        var shares: [Double] = []
        for replication in 0..<20 {
            let run = try fixture.run(replication: replication, seed: 31)
            shares.append(Double(run.phoneAbandoned) / Double(run.phoneAttempts))
        }
        var statistics = RunningStatistics()
        shares.forEach { statistics.add($0) }
        let half =
            StudentT.quantile(0.975, degreesOfFreedom: shares.count - 1) * statistics.standardDeviation / Double(shares.count).squareRoot()
        let theory = Self.erlangAAbandonment(arrivalRate: lambda, serviceRate: mu, servers: c, patienceRate: theta)
        #expect(abs(statistics.mean - theory) <= half, "simulated \(statistics.mean) ± \(half), Erlang A \(theory)")
    }
}
