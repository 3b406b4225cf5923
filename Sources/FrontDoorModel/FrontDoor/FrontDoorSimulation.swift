import Foundation
import SimulationEngine

/// Runs one replication of a ``FrontDoorDesign``.
///
/// Random streams, one per purpose: arrivals (the contacts and everything about them), routing
/// (which stages apply, handoff losses, call-backs, re-contacts), absence (people's leave and
/// sickness) and one per stage for the time work takes. Two designs run with the same seed
/// therefore receive the same contacts, and the same people are away on the same days wherever
/// the teams are the same.
public enum FrontDoorSimulation {
    /// Contacts waiting for a decision beyond which a run stops as hopelessly overloaded, so that
    /// memory stays bounded whatever the design.
    public static let backlogLimit = 200_000

    public static func run(_ design: FrontDoorDesign, length: RunLength, seeds: SeedPlan, replication: Int) -> FrontDoorReplication {
        var state = FrontDoorState(design: design, length: length, seeds: seeds, replication: replication)
        return state.run()
    }
}

/// The random streams of a front door, one per purpose.
extension StreamPurpose {
    /// The contacts and everything about them.
    static let contacts = StreamPurpose(rawValue: 0)
    /// Which stages apply, handoff losses, call-backs and re-contacts.
    static let routing = StreamPurpose(rawValue: 1)
    /// People's leave, training and sickness.
    static let absence = StreamPurpose(rawValue: 2)
    /// The backlog waiting at the start.
    static let startingBacklog = StreamPurpose(rawValue: 3)
    /// The time work takes at the stage with the given index, one stream per stage.
    static func work(stage: Int) -> StreamPurpose { .numbered(stage, from: 16) }
}

struct FrontDoorState: EventDrivenModel {
    enum EventKind: UInt32 {
        case arrival, workEnd, joinQueue, checksTimeout, callerGivesUp, dayStart, teamOpens, teamCloses, officeCloses, recontact,
             rotaChange
    }

    struct Contact {
        /// Who raised it, when, how, how urgent, and its fixed draws; `profile.complete` turns
        /// true once missing information has been obtained.
        var profile: DemandGenerator.Arrival
        var outOfHours = false
        /// The stage the contact is at or moving to.
        var stage = 0
        var lastTeam = -1
        var waitingSince = 0.0
        var person = -1
        var informationLost = false
        /// Whether its arrival has happened (its record is made at the start of its day).
        var arrived = false
        var measured = true
    }

    struct Person {
        let team: Int
        /// This person's place in the team's list of people.
        let slot: Int
        let fte: Double
        /// This person's hours, an index into `shifts`: the team's, or an early or late shift within them.
        let shift: Int
        /// Working weekdays (Monday = 0) for a part-time person; all for full time.
        let rotaDays: Set<Int>
        var absent: [Bool] = []
        var absenceYear = -1
        var present = false
        var onShift = false
        var busy = false
        /// When the work in hand ends.
        var busyUntil = 0.0
        var decisionsToday = 0
        var workToday = 0
    }

    struct TeamState {
        var open = false
        var presentToday = 0
        var people: [Int] = []
        /// The team's people on shift and free, by work taken today, then by place in the team:
        /// the next piece of work goes to the first.
        var free = IndexedMinHeap(capacity: 0)
        /// Stages this team works, latest in the pathway first (finishing work frees the queue).
        var stages: [Int] = []
        /// Stages this team covers when their own team is all away.
        var coveredStages: [Int] = []
    }

    let design: FrontDoorDesign
    let length: RunLength
    let generator: DemandGenerator
    let arrivals: RandomStream
    let routing: RandomStream
    let absenceStream: RandomStream
    /// Draws for the backlog waiting at the start, kept apart so that the day-by-day arrivals are
    /// the same with or without one.
    let initialStream: RandomStream
    let stageStreams: [RandomStream]
    /// Per stage, its own outcome tables where it has them.
    let stageOutcomeTables: [[Categorical]?]
    /// The design's outcome tables adjusted for each channel's referral factor: `[rag][channel]`.
    let referralFactorTables: [[Categorical]]
    let deciderTeams: Set<Int>
    /// The source group of each demand source, by source index.
    let sourceGroups: [Int]

    var events = EventList(capacity: 1024)
    var contacts = EntityPool<Contact>()
    var people: [Person] = []
    /// Every distinct working pattern: each team's hours, and its early and late shifts.
    var shifts: [WeeklySchedule] = []
    /// People coming on or going off shift at one moment, in the order of their shifts, by the
    /// slot named in a `rotaChange` event; `freeRotaSlots` are ready for reuse.
    var rotaChanges: [[(person: Int32, on: Bool)]] = []
    var freeRotaSlots: [Int32] = []
    /// Scratch space for a day's shift changes.
    var dayShiftChanges: [(time: Double, order: Int, person: Int32, on: Bool)] = []
    var teams: [TeamState]
    var queues: [[ContactQueue]]
    var undecided = 0
    /// Re-contacts waiting to arrive, by day of arrival modulo the bucket count: they come up to
    /// a year after a case closes, so they are held here rather than in the event list, which
    /// then holds about a day of events.
    var recontactBuckets = [[DemandGenerator.Arrival]](repeating: [], count: 367)
    var measuring: Bool
    var result = FrontDoorReplication()

