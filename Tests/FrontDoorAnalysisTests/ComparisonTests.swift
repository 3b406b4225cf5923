import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorReports
import FrontDoorTestSupport
import ScenarioFiles
import Synchronization
import Testing

@Suite struct ComparisonTests {
    static let tandem = try! ScenarioLoader.load(path: packageRoot + "/Scenarios/benchmarks/tandem.yaml")

    @Test func pairedDifferencesAreDesignMinusBaselineReplicationByReplication() throws {
        let faster = try ScenarioLoader.parse(
            try String(contentsOfFile: packageRoot + "/Scenarios/benchmarks/tandem.yaml", encoding: .utf8)
                .replacingOccurrences(of: "scenario: tandem", with: "scenario: faster")
                .replacingOccurrences(of: "servers: 2\n", with: "servers: 3\n"),
            file: packageRoot + "/Scenarios/benchmarks/faster.yaml")
        let comparison = Comparison.run([Self.tandem, faster], settings: ExperimentSettings(replications: 8, seed: 3, jobs: 2))
        let wait = try #require(comparison.differences[1].first { $0.definition.name == "stage.decision.mean_wait_hours" })
        let mine = try #require(comparison.designs[1].column(.stage("decision").meanWaitHours))
        let theirs = try #require(comparison.designs[0].column(.stage("decision").meanWaitHours))
        #expect(abs(wait.mean - zip(mine, theirs).map { $0 - $1 }.reduce(0, +) / 8) < 1e-12)
        #expect(wait.ci95High < 0) // a third decider shortens the wait
        // The same arrivals reach both designs, so the difference in arrivals is exactly zero.
        let arrivals = try #require(comparison.differences[1].first { $0.definition.name == "contacts.arrived" })
        #expect(arrivals.mean == 0 && arrivals.halfWidth == 0)
        #expect(comparison.differences[0].isEmpty)
    }

    @Test func cashNeverIncludesTheNotionalDownstreamCost() throws {
        // Two designs that differ only in what an assessment is worth to the teams downstream: the
        // notional cost differs, the cash does not, by exactly £0 in every replication.
        let short = ["run.horizon_days=90", "run.warm_up_days=20"]
        let base = try ScenarioLoader.load(path: packageRoot + "/Scenarios/peterborough.yaml", overrides: short)
        let dearer = try ScenarioLoader.load(
            path: packageRoot + "/Scenarios/peterborough.yaml",
            overrides: short + ["scenario=dearer-assessments", "costs.downstream.assessment_hours=40"])
        // More partner researchers are partners' time, paid by their agencies: not the council's cash.
        let morePartners = try ScenarioLoader.load(
            path: packageRoot + "/Scenarios/peterborough.yaml",
            overrides: short + ["scenario=more-partners", "teams.partners.people=8"])
        let comparison = Comparison.run([base, dearer, morePartners], settings: ExperimentSettings(replications: 3, seed: 4, jobs: 2))
        let cash = try #require(comparison.differences[1].first { $0.id == MeasureID(.cashCost) })
        let notional = try #require(comparison.differences[1].first { $0.id == MeasureID(.downstreamCost) })
        #expect(cash.mean == 0 && cash.halfWidth == 0)
        #expect(notional.ci95Low > 0)
        // The council's cash moves only by the hours its shared services (the contact centre, the
        // emergency duty team) spend on contacts, which the partners' timing moves a little.
        func difference(_ id: MeasureID.Family) throws -> MeasureSummary {
            try #require(comparison.differences[2].first { $0.id == MeasureID(id) })
        }
        let partnersCash = try difference(.cashCost), shared = try difference(.sharedServicesCost), time = try difference(.partnersTimeCost)
        let staff = try difference(.staffCost), agency = try difference(.agencyCost)
        #expect(abs(partnersCash.mean - shared.mean) < 1e-6 && time.mean > 0)
        #expect(staff.mean == 0 && agency.mean == 0)
        #expect(!comparison.designs[0].scenario.measures.contains { $0.id.name == "cost.total_per_year_gbp" })
    }

    @Test func precisionAddsReplicationsUntilTheTargetIsMet() {
        let settings = ExperimentSettings(replications: 4, seed: 5, jobs: 2, precision: 0.004, maximumReplications: 80)
        let comparison = Comparison.run([Self.tandem], settings: settings)
        let report = comparison.precision!
        #expect(report.met, "\(report.sentence)")
        #expect(comparison.baseline.replications > 4 && comparison.baseline.replications <= 80)
        #expect(comparison.baseline.worstRelativeHalfWidth <= 0.004)
        #expect(report.sentence.contains("after \(comparison.baseline.replications) replications"))
    }

    @Test func precisionStopsAtTheMaximumAndSaysSo() {
        let settings = ExperimentSettings(replications: 3, seed: 5, jobs: 2, precision: 0.0001, maximumReplications: 6)
        let comparison = Comparison.run([Self.tandem], settings: settings)
        #expect(comparison.baseline.replications == 6)
        #expect(!comparison.precision!.met)
        #expect(comparison.precision!.sentence.hasPrefix("After the maximum of 6 replications"))
    }

    @Test func progressCountsReplicationsAndClearsItsLine() {
        let lines = Mutex<[String]>([])
        let progress = ProgressReporter { line in lines.withLock { $0.append(line) } }
        _ = Comparison.run([Self.tandem], settings: ExperimentSettings(replications: 3, seed: 1, jobs: 2), progress: progress)
        let drawn = lines.withLock { $0 }
        #expect(drawn.contains("\r3 of 3 replications"))
        #expect(drawn.last == "\r\u{1B}[K")
    }

    @Test func msertFindsTheEndOfAStartUpTransient() {
        // A backlog that climbs from empty over 40 days, then wanders around 100.
        let stream = (0..<400).map { day -> Double in
            let noise = sin(Double(day) * 1.7) * 4 + cos(Double(day) * 0.37) * 3
            return (day < 40 ? Double(day) * 2.5 : 100) + noise
        }
        let truncation = WarmUpCheck.mserTruncation(stream, batch: 5)
        #expect(truncation >= 30 && truncation <= 60, "truncation at \(truncation)")
        let flat = (0..<400).map { sin(Double($0) * 1.7) * 4 + 100 }
        #expect(WarmUpCheck.mserTruncation(flat, batch: 5) < 200)
    }
}
