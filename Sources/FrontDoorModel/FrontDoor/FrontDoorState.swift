import BasicContainers
import SimulationEngine

/// One replication of a front door: the event loop's model. It owns the pathway — contacts,
/// the queues at each stage, handoffs, missing information, partner checks and phone lines — and
/// hands the rest to its components: ``Arrivals`` (where contacts come from), ``Workforce`` (who
/// is at work and who takes the next piece of work), ``Decisions`` (outcomes, fatigue and what
/// follows) and ``FrontDoorRecorder`` (what is measured).
struct FrontDoorState: EventDrivenModel, ~Copyable {
    enum EventKind: UInt32 {
        case arrival, workEnd, joinQueue, checksTimeout, callerGivesUp, dayStart, teamOpens, teamCloses, officeCloses, recontact,
            rotaChange, discussionEnds
    }

    /// What the event loop reads and changes of a contact as it moves, kept small so that the
    /// contacts in flight stay in cache; the rest of what is known of it is in ``profiles``.
    struct Contact {
        /// When it joined its queue; once work starts, when the work started.
        var waitingSince = 0.0
        /// The person working on it, or -1.
        var person: Int32 = -1
        /// The stage the contact is at or moving to.
        var stage: Int32 = 0
        var lastTeam: Int32 = -1
        let rag: RAG
        let channel: Channel
        /// The source group of its source, for the stages that take only some.
        let sourceGroup: UInt8
        /// About a case already open: recorded and passed on, with no decision.
        let openCase: Bool
        /// Whether its information is complete (it turns true once missing information has been
        /// obtained).
        var complete: Bool
        var outOfHours = false
        var informationLost = false
        /// Whether it has been through the first stage that asks for missing information (where
        /// a slow contact waits).
        var askedOnce = false
        /// Whether its arrival has happened (its record is made at the start of its day).
        var arrived = false
        /// Whether it arrived in the measured period.
        var measured = true
        /// Whether someone spoke with the caller on a phone line (a conversation, not a form).
        var conversed = false
        /// Whether partner agencies' checks on it were done (not abandoned at their clock).
        var checked = false

        init(_ profile: DemandGenerator.Arrival, sourceGroup: Int) {
            rag = profile.rag
            channel = profile.channel
            self.sourceGroup = UInt8(sourceGroup)
            openCase = profile.openCase
            complete = profile.complete
        }
    }

    let design: FrontDoorDesign
    let length: RunLength
    /// Which stages apply, handoff losses and call-backs.
    let routing: RandomStream
    /// The time work takes, one stream per stage.
    let stageStreams: RandomStreams
    /// The source group of each demand source, by source index.
    let sourceGroups: [Int]
    /// Each stage's rules, and by RAG rating whether contacts take the immediate path and the
    /// share that wait slowly for information, as the loop reads them.
    let rules: StageRules
    let immediate: [Bool]
    let slowShare: [Double]

    var events = EventList(capacity: 1024)
    var arrivals: Arrivals
    var workforce: Workforce
    let decisions: Decisions
    var recorder: FrontDoorRecorder
    var discussions: StrategyDiscussions
    var contacts = EntityPool<Contact>()
    /// Who raised each contact, when, how, how urgent, and its fixed draws, by contact number.
    var profiles: [DemandGenerator.Arrival] = []
    /// The queues of each stage, one for each RAG rating, at `stage × 3 + queue`.
    var queues = UniqueArray<ContactQueue>()
    var undecided = 0
    /// The most contacts a day has brought so far: room made for the next day's at once.
    var dayBatchCapacity = 0

