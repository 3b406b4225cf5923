import Testing
@testable import SimulationEngine

@Suite struct EventListTests {
    @Test func eventsComeOutInTimeOrder() {
        var list = EventList()
        let stream = RandomStream(seed: 7)
        var times: [Double] = []
        for index in 0..<5_000 {
            let time = stream.uniform() * 100
            times.append(time)
            list.schedule(at: time, kind: 0, subject: Int32(index))
        }
        var popped: [Double] = []
        while let event = list.next() { popped.append(event.time) }
        #expect(popped == times.sorted())
    }

    @Test func tiesKeepTheOrderTheyWereScheduledIn() {
        var list = EventList()
        for index in 0..<100 { list.schedule(at: Double(index % 3), kind: 0, subject: Int32(index)) }
        var subjects: [Int32] = []
        while let event = list.next() { subjects.append(event.subject) }
        let expected = (0..<3).flatMap { remainder in (0..<100).filter { $0 % 3 == remainder }.map(Int32.init) }
        #expect(subjects == expected)
    }

    @Test func interleavedSchedulingMatchesASortedReference() {
        var list = EventList()
        var reference: [(Double, Int32)] = []
        let stream = RandomStream(seed: 11)
        var next: Int32 = 0
        for _ in 0..<20_000 {
            if stream.uniform() < 0.55 || reference.isEmpty {
                let time = (stream.uniform() * 50).rounded()  // many ties
                list.schedule(at: time, kind: 1, subject: next)
                reference.append((time, next))
                next += 1
            } else {
                let index = reference.indices.min { reference[$0].0 < reference[$1].0 || (reference[$0].0 == reference[$1].0 && reference[$0].1 < reference[$1].1) }!
                let expected = reference.remove(at: index)
                let event = list.next()!
                #expect(event.time == expected.0 && event.subject == expected.1)
            }
        }
        #expect(list.count == reference.count)
    }

    @Test func anEventIsTwentyFourBytes() {
        #expect(MemoryLayout<Event>.stride == 24)
    }
}

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