    init(design: FrontDoorDesign, length: RunLength, seeds: SeedPlan, replication: Int) {
        self.design = design
        self.length = length
        generator = DemandGenerator(demand: design.demand, calendar: design.calendar)
        arrivals = RandomStream(seed: seeds.seed(replication: replication, purpose: .contacts))
        routing = RandomStream(seed: seeds.seed(replication: replication, purpose: .routing))
        absenceStream = RandomStream(seed: seeds.seed(replication: replication, purpose: .absence))
        initialStream = RandomStream(seed: seeds.seed(replication: replication, purpose: .startingBacklog))
        stageStreams = design.stages.indices.map { RandomStream(seed: seeds.seed(replication: replication, purpose: .work(stage: $0))) }
        stageOutcomeTables = design.stages.map { $0.outcomes?.map { try! Categorical(weights: $0) } }
        referralFactorTables = design.outcomes.byRAG.map { table in
            design.outcomes.referralFactorByChannel.map { try! Categorical(weights: OutcomeRules.scaleReferrals(table, by: $0)) }
        }
        deciderTeams = Set(design.stages.filter(\.decides).flatMap { [$0.team] + ($0.coverTeam.map { [$0] } ?? []) })
        sourceGroups = design.demand.sources.map(\.group.rawValue)
        teams = design.teams.map { _ in TeamState() }
        for (teamIndex, team) in design.teams.enumerated() {
            let early = shifts.count, late = shifts.count + 1
            shifts += [Self.shift(of: team, late: false), Self.shift(of: team, late: true)]
            for (personIndex, fte) in team.filledPosts.enumerated() {
                // A part-time person works round(fte × 5) weekdays, staggered across the team.
                let days = fte >= 1 ? Set(0..<7) : Set((0..<max(1, Int((fte * 5).rounded()))).map { ($0 + personIndex) % 5 })
                teams[teamIndex].people.append(people.count)
                people.append(Person(team: teamIndex, slot: personIndex, fte: fte,
                                     shift: Self.isLate(personIndex, share: team.lateShiftShare) ? late : early, rotaDays: days))
            }
            teams[teamIndex].free = IndexedMinHeap(capacity: team.filledPosts.count)
        }
        for (index, stage) in design.stages.enumerated().reversed() {
            teams[stage.team].stages.append(index)
            if let cover = stage.coverTeam { teams[cover].coveredStages.append(index) }
        }
        queues = design.stages.map { _ in Array(repeating: ContactQueue(), count: RAG.allCases.count) }
        measuring = length.warmUpHours == 0
        result.receivedBySource = Array(repeating: 0, count: design.demand.sources.count)
        result.decidedBySource = result.receivedBySource
        result.referredBySource = result.receivedBySource
        result.teamBusyHours = Array(repeating: 0, count: design.teams.count)
        result.teamAvailableHours = Array(repeating: 0, count: design.teams.count)
        result.stageCompleted = Array(repeating: 0, count: design.stages.count)
        result.stageWaitHours = Array(repeating: 0, count: design.stages.count)
    }

    mutating func run() -> FrontDoorReplication {
        events.schedule(at: 0, kind: EventKind.dayStart.rawValue, subject: 0)
        let (handled, stoppedAt) = run(length)
        result.events = handled
        result.stoppedOverloaded = stoppedAt < length.horizonHours
        assert(isConserved(), "contacts received are not all decided, waiting, in work or lost")
        result.measuredHours = max(0, stoppedAt - length.warmUpHours)
        result.undecidedAtEnd = undecided
        // Busy time was counted in full when work started; take off what falls after the end.
        for person in people where person.busy && person.busyUntil > stoppedAt {
            result.teamBusyHours[person.team] -= shifts[person.shift].workingHours(from: stoppedAt, to: person.busyUntil)
        }
        return result
    }

    /// Whether every contact that has arrived is decided, lost, or still here waiting or in work:
    /// the contacts alive that have arrived are exactly those not yet decided, and the people
    /// at work on a contact are exactly the busy ones. Checked after every replication in debug
    /// builds.
    func isConserved() -> Bool {
        let arrived = contacts.liveIDs.filter { contacts[$0].arrived }
        let inWork = arrived.filter { contacts[$0].person >= 0 }
        return arrived.count == undecided && inWork.count == people.filter(\.busy).count
    }

