internal import CGSL
import Foundation

/// A probability distribution of non-negative durations (or any other quantity), validated when it
/// is made so that sampling never meets a bad parameter.
///
/// Skewed distributions are given by their mean and standard deviation, the figures people know,
/// rather than by their textbook parameters:
///
/// ```swift
/// let screening = try Distribution.lognormal(mean: 2, standardDeviation: 1)
/// let hours = screening.sample(using: stream)
/// ```
public struct Distribution: Sendable, Hashable {
    @usableFromInline
    enum Kind: Sendable, Hashable {
        case fixed(Double)
        case exponential(mean: Double)
        /// GSL's parameters: `zeta` is the mean and `sigma` the standard deviation of the logarithm.
        case lognormal(zeta: Double, sigma: Double)
        case gamma(shape: Double, scale: Double)
        case uniform(lower: Double, upper: Double)
        case triangular(lower: Double, mode: Double, upper: Double)
        /// Values, each chosen with its weight.
        case empirical(values: [Double], choice: Categorical)
    }

    @usableFromInline let kind: Kind

    /// The distribution's mean.
    public let mean: Double
    /// The distribution's variance.
    public let variance: Double

    private init(_ kind: Kind, mean: Double, variance: Double) {
        self.kind = kind
        self.mean = mean
        self.variance = variance
    }

    // MARK: - Public API

    /// No time at all: a fixed 0, for a delay that a design does not have.
    public static let zero = Distribution(.fixed(0), mean: 0, variance: 0)

    /// Always the same value.
    public static func fixed(_ value: Double) throws(DistributionError) -> Distribution {
        try require(value.isFinite && value >= 0, "a fixed value must be a finite number of 0 or more, not \(value)")
        return Distribution(.fixed(value), mean: value, variance: 0)
    }

    /// Exponential with the given mean (memoryless: the classic service time of queueing theory).
    public static func exponential(mean: Double) throws(DistributionError) -> Distribution {
        try requirePositive(mean, "the mean of an exponential distribution")
        return Distribution(.exponential(mean: mean), mean: mean, variance: mean * mean)
    }

    /// Lognormal with the given mean and standard deviation (of the values, not of their logarithm).
    public static func lognormal(mean: Double, standardDeviation sd: Double) throws(DistributionError) -> Distribution {
        try requirePositive(mean, "the mean of a lognormal distribution")
        try requirePositive(sd, "the standard deviation of a lognormal distribution")
        let sigmaSquared = log1p((sd * sd) / (mean * mean))
        let kind = Kind.lognormal(zeta: log(mean) - sigmaSquared / 2, sigma: sigmaSquared.squareRoot())
        return Distribution(kind, mean: mean, variance: sd * sd)
    }

    /// Gamma with the given mean and standard deviation.
    public static func gamma(mean: Double, standardDeviation sd: Double) throws(DistributionError) -> Distribution {
        try requirePositive(mean, "the mean of a gamma distribution")
        try requirePositive(sd, "the standard deviation of a gamma distribution")
        let shape = (mean * mean) / (sd * sd)
        // A standard deviation so small (or large) against the mean that the shape or scale is
        // not a finite positive number cannot be drawn from.
        try require(
            shape.isFinite && shape > 0 && (mean / shape).isFinite && mean / shape > 0,
            "a gamma distribution needs a standard deviation neither vanishingly small nor huge against its mean, not \(sd) against \(mean)"
        )
        return Distribution(.gamma(shape: shape, scale: mean / shape), mean: mean, variance: sd * sd)
    }

    /// Uniform between two values.
    public static func uniform(lower: Double, upper: Double) throws(DistributionError) -> Distribution {
        try require(
            lower.isFinite && upper.isFinite && lower >= 0 && lower < upper,
            "a uniform distribution needs 0 ≤ lower < upper, not lower \(lower) and upper \(upper)")
        let width = upper - lower
        return Distribution(.uniform(lower: lower, upper: upper), mean: (lower + upper) / 2, variance: width * width / 12)
    }

    /// Triangular with the given lower limit, most likely value and upper limit.
    public static func triangular(lower: Double, mode: Double, upper: Double) throws(DistributionError) -> Distribution {
        try require(
            lower.isFinite && mode.isFinite && upper.isFinite && lower >= 0 && lower <= mode && mode <= upper && lower < upper,
            "a triangular distribution needs 0 ≤ lower ≤ mode ≤ upper with lower < upper, not \(lower), \(mode), \(upper)")
        let mean = (lower + mode + upper) / 3
        let variance = (lower * lower + mode * mode + upper * upper - lower * mode - lower * upper - mode * upper) / 18
        return Distribution(.triangular(lower: lower, mode: mode, upper: upper), mean: mean, variance: variance)
    }

