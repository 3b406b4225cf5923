import Foundation
import Testing

@testable import SimulationEngine

@Suite struct DistributionTests {
    static let draws = 200_000
    /// Two-sided 99.9% normal quantile: each moment check has a 1-in-1000 chance of failing by
    /// sampling error alone, so the nine distributions checked here rarely fail by chance.
    static let z = 3.29

    static let cases: [(String, Distribution)] = [
        ("fixed", try! .fixed(2.5)),
        ("exponential", try! .exponential(mean: 0.5)),
        ("lognormal", try! .lognormal(mean: 2, standardDeviation: 1)),
        ("lognormal, skewed", try! .lognormal(mean: 1, standardDeviation: 3)),
        ("gamma", try! .gamma(mean: 3, standardDeviation: 1.5)),
        ("gamma, shape below 1", try! .gamma(mean: 1, standardDeviation: 2)),
        ("uniform", try! .uniform(lower: 1, upper: 4)),
        ("triangular", try! .triangular(lower: 0, mode: 1, upper: 5)),
        ("empirical", try! .empirical(values: [0.25, 1, 4], weights: [5, 3, 2]))
    ]

    @Test(arguments: cases.indices)
    func aTableOfStreamsDrawsAsEachOfItsStreamsWould(_ index: Int) {
        let distribution = Self.cases[index].1
        // Made from temporaries: the table alone keeps its streams alive.
        let table = RandomStreams((0..<3).map { RandomStream(seed: UInt32(40 + $0)) })
        let separate = (0..<3).map { RandomStream(seed: UInt32(40 + $0)) }
        let fromTable = (0..<300).map { table.sample(distribution, from: $0 % 3) }
        let fromStreams = (0..<300).map { distribution.sample(using: separate[$0 % 3]) }
        #expect(table.count == 3)
        #expect(fromTable == fromStreams)
    }

    @Test(arguments: cases.indices)
    func meanAndVarianceMatchWithinSamplingError(_ index: Int) {
        let (name, distribution) = Self.cases[index]
        let stream = RandomStream(seed: UInt32(1_000 + index))
        let sample = (0..<Self.draws).map { _ in distribution.sample(using: stream) }
        let n = Double(Self.draws)
        let mean = sample.reduce(0, +) / n
        let centred = sample.map { $0 - mean }
        let variance = centred.reduce(0) { $0 + $1 * $1 } / (n - 1)
        let fourth = centred.reduce(0) { $0 + $1 * $1 * $1 * $1 } / n
        #expect(sample.allSatisfy { $0 >= 0 }, "\(name) drew a negative value")
        if distribution.variance == 0 {
            #expect(sample.allSatisfy { $0 == distribution.mean }, "\(name)")
            return
        }
        // Standard errors of the sample mean and of the sample variance, from the sample itself.
        let meanError = (distribution.variance / n).squareRoot()
        let varianceError = ((fourth - variance * variance) / n).squareRoot()
        #expect(abs(mean - distribution.mean) <= Self.z * meanError, "\(name): mean \(mean), expected \(distribution.mean)")
        #expect(
            abs(variance - distribution.variance) <= Self.z * varianceError,
            "\(name): variance \(variance), expected \(distribution.variance)")
    }

    @Test func theEmpiricalTableDrawsEachValueInProportionToItsWeight() {
        let table = try! Distribution.empirical(values: [10, 20, 30], weights: [1, 0, 3])
        let stream = RandomStream(seed: 5)
        var counts: [Double: Int] = [:]
        for _ in 0..<40_000 { counts[table.sample(using: stream), default: 0] += 1 }
        #expect(counts[20] == nil)
        let share = Double(counts[10]!) / 40_000
        #expect(abs(share - 0.25) <= 3.29 * (0.25 * 0.75 / 40_000).squareRoot())
    }

    @Test func triangularQuantilesHitTheLimitsAndTheMode() {
        #expect(Distribution.triangularQuantile(0, lower: 1, mode: 2, upper: 4) == 1)
        #expect(abs(Distribution.triangularQuantile(1.0 / 3, lower: 1, mode: 2, upper: 4) - 2) < 1e-12)
        #expect(Distribution.triangularQuantile(1, lower: 1, mode: 2, upper: 4) == 4)
    }

    @Test func badParametersAreRejectedBeforeAnySampling() {
        #expect(throws: DistributionError.self) { try Distribution.exponential(mean: 0) }
        #expect(throws: DistributionError.self) { try Distribution.exponential(mean: -.infinity) }
        #expect(throws: DistributionError.self) { try Distribution.gamma(mean: -1, standardDeviation: 1) }
        #expect(throws: DistributionError.self) { try Distribution.lognormal(mean: 1, standardDeviation: 0) }
        #expect(throws: DistributionError.self) { try Distribution.uniform(lower: 3, upper: 3) }
        #expect(throws: DistributionError.self) { try Distribution.triangular(lower: 0, mode: 5, upper: 4) }
        #expect(throws: DistributionError.self) { try Distribution.fixed(.nan) }
        #expect(throws: DistributionError.self) { try Distribution.empirical(values: [1, 2], weights: [1]) }
        #expect(throws: DistributionError.self) { try Distribution.empirical(values: [1], weights: [0]) }
        #expect(throws: DistributionError.self) { try Distribution.empirical(values: [], weights: []) }
    }

    @Test func zeroIsAFixedZeroMadeWithoutThrowing() throws {
        let stream = RandomStream(seed: 3)
        #expect(Distribution.zero == (try Distribution.fixed(0)))
        #expect(Distribution.zero.mean == 0 && Distribution.zero.variance == 0)
        #expect((0..<100).allSatisfy { _ in Distribution.zero.sample(using: stream) == 0 })
    }

    @Test func errorsSayWhatWasExpected() {
        do {
            _ = try Distribution.gamma(mean: -1, standardDeviation: 1)
            Issue.record("no error")
        } catch {
            #expect(error.message.contains("mean of a gamma distribution must be a finite number above 0"))
        }
    }

    @Test func aGammaThatCannotBeDrawnFromIsRefused() throws {
        #expect(throws: DistributionError.self) { try Distribution.gamma(mean: 1, standardDeviation: 1e-308) }
        #expect(throws: DistributionError.self) { try Distribution.gamma(mean: 1e-300, standardDeviation: 1e300) }
        #expect(try Distribution.gamma(mean: 1, standardDeviation: 0.15).mean == 1)
    }
}
