import Foundation
import ScenarioFiles
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
        let text = Fixture.yaml(
            perYear: lambda * 8760, people: "\(c)", minutes: "{distribution: exponential, mean: 60}",
            deciderExtra: """
                    phone: {patience_minutes: {distribution: exponential, mean: 60}, call_back_probability: 0, call_back_delay_minutes: 10}
                    priority: arrival
                """, days: 65, warmUp: 5)
        var shares: [Double] = []
        for replication in 0..<20 {
            let run = try Fixture.run(text, replication: replication, seed: 31)
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
