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
    /// Contacts waiting to arrive on a later day — re-contacts, and contacts sent in a batch — by
    /// day of arrival modulo the bucket count: they are held here rather than in the event list,
    /// which then holds about a day of events.
    private var laterBuckets = [[(arrival: DemandGenerator.Arrival, isRecontact: Bool)]](repeating: [], count: 367)

    init(design: FrontDoorDesign, stream: RandomStream, backlogStream: RandomStream, recontactStream: RandomStream) {
        generator = DemandGenerator(demand: design.demand, calendar: design.calendar)
        self.stream = stream
        self.backlogStream = backlogStream
        self.recontactStream = recontactStream
    }

    /// Every contact arriving on `day`: on the first day the starting backlog, then the day's
    /// new contacts (at most `room` of them, so that the contacts made are bounded however
    /// overloaded the day) other than those sent in a later batch, then the contacts held for the
    /// day (re-contacts and batches).
    mutating func contacts(onDay day: Int, room: Int, _ body: (DemandGenerator.Arrival, _ isRecontact: Bool) -> Void) {
        let waitingAtStart = day == 0 ? generator.startingBacklog(using: backlogStream) : []
        for arrival in waitingAtStart { body(arrival, false) }
        for var arrival in generator.contacts(onDay: day, using: stream, limit: room) {
            arrival.time = generator.receipt(of: arrival)
            if Int(arrival.time / 24) == day {
                body(arrival, false)
            } else {
                laterBuckets[Int(arrival.time / 24) % laterBuckets.count].append((arrival, false))
            }
        }
        let bucket = day % laterBuckets.count
        for held in laterBuckets[bucket] { body(held.arrival, held.isRecontact) }
        laterBuckets[bucket].removeAll(keepingCapacity: true)
    }

    /// A child from `source` comes back at `time`. Returns the re-contact when it arrives later
    /// on the day of `now` (the caller schedules it); otherwise holds it for its day.
    mutating func recontact(source: Int, at time: Double, now: Double) -> DemandGenerator.Arrival? {
        let arrival = generator.arrival(source: source, at: time, using: recontactStream)
        let day = Int(arrival.time / 24)
        if day == Int(now / 24) { return arrival }
        laterBuckets[day % laterBuckets.count].append((arrival, true))
        return nil
    }
}