    /// Stops a run that can no longer keep up, so that memory stays bounded.
    var mustStop: Bool { undecided > FrontDoorSimulation.backlogLimit }

    mutating func warmUpEnded(at time: Double) { measuring = true }

    mutating func handle(_ event: Event) {
        let subject = event.subject, time = event.time
        switch EventKind(rawValue: event.kind)! {
        case .arrival: arrive(subject, at: time)
        case .recontact: arrive(subject, at: time, isRecontact: true)
        case .workEnd: finishWork(of: subject, at: time)
        case .joinQueue: join(subject, at: time)
        case .checksTimeout: timeOut(subject, token: event.token, at: time)
        case .callerGivesUp: giveUp(subject, token: event.token, at: time)
        case .dayStart: startDay(Int(subject), at: time)
        case .teamOpens: teams[Int(subject)].open = true
        case .teamCloses: teams[Int(subject)].open = false
        case .rotaChange: changeShifts(slot: Int(subject), at: time)
        case .officeCloses: recordBacklog(day: Int(subject))
        }
    }

    // MARK: Contacts

    mutating func makeContact(_ arrival: DemandGenerator.Arrival) -> Int32 {
        contacts.make(Contact(profile: arrival))
    }

    mutating func arrive(_ id: Int32, at now: Double, isRecontact: Bool = false) {
        contacts[id].outOfHours = !design.calendar.office.isOpen(at: now)
        contacts[id].measured = measuring
        contacts[id].arrived = true
        undecided += 1
        if measuring {
            recordDay(Int(now / 24)) { $0.received += 1 }
            result.received += 1
            result.receivedBySource[contacts[id].profile.source] += 1
            if isRecontact { result.recontacts += 1 }
        }
        contacts[id].stage = 0
        moveOn(id, at: now)
    }

    /// Sends a contact to the next stage that applies to it, from `contacts[id].stage` on.
    mutating func moveOn(_ id: Int32, at now: Double) {
        while contacts[id].stage < design.stages.count {
            let s = contacts[id].stage
            let source = sourceGroups[contacts[id].profile.source]
            let share = design.stages[s].appliesTo[contacts[id].profile.rag.rawValue]
            let applies = (!design.stages[s].outOfHoursOnly || contacts[id].outOfHours) && design.stages[s].sources[source]
                && (share >= 1 || routing.uniform() < share)
            if applies { break }
            contacts[id].stage += 1
        }
        guard contacts[id].stage < design.stages.count else {
            // No deciding stage applied: the pathway is validated to make this impossible.
            preconditionFailure("contact left the pathway undecided")
        }
        let stageIndex = contacts[id].stage
        var delay = 0.0
        if contacts[id].lastTeam >= 0 && contacts[id].lastTeam != design.stages[stageIndex].team {
            if measuring { result.handoffs += 1 }
            delay += design.flow.handoffDelay.sample(using: routing)
            if routing.uniform() < design.flow.handoffInformationLoss { contacts[id].informationLost = true }
        }
        if design.stages[stageIndex].asksForMissingInformation && (!contacts[id].profile.complete || contacts[id].informationLost) {
            if measuring { result.informationRequests += 1 }
            delay += design.flow.informationWait.sample(using: routing)
            contacts[id].profile.complete = true
            contacts[id].informationLost = false
        }
        if delay > 0 {
            events.schedule(at: now + delay, kind: EventKind.joinQueue.rawValue, subject: id)
        } else {
            join(id, at: now)
        }
    }

    /// The contact joins its stage's queue, or starts at once if someone is free.
    mutating func join(_ id: Int32, at now: Double) {
        let stageIndex = contacts[id].stage
        contacts[id].waitingSince = now
        let isCaller = design.stages[stageIndex].phone?.channels[contacts[id].profile.channel.rawValue] ?? false
        if isCaller && measuring { result.phoneAttempts += 1 }
        if let person = freePerson(for: stageIndex) {
            start(id, stage: stageIndex, person: person, at: now)
            return
        }
        let queue = design.stages[stageIndex].byPriority ? contacts[id].profile.rag.rawValue : 0
        let token = contacts.token(id)
        queues[stageIndex][queue].push(id, token: token)
        if case .checks(let clock) = design.stages[stageIndex].kind {
            events.schedule(at: now + clock[contacts[id].profile.rag.rawValue], kind: EventKind.checksTimeout.rawValue, subject: id, token: token)
        }
        if isCaller, let phone = design.stages[stageIndex].phone, teams[design.stages[stageIndex].team].open {
            // Callers ringing while the line is closed are assumed to ring again when it opens.
            events.schedule(at: now + phone.patience.sample(using: routing), kind: EventKind.callerGivesUp.rawValue, subject: id, token: token)
        }
    }

    func isWaiting(_ id: Int32, token: UInt32) -> Bool { Self.isWaiting(id, token: token, in: contacts) }

