import Testing

@testable import SimulationEngine

@Suite struct RingBufferTests {
    @Test func itIsFirstInFirstOutThroughGrowthAndWrapping() {
        var buffer = RingBuffer<Int>()
        var reference: [Int] = []
        var next = 0
        let stream = RandomStream(seed: 21)
        for _ in 0..<10_000 {
            if stream.uniform() < 0.6 {
                buffer.push(next)
                reference.append(next)
                next += 1
            } else {
                #expect(buffer.pop() == (reference.isEmpty ? nil : reference.removeFirst()))
            }
            #expect(buffer.count == reference.count)
        }
    }
}
