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
    /// Re-contacts waiting to arrive, by day of arrival modulo the bucket count: they are held
    /// here rather than in the event list, which then holds about a day of events.
    private var recontactBuckets = [[DemandGenerator.Arrival]](repeating: [], count: 367)

    init(design: FrontDoorDesign, stream: RandomStream, backlogStream: RandomStream, recontactStream: RandomStream) {
        generator = DemandGenerator(demand: design.demand, calendar: design.calendar)
        self.stream = stream
        self.backlogStream = backlogStream
        self.recontactStream = recontactStream
    }

    /// Every contact arriving on `day`: on the first day the starting backlog, then the day's
    /// new contacts (at most `room` of them, so that the contacts made are bounded however
    /// overloaded the day), then the re-contacts due that day.
    mutating func contacts(onDay day: Int, room: Int, _ body: (DemandGenerator.Arrival, _ isRecontact: Bool) -> Void) {
        let waitingAtStart = day == 0 ? generator.startingBacklog(using: backlogStream) : []
        for arrival in waitingAtStart + generator.contacts(onDay: day, using: stream, limit: room) { body(arrival, false) }
        let bucket = day % recontactBuckets.count
        for arrival in recontactBuckets[bucket] { body(arrival, true) }
        recontactBuckets[bucket].removeAll(keepingCapacity: true)
    }

    /// A child from `source` comes back at `time`. Returns the re-contact when it arrives later
    /// on the day of `now` (the caller schedules it); otherwise holds it for its day.
    mutating func recontact(source: Int, at time: Double, now: Double) -> DemandGenerator.Arrival? {
        let arrival = generator.arrival(source: source, at: time, using: recontactStream)
        let day = Int(arrival.time / 24)
        if day == Int(now / 24) { return arrival }
        recontactBuckets[day % recontactBuckets.count].append(arrival)
        return nil
    }
}
