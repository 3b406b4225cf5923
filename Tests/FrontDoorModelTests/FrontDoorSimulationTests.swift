import Foundation
import FrontDoorTestSupport
import SimulationEngine
import Testing

@testable import FrontDoorModel

@Suite struct FrontDoorSimulationTests {
    @Test func everyContactIsDecidedLostOrStillWaiting() throws {
        let run = try FrontDoorFixture.screenedAndChecked().run()
        #expect(run.received > 2_000)
        #expect(run.received == run.decided + run.lostCallers + run.undecidedAtEnd)
        #expect(run.phoneAbandoned > 0 && run.checksOutOfTime > 0)
        #expect(run.outcomes.reduce(0, +) == run.decided)
    }

    @Test func theAnnualVolumeIsWhatTheScenarioSays() throws {
        let generator = DemandGenerator(try FrontDoorFixture(contactsPerYear: 27_000).prepared())
        let expected = (0..<365).reduce(0.0) { $0 + generator.expected(source: 0, day: $1) }
        #expect(abs(expected - 27_000) < 1e-6)
        // And the draws: Poisson, so the year's count lies within 3.29 standard deviations.
        let stream = RandomStream(seed: 3)
        let drawn = (0..<365).reduce(0) { $0 + generator.contacts(onDay: $1, using: stream).count }
        #expect(abs(Double(drawn) - 27_000) <= 3.29 * 27_000.0.squareRoot())
    }

    @Test func schoolsAreQuietInHolidaysAndShocksChangeVolumes() throws {
        var fixture = try FrontDoorFixture()
        fixture.design.demand.sources[0].schoolHolidayFactor = 0.25
        // 1 to 31 May 2025: days 30 to 60.
        fixture.design.demand.shocks = [Demand.Shock(name: "lockdown", firstDay: 30, lastDay: 60, factors: [.police: 1.16])]
        let generator = DemandGenerator(try fixture.prepared())
        // Day 0 is Tuesday 1 April 2025. Easter Sunday is 20 April, so the school holiday runs
        // 14–25 April: Tuesday 15 April (day 14) is in it, Tuesday 8 April (day 7) is not.
        #expect(abs(generator.expected(source: 0, day: 14) / generator.expected(source: 0, day: 7) - 0.25) < 1e-9)
        // Thursday 1 May (day 30) is in the shock; Thursday 10 April (day 9) is in term, before it.
        #expect(abs(generator.expected(source: 0, day: 30) / generator.expected(source: 0, day: 9) - 1.16) < 1e-9)
    }

    @Test func trendGrowsDemandAndOverdispersionWidensDailyCounts() throws {
        var fixture = try FrontDoorFixture(contactsPerYear: 36_500)
        fixture.design.demand = try Demand(
            contactsPerYear: 36_500, sources: fixture.design.demand.sources, monthWeights: fixture.design.demand.monthWeights,
            overdispersion: 0.3, trendPerYear: 0.10, shocks: [], startingBacklog: 0)
        let generator = DemandGenerator(try fixture.prepared())
        #expect(abs(generator.expected(source: 0, day: 365) / generator.expected(source: 0, day: 0) - 1.10) < 1e-9)
        // Daily counts: variance = mean + cv² × mean² for a gamma-mixed Poisson, far above Poisson's.
        let stream = RandomStream(seed: 9)
        let counts = (0..<300).map { Double(generator.contacts(onDay: $0, using: stream).count) }
        let mean = counts.reduce(0, +) / 300
        let variance = counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 299
        #expect(variance > 3 * mean, "variance \(variance) against mean \(mean)")
    }

    @Test func redContactsOvertakeGreenOnesAtABusyStage() throws {
        // Two deciders at 90% load: greens queue for hours, reds go to the front.
        let run = try FrontDoorFixture(contactsPerYear: 8760 * 3.6, people: 2, days: 120).run()
        let share = (0..<3).map { Double(run.within4HoursByRAG[$0]) / Double(run.dueWithin4HoursByRAG[$0]) }
        #expect(share[RAG.red.rawValue] > 0.95)
        #expect(share[RAG.red.rawValue] > share[RAG.amber.rawValue] && share[RAG.amber.rawValue] > share[RAG.green.rawValue])
    }

