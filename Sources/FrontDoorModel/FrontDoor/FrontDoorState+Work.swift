import BasicContainers
import SimulationEngine

/// Work and its end: who takes the next contact, the decision and what follows it, and the
/// strategy discussions decisions call for.
extension FrontDoorState {
    // MARK: Work

    /// Gives a person who has just become free the next contact waiting for them, if any.
    mutating func dispatch(_ person: Int, at now: Double) {
        guard workforce.isFree(person) else { return }
        let team = workforce.people[person].team
        // A strategy discussion waiting for this person's team comes before other work: they
        // join it, or wait for the others it needs.
        if discussions.needed[team] > 0 {
            startDiscussions(at: now)
            guard workforce.isFree(person) else { return }
        }
        // Held for a strategy discussion, a person still takes a contact on the immediate path.
        let immediateOnly = discussions.holds(team: team, teams: workforce.teams)
        if let (id, stageIndex) = nextWaiting(for: team, covering: false, immediateOnly: immediateOnly)
            ?? nextWaiting(for: team, covering: true, immediateOnly: immediateOnly)
        {
            start(id, stage: stageIndex, person: person, at: now)
        }
    }

    /// The next contact waiting at one of the stages `team` works, or, `covering`, of those it
    /// covers whose own team is all away today: a contact on the immediate path at any of them
    /// first ("to the front of every queue"), then the stages in order, most urgent first where
    /// a stage serves by priority.
    mutating func nextWaiting(for team: Int, covering: Bool, immediateOnly: Bool) -> (Int32, Int)? {
        // Read field by field: a method on the tables would copy them for each call.
        let first = covering ? rules.coveredFrom[team] : rules.workedFrom[team]
        let end = covering ? rules.coveredFrom[team + 1] : rules.workedFrom[team + 1]
        // With one stage, its own queues already put the immediate path first: one pass does.
        let several = end - first > 1
        for pass in 0..<(!immediateOnly && several ? 2 : 1) {
            let immediatePass = immediateOnly || (several && pass == 0)
            for k in first..<end {
                let stageIndex = covering ? rules.covered[k] : rules.worked[k]
                if covering && workforce.teams[rules.team[stageIndex]].presentToday > 0 { continue }
                for queue in 0..<RAG.allCases.count {
                    // A stage by priority queues by rating; one in order of arrival keeps the
                    // immediate path in its first queue.
                    if immediatePass && !(rules.byPriority[stageIndex] ? immediate[queue] : queue == 0) { continue }
                    let index = stageIndex * RAG.allCases.count + queue
                    // Entries left by contacts that moved on (their token changed) are dropped.
                    while let entry = queues[index].pop() {
                        if isWaiting(entry.contact, token: entry.token) { return (entry.contact, stageIndex) }
                    }
                }
            }
        }
        return nil
    }

    mutating func start(_ id: Int32, stage stageIndex: Int, person: Int, at now: Double) {
        contacts.renewToken(id)
        contacts[id].person = Int32(person)
        let channel = contacts[id].channel.rawValue, rag = contacts[id].rag.rawValue
        if rules.isCaller[stageIndex * Channel.allCases.count + channel] { contacts[id].conversed = true }
        if rules.hasChecksClock[stageIndex] { contacts[id].checked = true }
        var hours =
            stageStreams.sample(design.stages[stageIndex].time, from: stageIndex)
            * rules.channelFactors[stageIndex * Channel.allCases.count + channel]
            * rules.ragFactors[stageIndex * RAG.allCases.count + rag]
        if rules.decides[stageIndex] { hours *= decisions.timeFactor(after: workforce.people[person].decisionsSinceBreak) }
        recorder.workStarted(stage: stageIndex, team: workforce.people[person].team, waited: now - contacts[id].waitingSince, hours: hours)
        // From here it marks the start of the work, for the elapsed time at the stage.
        contacts[id].waitingSince = now
        let end = workforce.startWork(person, hours: hours, at: now, toCompletion: immediate[rag])
        events.schedule(at: end, kind: EventKind.workEnd.rawValue, subject: id)
    }

    mutating func finishWork(of id: Int32, at now: Double) {
        let stageIndex = Int(contacts[id].stage)
        let person = Int(contacts[id].person)
        recorder.workFinished(stage: stageIndex, elapsed: now - contacts[id].waitingSince)
        workforce.finishWork(person)
        contacts[id].person = -1
        contacts[id].lastTeam = Int32(rules.team[stageIndex])
        if contacts[id].openCase {
            // Recorded and passed to the allocated worker: no decision at the front door.
            recorder.passedToAllocatedWorker()
            undecided -= 1
            contacts.release(id)
        } else if rules.decides[stageIndex] {
            decide(id, by: person, at: stageIndex, now: now)
        } else {
            contacts[id].stage += 1
            moveOn(id, at: now)
        }
        dispatch(person, at: now)
    }

    // MARK: Decisions

    mutating func decide(_ id: Int32, by person: Int, at stageIndex: Int, now: Double) {
        let profile = profiles[Int(id)]
        let sinceBreak = workforce.people[person].decisionsSinceBreak
        let knowledge = DecisionQuality.Knowledge(
            conversation: contacts[id].conversed, partnerChecks: contacts[id].checked,
            missingInformation: !contacts[id].complete || contacts[id].informationLost)
        let decision = decisions.decide(profile, atStage: stageIndex, decisionsSinceBreak: sinceBreak, knowing: knowledge)
        recorder.decidedUnderFatigue(atFullEffect: decisions.isAtFullFatigue(after: sinceBreak), changed: decision.changedByFatigue)
        workforce.countDecision(by: person)
        undecided -= 1
        recorder.decided(
            decision.outcome, source: profile.source, rag: profile.rag, receivedAt: profile.time,
            receivedWhileMeasuring: contacts[id].measured, at: now, children: profile.children,
            rereferral: decision.outcome.isReferral && now - profile.lastReferral <= 365 * 24)
        let next = decisions.followUp(decision, for: profile)
        if next.assessment { recorder.assessmentStarted(noFurtherService: next.noFurtherService, children: profile.children) }
        if decisions.quality != nil {
            recorder.judged(decision.outcome, need: profile.realNeed, children: profile.children)
            if next.assessment && !profile.realNeed.isInNeed { recorder.assessedUnnecessarily(children: profile.children) }
        }
        if next.returns { arrivals.comeBack(profile, referred: decision.outcome.isReferral, missed: next.missedNeed, now: now) }
        contacts.release(id)
        if decision.outcome == .strategyDiscussion, let rule = design.strategyDiscussion {
            let due = design.calendar.office.add(workingHours: rule.withinWorkingDays * design.calendar.hoursPerWorkingDay, to: now)
            let counted = recorder.measuring && due <= length.horizonHours
            discussions.request(at: now, due: due, counted: counted)
            recorder.discussionNeeded(counted: counted)
            startDiscussions(at: now)
        }
    }

    // MARK: Strategy discussions

    /// Holds every waiting discussion whose people are all free, oldest first.
    mutating func startDiscussions(at now: Double) {
        guard let rule = design.strategyDiscussion else { return }
        while let started = discussions.startNext(&workforce, at: now) {
            recorder.discussionHeld(started, teams: rule.participants)
            events.schedule(at: started.ends, kind: EventKind.discussionEnds.rawValue, subject: started.slot)
        }
    }

    mutating func endDiscussion(slot: Int32, at now: Double) {
        let people = discussions.end(slot: slot, &workforce)
        startDiscussions(at: now)
        for person in people { dispatch(person, at: now) }
    }
}
