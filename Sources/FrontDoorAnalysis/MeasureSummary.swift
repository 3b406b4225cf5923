import FrontDoorModel
import SimulationEngine

/// A mean across replications with its 95% confidence interval.
public struct Estimate: Sendable {
    /// The mean across replications.
    public let mean: Double
    /// The sample standard deviation across replications.
    public let standardDeviation: Double
    /// The 95% t-interval for the mean; equal to the mean when there is only one replication.
    public let ci95Low: Double
    public let ci95High: Double
    /// The number of replications.
    public let n: Int

    /// Estimates the mean of the values one quantity took in each replication; for a quantity
    /// that can only lie `within` a range (a share, from 0 to 1), the interval is cut to it.
    public init(_ values: [Double], within range: ClosedRange<Double>? = nil) {
        var statistics = RunningStatistics()
        for value in values { statistics.add(value) }
        mean = statistics.mean
        standardDeviation = statistics.standardDeviation
        n = values.count
        let halfWidth = Self.halfWidth(standardDeviation: standardDeviation, n: n)
        let low = mean - halfWidth, high = mean + halfWidth
        ci95Low = range.map { max($0.lowerBound, low) } ?? low
        ci95High = range.map { min($0.upperBound, high) } ?? high
    }

    /// Half the width of the 95% interval.
    public var halfWidth: Double { (ci95High - ci95Low) / 2 }

    /// The half-width as a share of the mean's size (infinite for a mean of 0 with any spread).
    public var relativeHalfWidth: Double {
        mean != 0 ? halfWidth / abs(mean) : (halfWidth == 0 ? 0 : .infinity)
    }

    /// Whether the 95% interval contains `value`.
    public func interval(contains value: Double) -> Bool { ci95Low <= value && value <= ci95High }

    /// The half-width of a 95% t-interval for a mean of `n` values.
    public static func halfWidth(standardDeviation: Double, n: Int) -> Double {
        n > 1 ? StudentT.quantile(0.975, degreesOfFreedom: n - 1) * standardDeviation / Double(n).squareRoot() : 0
    }
}

/// One measure summarised across replications: which measure, and its estimate
/// (`summary.mean`, `summary.ci95Low`, … read the estimate).
@dynamicMemberLookup
public struct MeasureSummary: Sendable {
    public let definition: MeasureDefinition
    public let estimate: Estimate

    /// Summarises the values one measure took in each replication; a share's interval stays
    /// within 0 to 1 unless it is a `difference` of shares.
    public init(_ definition: MeasureDefinition, values: [Double], difference: Bool = false) {
        self.definition = definition
        estimate = Estimate(values, within: definition.unit == .fraction && !difference ? 0...1 : nil)
    }

    public var id: MeasureID { definition.id }

    public subscript<T>(dynamicMember path: KeyPath<Estimate, T>) -> T { estimate[keyPath: path] }

    /// Whether the 95% interval contains `value`.
    public func interval(contains value: Double) -> Bool { estimate.interval(contains: value) }
}