    @Test func aTeamOfOneIsSometimesAway() throws {
        // Leave, training and sickness on working days: about (27 + 5 + 3.5% of 253) of 253.
        var fixture = try FrontDoorFixture(contactsPerYear: 2_000, people: 1, hours: .office, days: 365 * 3)
        fixture.design.teams[0].absence = Team.Absence(leaveDays: 27, sicknessRate: 0.035, sicknessSpellDays: 4, trainingDays: 5)
        let design = try fixture.prepared()
        var absentShare: [Double] = []
        for replication in 0..<20 {
            var workforce = Workforce(
                design: design, absenceStream: RandomStream(seed: SeedPlan(baseSeed: 4).seed(replication: replication, purpose: .absence)))
            workforce.drawAbsence(for: 0, year: 0)
            let working = (0..<365).filter { design.calendar.weekday(ofDay: $0) < 5 }
            absentShare.append(Double(working.filter { workforce.absent[0][$0] }.count) / Double(working.count))
        }
        let mean = absentShare.reduce(0, +) / Double(absentShare.count)
        let expected = (27.0 + 5) / 261 + 0.035
        #expect(abs(mean - expected) < 0.02, "absent on \(mean) of working days, expected about \(expected)")
        #expect(absentShare.allSatisfy { $0 > 0.1 })
    }

    @Test func withoutCoverNobodyDecidesWhileTheOnlyDeciderIsAway() throws {
        let alone = try FrontDoorFixture.awayFortyDays()
        var fixture = alone
        fixture.design.stages[0].coverTeam = fixture.add(try fixture.team("managers", people: 1, hours: .office))
        let (without, covered) = (try alone.run(), try fixture.run())
        #expect(without.backlogMax > covered.backlogMax)
        #expect(covered.decidedWithin3 > without.decidedWithin3)
    }

    @Test func aSharedCouncilServiceIsCostedByTheHoursItSpendsOnContacts() throws {
        // Every contact first goes through a council contact centre that also does other work,
        // open around the clock: it is paid for the hours it spends on these contacts, at its
        // grade's hourly cost over a full-time year of the default working day's weeks (24 × 5
        // hours here), with the enhancement on the share of its opening outside 08:00–18:00 weekdays.
        var fixture = try FrontDoorFixture(contactsPerYear: 2_000, days: 120)
        let centre = fixture.add(
            try fixture.team("centre", costing: .sharedService(paidHoursPerWeek: 120), people: 1, hours: .aroundTheClock))
        fixture.addBeforeDeciding(FrontDoorFixture.stage("call", team: centre, time: try .fixed(FrontDoorFixture.hours(minutes: 10))))
        let design = try fixture.prepared()
        let run = try fixture.run()
        let costs = StaffCosts(design)
        #expect(costs.teams[1].total == 0 && costs.total == costs.teams[0].total && costs.teams[1].sharedService)
        let outside = 1 - 5.0 * 10 / 168
        let pay = 50_000 * (1 + outside * design.costs.extendedHoursEnhancement)
        #expect(abs(costs.teams[1].hourlyCost - (pay + design.costs.onCosts.onCosts(onPay: pay)) / (120 * 365.25 / 7)) < 1e-9)
        // Ten minutes for each of about 660 contacts in 120 days.
        #expect(run.teamBusyHours[1] > 95 && run.teamBusyHours[1] < 125, "\(run.teamBusyHours[1])")
        let catalogue = FrontDoorMeasures.catalogue(design)
        let values = Dictionary(uniqueKeysWithValues: zip(catalogue.definitions.map(\.id), catalogue.values(run)))
        let shared = try #require(values[MeasureID(.sharedServicesCost)])
        #expect(abs(shared - run.perYear(run.teamBusyHours[1]) * costs.teams[1].hourlyCost) < 1e-6)
        #expect(values[MeasureID(.informalCoverCost)] == nil)
        // In the council's cash, beside the pay bill.
        #expect(abs(try #require(values[MeasureID(.cashCost)]) - costs.total - shared) < 1e-6)
    }

