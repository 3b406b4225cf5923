import SimulationEngine

/// Decisions, what follows them, and the measures kept along the way.
extension FrontDoorState {
    mutating func decide(_ id: Int32, by person: Int, at stageIndex: Int, now: Double) {
        let contact = contacts[id]
        let table = stageOutcomeTables[stageIndex]?[contact.profile.rag.rawValue]
            ?? referralFactorTables[contact.profile.rag.rawValue][contact.profile.channel.rawValue]
        var outcome = Outcome(rawValue: table.index(for: contact.profile.need))!
        var wrong = false
        if let fatigue = design.fatigue, people[person].decisionsToday >= fatigue.threshold {
            if measuring { result.decisionsBeyondThreshold += 1 }
            if routing.uniform() < fatigue.defaultProbability && outcome != fatigue.defaultOutcome {
                outcome = fatigue.defaultOutcome
                wrong = true
                if measuring { result.decisionsChangedByFatigue += 1 }
            }
        }
        people[person].decisionsToday += 1
        undecided -= 1
        if measuring {
            recordDay(Int(now / 24)) { $0.decided += 1 }
            result.decided += 1
            result.outcomes[outcome.rawValue] += 1
            result.decidedBySource[contact.profile.source] += 1
            if outcome == .referral || outcome == .strategyDiscussion { result.referredBySource[contact.profile.source] += 1 }
            let workingHours = design.calendar.office.workingHours(from: contact.profile.time, to: now)
            let workingDays = workingHours / design.calendar.hoursPerWorkingDay
            result.timeToDecision.add(workingDays)
            if workingDays <= 1 { result.decidedWithin1 += 1 }
            if workingDays <= 3 { result.decidedWithin3 += 1 }
            result.decidedByRAG[contact.profile.rag.rawValue] += 1
            if workingHours <= 4 { result.within4HoursByRAG[contact.profile.rag.rawValue] += 1 }
        }
        var closed = outcome == .noFurtherAction || outcome == .earlyHelp
        if outcome == .referral || outcome == .strategyDiscussion, contact.profile.followUp[0] < design.outcomes.assessmentStart {
            let noService = contact.profile.followUp[1] < design.outcomes.assessmentNoFurtherService
            if measuring {
                result.assessmentsStarted += 1
                if noService { result.assessmentsNoFurtherService += 1 }
            }
            closed = noService
        }
        let comeBack = wrong ? design.outcomes.recontactAfterWrongDecision : design.outcomes.recontact
        if closed && contact.profile.followUp[2] < comeBack {
            let arrival = generator.arrival(source: contact.profile.source, at: now + contact.profile.followUp[3] * 365 * 24, using: routing)
            let day = Int(arrival.time / 24)
            if day == Int(now / 24) {
                events.schedule(at: arrival.time, kind: EventKind.recontact.rawValue, subject: makeContact(arrival))
            } else {
                recontactBuckets[day % recontactBuckets.count].append(arrival)
            }
        }
        release(id)
    }

    mutating func release(_ id: Int32) {
        contacts.release(id)
    }

    // MARK: Measures

    mutating func recordBacklog(day: Int) {
        result.backlogSeries.append(undecided)
        guard measuring else {
            result.warmUpWorkingDays += 1
            return
        }
        let backlog = undecided
        recordDay(day) { $0.backlog = backlog }
        result.backlog.add(Double(undecided))
        result.backlogHistogram.add(Double(undecided))
        result.backlogMax = max(result.backlogMax, undecided)
        result.dailyBacklog.append(undecided)
    }

    /// Decisions by each decision-maker who was at work yesterday (cover staff only when they
    /// decided something).
    mutating func recordDeciderDay() {
        guard measuring else { return }
        for index in people.indices where deciderTeams.contains(people[index].team) && people[index].present {
            let team = people[index].team
            let decidesHere = design.stages.contains { $0.decides && $0.team == team }
            if decidesHere || people[index].decisionsToday > 0 {
                let count = people[index].decisionsToday
                result.deciderDays.add(Double(count))
                result.deciderDayHistogram.add(Double(count))
                result.deciderDayMax = max(result.deciderDayMax, count)
            }
        }
    }

    /// Updates the record of the current measured day (started at the day's first moment).
    mutating func recordDay(_ day: Int, _ update: (inout FrontDoorReplication.DayRecord) -> Void) {
        guard result.days.last?.day == day else { return }
        update(&result.days[result.days.count - 1])
    }
}
