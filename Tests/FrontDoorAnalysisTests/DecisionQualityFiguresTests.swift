import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorTestSupport
import ScenarioFiles
import Testing

@testable import FrontDoorReports

/// What referring less costs and what tiredness does, in the shipped designs, by mechanism: each
/// child's real need against what its decider sees of it.
@Suite(.serialized) struct DecisionQualityFiguresTests {
    static func compare(_ names: [String]) throws -> DesignComparison {
        let designs = try names.map { try ScenarioLoader.load(path: packageRoot + "/Scenarios/\($0).yaml") }
        return Comparison.run(designs, settings: ExperimentSettings(replications: 4, seed: 2026, jobs: ReplicationRunner.availableCores))
    }

    static func difference(_ comparison: DesignComparison, _ family: MeasureID.Family) throws -> MeasureSummary {
        try #require(comparison.differences[1].first { $0.id == MeasureID(family) })
    }

    @Test func theCADSAvoidsUnnecessaryAssessmentsAndMissesSomeChildrenInNeed() throws {
        // Norfolk's CADS refers half as often as before (its forecast) and, speaking with the
        // referrer, sees more clearly which children need an assessment: most of the children it
        // no longer refers needed none, and a few it closes were in need.
        let comparison = try Self.compare(["norfolk-before", "cads"])
        let referred = try Self.difference(comparison, .childrenReferred)
        let unnecessary = try Self.difference(comparison, .assessmentsUnnecessary)
        let missed = try Self.difference(comparison, .childrenNeedMissed)
        #expect(referred.ci95High < 0 && unnecessary.ci95High < 0 && missed.ci95Low > 0, "\(referred) \(unnecessary) \(missed)")
        // Fewer unnecessary assessments account for most of the fall in referrals; the missed
        // children are a few in a hundred of them.
        #expect(unnecessary.mean < 0.7 * referred.mean, "\(unnecessary.mean) of \(referred.mean)")
        #expect(missed.mean < -0.1 * referred.mean, "\(missed.mean) of \(referred.mean)")
        // And more of its decisions match the children's real need.
        #expect(try Self.difference(comparison, .decisionsRightShare).ci95Low > 0.05)
        // The report says it in words, with the figures and the assumption they rest on.
        let summary = HTMLReport.summary(comparison)
        for words in [
            "fewer children a year than norfolk-before", "If its decisions see the children's need as clearly as assumed",
            "of them needed no assessment", "more children in need a year have their contact closed",
            "50% of missed children come back within the year, more urgent"
        ] {
            #expect(summary.contains(words), "missing '\(words)'")
        }
    }

    @Test func aLinderSizeFatigueAssessesMoreChildrenWhoWereNotInNeed() throws {
        // Peterborough's one team manager, tired late in a sitting, refers more (the default):
        // children who needed no assessment are assessed. Paired on the same children.
        let comparison = try Self.compare(["peterborough", "what-if/peterborough-linder-fatigue"])
        let unnecessary = try Self.difference(comparison, .assessmentsUnnecessary)
        #expect(unnecessary.ci95Low > 0, "\(unnecessary)")
        #expect(try Self.difference(comparison, .decisionsRightShare).ci95High < 0)
    }
}