    /// An empirical table: each value is drawn with a probability proportional to its weight.
    public static func empirical(values: [Double], weights: [Double]) throws(DistributionError) -> Distribution {
        try require(!values.isEmpty, "an empirical table needs at least one value")
        try require(
            values.count == weights.count,
            "an empirical table needs one weight per value (\(values.count) values, \(weights.count) weights)")
        for value in values {
            try require(value.isFinite && value >= 0, "empirical values must be finite numbers of 0 or more, not \(value)")
        }
        for weight in weights {
            try require(weight.isFinite && weight >= 0, "empirical weights must be finite numbers of 0 or more, not \(weight)")
        }
        let total = weights.reduce(0, +)
        try require(total > 0, "the weights of an empirical table must not all be 0")
        let choice = try Categorical(weights: weights)
        let mean = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        let variance = zip(values, weights).reduce(0) { $0 + ($1.0 - mean) * ($1.0 - mean) * $1.1 } / total
        return Distribution(.empirical(values: values, choice: choice), mean: mean, variance: variance)
    }

    /// One draw from the distribution. Inlined where it is drawn, so that drawing from a
    /// distribution held in an array neither copies it nor goes through a generic witness.
    @inlinable
    public func sample(using stream: RandomStream) -> Double {
        switch kind {
        case .fixed(let value):
            return value
        case .exponential(let mean):
            return stream.exponential(mean: mean)
        case .lognormal(let zeta, let sigma):
            return stream.lognormal(zeta: zeta, sigma: sigma)
        case .gamma(let shape, let scale):
            return stream.gamma(shape: shape, scale: scale)
        case .uniform(let lower, let upper):
            return stream.flat(lower, upper)
        case .triangular(let lower, let mode, let upper):
            return Self.triangularQuantile(stream.uniform(), lower: lower, mode: mode, upper: upper)
        case .empirical(let values, let choice):
            return values[choice.sample(using: stream)]
        }
    }

    // MARK: - Implementation details

    @usableFromInline
    static func triangularQuantile(_ u: Double, lower: Double, mode: Double, upper: Double) -> Double {
        let split = (mode - lower) / (upper - lower)
        if u < split {
            return lower + ((upper - lower) * (mode - lower) * u).squareRoot()
        }
        return upper - ((upper - lower) * (upper - mode) * (1 - u)).squareRoot()
    }

    /// The first index whose cumulative probability exceeds `u` (binary search).
    @inline(__always)
    public static func firstIndex(atLeast u: Double, in cumulative: [Double]) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > u { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(DistributionError) {
        if !condition { throw DistributionError(message: message()) }
    }

    private static func requirePositive(_ value: Double, _ what: String) throws(DistributionError) {
        try require(value.isFinite && value > 0, "\(what) must be a finite number above 0, not \(value)")
    }
}

/// A distribution's parameters were out of range; the message says which and what was expected.
public struct DistributionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// A choice among a few categories with given weights (a routing table, a mix of sources).
///
/// ```swift
/// let rag = try Categorical(weights: [0.1, 0.3, 0.6])
/// let index = rag.sample(using: stream)   // 0, 1 or 2
/// ```
public struct Categorical: Sendable, Hashable {
    let cumulative: [Double]

    /// - Throws: ``DistributionError`` when a weight is negative or not finite, or all are 0.
    public init(weights: [Double]) throws(DistributionError) {
        guard !weights.isEmpty, weights.allSatisfy({ $0.isFinite && $0 >= 0 }), weights.reduce(0, +) > 0 else {
            throw DistributionError(message: "a choice needs weights of 0 or more, not all 0, not \(weights)")
        }
        let total = weights.reduce(0, +)
        var running = 0.0
        var cumulative = weights.map {
            running += $0
            return running / total
        }
        cumulative[cumulative.count - 1] = 1
        self.cumulative = cumulative
    }

    public var count: Int { cumulative.count }

    /// The chance of category `index`.
    public func probability(of index: Int) -> Double { cumulative[index] - (index > 0 ? cumulative[index - 1] : 0) }

    /// The category that a uniform draw `u` in [0, 1) falls in. Using a stored draw lets two
    /// designs with different tables make the closest possible choices (common random numbers).
    @inline(__always)
    public func index(for u: Double) -> Int { Distribution.firstIndex(atLeast: u, in: cumulative) }

    @inline(__always)
    public func sample(using stream: RandomStream) -> Int { index(for: stream.uniform()) }
}
