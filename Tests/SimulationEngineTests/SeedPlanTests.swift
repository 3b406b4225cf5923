import Testing

@testable import SimulationEngine

/// Purposes as a model would declare them.
private extension StreamPurpose {
    static let arrivals = StreamPurpose(rawValue: 0)
    static let routing = StreamPurpose(rawValue: 1)
    static let absence = StreamPurpose(rawValue: 2)
    static func service(stage: Int) -> StreamPurpose { .numbered(stage, from: 16) }
}

@Suite struct SeedPlanTests {
    /// mt19937 treats seed 0 as 4357, so two seeds collide if they are equal after that mapping.
    private func effective(_ seed: UInt32) -> UInt32 { seed == 0 ? 4357 : seed }

    @Test(arguments: [UInt32(0), 1, 42, 4357, UInt32.max])
    func noCollisionsAcross100000ReplicationPurposePairs(base: UInt32) {
        let plan = SeedPlan(baseSeed: base)
        let purposes: [StreamPurpose] = [.arrivals, .routing, .absence, .service(stage: 0)]
        var seen = Set<UInt32>()
        for replication in 0..<25_000 {
            for purpose in purposes { seen.insert(effective(plan.seed(replication: replication, purpose: purpose))) }
        }
        #expect(seen.count == 100_000)
    }

    @Test func theZeroSeedIsNeverHandedOut() {
        // mix(0) == 0, so this base seed scrambles to origin 0 and its counter 0 would mix to 0.
        let base: UInt32 = 0x9e37_79b9
        #expect(SeedPlan.mix(SeedPlan.mix(base ^ 0x9e37_79b9)) == 0)
        let plan = SeedPlan(baseSeed: base)
        let seed = plan.seed(replication: 0, purpose: .arrivals)
        #expect(seed != 0)
        #expect(seed != 4357)
        #expect(seed != plan.seed(replication: 0, purpose: .routing))
    }

    @Test func theSameCoordinatesGiveTheSameSeed() {
        let a = SeedPlan(baseSeed: 2026), b = SeedPlan(baseSeed: 2026)
        #expect(a.seed(replication: 17, purpose: .routing) == b.seed(replication: 17, purpose: .routing))
        #expect(a.seed(replication: 17, purpose: .routing) != a.seed(replication: 18, purpose: .routing))
    }

    @Test func neighbouringBaseSeedsDoNotShareStreams() {
        let one = SeedPlan(baseSeed: 1), two = SeedPlan(baseSeed: 2)
        let first = Set(
            (0..<1_000).flatMap { r in [one.seed(replication: r, purpose: .arrivals), one.seed(replication: r, purpose: .routing)] })
        let second = Set(
            (0..<1_000).flatMap { r in [two.seed(replication: r, purpose: .arrivals), two.seed(replication: r, purpose: .routing)] })
        #expect(first.isDisjoint(with: second))
    }

    @Test func aStreamIsReproducibleFromItsSeed() {
        let a = RandomStream(seed: 99), b = RandomStream(seed: 99), c = RandomStream(seed: 100)
        let drawsA = (0..<10).map { _ in a.uniform() }
        #expect(drawsA == (0..<10).map { _ in b.uniform() })
        #expect(drawsA != (0..<10).map { _ in c.uniform() })
    }
}
