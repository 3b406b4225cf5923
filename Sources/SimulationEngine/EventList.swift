/// A scheduled event: what happens, to which entity, and when.
///
/// Kept to 24 bytes so that the event list stays in cache: the insertion order and the kind
/// share one word, and the time is held as an unsigned integer in the same order as the time, so
/// that two events compare as two integer pairs with no branch to guess.
public struct Event: Sendable {
    /// The time, as ``Event/key(_:)`` maps it.
    @usableFromInline var timeKey: UInt64
    /// Insertion order (the high 40 bits), which breaks ties between events at the same time
    /// deterministically, and the kind (the low 24 bits).
    @usableFromInline var order: UInt64
    /// The entity or resource the event concerns.
    public var subject: Int32
    /// The subject's token when the event was scheduled (see ``EntityPool/token(_:)``): a timer
    /// whose token no longer matches has been overtaken and is ignored.
    public var token: UInt32

    /// The most kinds a model may use.
    public static let kindLimit: UInt32 = 1 << 24

    @inlinable
    init(time: Double, sequence: UInt64, kind: UInt32, subject: Int32, token: UInt32) {
        timeKey = Self.key(time)
        order = sequence << 24 | UInt64(kind)
        self.subject = subject
        self.token = token
    }

    /// An event later than any other, kept in the slot after the heap's last.
    @inlinable
    static var sentinel: Event { Event(timeKey: .max, order: .max) }

    @inlinable
    init(timeKey: UInt64, order: UInt64) {
        self.timeKey = timeKey
        self.order = order
        subject = 0
        token = 0
    }

    /// Simulation time at which the event happens.
    @inlinable
    public var time: Double {
        // The inverse of `key`: a set top bit marks a time of zero or more.
        let mask = UInt64(bitPattern: Int64(bitPattern: ~timeKey) >> 63) | 1 << 63
        return Double(bitPattern: timeKey ^ mask)
    }

    /// What the event is; its meaning belongs to the model that scheduled it.
    @inlinable
    public var kind: UInt32 { UInt32(truncatingIfNeeded: order & 0xff_ffff) }

    /// The time's bits, in an order that follows the time's: a time of zero or more gets its top
    /// bit set, a negative time has every bit flipped (negative zero counts as zero).
    @inlinable
    static func key(_ time: Double) -> UInt64 {
        let bits = (time + 0).bitPattern
        return bits ^ (UInt64(bitPattern: Int64(bitPattern: bits) >> 63) | 1 << 63)
    }
}

/// The future event list: a min-heap ordered by (time, insertion sequence), so that events at the
/// same time happen in the order they were scheduled and every run is reproducible.
///
/// The heap is 4-ary (an event's children are at 4i + 1 … 4i + 4): half the levels of a binary
/// heap, so taking the next event waits on half as many dependent reads, for three comparisons a
/// level instead of one. The MASH ran about 3% faster than on a binary heap (the median of five
/// sets of alternating runs, 1% to 8% in each), the tandem as fast.
/// Any heap gives the same order, since no two events compare equal.
///
/// Events known in bulk ahead of time (a day's arrivals) can be scheduled together with
/// ``schedule(batch:)``: they wait in a sorted lane beside the heap instead of in it, so the heap
/// holds only the events that are really in flight. Order is the same either way.
///
/// - Complexity: O(log n) to schedule or to take the next event, n the events in the heap;
///   about O(k) to schedule a batch of k spread over its span, O(k log k) at worst.
///
/// An event list cannot be copied (a model owns its own): it alone owns the heap's storage, so
/// that changing it never checks whether the storage is shared, and it is freed with the list
/// (which is why the list can be sent to another thread).
public struct EventList: ~Copyable, @unchecked Sendable {
    /// The heap is `heap[0 ..< heapCount]`, in storage for `capacity` events; every slot after
    /// the last event holds ``Event/sentinel``, and there are always at least three of them, so
    /// that every parent has four children to compare.
    @usableFromInline var heap: UnsafeMutablePointer<Event>
    @usableFromInline var capacity: Int
    @usableFromInline var heapCount = 0
    /// Events scheduled in batches, sorted by (time, sequence), from `laneHead` on.
    @usableFromInline var lane: ContiguousArray<Event> = []
    @usableFromInline var laneHead = 0
    @usableFromInline var nextSequence: UInt64 = 0

