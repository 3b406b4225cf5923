import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorTestSupport
import ScenarioFiles
import Testing

/// The shipped what-if questions give answers that hold, by mechanism.
@Suite(.serialized) struct WhatIfAnswersTests {
    static func compare(_ names: [String], replications: Int = 4) throws -> DesignComparison {
        let designs = try names.map { try ScenarioLoader.load(path: packageRoot + "/Scenarios/\($0).yaml") }
        return Comparison.run(
            designs, settings: ExperimentSettings(replications: replications, seed: 2026, jobs: ReplicationRunner.availableCores))
    }

    @Test func aLockdownCutsReferralsOverItsWindowAsTheEvidenceDid() throws {
        // Domain §2: April–June 2020, referrals 18% below the usual, with schools −76% and police
        // +16%. Mechanism: the typical council's national mix, schools' contacts converting more
        // than the police's, and children's returns held back by the lockdown too.
        let comparison = try Self.compare(["typical-council", "what-if/lockdown"], replications: 6)
        let window = try #require(ChangeWindow.windows(comparison).first)
        #expect(
            window.name == "lockdown" && window.from == CivilDate(year: 2026, month: 4, day: 1)!
                && window.to == CivilDate(year: 2026, month: 6, day: 30)!)
        func relative(_ quantity: ChangeWindow.Figure.Quantity) throws -> (mean: Double, low: Double, high: Double) {
            let figure = try #require(window.figures.first { $0.quantity == quantity })
            let base = figure.values[0].mean, d = try #require(figure.differences[1])
            return (d.mean / base, d.ci95Low / base, d.ci95High / base)
        }
        // Two-sided on the mean: the three months' paired difference is wide, since a lockdown
        // changes how many contacts each day draws, and so which ones; the interval still
        // excludes no change.
        let referred = try relative(.childrenReferred)
        #expect(referred.mean >= -0.25 && referred.mean <= -0.12 && referred.high < -0.05, "referrals \(referred)")
        // Contacts fall less than referrals: the police, who convert least, send more.
        let received = try relative(.received)
        #expect(received.mean > referred.mean && received.high < 0, "contacts \(received), referrals \(referred)")
    }

    @Test func policeDemandManagementRemovesWorkButFewAssessments() throws {
        // The 20% of police contacts that stop are green notifications, 6% of which were referred.
        let comparison = try Self.compare(["mash", "what-if/police-demand-management"])
        func relative(_ family: MeasureID.Family) throws -> (mean: Double, low: Double, high: Double) {
            let base = try #require(comparison.baseline[family]).mean
            let d = try #require(comparison.differences[1].first { $0.id == MeasureID(family) })
            return (d.mean / base, d.ci95Low / base, d.ci95High / base)
        }
        let received = try relative(.contactsReceived)
        #expect(received.low >= -0.15 && received.high <= -0.09, "contacts \(received)")
        let assessments = try relative(.assessmentsStarted)
        #expect(assessments.low >= -0.05 && assessments.high < 0, "assessments \(assessments)")
    }
}
