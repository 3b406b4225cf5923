import Testing

@testable import SimulationEngine

@Suite struct EntityPoolTests {
    @Test func numbersAreReusedAndOldTokensGoStale() {
        var pool = EntityPool<String>()
        let a = pool.make("a"), b = pool.make("b")
        let stamp = pool.token(a)
        pool.release(a)
        // The pool cannot be copied, so each answer is read out before it is checked.
        let releasedIsCurrent = pool.isCurrent(a, token: stamp)
        #expect(!releasedIsCurrent)
        let c = pool.make("c")
        let (recordC, recordB) = (pool[c], pool[b])
        #expect(c == a && recordC == "c" && recordB == "b")
        let reusedIsCurrent = pool.isCurrent(c, token: stamp)
        #expect(!reusedIsCurrent)
        let (live, capacity) = (pool.live, pool.capacity)
        #expect(live == 2 && capacity == 2)
        let fresh = pool.token(c)
        pool.renewToken(c)
        let renewedIsCurrent = pool.isCurrent(c, token: fresh)
        #expect(!renewedIsCurrent)
    }
}