    /// Whether a timer or queue entry made with `token` still stands for a contact that waits.
    static func isWaiting(_ id: Int32, token: UInt32, in contacts: EntityPool<Contact>) -> Bool {
        contacts.isCurrent(id, token: token) && contacts[id].person < 0
    }

    mutating func timeOut(_ id: Int32, token: UInt32, at now: Double) {
        guard isWaiting(id, token: token) else { return }
        contacts.renewToken(id)
        if measuring { result.checksOutOfTime += 1 }
        contacts[id].lastTeam = design.stages[contacts[id].stage].team
        contacts[id].stage += 1
        moveOn(id, at: now)
    }

    mutating func giveUp(_ id: Int32, token: UInt32, at now: Double) {
        guard isWaiting(id, token: token) else { return }
        contacts.renewToken(id)
        if measuring { result.phoneAbandoned += 1 }
        let phone = design.stages[contacts[id].stage].phone!
        if routing.uniform() < phone.callBackProbability {
            events.schedule(at: now + phone.callBackDelay.sample(using: routing), kind: EventKind.joinQueue.rawValue, subject: id)
        } else {
            if measuring && contacts[id].measured { result.lostCallers += 1 }
            undecided -= 1
            release(id)
        }
    }

    // MARK: Work

    /// A person free to take work at this stage now: present, not busy, team open; from the
    /// stage's own team, or from the cover team when none of its own is at work today.
    func freePerson(for stageIndex: Int) -> Int? {
        var team = design.stages[stageIndex].team
        if teams[team].presentToday == 0, let cover = design.stages[stageIndex].coverTeam { team = cover }
        return teams[team].free.first.map { teams[team].people[$0] }
    }

    /// Keeps the person's place among the team's free people in step with their shift, work
    /// and work taken today.
    mutating func updateAvailability(of person: Int) {
        let team = people[person].team, slot = people[person].slot
        if people[person].onShift && !people[person].busy {
            teams[team].free.insert(slot, key: people[person].workToday)
        } else {
            teams[team].free.remove(slot)
        }
    }

    mutating func dispatch(_ person: Int, at now: Double) {
        let team = people[person].team
        guard people[person].onShift, !people[person].busy else { return }
        if let (id, stageIndex) = nextWaiting(in: teams[team].stages, coverOnly: false)
            ?? nextWaiting(in: teams[team].coveredStages, coverOnly: true) {
            start(id, stage: stageIndex, person: person, at: now)
        }
    }

    /// The next contact waiting at one of `stages` (most urgent first where the stage serves by
    /// priority). With `coverOnly`, only stages whose own team is all away today count.
    mutating func nextWaiting(in stages: [Int], coverOnly: Bool) -> (Int32, Int)? {
        for stageIndex in stages {
            if coverOnly && teams[design.stages[stageIndex].team].presentToday > 0 { continue }
            for queue in 0..<RAG.allCases.count where !queues[stageIndex][queue].isEmpty {
                let id = queues[stageIndex][queue].pop { [contacts] id, token in Self.isWaiting(id, token: token, in: contacts) }
                if let id { return (id, stageIndex) }
            }
        }
        return nil
    }

    mutating func start(_ id: Int32, stage stageIndex: Int, person: Int, at now: Double) {
        contacts.renewToken(id)
        contacts[id].person = person
        people[person].busy = true
        people[person].workToday += 1
        updateAvailability(of: person)
        var hours = design.stages[stageIndex].time.sample(using: stageStreams[stageIndex])
            * design.stages[stageIndex].channelFactors[contacts[id].profile.channel.rawValue] * design.stages[stageIndex].ragFactors[contacts[id].profile.rag.rawValue]
        if design.stages[stageIndex].decides, let fatigue = design.fatigue, people[person].decisionsToday >= fatigue.threshold {
            hours *= fatigue.timeFactor
        }
        if measuring {
            result.stageWaitHours[stageIndex] += now - contacts[id].waitingSince
            result.teamBusyHours[people[person].team] += hours
        }
        let end = shifts[people[person].shift].add(workingHours: hours, to: now)
        people[person].busyUntil = end
        events.schedule(at: end, kind: EventKind.workEnd.rawValue, subject: id)
    }

    mutating func finishWork(of id: Int32, at now: Double) {
        let stageIndex = contacts[id].stage
        let person = contacts[id].person
        if measuring { result.stageCompleted[stageIndex] += 1 }
        people[person].busy = false
        updateAvailability(of: person)
        contacts[id].person = -1
        contacts[id].lastTeam = design.stages[stageIndex].team
        if design.stages[stageIndex].decides {
            decide(id, by: person, at: stageIndex, now: now)
        } else {
            contacts[id].stage += 1
            moveOn(id, at: now)
        }
        dispatch(person, at: now)
    }
}
