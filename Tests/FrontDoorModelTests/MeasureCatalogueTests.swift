import Foundation
import FrontDoorTestSupport
import SimulationEngine
import Testing

@testable import FrontDoorModel

@Suite struct MeasureCatalogueTests {
    @Test func everyFamilyWithSubjectsHasAPlaceForIt() {
        for family in MeasureID.Family.allCases {
            #expect(family.rawValue.contains("*") == (family.subjectKind != nil), "\(family.rawValue)")
        }
    }

    @Test func namesAreReadBackToTheSameTypedID() {
        #expect(MeasureID(name: "backlog.mean") == MeasureID(.backlogMean))
        #expect(MeasureID(name: "team.screeners.utilisation") == MeasureID.team("screeners").utilisation)
        #expect(MeasureID(name: "stage.decide.mean_wait_hours") == MeasureID.stage("decide").meanWaitHours)
        #expect(MeasureID(name: "contacts.share.police") == MeasureID.source("police").share)
        #expect(MeasureID(name: "conversion.referral.police") == MeasureID.source("police").referralConversion)
        #expect(MeasureID(name: "conversion.referral") == MeasureID(.conversionReferral))
        for wrong in ["", "backlog", "backlog.mean.x", "team..utilisation", "team.a.b.utilisation", "stage.x.utilisation2", "Backlog.mean"]
        {
            #expect(MeasureID(name: wrong) == nil, "\(wrong)")
        }
    }

    @Test func frontDoorMeasuresAreComputedFromTheRecordTheyName() throws {
        // Managers who decide, an emergency duty team that is a shared council service, and
        // partners whose posts their agencies pay for.
        var fixture = try FrontDoorFixture()
        fixture.add(try fixture.team("edt", costing: .sharedService(paidHoursPerWeek: 37), people: 2, hours: .aroundTheClock))
        fixture.add(try fixture.team("partners", grade: "partner", people: 2, hours: .office))
        fixture.design.costs.salaries["partner"] = 40_000
        fixture.design.costs.paidByPartners = ["partner"]
        let design = try fixture.prepared()
        var record = FrontDoorReplication()
        record.measuredHours = 365 * 24
        record.received = 1000
        record.decided = 800
        record.dueWithin3 = 800
        record.decidedWithin3 = 600
        record.receivedBySource = design.demand.sources.map { _ in 0 }
        record.receivedBySource[0] = 250
        record.decidedBySource = design.demand.sources.map { _ in 0 }
        record.referredBySource = design.demand.sources.map { _ in 0 }
        record.teamBusyHours = design.teams.map { _ in 30 }
        record.teamAvailableHours = design.teams.map { _ in 120 }
        record.teamDecisionDays = design.teams.map { _ in 10 }
        record.teamDecisions = design.teams.map { _ in 85 }
        record.stageCompleted = design.stages.map { _ in 4 }
        record.stageWaitHours = design.stages.map { _ in 10 }
        record.stageWorkElapsedHours = design.stages.map { _ in 40 }
        // A run shorter than a year and 20 working days: the slope over its measured days.
        record.backlogSeries = [3, 10, 12, 14, 16]
        record.warmUpWorkingDays = 1
        let catalogue = FrontDoorMeasures.catalogue(design)
        let values = Dictionary(uniqueKeysWithValues: zip(catalogue.definitions.map(\.id), catalogue.values(record)))
        #expect(values[MeasureID(.contactsReceived)] == 1000)
        #expect(values[MeasureID(.decidedWithin3WorkingDays)] == 0.75)
        #expect(values[MeasureID(.backlogGrowthPerDay)] == 2)
        #expect(values[MeasureID.source(design.demand.sources[0].group.name).share] == 0.25)
        #expect(values[MeasureID.team(design.teams[0].id).utilisation] == 0.25)
        #expect(values[MeasureID.stage(design.stages[0].id).waitHoursPerContact] == 10.0 / 800)
        #expect(values[MeasureID.stage(design.stages[0].id).workHoursPerContact] == 40.0 / 800)
        #expect(values[MeasureID.team(design.teams[0].id).decisionsPerPersonDay] == 8.5)
        #expect(values[MeasureID.stage(design.stages[0].id).meanWaitHours] == 2.5)
        let costs = StaffCosts(design)
        // The emergency duty team is a shared council service: its 30 hours on contacts are priced
        // by the hour, in the cash beside the pay bill.
        let edt = try #require(design.teams.firstIndex { $0.id == "edt" })
        let shared = try #require(values[MeasureID(.sharedServicesCost)])
        #expect(abs(shared - 30 * costs.teams[edt].hourlyCost) < 1e-6 && costs.teams[edt].total == 0)
        let cash = try #require(values[MeasureID(.cashCost)])
        #expect(abs(cash - costs.total - shared) < 1e-6)
        #expect(values[MeasureID(.staffCostPerContact)] == cash / 1000)
        // The council's teams make its pay bill; the partners' posts are their agencies' time.
        let own = costs.teams.filter { !$0.paidByPartners }, partners = costs.teams.filter(\.paidByPartners)
        #expect(!partners.isEmpty)
        #expect(abs(costs.total - own.reduce(0) { $0 + $1.total }) <= 1e-9 * costs.total)
        #expect(abs(costs.partners - partners.reduce(0) { $0 + $1.total }) <= 1e-9 * costs.partners && costs.partners > 0)
    }

    /// Two years of 250 working days with a seasonal swing (a peak each January): the growth of
    /// the backlog compares the last 20 days with the 20 a year earlier, so the swing cancels and
    /// a steady climb of 0.3 a day is read as 0.3, where the slope over the last year alone is not.
    @Test(arguments: [0.0, 0.3]) func backlogGrowthComparesDaysAYearApart(_ climb: Double) {
        var record = FrontDoorReplication()
        record.backlogSeries = (0..<500).map { day in Int((100 + 60 * sin(Double(day) * 2 * .pi / 250) + climb * Double(day)).rounded()) }
        record.warmUpWorkingDays = 250
        record.workingDaysAYearBeforeEnd = 250
        #expect(abs(FrontDoorMeasures.backlogGrowth(record) - climb) < 0.01)
        #expect(abs(FrontDoorMeasures.slope(record.backlogSeries[250...]) - climb) > 0.2)
        // Stopped as overloaded: the slope over every working day it ran.
        record.stoppedOverloaded = true
        #expect(FrontDoorMeasures.backlogGrowth(record) == FrontDoorMeasures.slope(record.backlogSeries[...]))
    }
}