    init(design prepared: PreparedDesign, length: RunLength, seeds: SeedPlan, replication: Int) {
        let design = prepared.design
        self.design = design
        self.length = length
        func stream(_ purpose: StreamPurpose) -> RandomStream { RandomStream(seed: seeds.seed(replication: replication, purpose: purpose)) }
        let routing = stream(.routing)
        self.routing = routing
        arrivals = Arrivals(
            design: prepared, days: Int((length.horizonHours / 24).rounded(.up)), stream: stream(.contacts),
            backlogStream: stream(.startingBacklog), recontactStream: routing, changesStream: stream(.demandChanges),
            perceptionStream: stream(.perception))
        workforce = Workforce(design: prepared, absenceStream: stream(.absence))
        stageStreams = RandomStreams(design.stages.indices.map { stream(.work(stage: $0)) })
        decisions = Decisions(design: prepared, stream: routing)
        recorder = FrontDoorRecorder(
            sources: design.demand.sources.count, teams: design.teams.count, stages: design.stages.count, length: length,
            office: design.calendar.office, hoursPerWorkingDay: design.calendar.hoursPerWorkingDay)
        sourceGroups = design.demand.sources.map(\.group.rawValue)
        rules = StageRules(design.stages, teams: design.teams.count)
        immediate = design.flow.immediate
        slowShare = design.flow.slowShare
        for _ in 0..<design.stages.count * RAG.allCases.count { queues.append(ContactQueue()) }
        discussions = StrategyDiscussions(rule: design.strategyDiscussion, teams: design.teams.count, stream: stream(.strategyDiscussions))
    }

    mutating func run() -> FrontDoorReplication {
        events.schedule(at: 0, kind: EventKind.dayStart.rawValue, subject: 0)
        let (handled, stoppedAt) = run(length)
        assert(isConserved(), "contacts received are not all decided, waiting, in work or lost")
        // Busy time was counted in full when work started; take off what falls after the end.
        let waitingMeasured = contacts.liveIDs.reduce(0) { $0 + (contacts[$1].arrived && contacts[$1].measured ? 1 : 0) }
        return recorder.finish(
            events: handled, stoppedAt: stoppedAt, waiting: undecided, waitingMeasured: waitingMeasured,
            busyAfterEnd: workforce.busyHours(after: stoppedAt))
    }

    /// Whether every contact that has arrived is decided, lost, or still here waiting or in work:
    /// the contacts alive that have arrived are exactly those not yet decided, and the people
    /// at work on a contact are exactly the busy ones. Checked after every replication in debug
    /// builds.
    func isConserved() -> Bool {
        let arrived = contacts.liveIDs.filter { contacts[$0].arrived }
        let inWork = arrived.filter { contacts[$0].person >= 0 }
        return arrived.count == undecided && inWork.count + discussions.peopleInMeetings == workforce.busyCount
    }

    /// Stops a run that can no longer keep up, so that memory stays bounded.
    var mustStop: Bool { undecided + discussions.waitingCount > FrontDoorSimulation.backlogLimit }

    mutating func warmUpEnded(at time: Double) { recorder.warmUpEnded() }

    mutating func handle(_ event: Event) {
        let subject = event.subject, time = event.time
        switch EventKind(rawValue: event.kind) {
        case .arrival?: arrive(subject, at: time)
        case .recontact?: arrive(subject, at: time, isRecontact: true)
        case .workEnd?: finishWork(of: subject, at: time)
        case .joinQueue?: join(subject, at: time)
        case .checksTimeout?: timeOut(subject, token: event.token, at: time)
        case .callerGivesUp?: giveUp(subject, token: event.token, at: time)
        case .dayStart?: startDay(Int(subject), at: time)
        case .teamOpens?: workforce.setOpen(Int(subject), true)
        case .teamCloses?: workforce.setOpen(Int(subject), false)
        case .rotaChange?: changeShifts(slot: Int(subject), at: time)
        case .officeCloses?: recorder.officeClosed(day: Int(subject), waiting: undecided)
        case .discussionEnds?: endDiscussion(slot: subject, at: time)
        case nil: assertionFailure("event kind \(event.kind) is not one this model schedules")
        }
    }

    // MARK: Days

