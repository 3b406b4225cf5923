import SimulationEngine

/// Everything a front-door replication counts, and the one place that knows whether the run is
/// being measured: nothing before the end of the warm-up counts, apart from the backlog series on
/// which the warm-up itself is checked. The model's components report what happens; the recorder
/// decides what of it is measured.
struct FrontDoorRecorder {
    let length: RunLength
    /// The office's working time, on which timeliness is counted.
    let office: WeeklySchedule
    let hoursPerWorkingDay: Double
    /// The latest times of receipt whose deadline falls inside the run: 1 and 3 working days,
    /// and 4 working hours. Timeliness is counted on the contacts received in the measured
    /// period by these times (the cohort whose deadline the run sees).
    let dueBy: (oneDay: Double, threeDays: Double, fourHours: Double)
    /// Whether the warm-up is over.
    private(set) var measuring: Bool
    private(set) var result = FrontDoorReplication()

    init(sources: Int, teams: Int, stages: Int, length: RunLength, office: WeeklySchedule, hoursPerWorkingDay: Double) {
        self.length = length
        self.office = office
        self.hoursPerWorkingDay = hoursPerWorkingDay
        measuring = length.warmUpHours == 0
        dueBy = (
            office.latestStart(workingHours: hoursPerWorkingDay, endingBy: length.horizonHours),
            office.latestStart(workingHours: 3 * hoursPerWorkingDay, endingBy: length.horizonHours),
            office.latestStart(workingHours: 4, endingBy: length.horizonHours)
        )
        result.receivedBySource = Array(repeating: 0, count: sources)
        result.decidedBySource = result.receivedBySource
        result.referredBySource = result.receivedBySource
        result.teamBusyHours = Array(repeating: 0, count: teams)
        result.teamAvailableHours = Array(repeating: 0, count: teams)
        result.teamDecisionDays = Array(repeating: 0, count: teams)
        result.teamDecisions = Array(repeating: 0, count: teams)
        result.stageCompleted = Array(repeating: 0, count: stages)
        result.stageWaitHours = Array(repeating: 0, count: stages)
        result.stageWorkElapsedHours = Array(repeating: 0, count: stages)
    }

    mutating func warmUpEnded() { measuring = true }

    // MARK: Days

    /// A new day starts at `now`: it gets a record if it is measured and inside the run.
    mutating func dayStarted(_ day: Int, at now: Double) {
        if measuring && now < length.horizonHours { result.days.append(.init(day: day)) }
    }

    /// Whether the decisions of the day before `day` count: only when that day was measured from
    /// its start (the end of the warm-up switches measuring on before the first measured
    /// midnight is handled).
    func countsDecisions(ofDayBefore day: Int) -> Bool {
        measuring && day > 0 && Double(day - 1) * 24 >= length.warmUpHours
    }

    /// The decisions one person of `team` made or signed off on a measured day they were at work.
    mutating func decisionDay(team: Int, manager: Bool, decisions: Int) {
        result.teamDecisionDays[team] += 1
        result.teamDecisions[team] += decisions
        guard manager else { return }
        result.managerDays.add(Double(decisions))
        result.managerDayHistogram.add(Double(decisions))
        result.managerDayMax = max(result.managerDayMax, decisions)
    }

    /// A person of `team` is on shift for `interval`: only the hours inside the measured window
    /// [end of warm-up, horizon) are available.
    mutating func onShift(team: Int, for interval: ClosedRange<Double>) {
        let low = max(interval.lowerBound, length.warmUpHours), high = min(interval.upperBound, length.horizonHours)
        if high > low { result.teamAvailableHours[team] += high - low }
    }

    /// A year of 365 days, in hours: the growth of the backlog compares days a year apart.
    static let yearHours = 365.0 * 24

    /// The backlog at the close of a working day; the series for the warm-up check counts every
    /// day, the measures only measured ones.
    mutating func officeClosed(day: Int, waiting: Int) {
        result.backlogSeries.append(waiting)
        if Double(day + 1) * 24 <= length.horizonHours - Self.yearHours { result.workingDaysAYearBeforeEnd = result.backlogSeries.count }
        guard measuring else {
            result.warmUpWorkingDays += 1
            return
        }
        updateDay(day) { $0.backlog = waiting }
        result.backlog.add(Double(waiting))
        result.backlogHistogram.add(Double(waiting))
        result.backlogMax = max(result.backlogMax, waiting)
    }

