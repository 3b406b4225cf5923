import FrontDoorTestSupport
import SimulationEngine
import Testing

@testable import FrontDoorModel

extension Decisions {
    /// Decisions from tables made for the test, as a design's preparation makes them.
    init(
        rules: OutcomeRules, fatigue: Fatigue?, stageOutcomes: [[[Double]]?], stageReferralFactors: [Double]? = nil,
        sourceGroups: [Int]? = nil, stream: RandomStream
    ) throws {
        self.init(
            rules: rules, fatigue: fatigue, quality: nil,
            tables: try DecisionTables(
                rules: rules, stageOutcomes: stageOutcomes, stageReferralFactors: stageReferralFactors, sourceGroups: sourceGroups),
            stream: stream)
    }

    /// The decision by someone who knows nothing more of the contact than it says.
    func decide(_ contact: DemandGenerator.Arrival, atStage stage: Int, decisionsSinceBreak sinceBreak: Int) -> Decision {
        decide(
            contact, atStage: stage, decisionsSinceBreak: sinceBreak,
            knowing: DecisionQuality.Knowledge(conversation: false, partnerChecks: false, missingInformation: false))
    }
}

/// The front door's components, each on its own, without a scenario file.
@Suite struct RecorderTests {
    /// Open around the clock, so working hours are elapsed hours; 8 of them make a working day.
    static func recorder(teams: Int = 1) throws -> FrontDoorRecorder {
        FrontDoorRecorder(
            sources: 1, teams: teams, stages: 1, length: RunLength(horizonHours: 48, warmUpHours: 24),
            office: try WeeklySchedule(intervals: Array(repeating: [0...24], count: 7), firstWeekday: 0, closedDays: []),
            hoursPerWorkingDay: 8)
    }

    @Test func nothingCountsBeforeTheWarmUpEndsButTheBacklogSeries() throws {
        var recorder = try Self.recorder()
        recorder.dayStarted(0, at: 0)
        recorder.received(source: 0, rag: .red, at: 1, isRecontact: true)
        recorder.workStarted(stage: 0, team: 0, waited: 2, hours: 1)
        recorder.decided(.referral, source: 0, rag: .red, receivedAt: 2, receivedWhileMeasuring: false, at: 3)
        recorder.officeClosed(day: 0, waiting: 7)
        #expect(!recorder.countsDecisions(ofDayBefore: 1))
        recorder.warmUpEnded()
        #expect(!recorder.countsDecisions(ofDayBefore: 1)) // day 0 was warm-up
        recorder.dayStarted(1, at: 24)
        recorder.received(source: 0, rag: .red, at: 25, isRecontact: false)
        // Received in the warm-up, decided in the measured period: a decision, but not in the
        // timeliness cohort.
        recorder.decided(.referral, source: 0, rag: .red, receivedAt: 14, receivedWhileMeasuring: false, at: 26)
        recorder.officeClosed(day: 1, waiting: 5)
        #expect(recorder.countsDecisions(ofDayBefore: 2))
        let result = recorder.finish(events: 10, stoppedAt: 48, waiting: 5, waitingMeasured: 1, busyAfterEnd: [])
        #expect(result.received == 1 && result.recontacts == 0 && result.measuredUndecidedAtEnd == 1)
        #expect(result.decided == 1 && result.referredBySource == [1] && result.decidedWithin1 == 0 && result.decidedWithin3 == 0)
        // The red received at 25 is due within 4 working hours (by 29) but was never decided.
        #expect(result.dueWithin4HoursByRAG[RAG.red.rawValue] == 1 && result.within4HoursByRAG[RAG.red.rawValue] == 0)
        #expect(result.stageWaitHours == [0] && result.teamBusyHours == [0])
        #expect(result.backlogSeries == [7, 5] && result.warmUpWorkingDays == 1 && result.workingDaysAYearBeforeEnd == 0)
        #expect(result.days.map(\.day) == [1] && result.days[0].received == 1 && result.days[0].decided == 1 && result.days[0].backlog == 5)
        #expect(result.measuredHours == 24 && !result.stoppedOverloaded)
    }