    mutating func startDay(_ day: Int, at now: Double) {
        if recorder.countsDecisions(ofDayBefore: day) { workforce.recordDecisionDays(into: &recorder) }
        recorder.dayStarted(day, at: now)
        workforce.startDay(
            day, events: &events, opens: EventKind.teamOpens.rawValue, closes: EventKind.teamCloses.rawValue,
            rotaChange: EventKind.rotaChange.rawValue, recorder: &recorder)
        // The day's contacts are known at its start: they wait in the event list's sorted lane.
        var batch: [(time: Double, kind: UInt32, subject: Int32)] = []
        batch.reserveCapacity(dayBatchCapacity)
        // A day brings at most enough new contacts to pass the overload limit on its own (a day
        // that would bring more belongs to a run that stops), so the contacts held stay bounded.
        arrivals.contacts(onDay: day, room: FrontDoorSimulation.backlogLimit + 1) { arrival in
            let id = contacts.make(Contact(arrival, sourceGroup: sourceGroups[arrival.source]))
            if Int(id) == profiles.count { profiles.append(arrival) } else { profiles[Int(id)] = arrival }
            batch.append((arrival.time, (arrival.isRecontact ? EventKind.recontact : .arrival).rawValue, id))
        }
        dayBatchCapacity = max(dayBatchCapacity, batch.count)
        events.schedule(batch: batch)
        let calendar = design.calendar
        if calendar.isWorkingDay(day), let close = calendar.office.openIntervals(onDay: day).last?.upperBound {
            events.schedule(at: close, kind: EventKind.officeCloses.rawValue, subject: Int32(day))
        }
        events.schedule(at: now + 24, kind: EventKind.dayStart.rawValue, subject: Int32(day + 1))
    }

    /// People come on shift (and look for work) or go off it, in the order of their shifts.
    mutating func changeShifts(slot: Int, at now: Double) {
        for change in workforce.rotaChanges[slot] {
            let person = Int(change.person)
            workforce.setOnShift(person, change.on)
            if change.on { dispatch(person, at: now) }
        }
        workforce.release(rotaSlot: slot)
    }

    // MARK: Contacts

    mutating func arrive(_ id: Int32, at now: Double, isRecontact: Bool = false) {
        contacts[id].outOfHours = !design.calendar.office.isOpen(at: now)
        contacts[id].measured = recorder.measuring
        contacts[id].arrived = true
        undecided += 1
        recorder.received(
            source: profiles[Int(id)].source, rag: contacts[id].rag, at: now, isRecontact: isRecontact,
            delay: now - profiles[Int(id)].incidentTime, children: profiles[Int(id)].children, awaitsDecision: !contacts[id].openCase)
        contacts[id].stage = 0
        moveOn(id, at: now)
    }

    /// Sends a contact to the next stage that applies to it, from `contacts[id].stage` on.
    mutating func moveOn(_ id: Int32, at now: Double) {
        while contacts[id].stage < rules.count {
            let s = Int(contacts[id].stage)
            let share = rules.appliesTo[s * RAG.allCases.count + contacts[id].rag.rawValue]
            let applies =
                (!rules.outOfHoursOnly[s] || contacts[id].outOfHours)
                && rules.takesSourceGroup[s * SourceGroup.allCases.count + Int(contacts[id].sourceGroup)]
                && (share >= 1 || routing.uniform() < share)
            if applies { break }
            contacts[id].stage += 1
        }
        guard contacts[id].stage < rules.count else {
            // No deciding stage applied: the pathway is validated to make this impossible.
            preconditionFailure("contact left the pathway undecided")
        }
        let stageIndex = Int(contacts[id].stage)
        let rag = contacts[id].rag.rawValue
        // The immediate path waits for nothing: information is gathered alongside the work.
        let waits = !immediate[rag] && !contacts[id].openCase
        var handoff = 0.0, information = 0.0, slow = 0.0
        if contacts[id].lastTeam >= 0 && Int(contacts[id].lastTeam) != rules.team[stageIndex] {
            recorder.handedOff()
            if waits { handoff = design.flow.handoffDelay.sample(using: routing) }
            if routing.uniform() < design.flow.handoffInformationLoss { contacts[id].informationLost = true }
        }
        if rules.asksForMissingInformation[stageIndex] && !contacts[id].openCase {
            if !contacts[id].complete || contacts[id].informationLost {
                recorder.askedForInformation()
                if waits { information = design.flow.informationWait.sample(using: routing) }
                contacts[id].complete = true
                contacts[id].informationLost = false
            }
            if !contacts[id].askedOnce && waits && Double(profiles[Int(id)].slow) < slowShare[rag] {
                recorder.waitedSlowly()
                slow = design.flow.slowWait.sample(using: routing)
            }
            contacts[id].askedOnce = true
        }
        let delay = handoff + information + slow
        if delay > 0 {
            recorder.delayed(handoff: handoff, information: information, slow: slow)
            events.schedule(at: now + delay, kind: EventKind.joinQueue.rawValue, subject: id)
        } else {
            join(id, at: now)
        }
    }