    // MARK: Contacts and work

    /// A contact from `source`, rated `rag`, arrives at `now`: one of the cohort whose timeliness
    /// is counted when its deadlines fall inside the run.
    /// `delay` is the time since its incident, above 0 for one its source sent in a batch.
    /// One about an open case does not await a decision, so is not in the timeliness cohort.
    mutating func received(
        source: Int, rag: RAG, at now: Double, isRecontact: Bool, delay: Double = 0, children: Int = 1,
        awaitsDecision: Bool = true
    ) {
        guard measuring else { return }
        let due3 = awaitsDecision && now <= dueBy.threeDays
        updateDay(Int(now / 24)) {
            $0.received += 1
            if due3 { $0.dueWithin3 += 1 }
        }
        result.received += 1
        result.childrenInContacts += children
        if delay > 0 {
            result.batched += 1
            result.batchDelayHours += delay
        }
        result.receivedBySource[source] += 1
        if isRecontact { result.recontacts += 1 }
        guard awaitsDecision else { return }
        if now <= dueBy.oneDay { result.dueWithin1 += 1 }
        if due3 { result.dueWithin3 += 1 }
        if now <= dueBy.fourHours { result.dueWithin4HoursByRAG[rag.rawValue] += 1 }
    }

    /// A contact about a child whose case is open went to the allocated worker.
    mutating func passedToAllocatedWorker() {
        guard measuring else { return }
        result.passedToAllocatedWorker += 1
    }

    mutating func handedOff() { if measuring { result.handoffs += 1 } }
    mutating func askedForInformation() { if measuring { result.informationRequests += 1 } }
    mutating func waitedSlowly() { if measuring { result.slowWaits += 1 } }
    mutating func rang() { if measuring { result.phoneAttempts += 1 } }
    mutating func checksOutOfTime() { if measuring { result.checksOutOfTime += 1 } }
    mutating func callerGaveUp() { if measuring { result.phoneAbandoned += 1 } }

    /// A caller gave up and will not ring again; counted when the call was made in the measured
    /// period.
    mutating func callerLost(calledWhileMeasuring: Bool) {
        if measuring && calledWhileMeasuring { result.lostCallers += 1 }
    }

    mutating func workStarted(stage: Int, team: Int, waited: Double, hours: Double) {
        guard measuring else { return }
        result.stageWaitHours[stage] += waited
        result.teamBusyHours[team] += hours
    }

    /// A piece of work at `stage` ended, `elapsed` hours after it started.
    mutating func workFinished(stage: Int, elapsed: Double) {
        guard measuring else { return }
        result.stageCompleted[stage] += 1
        result.stageWorkElapsedHours[stage] += elapsed
    }

    /// A contact waits `hours` between steps: for a handoff, missing information, or as a slow one.
    mutating func delayed(handoff: Double, information: Double, slow: Double) {
        guard measuring else { return }
        result.handoffDelayHours += handoff
        result.informationDelayHours += information
        result.slowDelayHours += slow
    }

    // MARK: Decisions

    /// A strategy discussion decided on; `counted` when its timeliness is measured.
    mutating func discussionNeeded(counted: Bool) {
        if counted { result.discussionsDue += 1 }
    }

    /// A strategy discussion starts, with people from `teams`.
    mutating func discussionHeld(_ started: StrategyDiscussions.Started, teams: [StrategyDiscussion.Participant]) {
        if started.counted && started.onTime { result.discussionsOnTime += 1 }
        guard measuring else { return }
        result.discussionsHeld += 1
        result.discussionWaitHours += started.waited
        for participant in teams { result.teamBusyHours[participant.team] += started.hours * Double(participant.people) }
    }

    /// A decision, `atFullEffect` when made at the top of the fatigue ramp; `changed` when fatigue
    /// turned it into the default decision.
    mutating func decidedUnderFatigue(atFullEffect: Bool, changed: Bool) {
        guard measuring else { return }
        if atFullEffect { result.decisionsAtFullFatigue += 1 }
        if changed { result.decisionsChangedByFatigue += 1 }
    }