    public init(capacity: Int = 64) {
        self.capacity = max(capacity, 8)
        heap = .allocate(capacity: self.capacity)
        heap.initialize(repeating: .sentinel, count: self.capacity)
    }

    deinit { heap.deallocate() }

    /// Doubles the heap's storage.
    @usableFromInline
    mutating func grow() {
        let larger = UnsafeMutablePointer<Event>.allocate(capacity: capacity * 2)
        larger.initialize(from: heap, count: heapCount)
        (larger + heapCount).initialize(repeating: .sentinel, count: capacity * 2 - heapCount)
        heap.deallocate()
        heap = larger
        capacity *= 2
    }

    /// The number of events waiting.
    @inlinable public var count: Int { heapCount + lane.count - laneHead }
    @inlinable public var isEmpty: Bool { count == 0 }

    /// The time of the next event, if any.
    @inlinable
    public var nextTime: Double? {
        guard laneHead < lane.count else { return heapCount > 0 ? heap[0].time : nil }
        guard heapCount > 0 else { return lane[laneHead].time }
        let top = heap[0]
        return Self.precedes(top, lane[laneHead]) ? top.time : lane[laneHead].time
    }

    /// Schedules several events at once, with sequence numbers in the order given (so they
    /// happen exactly as if scheduled one by one in that order).
    public mutating func schedule(batch: [(time: Double, kind: UInt32, subject: Int32)]) {
        var events = ContiguousArray<Event>()
        events.reserveCapacity(lane.count - laneHead + batch.count)
        for item in batch {
            events.append(Event(time: item.time, sequence: nextSequence, kind: item.kind, subject: item.subject, token: 0))
            nextSequence &+= 1
        }
        Self.sortByTime(&events)
        if laneHead < lane.count {
            // Merge with what is left of earlier batches.
            var merged = ContiguousArray<Event>()
            merged.reserveCapacity(lane.count - laneHead + events.count)
            var i = laneHead, j = 0
            while i < lane.count || j < events.count {
                if j == events.count || (i < lane.count && Self.precedes(lane[i], events[j])) {
                    merged.append(lane[i])
                    i += 1
                } else {
                    merged.append(events[j])
                    j += 1
                }
            }
            events = merged
        }
        lane = events
        laneHead = 0
    }

    /// Sorts events made in sequence order by (time, sequence), in about linear time for a
    /// batch spread over its hours: each event is placed in one of as many equal slices of the
    /// batch's span as there are events (counting, which keeps the sequence order within a
    /// slice), then put in exact order by insertion, which moves it only past the others of its
    /// slice. A batch so bunched that insertion would move events far is sorted by comparison.
    static func sortByTime(_ events: inout ContiguousArray<Event>) {
        guard events.count > 1 else { return }
        var lowest = Double.infinity, highest = -Double.infinity
        for event in events {
            lowest = min(lowest, event.time)
            highest = max(highest, event.time)
        }
        let slices = events.count
        var scale = Double(slices) / (highest - lowest)
        if !scale.isFinite { scale = 0 }
        func slice(_ time: Double) -> Int { min(Int((time - lowest) * scale), slices - 1) }
        var starts = [Int](repeating: 0, count: slices + 1)
        for event in events { starts[slice(event.time) + 1] += 1 }
        for index in 1...slices { starts[index] += starts[index - 1] }
        var placed = events
        for event in events {
            let index = slice(event.time)
            placed[starts[index]] = event
            starts[index] += 1
        }
        var movesLeft = 8 * events.count
        for i in 1..<placed.count {
            let event = placed[i]
            var j = i
            while j > 0 && precedes(event, placed[j - 1]) {
                placed[j] = placed[j - 1]
                j -= 1
            }
            placed[j] = event
            movesLeft -= i - j
            if movesLeft < 0 {
                placed.sort(by: precedes)
                break
            }
        }
        events = placed
    }

