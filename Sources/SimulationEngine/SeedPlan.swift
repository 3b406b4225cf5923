/// Where the seed of every random stream comes from: a base seed chosen by the user, the
/// replication number, and the purpose of the stream.
///
/// mt19937 uses only the low 32 bits of its seed, so seeds are built as distinct 32-bit values
/// rather than hashed from 64 bits: the counter `replication × purposeSlots + purpose` is added to
/// a scrambled base seed and passed through a bijective 32-bit mixer. Distinct counters therefore
/// give distinct seeds for up to `UInt32.max / purposeSlots` replications; scrambling the base
/// first means that base seeds 1 and 2 do not share streams shifted by one purpose. mt19937 treats
/// seed 0 as 4357, so the one counter that would mix to 0 is mapped to a value no other counter
/// reaches (see ``seed(replication:purpose:)``).
///
/// ```swift
/// let plan = SeedPlan(baseSeed: 2026)
/// let arrivals = RandomStream(seed: plan.seed(replication: 0, purpose: StreamPurpose(rawValue: 0)))
/// ```
public struct SeedPlan: Sendable, Hashable {
    /// The number of purposes a replication may use; purposes are numbered below this.
    public static let purposeSlots: UInt32 = 256

    /// The user's seed. It is 32 bits wide because mt19937 uses only 32 bits of a seed: a wider
    /// seed would promise streams it cannot give.
    public let baseSeed: UInt32

    public init(baseSeed: UInt32) { self.baseSeed = baseSeed }

    /// The seed for one stream of one replication.
    ///
    /// - Precondition: `replication < UInt32.max / purposeSlots` and `purpose.rawValue < purposeSlots`.
    public func seed(replication: Int, purpose: StreamPurpose) -> UInt32 {
        precondition(replication >= 0 && replication < Int(UInt32.max / Self.purposeSlots))
        precondition(purpose.rawValue < Self.purposeSlots)
        let counter = UInt32(replication) &* Self.purposeSlots &+ purpose.rawValue
        let origin = Self.mix(baseSeed ^ 0x9e37_79b9)
        let mixed = Self.mix(origin &+ counter)
        // mix is a bijection with mix(0) == 0, so at most one counter lands on 0, which mt19937
        // would silently treat as 4357. Send it to mix(origin + 2^32 - 1) instead: that input is
        // only reached by a counter of 2^32 - 1, which the precondition rules out.
        return mixed != 0 ? mixed : Self.mix(origin &+ UInt32.max)
    }

    /// MurmurHash3's 32-bit finaliser: a bijection on 32-bit values that spreads nearby
    /// counters far apart.
    static func mix(_ value: UInt32) -> UInt32 {
        var h = value
        h ^= h >> 16
        h &*= 0x85eb_ca6b
        h ^= h >> 13
        h &*= 0xc2b2_ae35
        h ^= h >> 16
        return h
    }
}

/// What a random stream is used for. Each purpose has its own stream in every replication; the
/// model that uses the streams declares its purposes as numbers below ``SeedPlan/purposeSlots``.
///
/// ```swift
/// extension StreamPurpose {
///     static let arrivals = StreamPurpose(rawValue: 0)
///     static func service(stage: Int) -> StreamPurpose { .numbered(stage, from: 16) }
/// }
/// ```
public struct StreamPurpose: Sendable, Hashable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        precondition(rawValue < SeedPlan.purposeSlots)
        self.rawValue = rawValue
    }

    /// The `index`-th of a family of purposes numbered from `first` (one stream per stage, say,
    /// so that adding a stage leaves the draws at the others unchanged).
    public static func numbered(_ index: Int, from first: UInt32) -> StreamPurpose {
        precondition(index >= 0 && index < maximumNumbered(from: first))
        return StreamPurpose(rawValue: first + UInt32(index))
    }

    /// How many purposes a family numbered from `first` can hold.
    public static func maximumNumbered(from first: UInt32) -> Int { Int(SeedPlan.purposeSlots - first) }
}