    @Test func timelinessCountsTheContactsWhoseDeadlineFallsInTheRunDecidedOrNot() throws {
        // Open around the clock with 8-hour working days, measured from 24 to 48: a contact is
        // due within 1 working day if it arrives by 40, within 3 if by 24, within 4 hours by 44.
        var recorder = try Self.recorder()
        recorder.warmUpEnded()
        #expect(recorder.dueBy.oneDay == 40 && recorder.dueBy.threeDays == 24 && recorder.dueBy.fourHours == 44)
        for (time, rag) in [(24.0, RAG.red), (30, .red), (41, .amber), (45, .red)] {
            recorder.received(source: 0, rag: rag, at: time, isRecontact: false)
        }
        recorder.decided(.referral, source: 0, rag: .red, receivedAt: 24, receivedWhileMeasuring: true, at: 27) // on time for all three
        // 9 working hours: late for 4 hours and for 1 day.
        recorder.decided(.referral, source: 0, rag: .red, receivedAt: 30, receivedWhileMeasuring: true, at: 39)
        // Its 1- and 3-day deadlines fall after the run.
        recorder.decided(.noFurtherAction, source: 0, rag: .amber, receivedAt: 41, receivedWhileMeasuring: true, at: 42)
        let result = recorder.finish(events: 0, stoppedAt: 48, waiting: 1, waitingMeasured: 1, busyAfterEnd: [])
        #expect(result.dueWithin1 == 2 && result.decidedWithin1 == 1)
        #expect(result.dueWithin3 == 1 && result.decidedWithin3 == 1)
        #expect(result.dueWithin4HoursByRAG == [2, 1, 0] && result.within4HoursByRAG == [1, 1, 0])
        #expect(result.decided == 3 && result.measuredUndecidedAtEnd == 1)
    }

    @Test func hoursOnShiftCountOnlyInsideTheMeasuredWindow() throws {
        var recorder = try Self.recorder(teams: 2)
        recorder.onShift(team: 0, for: 9...17) // warm-up
        recorder.onShift(team: 0, for: 20...30) // 6 h measured
        recorder.onShift(team: 1, for: 40...56) // 8 h before the horizon
        recorder.onShift(team: 1, for: 48...56) // the day at the horizon adds nothing
        let result = recorder.finish(events: 0, stoppedAt: 40, waiting: 0, waitingMeasured: 0, busyAfterEnd: [(1, 3)])
        #expect(result.teamAvailableHours == [6, 8])
        #expect(result.teamBusyHours == [0, -3])
        #expect(result.stoppedOverloaded && result.measuredHours == 16)
    }
}

@Suite struct DecisionTests {
    static let rules = OutcomeRules(
        byRAG: Array(repeating: [0.5, 0, 0.5, 0], count: 3), referralFactorByChannel: [1, 1, 1, 1, 1],
        assessmentStart: 0.6, assessmentNoFurtherService: 0.4, recontact: 0.2, recontactAfterWrongDecision: 0.9,
        returnAfterReferral: (closed: 0.4, served: 0.15))

    static func contact(need: Double, followUp: SIMD4<Double>) -> DemandGenerator.Arrival {
        DemandGenerator.Arrival(
            time: 0, incidentTime: 0, source: 0, channel: .phone, rag: .amber, complete: true, need: need, followUp: followUp)
    }

    @Test func theContactsOwnDrawFixesTheOutcomeAndWhatFollows() throws {
        let decisions = try Decisions(rules: Self.rules, fatigue: nil, stageOutcomes: [nil], stream: RandomStream(seed: 1))
        let low = decisions.decide(Self.contact(need: 0.1, followUp: .zero), atStage: 0, decisionsSinceBreak: 100)
        let high = decisions.decide(Self.contact(need: 0.9, followUp: .zero), atStage: 0, decisionsSinceBreak: 100)
        #expect(low.outcome == .noFurtherAction && high.outcome == .referral && !high.changedByFatigue)
        // A referral that starts an assessment ending with no further service: the case closed,
        // and the child is back within a year when the draw is under the closed rate (0.4).
        let next = decisions.followUp(high, for: Self.contact(need: 0.9, followUp: [0.5, 0.3, 0.35, 0.25]))
        #expect(next.assessment && next.noFurtherService && next.returns)
        // After services the child comes back less often (0.15).
        let served = decisions.followUp(high, for: Self.contact(need: 0.9, followUp: [0.5, 0.5, 0.1, 0.25]))
        #expect(served.assessment && !served.noFurtherService && served.returns)
        #expect(!decisions.followUp(high, for: Self.contact(need: 0.9, followUp: [0.5, 0.5, 0.35, 0.25])).returns)
        // No assessment: a referral ending in no further action is a closed case too.
        let noAssessment = decisions.followUp(high, for: Self.contact(need: 0.9, followUp: [0.7, 0.3, 0.35, 0.25]))
        #expect(!noAssessment.assessment && noAssessment.returns)
        // Closed at the front door: back at the re-contact rate (0.2).
        #expect(!decisions.followUp(low, for: Self.contact(need: 0.1, followUp: [0, 0, 0.3, 0.5])).returns)
        #expect(decisions.followUp(low, for: Self.contact(need: 0.1, followUp: [0, 0, 0.1, 0.5])).returns)
    }