    @Test func informalCoverWorksOnlyWhileTheTeamIsAwayAndIsCostedByTheHour() throws {
        // One decider away 40 days a year, covered informally by a head of service who is never
        // away: they work only on the decider's days away, and are paid for those hours alone.
        var fixture = try FrontDoorFixture.awayFortyDays()
        fixture.design.stages[0].coverTeam = fixture.add(try fixture.team("head", costing: .informalCover, people: 1, hours: .office))
        let design = try fixture.prepared()
        let run = try fixture.run()
        let costs = StaffCosts(design)
        // Not on the establishment: no pay bill; an hour of cover is a full-time year's pay and
        // on-costs over its 8 × 5 × 365.25 / 7 paid hours (a working day as long as the team's
        // 8 hours, with no break).
        #expect(costs.teams[1].total == 0 && costs.total == costs.teams[0].total)
        let pay = 50_000.0 + design.costs.onCosts.onCosts(onPay: 50_000)
        #expect(abs(costs.teams[1].hourlyCost - pay / (8 * 5 * 365.25 / 7)) < 1e-9)
        // The head covers the 40 days of leave, 8 hours each at most, and works on no other day.
        #expect(run.teamBusyHours[1] > 0 && run.teamBusyHours[1] <= 40 * 8 + 1e-9)
        let catalogue = FrontDoorMeasures.catalogue(design)
        let values = Dictionary(uniqueKeysWithValues: zip(catalogue.definitions.map(\.id), catalogue.values(run)))
        let cover = try #require(values[MeasureID(.informalCoverCost)])
        #expect(abs(cover - run.perYear(run.teamBusyHours[1]) * costs.teams[1].hourlyCost) < 1e-6)
        // Cash is staff, agency and cover: the notional downstream cost is never added to it.
        #expect(abs(try #require(values[MeasureID(.cashCost)]) - costs.total - cover) < 1e-6)
    }

    @Test func aStrategyDiscussionWaitsAsInAnMM1QueueWhenItsPeopleDoNothingElse() throws {
        // Every contact is red and decided on a strategy discussion, by two deciders at 30
        // minutes each (M/M/2, λ = 1 an hour): decisions leave as a Poisson stream (Burke). A
        // discussion needs the one police officer and the one health worker at once, who do
        // nothing else, for 30 minutes on average: an M/M/1 queue with ρ = 0.5, whose mean wait
        // is ρ / (μ − λ) = 0.5 hours, and each participant is busy half the time.
        var fixture = try FrontDoorFixture(days: 220, warmUpDays: 20, rag: [.red: 1])
        let police = fixture.add(try fixture.team("police", grade: "partner", people: 1, hours: .aroundTheClock))
        let health = fixture.add(try fixture.team("health", grade: "partner", people: 1, hours: .aroundTheClock))
        fixture.design.strategyDiscussion = StrategyDiscussion(
            participants: [.init(team: police, people: 1), .init(team: health, people: 1)],
            time: try .exponential(mean: FrontDoorFixture.hours(minutes: 30)), withinWorkingDays: 1)
        let design = try fixture.prepared()
        let catalogue = FrontDoorMeasures.catalogue(design)
        let waitIndex = try #require(catalogue.definitions.firstIndex { $0.id == MeasureID(.discussionWaitHours) })
        var waits: [Double] = [], busy: [Double] = []
        for replication in 0..<12 {
            let run = try fixture.run(replication: replication)
            #expect(run.discussionsHeld > 0 && run.discussionsOnTime <= run.discussionsDue)
            waits.append(catalogue.values(run)[waitIndex])
            busy.append(run.teamBusyHours[1] / run.teamAvailableHours[1])
            #expect(abs(run.teamBusyHours[1] - run.teamBusyHours[2]) < 1e-6, "both sit through every discussion")
        }
        let wait = tInterval95(waits), utilisation = tInterval95(busy)
        #expect(wait.low <= 0.5 && 0.5 <= wait.high, "mean wait \(wait.mean) (\(wait.low) to \(wait.high)), theory 0.5 h")
        #expect(utilisation.low <= 0.5 && 0.5 <= utilisation.high, "busy \(utilisation.mean), theory 0.5")
    }

