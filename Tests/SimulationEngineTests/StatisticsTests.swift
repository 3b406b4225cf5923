import Testing
@testable import SimulationEngine

@Suite struct StatisticsTests {
    @Test func runningStatisticsMatchTheTextbookFormulas() {
        var statistics = RunningStatistics()
        let values = [2.0, 4, 4, 4, 5, 5, 7, 9]
        for value in values { statistics.add(value) }
        #expect(statistics.count == 8)
        #expect(abs(statistics.mean - 5) < 1e-12)
        #expect(abs(statistics.variance - 32.0 / 7) < 1e-12)
    }

    @Test func timeWeightedAverageIntegratesSteps() {
        var average = TimeWeightedAverage()
        average.set(2, at: 1)   // 0 over [0, 1)
        average.set(1, at: 3)   // 2 over [1, 3)
        #expect(abs(average.integral(upTo: 5) - 6) < 1e-12)  // + 1 over [3, 5)
        #expect(abs(average.average(upTo: 5) - 1.2) < 1e-12)
        average.restart(at: 5)
        #expect(abs(average.average(upTo: 7) - 1) < 1e-12)
    }

    @Test(arguments: [0.5, 0.9, 0.95])
    func quantileEstimatesAreCloseToTheExactQuantile(probability: Double) {
        let stream = RandomStream(seed: 3)
        var estimator = QuantileEstimator(probability: probability)
        let n = 100_000
        for _ in 0..<n { estimator.add(-log(stream.uniformPositive())) }
        let exact = -log(1 - probability)  // exponential with mean 1
        // The sample quantile's standard error is sqrt(p(1-p)/n) / f(q); P² adds a small bias,
        // so allow four standard errors.
        let density = exp(-exact)
        let standardError = (probability * (1 - probability) / Double(n)).squareRoot() / density
        #expect(abs(estimator.estimate! - exact) <= 4 * standardError)
    }

    @Test func quantileEstimateIsExactForAFewObservations() {
        var estimator = QuantileEstimator(probability: 0.5)
        #expect(estimator.estimate == nil)
        for value in [5.0, 1, 3] { estimator.add(value) }
        #expect(estimator.estimate == 3)
    }

    @Test func studentTQuantilesMatchTables() {
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 9) - 2.262157) < 1e-6)
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 99) - 1.984217) < 1e-6)
    }
}

import Foundation
