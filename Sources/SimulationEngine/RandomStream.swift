internal import CGSL
import Foundation

/// One independent stream of pseudo-random numbers, backed by GSL's Mersenne Twister (mt19937).
///
/// Each purpose in a simulation (arrivals, service times, routing, absence…) draws from its own
/// stream, so that changing how one part of a model uses random numbers leaves the draws of every
/// other part unchanged. That is what makes common random numbers work: two designs run with the
/// same seed see the same arrivals.
///
/// A stream is not thread-safe; create it on the thread that uses it.
public final class RandomStream {
    let generator: UnsafeMutablePointer<gsl_rng>

    /// The 32-bit seed this stream was started from.
    public let seed: UInt32

    /// Creates a stream from a 32-bit seed (see ``SeedPlan`` for how seeds are chosen).
    public init(seed: UInt32) {
        GSL.configureOnce
        // What gsl_rng_alloc does, with Swift's allocator (which, like every allocation in Swift,
        // stops the program if memory runs out rather than returning nothing to check).
        let type = cgsl_rng_mt19937()
        let generator = UnsafeMutablePointer<gsl_rng>.allocate(capacity: 1)
        let state = UnsafeMutableRawPointer.allocate(byteCount: type.pointee.size, alignment: 16)
        generator.initialize(to: gsl_rng(type: type, state: state))
        gsl_rng_set(generator, UInt(seed))
        self.generator = generator
        self.seed = seed
    }

    deinit {
        generator.pointee.state.deallocate()
        generator.deallocate()
    }

    /// A uniform draw on the open-closed interval [0, 1).
    @inline(__always)
    public func uniform() -> Double { gsl_rng_uniform(generator) }

    /// A uniform draw on the open interval (0, 1), safe to take the logarithm of.
    @inline(__always)
    public func uniformPositive() -> Double { gsl_rng_uniform_pos(generator) }

    /// An exponential draw with the given mean, by inversion: −mean × log U with U uniform on
    /// (0, 1). The same law as GSL's `gsl_ran_exponential`, which takes log1p(−U) instead and
    /// costs about three times as much here.
    @inline(__always)
    public func exponential(mean: Double) -> Double { -mean * log(uniformPositive()) }

    /// A standard normal draw (GSL's `gsl_ran_gaussian_ziggurat`, mean 0 and standard deviation 1).
    public func gaussian() -> Double { gsl_ran_gaussian_ziggurat(generator, 1) }

    /// A Poisson count with the given mean (GSL's `gsl_ran_poisson`); 0 for a mean of 0 or less.
    public func poisson(mean: Double) -> Int {
        mean > 0 ? Int(gsl_ran_poisson(generator, mean)) : 0
    }

    /// A lognormal draw with GSL's parameters: the logarithm has mean `zeta` and standard
    /// deviation `sigma`.
    @usableFromInline
    func lognormal(zeta: Double, sigma: Double) -> Double { gsl_ran_lognormal(generator, zeta, sigma) }

    /// A gamma draw with the given shape and scale.
    @usableFromInline
    func gamma(shape: Double, scale: Double) -> Double { gsl_ran_gamma(generator, shape, scale) }

    /// A uniform draw between `lower` and `upper`.
    @usableFromInline
    func flat(_ lower: Double, _ upper: Double) -> Double { gsl_ran_flat(generator, lower, upper) }
}

/// Streams kept by number (one for each stage of a model, say), for an event loop to draw from.
///
/// A stream taken out of an array has its reference counted for the length of the draw, which
/// costs an event loop a few per cent; a draw here borrows the stream instead. The table keeps
/// every stream alive for as long as it, or a copy of it, exists.
///
/// ```swift
/// let streams = RandomStreams((0..<3).map { RandomStream(seed: UInt32($0)) })
/// let hours = streams.sample(service, from: 1)
/// ```
public struct RandomStreams {
    /// The owners of the streams: while the table exists, so does every stream in it.
    let streams: [RandomStream]
    @usableFromInline let borrowed: [Unmanaged<RandomStream>]

    public init(_ streams: [RandomStream]) {
        self.streams = streams
        borrowed = streams.map { Unmanaged.passUnretained($0) }
    }

    /// The number of streams.
    public var count: Int { streams.count }

    /// A draw from `distribution` with stream `index`.
    @inlinable @inline(__always)
    public func sample(_ distribution: Distribution, from index: Int) -> Double {
        borrowed[index]._withUnsafeGuaranteedRef { distribution.sample(using: $0) }
    }
}

/// Process-wide GSL set-up, done once before any GSL call.
enum GSL {
    /// Switches off GSL's default error handler, which would abort the process; the engine
    /// validates parameters before calling GSL instead.
    static let configureOnce: Void = { cgsl_disable_error_handler() }()
}