    @Test func theTimeToADecisionSplitsIntoQueueingAndWorkAsInAnMM2Queue() throws {
        // Two deciders, always at work, 30 minutes a contact (exponential), one contact an hour:
        // M/M/2 with a = λ/μ = 0.5. Erlang C: a contact waits with chance
        // (a²/2 · 2/(2 − a)) / (1 + a + a²/2 · 2/(2 − a)) = 0.1, for 1/(cμ − λ) = 1/3 hour when it
        // does, so 1/30 hour on average; its work takes 0.5 hours. No waits between steps.
        let fixture = try FrontDoorFixture(days: 220, warmUpDays: 20)
        let design = try fixture.prepared()
        let catalogue = FrontDoorMeasures.catalogue(design)
        func index(_ id: MeasureID) throws -> Int { try #require(catalogue.definitions.firstIndex { $0.id == id }) }
        let wait = try index(MeasureID.stage("decide").waitHoursPerContact), work = try index(MeasureID.stage("decide").workHoursPerContact)
        let handoff = try index(MeasureID(.handoffHoursPerContact)), slow = try index(MeasureID(.slowHoursPerContact))
        var waits: [Double] = [], works: [Double] = []
        for replication in 0..<12 {
            let values = catalogue.values(try fixture.run(replication: replication))
            waits.append(values[wait])
            works.append(values[work])
            #expect(values[handoff] == 0 && values[slow] == 0)
        }
        let queueing = tInterval95(waits), working = tInterval95(works)
        #expect(
            queueing.low <= 1.0 / 30 && 1.0 / 30 <= queueing.high,
            "wait \(queueing.mean) (\(queueing.low) to \(queueing.high)), Erlang C 1/30 h")
        #expect(working.low <= 0.5 && 0.5 <= working.high, "work \(working.mean) (\(working.low) to \(working.high)), theory 0.5 h")
    }

    @Test func managersLoadCountsOnlyManagersAndPractitionersAreCountedByTeam() throws {
        // Practitioners decide half the green contacts themselves; managers decide the rest.
        var fixture = try FrontDoorFixture()
        let practitioners = fixture.add(try fixture.team("practitioners", people: 3, hours: .aroundTheClock))
        fixture.addBeforeDeciding(
            FrontDoorFixture.stage(
                "early_help", team: practitioners, time: try .exponential(mean: FrontDoorFixture.hours(minutes: 20)),
                appliesTo: [.green: 0.5], decides: true))
        let run = try fixture.run()
        #expect(run.teamDecisions[1] > 0 && run.teamDecisions[0] + run.teamDecisions[1] == run.decided)
        // 2 managers and 3 practitioners at work on each of 60 days.
        #expect(run.managerDays.count == 120 && run.teamDecisionDays == [120, 180])
        #expect(abs(run.managerDays.mean * 120 - Double(run.teamDecisions[0])) < 1e-6)
    }

