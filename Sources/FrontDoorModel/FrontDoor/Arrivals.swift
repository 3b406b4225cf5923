import SimulationEngine

/// Where contacts come from: each day's new contacts, the backlog waiting at the start, and
/// re-contacts, which come back up to a year after a case closes.
struct Arrivals {
    let generator: DemandGenerator
    /// The contacts and everything about them.
    let stream: RandomStream
    /// Draws for the backlog waiting at the start, kept apart so that the day-by-day arrivals are
    /// the same with or without one.
    let backlogStream: RandomStream
    /// Draws for re-contacts (shared with routing, so that they keep their place in its order).
    let recontactStream: RandomStream
    /// Draws for changes in demand that remove some contacts of some ratings or channels.
    let changesStream: RandomStream
    /// Draws for the noise in what a decider will see of each new contact's need, taken in the
    /// order contacts are made (the same in every design), only where the design models it.
    let perceptionStream: RandomStream
    /// Whether the design models the quality of decisions (each new contact then draws the noise
    /// in what its decider will see).
    let judgesNeed: Bool
    /// The chance that a missed child in need comes back needing protection.
    let escalation: Double
    /// Contacts waiting to arrive on a later day — re-contacts, and contacts sent in a batch — by
    /// day of arrival modulo the bucket count: they are held here rather than in the event list,
    /// which then holds about a day of events.
    private var laterBuckets = [[DemandGenerator.Arrival]](repeating: [], count: 367)

    /// Per source, the expected contacts summed over the days before each day of the run and the
    /// year after it: children come back on a day in proportion to their source's volume that
    /// day (its weekdays, months, holidays, peaks, trend and shocks).
    private let cumulativeVolume: [[Double]]

    /// Arrivals for a run of `days` days.
    init(
        design: PreparedDesign, days: Int, stream: RandomStream, backlogStream: RandomStream, recontactStream: RandomStream,
        changesStream: RandomStream, perceptionStream: RandomStream
    ) {
        self.changesStream = changesStream
        self.perceptionStream = perceptionStream
        judgesNeed = design.needChoice != nil
        escalation = design.decisionQuality?.missedNeedEscalation ?? 0
        let generator = DemandGenerator(design)
        self.generator = generator
        self.stream = stream
        self.backlogStream = backlogStream
        self.recontactStream = recontactStream
        cumulativeVolume = design.demand.sources.indices.map { source in
            var sum = 0.0
            return [0]
                + (0..<(days + 366)).map { day in
                    sum += generator.expected(source: source, day: day)
                    return sum
                }
        }
    }

    /// Every contact arriving on `day`: on the first day the starting backlog, then the day's
    /// new contacts (at most `room` of them, so that the contacts made are bounded however
    /// overloaded the day) other than those sent in a later batch, then the contacts held for the
    /// day (re-contacts and batches).
    mutating func contacts(onDay day: Int, room: Int, _ body: (DemandGenerator.Arrival) -> Void) {
        let perception = judgesNeed ? perceptionStream : nil
        let waitingAtStart = day == 0 ? generator.startingBacklog(using: backlogStream, perception: perception) : []
        for arrival in waitingAtStart { body(arrival) }
        for var arrival in generator.contacts(onDay: day, using: stream, limit: room, changes: changesStream, perception: perception) {
            arrival.time = generator.receipt(of: arrival)
            if Int(arrival.time / 24) == day {
                body(arrival)
            } else {
                laterBuckets[Int(arrival.time / 24) % laterBuckets.count].append(arrival)
            }
        }
        let bucket = day % laterBuckets.count
        for held in laterBuckets[bucket] { body(held) }
        // Released rather than kept: a Monday's bucket holds a weekend of batched notifications,
        // and keeping each bucket's largest size would make memory grow with the run's length.
        laterBuckets[bucket] = []
    }

    /// The children of `earlier`, decided at `now` (and referred then, if `referred`), come back
    /// on one of the next 365 days, drawn in proportion to their source's volume, at an hour of
    /// its profile: held for that day. Nothing comes back when the source sends nothing all year
    /// (a shock that stops it). Children in need whose contact was closed (`missed`) come back
    /// one rating more urgent, some of them needing protection by then.
    mutating func comeBack(_ earlier: DemandGenerator.Arrival, referred: Bool, missed: Bool = false, now: Double) {
        let today = Int(now / 24), volume = cumulativeVolume[earlier.source]
        let low = volume[today + 1], high = volume[min(today + 366, volume.count - 1)]
        guard high > low else { return }
        // The child's own draw picks the day, so that it returns on the same day in every design.
        let target = low + earlier.followUp[3] * (high - low)
        var first = today + 1, last = min(today + 365, volume.count - 2)
        while first < last {
            let middle = (first + last) / 2
            if volume[middle + 1] > target { last = middle } else { first = middle + 1 }
        }
        let hour = Double(generator.hours[earlier.source].sample(using: recontactStream)) + recontactStream.uniform()
        // The same child, seen the same way; a missed one comes back more urgent — before the
        // time it reaches the front door is worked out, since a batch holds back only the
        // ratings it names.
        var child = earlier
        if missed {
            child.rag = RAG.allCases[max(child.rag.rawValue - 1, 0)]
            if recontactStream.uniform() < escalation { child.realNeed = .protection }
        }
        let arrival = generator.returning(
            child, at: Double(first) * 24 + hour, lastReferral: referred ? now : earlier.lastReferral, using: recontactStream)
        laterBuckets[Int(arrival.time / 24) % laterBuckets.count].append(arrival)
    }
}
