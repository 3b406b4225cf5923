import Foundation
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
        average.set(2, at: 1) // 0 over [0, 1)
        average.set(1, at: 3) // 2 over [1, 3)
        #expect(abs(average.integral(upTo: 5) - 6) < 1e-12) // + 1 over [3, 5)
        #expect(abs(average.average(upTo: 5) - 1.2) < 1e-12)
        average.restart(at: 5)
        #expect(abs(average.average(upTo: 7) - 1) < 1e-12)
    }

    @Test(arguments: [0.5, 0.9, 0.95])
    func histogramQuantilesAreCloseToTheExactQuantile(probability: Double) {
        let stream = RandomStream(seed: 3)
        var histogram = QuantileHistogram()
        var sample: [Double] = []
        for _ in 0..<50_000 {
            let x = stream.exponential(mean: 1)
            sample.append(x)
            histogram.add(x)
        }
        sample.sort()
        let exact = sample[Int((probability * Double(sample.count)).rounded(.up)) - 1]
        // Guaranteed: within half a bin, 1/128 of the value.
        #expect(abs(histogram.quantile(probability)! - exact) <= exact / 128)
    }

    @Test func histogramHandlesZerosTinyAndHugeValues() {
        var histogram = QuantileHistogram()
        #expect(histogram.quantile(0.5) == nil)
        histogram.add(0)
        histogram.add(1e-12)
        histogram.add(1e300)
        #expect(histogram.quantile(0.5) == 0)
        #expect(histogram.quantile(1)! > 1e10)
        #expect(QuantileHistogram.bin(of: 1) < QuantileHistogram.bin(of: 1.02))
        #expect(QuantileHistogram.midpoint(of: QuantileHistogram.bin(of: 3)) == 3 + 1.0 / 64)
    }

    @Test func studentTQuantilesMatchTables() {
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 9) - 2.262157) < 1e-6)
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 99) - 1.984217) < 1e-6)
    }

    @Test func standardNormalQuantilesMatchTablesAndInvertTheCDF() {
        #expect(StandardNormal.cdf(0) == 0.5 && abs(StandardNormal.cdf(1) - 0.841345) < 1e-6)
        #expect(abs(StandardNormal.quantile(0.975) - 1.959964) < 1e-6)
        for p in [1e-9, 0.01, 0.3, 0.5, 0.77, 0.999] {
            #expect(abs(StandardNormal.cdf(StandardNormal.quantile(p)) - p) < 1e-12 * max(1, 1 / p))
        }
        #expect(StandardNormal.quantile(0) == -.infinity && StandardNormal.quantile(1) == .infinity)
    }

    @Test func gaussianDrawsHaveMeanZeroAndVarianceOne() {
        let stream = RandomStream(seed: 11)
        var statistics = RunningStatistics()
        for _ in 0..<100_000 { statistics.add(stream.gaussian()) }
        // 3.29 standard errors: of the mean, 1/√n; of the variance, √(2/n).
        #expect(abs(statistics.mean) < 3.29 / 100_000.0.squareRoot())
        #expect(abs(statistics.variance - 1) < 3.29 * (2 / 100_000.0).squareRoot())
    }
}