    @Test func slowContactsWaitWithoutStaffAndRedsOnTheImmediatePathWaitForNothing() throws {
        // Every contact lacks information (a 26-hour wait) and the ambers are all slow (a further
        // 100 hours). Reds on the immediate path wait for neither.
        func run(immediate: [Bool]) throws -> FrontDoorReplication {
            var fixture = try FrontDoorFixture(contactsPerYear: 2_000)
            fixture.design.stages[0].asksForMissingInformation = true
            fixture.design.demand.sources[0].completeInformation = 0
            fixture.design.flow = FlowRules(
                handoffDelay: .zero, handoffInformationLoss: 0, informationWait: try .fixed(26), slowShare: [0, 1, 0],
                slowWait: try .fixed(100), immediate: immediate)
            return try fixture.run()
        }
        let waiting = try run(immediate: [false, false, false])
        let immediate = try run(immediate: [true, false, false])
        // Timeliness counts office hours (09:00–17:00 on weekdays): 26 hours always take more than
        // 4 of them unless they fall over a night or a weekend.
        func redShare(_ run: FrontDoorReplication) -> Double {
            Double(run.within4HoursByRAG[RAG.red.rawValue]) / Double(run.dueWithin4HoursByRAG[RAG.red.rawValue])
        }
        #expect(redShare(waiting) < 0.6 && redShare(immediate) > 0.95, "\(redShare(waiting)) then \(redShare(immediate))")
        // About 30% of contacts are amber and slow: they waited without anyone working on them.
        let ambers = Double(waiting.slowWaits) / Double(waiting.received)
        #expect(ambers > 0.25 && ambers < 0.35 && immediate.slowWaits == waiting.slowWaits)
        #expect(
            waiting.teamBusyHours == immediate.teamBusyHours
                || abs(waiting.teamBusyHours[0] - immediate.teamBusyHours[0]) < 0.05 * waiting.teamBusyHours[0])
    }

    @Test func fatigueChangesDecisionsOnlyWhenSwitchedOn() throws {
        // A ramp of one decision: every decision but the first after a break is at the full
        // effect. Greens are half no further action (the default here), so a tripling would take
        // it to 150%: every green early-help decision after the first becomes no further action.
        // Reds and ambers have no default in their tables and are never changed.
        var fixture = try FrontDoorFixture()
        let rested = try fixture.run()
        fixture.design.fatigue = Fatigue(defaultIncrease: 3, timeIncrease: 0.5, rampDecisions: 1, defaultOutcome: .noFurtherAction)
        let tired = try fixture.run()
        #expect(tired.decisionsAtFullFatigue > 0 && tired.decisionsAtFullFatigue < tired.decided)
        #expect(tired.decisionsChangedByFatigue > 0)
        #expect(rested.decisionsAtFullFatigue == 0 && rested.decisionsChangedByFatigue == 0)
        #expect(tired.outcomes[Outcome.earlyHelp.rawValue] < rested.outcomes[Outcome.earlyHelp.rawValue] / 2)
        #expect(tired.outcomes[Outcome.noFurtherAction.rawValue] > rested.outcomes[Outcome.noFurtherAction.rawValue])
        #expect(tired.outcomes[Outcome.strategyDiscussion.rawValue] > 0 && tired.outcomes[Outcome.referral.rawValue] > 0)
    }

    @Test func checksNobodyCanDoRunOutOfTimeAtTheClock() throws {
        var fixture = try FrontDoorFixture(contactsPerYear: 2_000)
        let partners = fixture.add(try fixture.team("partners", grade: "partner", people: 0, hours: .office))
        fixture.addBeforeDeciding(
            FrontDoorFixture.stage(
                "checks", team: partners, kind: .checks(clockHours: [4, .infinity, .infinity]),
                time: try .fixed(FrontDoorFixture.hours(minutes: 30)), appliesTo: [.red: 1]))
        let run = try fixture.run()
        #expect(run.checksOutOfTime > 0)
        let checks = 0
        #expect(run.stageCompleted[checks] == 0)
        #expect(abs(run.stageWaitHours[checks]) < 1e-9)
    }

    @Test func twoDesignsWithTheSameSeedReceiveTheSameContacts() throws {
        let small = try FrontDoorFixture(people: 2).run(replication: 5)
        let large = try FrontDoorFixture(people: 6).run(replication: 5)
        #expect(small.received == large.received)
        #expect(small.receivedBySource == large.receivedBySource)
        #expect(small.outcomes == large.outcomes) // same children, same rules, same decisions
        #expect(small.decidedWithin1 <= large.decidedWithin1)
    }

    @Test func anOverloadedDesignStopsBeforeItRunsOutOfMemory() throws {
        // 300,000 contacts a year for one person deciding at 30 minutes each: hopeless.
        let run = try FrontDoorFixture(contactsPerYear: 300_000, people: 1, days: 365).run()
        #expect(run.stoppedOverloaded)
        #expect(run.undecidedAtEnd > FrontDoorSimulation.backlogLimit)
        #expect(run.undecidedAtEnd < FrontDoorSimulation.backlogLimit + 2_000)
        #expect(run.measuredHours < 365 * 24)
    }

    @Test func writtenReferralsConvertMoreWhenTheScenarioSaysSo() throws {
        let table = [0.5, 0.3, 0.15, 0.05] // nfa, early help, referral, strategy
        let doubled = OutcomeRules.scaleReferrals(table, by: 2)
        #expect(abs(doubled[2] + doubled[3] - 0.4) < 1e-12)
        #expect(abs(doubled.reduce(0, +) - 1) < 1e-12)
        #expect(abs(doubled[0] / doubled[1] - table[0] / table[1]) < 1e-12)
        #expect(OutcomeRules.scaleReferrals(table, by: 10)[0] == 0)
        // Half the contacts arrive as written forms; green ones are referred 20% of the time, and
        // written forms convert at twice that rate.
        var fixture = try FrontDoorFixture(contactsPerYear: 20_000, people: 6)
        fixture.design.demand.sources[0] = try FrontDoorFixture.source(
            channels: [.phone: 0.5, .writtenForm: 0.5], rag: [.red: 0.2, .amber: 0.3, .green: 0.5])
        fixture.design.outcomes.byRAG[RAG.green.rawValue] = FrontDoorFixture.shares([
            Outcome.noFurtherAction: 0.5, .earlyHelp: 0.3, .referral: 0.2
        ])
        let plain = try fixture.run()
        fixture.design.outcomes.referralFactorByChannel[Channel.writtenForm.rawValue] = 2
        let run = try fixture.run()
        let referrals = { (r: FrontDoorReplication) in
            r.outcomes[Outcome.referral.rawValue] + r.outcomes[Outcome.strategyDiscussion.rawValue]
        }
        #expect(referrals(run) > referrals(plain))
        #expect(run.decidedBySource == run.decidedBySource.indices.map { _ in run.decided })
        #expect(run.referredBySource[0] == referrals(run))
    }

    @Test func aStartingBacklogIsWaitingAtTheStart() throws {
        var fixture = try FrontDoorFixture(contactsPerYear: 1_000, people: 1, hours: .office, days: 30)
        let quiet = try fixture.run()
        fixture.design.demand.startingBacklog = 300
        let run = try fixture.run()
        #expect(run.received == quiet.received + 300)
        #expect(run.backlogSeries.first! > quiet.backlogSeries.first! + 250)
        #expect(run.received == run.decided + run.lostCallers + run.undecidedAtEnd)
    }

    @Test func vacantPostsAreNeitherWorkedNorPaid() throws {
        var fixture = try FrontDoorFixture(people: 4)
        let full = try fixture.prepared()
        fixture.design.teams[0].vacancies = .posts(2)
        let vacant = try fixture.prepared()
        #expect(vacant.teams[0].workedPosts == [1, 1])
        #expect(abs(StaffCosts(vacant).staff * 2 - StaffCosts(full).staff) < 1e-6)
        var state = FrontDoorState(design: vacant, length: fixture.length, seeds: SeedPlan(baseSeed: 1), replication: 0)
        #expect(state.workforce.people.count == 2)
        _ = state.run()
    }

    @Test func aDaysContactsAreBoundedWhenTheyAreMade() throws {
        let generator = DemandGenerator(try FrontDoorFixture(contactsPerYear: 5_000_000).prepared())
        #expect(generator.contacts(onDay: 3, using: RandomStream(seed: 1)).count > 10_000)
        #expect(generator.contacts(onDay: 3, using: RandomStream(seed: 1), limit: 100).count == 100)
    }

    @Test func memoryDoesNotGrowWithTheLengthOfTheRun() throws {
        func records(days: Int) throws -> Int {
            let fixture = try FrontDoorFixture(contactsPerYear: 5_000, days: days, recontact: 0.2)
            var state = FrontDoorState(design: try fixture.prepared(), length: fixture.length, seeds: SeedPlan(baseSeed: 2), replication: 0)
            _ = state.run()
            return state.contacts.capacity
        }
        let oneYear = try records(days: 365)
        let fiveYears = try records(days: 365 * 5)
        #expect(Double(fiveYears) < 1.3 * Double(oneYear), "contact records: \(oneYear) for a year, \(fiveYears) for five")
    }
}