    /// Schedules an event.
    @inlinable
    public mutating func schedule(at time: Double, kind: UInt32, subject: Int32, token: UInt32 = 0) {
        assert(kind < Event.kindLimit, "an event kind must be below 2^24")
        let event = Event(time: time, sequence: nextSequence, kind: kind, subject: subject, token: token)
        nextSequence &+= 1
        if heapCount + 4 > capacity { grow() } // room for the event and the three sentinels after it
        Self.climb(event, from: heapCount, in: heap)
        heapCount += 1
        checkSentinels()
    }

    /// Checks, in debug builds, the rule `next` relies on: the three slots after the last event
    /// hold sentinels, so that every parent has four children to compare.
    @inlinable @inline(__always)
    func checkSentinels() {
        #if DEBUG
            assert(heapCount + 3 <= capacity, "fewer than three slots after the last event")
            for slot in heapCount..<heapCount + 3 {
                assert(heap[slot].timeKey == .max && heap[slot].order == .max, "slot \(slot), after the last event, is not a sentinel")
            }
        #endif
    }

    /// Puts `event` in the hole at `hole`, moving it up past the events it precedes.
    @inlinable @inline(__always)
    static func climb(_ event: Event, from hole: Int, in buffer: UnsafeMutablePointer<Event>) {
        var hole = hole
        while hole > 0 {
            let parent = (hole - 1) >> 2
            guard precedes(event, buffer[parent]) else { break }
            buffer[hole] = buffer[parent]
            hole = parent
        }
        buffer[hole] = event
    }

    /// Removes and returns the earliest event, or nil when none is left.
    ///
    /// The hole left at the root moves down to a leaf along the earliest of each four children
    /// (found by comparing two pairs and their winners, without a branch: the slots after the
    /// last event hold sentinels later than any, so every hole has four children to compare),
    /// then the last event climbs from there: it nearly always belongs near the bottom, so this
    /// takes fewer comparisons than the textbook sift-down.
    @inlinable @inline(__always)
    public mutating func next() -> Event? {
        if laneHead < lane.count, heapCount == 0 || Self.precedes(lane[laneHead], heap[0]) {
            laneHead += 1
            return lane[laneHead - 1]
        }
        guard heapCount > 0 else { return nil }
        heapCount -= 1
        let count = heapCount, buffer = heap
        let first = buffer[0]
        let last = buffer[count]
        buffer[count] = Event.sentinel
        defer { checkSentinels() }
        if count == 0 { return first }
        var hole = 0
        var child = 1
        while child < count {
            let a = child &+ (Self.precedes(buffer[child &+ 1], buffer[child]) ? 1 : 0)
            let b = child &+ 2 &+ (Self.precedes(buffer[child &+ 3], buffer[child &+ 2]) ? 1 : 0)
            let earliest = Self.precedes(buffer[b], buffer[a]) ? b : a
            buffer[hole] = buffer[earliest]
            hole = earliest
            child = 4 &* hole &+ 1
        }
        Self.climb(last, from: hole, in: buffer)
        return first
    }

    /// Removes and returns the earliest event if it happens at or before `limit`.
    @inlinable
    public mutating func next(notAfter limit: Double) -> Event? {
        if laneHead < lane.count, heapCount == 0 || Self.precedes(lane[laneHead], heap[0]) {
            guard lane[laneHead].time <= limit else { return nil }
            laneHead += 1
            return lane[laneHead - 1]
        }
        guard heapCount > 0, heap[0].time <= limit else { return nil }
        return next()
    }

    /// Whether `a` comes before `b`: earlier, or at the same time and scheduled first. Computed
    /// as one two-word integer comparison, with no branch.
    @inlinable
    static func precedes(_ a: Event, _ b: Event) -> Bool {
        let earlier: UInt8 = a.timeKey < b.timeKey ? 1 : 0
        let same: UInt8 = a.timeKey == b.timeKey ? 1 : 0
        let sooner: UInt8 = a.order < b.order ? 1 : 0
        return earlier | (same & sooner) != 0
    }
}