    /// The contact joins its stage's queue, or starts at once if someone is free.
    mutating func join(_ id: Int32, at now: Double) {
        let stageIndex = Int(contacts[id].stage)
        contacts[id].waitingSince = now
        let isCaller = rules.isCaller[stageIndex * Channel.allCases.count + contacts[id].channel.rawValue]
        if isCaller { recorder.rang() }
        // A person held for a strategy discussion still takes a contact on the immediate path.
        if let person = workforce.freePerson(team: rules.team[stageIndex], cover: rules.coverTeam[stageIndex]),
            immediate[contacts[id].rag.rawValue] || !discussions.holds(team: workforce.people[person].team, teams: workforce.teams)
        {
            start(id, stage: stageIndex, person: person, at: now)
            return
        }
        // Most urgent first; or in order of arrival, the immediate path ahead of the rest.
        let rag = contacts[id].rag.rawValue
        let queue = rules.byPriority[stageIndex] ? rag : immediate[rag] ? 0 : 1
        let token = contacts.token(id)
        queues[stageIndex * RAG.allCases.count + queue].push(id, token: token)
        if rules.hasChecksClock[stageIndex] {
            events.schedule(
                at: now + rules.checksClock[stageIndex * RAG.allCases.count + rag], kind: EventKind.checksTimeout.rawValue, subject: id,
                token: token)
        }
        if isCaller, workforce.teams[rules.team[stageIndex]].open, let phone = design.stages[stageIndex].phone {
            // Callers ringing while the line is closed are assumed to ring again when it opens.
            events.schedule(
                at: now + phone.patience.sample(using: routing), kind: EventKind.callerGivesUp.rawValue, subject: id, token: token)
        }
    }

    /// Whether a timer or queue entry made with `token` still stands for a contact that waits.
    func isWaiting(_ id: Int32, token: UInt32) -> Bool {
        contacts.isCurrent(id, token: token) && contacts[id].person < 0
    }

    mutating func timeOut(_ id: Int32, token: UInt32, at now: Double) {
        guard isWaiting(id, token: token) else { return }
        contacts.renewToken(id)
        recorder.checksOutOfTime()
        contacts[id].lastTeam = Int32(rules.team[Int(contacts[id].stage)])
        contacts[id].stage += 1
        moveOn(id, at: now)
    }

    mutating func giveUp(_ id: Int32, token: UInt32, at now: Double) {
        guard isWaiting(id, token: token) else { return }
        contacts.renewToken(id)
        recorder.callerGaveUp()
        // Only a phone line's callers are given up on.
        guard let phone = design.stages[Int(contacts[id].stage)].phone else { return assertionFailure("a caller off a phone line") }
        if routing.uniform() < phone.callBackProbability {
            events.schedule(at: now + phone.callBackDelay.sample(using: routing), kind: EventKind.joinQueue.rawValue, subject: id)
        } else {
            recorder.callerLost(calledWhileMeasuring: contacts[id].measured)
            undecided -= 1
            contacts.release(id)
        }
    }

}
