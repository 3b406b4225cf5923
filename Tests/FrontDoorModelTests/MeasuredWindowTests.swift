import ScenarioFiles
import SimulationEngine
import Testing

@testable import FrontDoorModel

/// Measures count only what falls inside the measured window [end of warm-up, horizon).
@Suite struct MeasuredWindowTests {
    // 2025-04-01, the fixture's start, is a Tuesday; 2025-04-07 (day 6) is a Monday and a working day.
    static let office = "{weekdays: \"09:00-17:00\"}"

    @Test func availableHoursStopAtAHorizonFallingAtMidnightBeforeAWorkingDay() throws {
        // Six days end at midnight before Monday: Tuesday to Friday, 2 people × 8 hours × 4 days.
        let run = try Fixture.run(Fixture.yaml(perYear: 500, people: "2", hours: Self.office, days: 6))
        #expect(run.teamAvailableHours == [64])
    }

    @Test func availableHoursStartAtTheEndOfTheWarmUp() throws {
        // A day of warm-up (Tuesday), then Wednesday to Sunday: 3 working days measured.
        let run = try Fixture.run(Fixture.yaml(perYear: 500, people: "2", hours: Self.office, days: 6, warmUp: 1))
        #expect(run.teamAvailableHours == [48])
    }

    @Test func decisionsPerManagerDayLeaveOutTheLastWarmUpDay() throws {
        // Warm-up: Tuesday. Measured: Wednesday to the next Tuesday, 5 working days for 1 manager.
        let run = try Fixture.run(Fixture.yaml(perYear: 2_000, people: "1", hours: Self.office, days: 8, warmUp: 1))
        #expect(run.managerDays.count == 5 && run.teamDecisionDays == [5])
    }

    @Test func aDeciderDayWithNoDecisionsInTheWarmUpDoesNotHalveTheMean() throws {
        // Every contact waits out a day of missing information, so the warm-up day has no
        // decisions; the measured days all have some.
        let run = try Fixture.run(
            Fixture.yaml(
                perYear: 20_000, people: "1", hours: Self.office,
                deciderExtra: "    asks_for_missing_information: true", days: 2, warmUp: 1,
                sourceExtra: "      complete_information: 0",
                demandExtra: "flow: {information_wait_hours: 26}"))
        // One measured day (Wednesday) and one decider: the mean is that day's decisions.
        #expect(run.managerDays.count == 1)
        #expect(run.decided > 0 && run.managerDays.mean == Double(run.decided) && run.teamDecisions == [run.decided])
    }
}

/// What `check` accepts, `run` can run.
@Suite struct OutcomeTableTests {
    @Test func aReferralFactorThatLeavesARowWithNoDecisionIsRefused() throws {
        // The fixture's red row is all strategy discussions; email at 0 would leave it empty.
        let text = Fixture.yaml().replacingOccurrences(
            of: "  recontact_within_12_months:", with: "  referral_factor_by_channel: {email: 0}\n  recontact_within_12_months:")
        let error = try #require(throws: ScenarioError.self) { try Fixture.design(text) }
        #expect(error.key == "outcomes.referral_factor_by_channel.email")
        #expect(error.message.contains("red contacts by email with no possible decision"))
        // A factor above 0 is fine.
        _ = try Fixture.design(text.replacingOccurrences(of: "{email: 0}", with: "{email: 0.5}"))
    }
}

/// Received = decided + lost + waiting + in work, checked after every replication in debug builds.
@Suite struct ConservationTests {
    @Test func theCheckHoldsAfterARunAndCatchesALostContact() throws {
        let (design, length) = try Fixture.design(Fixture.yaml(perYear: 20_000, people: "1", hours: MeasuredWindowTests.office, days: 20))
        var state = FrontDoorState(design: design, length: length, seeds: SeedPlan(baseSeed: 3), replication: 0)
        _ = state.run()
        // The state cannot be copied, so each answer is read out before it is checked.
        let conserved = state.isConserved()
        #expect(state.undecided > 0)
        #expect(conserved)
        state.undecided -= 1
        let conservedWithOneLost = state.isConserved()
        #expect(!conservedWithOneLost)
    }
}
