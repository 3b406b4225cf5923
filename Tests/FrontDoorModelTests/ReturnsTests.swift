import FrontDoorTestSupport
import SimulationEngine
import Testing

@testable import FrontDoorModel

/// Children coming back, re-referrals, sibling groups and contacts about open cases.
@Suite struct ReturnsTests {
    /// A fixture whose only source sends nothing at weekends, and nothing at all in May 2025.
    static func weekdaysOnly() throws -> PreparedDesign {
        var fixture = try FrontDoorFixture(days: 400)
        fixture.design.demand.sources[0].weekdayWeights = [1, 1, 1, 1, 1, 0, 0]
        // 1 to 31 May 2025: days 30 to 60.
        fixture.design.demand.shocks = [Demand.Shock(name: "closed", firstDay: 30, lastDay: 60, factors: [.police: 0])]
        return try fixture.prepared()
    }

    @Test func childrenComeBackOnDaysInProportionToTheirSourcesVolume() throws {
        let design = try Self.weekdaysOnly()
        var arrivals = Arrivals(
            design: design, days: 400, stream: RandomStream(seed: 1), backlogStream: RandomStream(seed: 2),
            recontactStream: RandomStream(seed: 3), changesStream: RandomStream(seed: 5), perceptionStream: RandomStream(seed: 6))
        var other = Arrivals(
            design: design, days: 400, stream: RandomStream(seed: 1), backlogStream: RandomStream(seed: 2),
            recontactStream: RandomStream(seed: 99), changesStream: RandomStream(seed: 5), perceptionStream: RandomStream(seed: 6))
        let now = 10.0 * 24 + 12 // Friday 11 April 2025, noon
        var days: [Int] = []
        for i in 0..<2_000 {
            var child = DecisionTests.contact(need: 0.5, followUp: [0, 0, 0, (Double(i) + 0.5) / 2_000])
            child.time = now
            // Held for its day, a later one, so read back from the days' contacts.
            arrivals.comeBack(child, referred: false, now: now)
            other.comeBack(child, referred: false, now: now)
        }
        for day in 11...400 {
            arrivals.contacts(onDay: day, room: 0) { arrival in
                #expect(arrival.isRecontact)
                days.append(Int(arrival.time / 24))
            }
        }
        #expect(days.count == 2_000)
        // Within the year after the decision, never at a weekend or in the month with no contacts.
        #expect(days.allSatisfy { $0 > 10 && $0 <= 10 + 365 })
        #expect(days.allSatisfy { design.calendar.weekday(ofDay: $0) < 5 })
        #expect(!days.contains { (30...60).contains($0) })
        // The child's own draw fixes the day, whatever else the stream holds.
        var otherDays: [Int] = []
        for day in 11...400 { other.contacts(onDay: day, room: 0) { arrival in otherDays.append(Int(arrival.time / 24)) } }
        #expect(otherDays == days)
    }

    @Test func aReturningChildKeepsItsConcernAndCarriesItsLastReferral() throws {
        let design = try Self.weekdaysOnly()
        let generator = DemandGenerator(design)
        var earlier = DecisionTests.contact(need: 0.37, followUp: [0.1, 0.2, 0.3, 0.4])
        earlier.children = 3
        earlier.lastReferral = 5
        let back = generator.returning(earlier, at: 100, lastReferral: 50, using: RandomStream(seed: 4))
        #expect(back.need == 0.37 && back.rag == earlier.rag && back.children == 3 && back.source == earlier.source)
        #expect(back.lastReferral == 50 && back.time == 100 && back.followUp != earlier.followUp)
    }

    @Test func referralsAreCountedPerChildWithReReferralsApart() throws {
        var recorder = try RecorderTests.recorder()
        recorder.warmUpEnded()
        recorder.received(source: 0, rag: .amber, at: 25, isRecontact: false, children: 3)
        recorder.received(source: 0, rag: .amber, at: 26, isRecontact: true, children: 1, awaitsDecision: false)
        recorder.decided(
            .referral, source: 0, rag: .amber, receivedAt: 25, receivedWhileMeasuring: true, at: 27, children: 3, rereferral: true)
        recorder.decided(.strategyDiscussion, source: 0, rag: .red, receivedAt: 25, receivedWhileMeasuring: true, at: 28, children: 2)
        recorder.decided(
            .noFurtherAction, source: 0, rag: .green, receivedAt: 25, receivedWhileMeasuring: true, at: 29, children: 4, rereferral: false)
        recorder.assessmentStarted(noFurtherService: true, children: 3)
        recorder.passedToAllocatedWorker()
        let result = recorder.finish(events: 0, stoppedAt: 48, waiting: 0, waitingMeasured: 0, busyAfterEnd: [])
        #expect(result.childrenInContacts == 4 && result.received == 2 && result.passedToAllocatedWorker == 1)
        #expect(result.childrenReferred == 5 && result.childrenRereferred == 3 && result.childrenInStrategyDiscussions == 2)
        #expect(result.childrenAssessed == 3 && result.childrenAssessedNotInNeed == 3)
        // The open case awaits no decision, so only the first contact is in the timeliness cohort.
        #expect(result.dueWithin1 == 1)
    }

    @Test func contactsAboutOpenCasesArePassedOnUndecided() throws {
        var fixture = try FrontDoorFixture()
        fixture.design.demand.openCaseShare = 1
        let run = try fixture.run()
        #expect(run.received > 500 && run.passedToAllocatedWorker == run.received - run.undecidedAtEnd)
        #expect(run.decided == 0 && run.dueWithin1 == 0 && run.childrenReferred == 0)
    }

    @Test func theReReferralRateIsTheChanceAReferredChildComesBack() throws {
        // Every contact is an amber, always referred and never assessed, so every case closes and
        // the child comes back within 12 months with chance 0.3, to be referred again. In the
        // steady state 30% of referrals are re-referrals. Three years of warm-up let the chains
        // of returns settle (0.3³ of the start-up is left); bounds are 3.29 binomial standard
        // errors, widened by the variance of the count of returns.
        var fixture = try FrontDoorFixture(contactsPerYear: 3_000, days: 5 * 365, warmUpDays: 3 * 365, rag: [.amber: 1])
        fixture.design.outcomes.assessmentStart = 0
        fixture.design.outcomes.returnAfterReferral = (closed: 0.3, served: 0)
        let run = try fixture.run()
        let rate = Double(run.childrenRereferred) / Double(run.childrenReferred)
        let se = (0.3 * 0.7 / Double(run.childrenReferred)).squareRoot()
        #expect(abs(rate - 0.3) < 3.29 * 2 * se, "\(rate) of \(run.childrenReferred) referrals")
        // And the volume: new contacts plus the returns, 3,000 / (1 − 0.3) a year.
        let perYear = Double(run.received) / 2
        #expect(abs(perYear - 3_000 / 0.7) < 0.05 * 3_000 / 0.7, "\(perYear) a year")
    }

    @Test func siblingGroupsCountEachChild() throws {
        var fixture = try FrontDoorFixture(contactsPerYear: 20_000, rag: [.amber: 1])
        fixture.design.demand.childrenPerContact = [0.5, 0.5]
        let run = try fixture.run()
        // Half the contacts are about one child, half about two: 1.5 children a contact.
        let perContact = Double(run.childrenInContacts) / Double(run.received)
        #expect(abs(perContact - 1.5) < 3.29 * (0.25 / Double(run.received)).squareRoot(), "\(perContact)")
        #expect(run.childrenReferred > run.referredBySource[0])
    }
}
