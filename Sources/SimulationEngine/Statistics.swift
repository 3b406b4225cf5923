internal import CGSL

/// Mean and variance of a stream of observations, kept in constant memory (Welford's method).
public struct RunningStatistics: Sendable {
    public private(set) var count = 0
    public private(set) var mean = 0.0
    private var sumOfSquaredDeviations = 0.0

    public init() {}

    @inline(__always)
    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (x - mean)
    }

    /// The sample variance (n − 1 in the denominator); 0 with fewer than two observations.
    public var variance: Double { count > 1 ? sumOfSquaredDeviations / Double(count - 1) : 0 }
    public var standardDeviation: Double { variance.squareRoot() }
}

/// The time-weighted average of a quantity that changes at moments in time (a queue length, the
/// number of busy servers), kept as a running integral.
public struct TimeWeightedAverage: Sendable {
    private var area = 0.0
    private var startTime: Double
    private var lastTime: Double
    /// The current value of the quantity.
    public private(set) var value: Double

    public init(startTime: Double = 0, value: Double = 0) {
        self.startTime = startTime
        self.lastTime = startTime
        self.value = value
    }

    /// Records that the quantity changes to `newValue` at `time`.
    @inline(__always)
    public mutating func set(_ newValue: Double, at time: Double) {
        area += value * (time - lastTime)
        lastTime = time
        value = newValue
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

/// An estimate of one quantile of a stream of observations in constant memory, by the P² algorithm
/// (Jain and Chlamtac, 1985): five markers whose heights are adjusted by piecewise-parabolic
/// interpolation as observations arrive. Exact for five or fewer observations.
public struct QuantileEstimator: Sendable {
    /// The quantile estimated, between 0 and 1.
    public let probability: Double
    private var heights: [Double] = []
    private var positions: [Double] = [1, 2, 3, 4, 5]
    private var desired: [Double]
    private let increments: [Double]
    public private(set) var count = 0

    public init(probability: Double) {
        precondition(probability > 0 && probability < 1, "a quantile's probability must lie strictly between 0 and 1")
        self.probability = probability
        desired = [1, 1 + 2 * probability, 1 + 4 * probability, 3 + 2 * probability, 5]
        increments = [0, probability / 2, probability, (1 + probability) / 2, 1]
        heights.reserveCapacity(5)
    }

    public mutating func add(_ x: Double) {
        count += 1
        if heights.count < 5 {
            heights.append(x)
            if heights.count == 5 { heights.sort() }
            return
        }
        let cell: Int
        if x < heights[0] {
            heights[0] = x
            cell = 0
        } else if x >= heights[4] {
            heights[4] = x
            cell = 3
        } else {
            var k = 0
            while x >= heights[k + 1] { k += 1 }
            cell = k
        }
        for i in (cell + 1)..<5 { positions[i] += 1 }
        for i in 0..<5 { desired[i] += increments[i] }
        for i in 1...3 {
            let offset = desired[i] - positions[i]
            if (offset >= 1 && positions[i + 1] - positions[i] > 1) || (offset <= -1 && positions[i - 1] - positions[i] < -1) {
                let step: Double = offset > 0 ? 1 : -1
                let parabolic = parabolicHeight(i, step)
                if heights[i - 1] < parabolic && parabolic < heights[i + 1] {
                    heights[i] = parabolic
                } else {
                    let j = i + Int(step)
                    heights[i] += step * (heights[j] - heights[i]) / (positions[j] - positions[i])
                }
                positions[i] += step
            }
        }
    }

    private func parabolicHeight(_ i: Int, _ d: Double) -> Double {
        let (qm, q, qp) = (heights[i - 1], heights[i], heights[i + 1])
        let (nm, n, np) = (positions[i - 1], positions[i], positions[i + 1])
        return q + d / (np - nm) * ((n - nm + d) * (qp - q) / (np - n) + (np - n - d) * (q - qm) / (n - nm))
    }

    /// The current estimate; nil before any observation.
    public var estimate: Double? {
        if count == 0 { return nil }
        if heights.count < 5 {
            let sorted = heights.sorted()
            let index = Int((probability * Double(sorted.count - 1)).rounded())
            return sorted[index]
        }
        return heights[2]
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
