import FrontDoorTestSupport
import SimulationEngine
import Testing

@testable import FrontDoorModel

/// Measures count only what falls inside the measured window [end of warm-up, horizon).
@Suite struct MeasuredWindowTests {
    // 2025-04-01, the fixture's start, is a Tuesday; 2025-04-07 (day 6) is a Monday and a working day.

    @Test func availableHoursStopAtAHorizonFallingAtMidnightBeforeAWorkingDay() throws {
        // Six days end at midnight before Monday: Tuesday to Friday, 2 people × 8 hours × 4 days.
        let run = try FrontDoorFixture(contactsPerYear: 500, people: 2, hours: .office, days: 6).run()
        #expect(run.teamAvailableHours == [64])
    }

    @Test func availableHoursStartAtTheEndOfTheWarmUp() throws {
        // A day of warm-up (Tuesday), then Wednesday to Sunday: 3 working days measured.
        let run = try FrontDoorFixture(contactsPerYear: 500, people: 2, hours: .office, days: 6, warmUpDays: 1).run()
        #expect(run.teamAvailableHours == [48])
    }

    @Test func decisionsPerManagerDayLeaveOutTheLastWarmUpDay() throws {
        // Warm-up: Tuesday. Measured: Wednesday to the next Tuesday, 5 working days for 1 manager.
        let run = try FrontDoorFixture(contactsPerYear: 2_000, people: 1, hours: .office, days: 8, warmUpDays: 1).run()
        #expect(run.managerDays.count == 5 && run.teamDecisionDays == [5])
    }

    @Test func aDeciderDayWithNoDecisionsInTheWarmUpDoesNotHalveTheMean() throws {
        // Every contact waits out a day of missing information, so the warm-up day has no
        // decisions; the measured days all have some.
        var fixture = try FrontDoorFixture(contactsPerYear: 20_000, people: 1, hours: .office, days: 2, warmUpDays: 1)
        fixture.design.stages[0].asksForMissingInformation = true
        fixture.design.demand.sources[0].completeInformation = 0
        fixture.design.flow.informationWait = try .fixed(26)
        let run = try fixture.run()
        // One measured day (Wednesday) and one decider: the mean is that day's decisions.
        #expect(run.managerDays.count == 1)
        #expect(run.decided > 0 && run.managerDays.mean == Double(run.decided) && run.teamDecisions == [run.decided])
    }
}

/// Received = decided + lost + waiting + in work, checked after every replication in debug builds.
@Suite struct ConservationTests {
    @Test func theCheckHoldsAfterARunAndCatchesALostContact() throws {
        let fixture = try FrontDoorFixture(contactsPerYear: 20_000, people: 1, hours: .office, days: 20)
        var state = FrontDoorState(design: try fixture.prepared(), length: fixture.length, seeds: SeedPlan(baseSeed: 3), replication: 0)
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
