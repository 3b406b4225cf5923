/// A scheduled event: what happens, to which entity, and when.
///
/// Kept to 24 bytes so that the event list stays in cache.
public struct Event: Sendable {
    /// Simulation time at which the event happens.
    public var time: Double
    /// Insertion order, which breaks ties between events at the same time deterministically.
    var sequence: UInt64
    /// What the event is; its meaning belongs to the model that scheduled it.
    public var kind: UInt32
    /// The entity or resource the event concerns.
    public var subject: Int32
}

/// The future event list: a binary min-heap ordered by (time, insertion sequence), so that events
/// at the same time happen in the order they were scheduled and every run is reproducible.
///
/// - Complexity: O(log n) to schedule or to take the next event.
public struct EventList: Sendable {
    private var heap: ContiguousArray<Event> = []
    private var nextSequence: UInt64 = 0

    public init(capacity: Int = 64) { heap.reserveCapacity(capacity) }

    /// The number of events waiting.
    public var count: Int { heap.count }
    public var isEmpty: Bool { heap.isEmpty }

    /// The time of the next event, if any.
    public var nextTime: Double? { heap.first?.time }

    /// Schedules an event.
    @inline(__always)
    public mutating func schedule(at time: Double, kind: UInt32, subject: Int32) {
        let event = Event(time: time, sequence: nextSequence, kind: kind, subject: subject)
        nextSequence &+= 1
        heap.append(event)
        heap.withUnsafeMutableBufferPointer { buffer in
            var child = buffer.count - 1
            while child > 0 {
                let parent = (child - 1) >> 1
                guard Self.precedes(event, buffer[parent]) else { break }
                buffer[child] = buffer[parent]
                child = parent
            }
            buffer[child] = event
        }
    }

    /// Removes and returns the earliest event, or nil when none is left.
    ///
    /// The hole left at the root moves down to a leaf along the earlier child of each pair (one
    /// comparison a level), then the last event climbs from there: it nearly always belongs near
    /// the bottom, so this takes about half the comparisons of the textbook sift-down.
    @inline(__always)
    public mutating func next() -> Event? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if heap.isEmpty { return first }
        heap.withUnsafeMutableBufferPointer { buffer in
            let count = buffer.count
            var hole = 0
            while true {
                var child = 2 * hole + 1
                if child >= count { break }
                if child + 1 < count && Self.precedes(buffer[child + 1], buffer[child]) { child += 1 }
                buffer[hole] = buffer[child]
                hole = child
            }
            while hole > 0 {
                let parent = (hole - 1) >> 1
                guard Self.precedes(last, buffer[parent]) else { break }
                buffer[hole] = buffer[parent]
                hole = parent
            }
            buffer[hole] = last
        }
        return first
    }

    /// Removes and returns the earliest event if it happens at or before `limit`.
    @inline(__always)
    public mutating func next(notAfter limit: Double) -> Event? {
        guard let time = heap.first?.time, time <= limit else { return nil }
        return next()
    }

    @inline(__always)
    static func precedes(_ a: Event, _ b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a.sequence < b.sequence)
    }
}
