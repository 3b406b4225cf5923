internal import CGSL

/// Mean and variance of a stream of observations, kept in constant memory (Welford's method).
public struct RunningStatistics: Sendable {
    @usableFromInline var storedCount = 0
    @usableFromInline var storedMean = 0.0
    @usableFromInline var sumOfSquaredDeviations = 0.0

    public init() {}

    /// The number of observations.
    public var count: Int { storedCount }
    /// Their mean (0 before the first).
    public var mean: Double { storedMean }

    @inlinable
    public mutating func add(_ x: Double) {
        storedCount += 1
        let delta = x - storedMean
        storedMean += delta / Double(storedCount)
        sumOfSquaredDeviations += delta * (x - storedMean)
    }

    /// The sample variance (n − 1 in the denominator); 0 with fewer than two observations.
    public var variance: Double { count > 1 ? sumOfSquaredDeviations / Double(count - 1) : 0 }
    public var standardDeviation: Double { variance.squareRoot() }
}

/// The time-weighted average of a quantity that changes at moments in time (a queue length, the
/// number of busy servers), kept as a running integral.
public struct TimeWeightedAverage: Sendable {
    @usableFromInline var area = 0.0
    private var startTime: Double
    @usableFromInline var lastTime: Double
    @usableFromInline var storedValue: Double
    /// The current value of the quantity.
    public var value: Double { storedValue }

    public init(startTime: Double = 0, value: Double = 0) {
        self.startTime = startTime
        self.lastTime = startTime
        storedValue = value
    }

    /// Records that the quantity changes to `newValue` at `time`.
    @inlinable
    public mutating func set(_ newValue: Double, at time: Double) {
        area += value * (time - lastTime)
        lastTime = time
        storedValue = newValue
    }

    /// The integral of the quantity from the start up to `time`.
    public func integral(upTo time: Double) -> Double { area + value * (time - lastTime) }

    /// The average over [start, time].
    public func average(upTo time: Double) -> Double {
        time > startTime ? integral(upTo: time) / (time - startTime) : value
    }

    /// Forgets the history before `time`, keeping the current value (used at the end of a warm-up).
    public mutating func restart(at time: Double) {
        area = 0
        startTime = time
        lastTime = time
    }
}

/// Quantiles of a stream of non-negative observations in constant memory: a log-linear histogram
/// (as in HdrHistogram) whose bins split each power of two into 64 equal parts, so any quantile
/// is known to within 1/128 of its value (under 0.8%). Adding an observation reads its binary
/// exponent and top mantissa bits: no logarithm, no allocation.
///
/// Values from 2⁻³⁰ to 2³⁴ keep that precision (about a millisecond to two million years, in
/// hours); smaller values are counted in the lowest bin, larger ones in the highest.
public struct QuantileHistogram: Sendable {
    @usableFromInline static let subBinBits = 6
    @usableFromInline static let subBins = 1 << subBinBits
    @usableFromInline static let lowestExponent = -30
    @usableFromInline static let highestExponent = 33
    /// Bin 0 holds zeros and values below the range; the rest are log-linear.
    @usableFromInline static let binCount = 1 + (highestExponent - lowestExponent + 1) * subBins
    @usableFromInline var counts = [Int32](repeating: 0, count: binCount)
    @usableFromInline var storedCount = 0
    /// The number of observations.
    public var count: Int { storedCount }

    public init() {}

    @inlinable
    public mutating func add(_ x: Double) {
        storedCount += 1
        counts[Self.bin(of: x)] += 1
    }

    /// The value below which a share `probability` of the observations lie (the smallest bin
    /// reaching that share, reported at its midpoint); nil before any observation.
    public func quantile(_ probability: Double) -> Double? {
        precondition(probability >= 0 && probability <= 1)
        guard count > 0 else { return nil }
        let rank = max(1, Int((probability * Double(count)).rounded(.up)))
        var seen = 0
        for (bin, binCount) in counts.enumerated() {
            seen += Int(binCount)
            if seen >= rank { return Self.midpoint(of: bin) }
        }
        return Self.midpoint(of: Self.binCount - 1)
    }

    @inlinable
    static func bin(of x: Double) -> Int {
        guard x >= 0x1p-30 else { return 0 }
        let bits = x.bitPattern
        let exponent = Int((bits >> 52) & 0x7ff) - 1023
        guard exponent <= highestExponent else { return binCount - 1 }
        let subBin = Int((bits >> UInt64(52 - subBinBits)) & UInt64(subBins - 1))
        return 1 + (exponent - lowestExponent) * subBins + subBin
    }

    static func midpoint(of bin: Int) -> Double {
        if bin == 0 { return 0 }
        let exponent = (bin - 1) / subBins + lowestExponent
        let subBin = (bin - 1) % subBins
        return Double(sign: .plus, exponent: exponent, significand: 1 + (Double(subBin) + 0.5) / Double(subBins))
    }
}

/// Student's t distribution, for confidence intervals from a handful of replications.
public enum StudentT {
    /// The value below which a share `probability` of a t distribution with `degreesOfFreedom` lies
    /// (GSL's `gsl_cdf_tdist_Pinv`).
    public static func quantile(_ probability: Double, degreesOfFreedom: Int) -> Double {
        precondition(probability > 0 && probability < 1 && degreesOfFreedom >= 1)
        GSL.configureOnce
        return gsl_cdf_tdist_Pinv(probability, Double(degreesOfFreedom))
    }
}

/// The standard normal distribution (mean 0, standard deviation 1), for a quantity seen through
/// noise: a uniform draw turned into a normal one, blurred, and turned back.
///
/// ```swift
/// StandardNormal.cdf(0)          // 0.5
/// StandardNormal.quantile(0.975) // 1.959963…
/// ```
public enum StandardNormal {
    /// The share of the distribution at or below `x` (GSL's `gsl_cdf_ugaussian_P`).
    public static func cdf(_ x: Double) -> Double { gsl_cdf_ugaussian_P(x) }

    /// The value below which a share `probability` of the distribution lies (GSL's
    /// `gsl_cdf_ugaussian_Pinv`): −∞ at 0 and +∞ at 1.
    public static func quantile(_ probability: Double) -> Double {
        if probability <= 0 { return -.infinity }
        if probability >= 1 { return .infinity }
        return gsl_cdf_ugaussian_Pinv(probability)
    }
}