    @Test func fatigueRampsUpWithDecisionsSinceABreak() throws {
        let fatigue = Fatigue(defaultIncrease: 0.2, timeIncrease: 0.1, rampDecisions: 10, defaultOutcome: .referral)
        let decisions = try Decisions(rules: Self.rules, fatigue: fatigue, stageOutcomes: [nil], stream: RandomStream(seed: 1))
        // Time: 1 after a break, half-way up the ramp after 5 decisions, full from the 10th on.
        #expect(decisions.timeFactor(after: 0) == 1 && abs(decisions.timeFactor(after: 5) - 1.05) < 1e-12)
        #expect(abs(decisions.timeFactor(after: 10) - 1.1) < 1e-12 && abs(decisions.timeFactor(after: 40) - 1.1) < 1e-12)
        #expect(!decisions.isAtFullFatigue(after: 9) && decisions.isAtFullFatigue(after: 10))
        // The table makes a referral (the default) half the decisions. At the top of the ramp it
        // is 20% more likely, 0.6: a fifth of the other decisions turn into referrals; half-way,
        // a tenth; straight after a break, none. Bounds: 3.29 binomial standard errors (99.9%).
        let n = 200_000
        for (sinceBreak, expected) in [(0, 0.0), (5, 0.1), (10, 0.2), (25, 0.2)] {
            let changed = (0..<n).reduce(0) { count, _ in
                count
                    + (decisions.decide(Self.contact(need: 0.1, followUp: .zero), atStage: 0, decisionsSinceBreak: sinceBreak)
                        .changedByFatigue ? 1 : 0)
            }
            let share = Double(changed) / Double(n)
            #expect(abs(share - expected) <= 3.29 * (expected * (1 - expected) / Double(n)).squareRoot(), "after \(sinceBreak): \(share)")
        }
        // A default decision is never changed.
        #expect(
            (0..<1000).allSatisfy { _ in
                !decisions.decide(Self.contact(need: 0.9, followUp: .zero), atStage: 0, decisionsSinceBreak: 20).changedByFatigue
            })
        // A case closed by a changed decision comes back far more often (0.5 is over the usual
        // re-contact rate of 0.2, under the 0.9 after a wrong decision).
        let tiredNFA = try Decisions(
            rules: Self.rules, fatigue: Fatigue(defaultIncrease: 0.2, timeIncrease: 0, rampDecisions: 1, defaultOutcome: .noFurtherAction),
            stageOutcomes: [nil], stream: RandomStream(seed: 1))
        let closed = Decisions.Decision(outcome: .noFurtherAction, changedByFatigue: true)
        #expect(tiredNFA.followUp(closed, for: Self.contact(need: 0.9, followUp: [0, 0, 0.5, 0.1])).returns)
        #expect(
            !tiredNFA.followUp(
                Decisions.Decision(outcome: .noFurtherAction, changedByFatigue: false),
                for: Self.contact(need: 0.9, followUp: [0, 0, 0.5, 0.1])
            ).returns)
    }

    @Test func aStageWhoseTableLacksTheDefaultIsNotChangedByFatigue() throws {
        // An early-help hub deciding only early help or no further action: no referral to default to.
        let own: [[Double]] = Array(repeating: [0.5, 0.5, 0, 0], count: 3)
        let decisions = try Decisions(rules: Self.rules, fatigue: .linder, stageOutcomes: [own], stream: RandomStream(seed: 1))
        #expect(
            (0..<1000).allSatisfy { i in
                !decisions.decide(Self.contact(need: Double(i) / 1000, followUp: .zero), atStage: 0, decisionsSinceBreak: 50)
                    .changedByFatigue
            })
    }

    @Test func aStagesReferralFactorScalesTheDesignsTable() throws {
        // The table makes half the decisions referrals; a stage with a factor of 0.4 makes a fifth
        // of its decisions referrals, the rest no further action, on the same draws; other stages
        // keep the table.
        let decisions = try Decisions(
            rules: Self.rules, fatigue: nil, stageOutcomes: [nil, nil], stageReferralFactors: [1, 0.4], stream: RandomStream(seed: 1))
        let needs = (0..<1000).map { (Double($0) + 0.5) / 1000 }
        func referrals(atStage stage: Int) -> Int {
            needs.filter {
                decisions.decide(Self.contact(need: $0, followUp: .zero), atStage: stage, decisionsSinceBreak: 0).outcome == .referral
            }.count
        }
        #expect(referrals(atStage: 0) == 500 && referrals(atStage: 1) == 200)
        // A contact referred at the talking stage is referred by the table too (common random numbers).
        #expect(decisions.decide(Self.contact(need: 0.9, followUp: .zero), atStage: 1, decisionsSinceBreak: 0).outcome == .referral)
        #expect(decisions.decide(Self.contact(need: 0.7, followUp: .zero), atStage: 1, decisionsSinceBreak: 0).outcome == .noFurtherAction)
    }

    @Test func aSourceGroupWithItsOwnTableIsDecidedByIt() throws {
        // Police contacts (the first source) by a table of no further action only; schools (the
        // second) by the design's: the same draw, a different decision.
        var rules = Self.rules
        rules.bySourceGroup[SourceGroup.police.rawValue] = Array(repeating: [1, 0, 0, 0], count: 3)
        let decisions = try Decisions(
            rules: rules, fatigue: nil, stageOutcomes: [nil], sourceGroups: [SourceGroup.police.rawValue, SourceGroup.schools.rawValue],
            stream: RandomStream(seed: 1))
        var police = Self.contact(need: 0.9, followUp: .zero), school = police
        police.source = 0
        school.source = 1
        #expect(decisions.decide(police, atStage: 0, decisionsSinceBreak: 0).outcome == .noFurtherAction)
        #expect(decisions.decide(school, atStage: 0, decisionsSinceBreak: 0).outcome == .referral)
        #expect(rules.table(rag: .amber, channel: .phone, group: .police) == [1, 0, 0, 0])
        #expect(rules.table(rag: .amber, channel: .phone, group: .health) == Self.rules.byRAG[RAG.amber.rawValue])
    }

    @Test func aStagesOwnTableWins() throws {
        let own: [[Double]] = Array(repeating: [0, 1, 0, 0], count: 3)
        let decisions = try Decisions(rules: Self.rules, fatigue: nil, stageOutcomes: [nil, own], stream: RandomStream(seed: 1))
        #expect(decisions.decide(Self.contact(need: 0.9, followUp: .zero), atStage: 1, decisionsSinceBreak: 0).outcome == .earlyHelp)
    }
}

