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

    /// Thousands of events scheduled and taken in turn, then every one left taken, against a
    /// sorted reference: from the smallest storage (grown many times) and the usual one.
    @Test(arguments: [1, 64])
    func interleavedSchedulingMatchesASortedReference(capacity: Int) {
        var list = EventList(capacity: capacity)
        var reference: [(Double, Int32)] = []
        let stream = RandomStream(seed: 11)
        var next: Int32 = 0
        for _ in 0..<20_000 {
            if stream.uniform() < 0.55 || reference.isEmpty {
                let time = (stream.uniform() * 50).rounded() // many ties
                list.schedule(at: time, kind: 1, subject: next)
                reference.append((time, next))
                next += 1
            } else {
                let index = reference.indices.min {
                    reference[$0].0 < reference[$1].0 || (reference[$0].0 == reference[$1].0 && reference[$0].1 < reference[$1].1)
                }!
                let expected = reference.remove(at: index)
                let event = list.next()!
                #expect(event.time == expected.0 && event.subject == expected.1)
            }
        }
        #expect(list.count == reference.count)
        reference.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var drained: [(Double, Int32)] = []
        while let event = list.next() { drained.append((event.time, event.subject)) }
        #expect(drained.map(\.0) == reference.map(\.0) && drained.map(\.1) == reference.map(\.1))
    }

    @Test func batchesInterleaveWithSingleEventsAsIfScheduledOneByOne() {
        // The same schedule through batches and through single events gives the same order.
        var batched = EventList(), single = EventList()
        let stream = RandomStream(seed: 5)
        var subject: Int32 = 0
        var popped: ([Int32], [Int32]) = ([], [])
        for round in 0..<200 {
            let base = Double(round)
            var batch: [(time: Double, kind: UInt32, subject: Int32)] = []
            for _ in 0..<Int(stream.uniform() * 8) {
                batch.append(((base + stream.uniform() * 3).rounded(), 0, subject)) // ties with each other and with singles
                subject += 1
            }
            batched.schedule(batch: batch)
            for item in batch { single.schedule(at: item.time, kind: item.kind, subject: item.subject) }
            for _ in 0..<3 {
                let time = (base + stream.uniform() * 3).rounded()
                batched.schedule(at: time, kind: 1, subject: subject)
                single.schedule(at: time, kind: 1, subject: subject)
                subject += 1
            }
            for _ in 0..<Int(stream.uniform() * 10) {
                if let event = batched.next(notAfter: base + 1) { popped.0.append(event.subject) }
                if let event = single.next(notAfter: base + 1) { popped.1.append(event.subject) }
            }
            #expect(batched.count == single.count)
        }
        while let event = batched.next() { popped.0.append(event.subject) }
        while let event = single.next() { popped.1.append(event.subject) }
        #expect(popped.0 == popped.1)
        #expect(popped.0.count == Int(subject))
    }

    @Test(arguments: [(24.0, false), (1e6, false), (24.0, true)])
    func aBatchComesOutInTimeOrderWhateverItsSpread(span: Double, farOutlier: Bool) {
        // A batch spread over a day or over a century is ordered by slices of its span, then
        // exactly; one bunched into a single slice by a far outlier, by comparison. Either way it
        // comes out as the same events scheduled one by one would.
        var batched = EventList(), single = EventList()
        let stream = RandomStream(seed: 9)
        var batch: [(time: Double, kind: UInt32, subject: Int32)] = []
        for subject in 0..<500 {
            let time = stream.uniform() < 0.1 ? 107 : 100 + stream.uniform() * span // some ties
            batch.append((time, 0, Int32(subject)))
        }
        if farOutlier { batch.append((1e12, 0, 500)) }
        batched.schedule(batch: batch)
        for item in batch { single.schedule(at: item.time, kind: item.kind, subject: item.subject) }
        var order: ([Int32], [Int32]) = ([], [])
        while let event = batched.next() { order.0.append(event.subject) }
        while let event = single.next() { order.1.append(event.subject) }
        #expect(order.0 == order.1)
        #expect(order.0.count == batch.count)
    }

    @Test func timesOfEverySignComeBackExactlyAndInOrder() {
        // The heap compares times as integers: negative times, both zeros, the smallest and
        // largest values and infinity must keep the order of the times themselves.
        let times: [Double] = [
            3.5, -0.0, 0, -2.25, .infinity, 1e-300, -.infinity, .leastNonzeroMagnitude,
            -.leastNonzeroMagnitude, .greatestFiniteMagnitude, -1e300, 1
        ]
        var list = EventList()
        for (index, time) in times.enumerated() { list.schedule(at: time, kind: 0, subject: Int32(index)) }
        var popped: [(time: Double, subject: Int32)] = []
        while let event = list.next() { popped.append((event.time, event.subject)) }
        let expected = times.indices.sorted { times[$0] < times[$1] || (times[$0] == times[$1] && $0 < $1) }
        #expect(popped.map(\.subject) == expected.map(Int32.init))
        // Negative zero comes back as zero, and every other time exactly.
        #expect(popped.map(\.time) == expected.map { times[$0] == 0 ? 0 : times[$0] })
        #expect(popped.allSatisfy { $0.time.sign == .plus || $0.time != 0 })
    }

    @Test func anEventIsTwentyFourBytesAndKeepsItsKind() {
        #expect(MemoryLayout<Event>.stride == 24)
        var list = EventList()
        list.schedule(at: 1, kind: Event.kindLimit - 1, subject: -5, token: .max)
        let event = list.next()!
        #expect(event.kind == Event.kindLimit - 1 && event.subject == -5 && event.token == .max)
    }
}