    /// A decision at `now` on a contact from `source`, of `rag`, received at `receivedAt`;
    /// `receivedWhileMeasuring` when it is one of the measured period's contacts, whose
    /// timeliness is counted.
    /// The contact is about `children` children; a referral is a `rereferral` when they were
    /// referred in the 12 months before.
    mutating func decided(
        _ outcome: Outcome, source: Int, rag: RAG, receivedAt: Double, receivedWhileMeasuring: Bool, at now: Double,
        children: Int = 1, rereferral: Bool = false
    ) {
        guard measuring else { return }
        let workingHours = office.workingHours(from: receivedAt, to: now)
        updateDay(Int(now / 24)) {
            $0.decided += 1
            if outcome.isReferral { $0.childrenReferred += children }
        }
        result.decided += 1
        result.outcomes[outcome.rawValue] += 1
        result.decidedBySource[source] += 1
        if outcome.isReferral {
            result.referredBySource[source] += 1
            result.childrenReferred += children
            if rereferral { result.childrenRereferred += children }
            if outcome == .strategyDiscussion { result.childrenInStrategyDiscussions += children }
        }
        let workingDays = workingHours / hoursPerWorkingDay
        result.timeToDecision.add(workingDays)
        guard receivedWhileMeasuring else { return }
        if workingDays <= 1 && receivedAt <= dueBy.oneDay { result.decidedWithin1 += 1 }
        if workingDays <= 3 && receivedAt <= dueBy.threeDays {
            result.decidedWithin3 += 1
            updateDay(Int(receivedAt / 24), onlyToday: false) { $0.decidedWithin3 += 1 }
        }
        if workingHours <= 4 && receivedAt <= dueBy.fourHours { result.within4HoursByRAG[rag.rawValue] += 1 }
    }

    /// A decision of `outcome` on `children` children whose real need is `need`.
    mutating func judged(_ outcome: Outcome, need: Need, children: Int) {
        guard measuring else { return }
        if outcome.rawValue == need.rawValue { result.decisionsRight += 1 }
        guard need.isInNeed else { return }
        result.childrenWithNeed += children
        if !outcome.isReferral { result.childrenNeedMissed += children }
    }

    /// An assessment started on `children` children who were not in need: one the front door need
    /// not have asked for.
    mutating func assessedUnnecessarily(children: Int) {
        if measuring { result.childrenAssessedUnnecessarily += children }
    }

    mutating func assessmentStarted(noFurtherService: Bool, children: Int = 1) {
        guard measuring else { return }
        result.assessmentsStarted += 1
        result.childrenAssessed += children
        if noFurtherService {
            result.assessmentsNoFurtherService += 1
            result.childrenAssessedNotInNeed += children
        }
    }

    // MARK: The end

    /// The record of the run, which stopped at `stoppedAt` with `waiting` contacts undecided,
    /// `waitingMeasured` of them received in the measured period; `busyAfterEnd` is the busy
    /// time, counted in full when work started, that falls after the stop.
    consuming func finish(events: Int, stoppedAt: Double, waiting: Int, waitingMeasured: Int, busyAfterEnd: [(team: Int, hours: Double)])
        -> FrontDoorReplication
    {
        result.events = events
        result.stoppedOverloaded = stoppedAt < length.horizonHours
        result.measuredHours = max(0, stoppedAt - length.warmUpHours)
        result.undecidedAtEnd = waiting
        result.measuredUndecidedAtEnd = waitingMeasured
        for (team, hours) in busyAfterEnd { result.teamBusyHours[team] -= hours }
        return result
    }

    /// Updates the record of measured day `day`: only if it is the current one (started at the
    /// day's first moment), unless `onlyToday` is false.
    private mutating func updateDay(_ day: Int, onlyToday: Bool = true, _ update: (inout FrontDoorReplication.DayRecord) -> Void) {
        guard let last = result.days.last?.day else { return }
        let index = result.days.count - 1 - (last - day)
        guard day <= last, onlyToday ? day == last : index >= 0 else { return }
        assert(result.days[index].day == day, "measured days are consecutive")
        update(&result.days[index])
    }
}