@Suite struct WorkingDayTests {
    static func team(people: Int = 2) throws -> Team {
        Team(
            id: "t", role: "worker", grade: "g", people: Array(repeating: 1, count: people),
            schedule: try WeeklySchedule(intervals: .weekdays(9, 17), firstWeekday: 0, closedDays: []),
            hoursPerDay: 7.4, breakHours: 0.6, otherDutiesShare: 0.2, lateShiftShare: 0, absence: .none)
    }

    @Test func aNineToFiveDayHasLunchAndOtherDutiesAndLeavesFiveHoursFiftyFiveForContacts() throws {
        // 09:00–17:00 is 7.4 hours and a 36-minute break. The first person takes the first lunch
        // sitting (12:06–12:42) and does other duties first (a fifth of 7.4 hours, 1.48); the
        // second takes the second sitting (12:42–13:18) and does other duties last.
        let team = try Self.team()
        let first = try Workforce.workingWeek(of: team, pattern: Workforce.pattern(0, of: team))
        let second = try Workforce.workingWeek(of: team, pattern: Workforce.pattern(1, of: team))
        func close(_ a: [ClosedRange<Double>], _ b: [ClosedRange<Double>]) -> Bool {
            a.count == b.count
                && zip(a, b).allSatisfy { abs($0.lowerBound - $1.lowerBound) < 1e-9 && abs($0.upperBound - $1.upperBound) < 1e-9 }
        }
        #expect(close(first.paid.intervals[0], [9...12.1, 12.7...17]))
        #expect(close(first.contacts.intervals[0], [10.48...12.1, 12.7...17]))
        #expect(close(second.contacts.intervals[0], [9...12.7, 13.3...15.52]))
        #expect(abs(first.paid.hoursPerWeek - 37) < 1e-9 && abs(second.contacts.hoursPerWeek - 5 * 5.92) < 1e-9)
        #expect(first.contacts.intervals[5].isEmpty)
    }

    @Test func theFatigueCountStartsAgainWhenSomeoneComesBackToContacts() throws {
        let design = try FrontDoorFixture(people: 1).prepared()
        var workforce = Workforce(design: design, absenceStream: RandomStream(seed: 1))
        workforce.setOnShift(0, true)
        workforce.countDecision(by: 0)
        workforce.countDecision(by: 0)
        #expect(workforce.people[0].decisionsSinceBreak == 2)
        workforce.setOnShift(0, false)
        workforce.setOnShift(0, true)
        #expect(workforce.people[0].decisionsSinceBreak == 0 && workforce.people[0].decisionsToday == 2)
    }
}

/// The records the event loop keeps for every contact in flight stay small, so that they stay in
/// cache when a front door is large (`Benchmarks/team-size.sh`).
@Suite struct ContactRecordTests {
    @Test func aContactsRecordsTakeThirtyTwoAndNinetySixBytes() {
        #expect(MemoryLayout<FrontDoorState.Contact>.stride == 32)
        #expect(MemoryLayout<DemandGenerator.Arrival>.stride == 96)
    }
}
