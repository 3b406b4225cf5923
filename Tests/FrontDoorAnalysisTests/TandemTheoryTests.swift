import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorReports
import FrontDoorTestSupport
import ScenarioFiles
import Testing

/// The reference workload, run through the scenario file and the replication runner, against the
/// facts of queueing theory stated in the workload's definition.
@Suite struct TandemTheoryTests {
    static let result: ExperimentResult = {
        let scenario = try! ScenarioLoader.load(path: packageRoot + "/Scenarios/benchmarks/tandem.yaml")
        return Experiment.run(scenario, settings: ExperimentSettings(replications: 100, seed: 2026, jobs: ReplicationRunner.availableCores))
    }()

    func measure(_ name: String) throws -> MeasureSummary {
        let id = try #require(MeasureID(name: name))
        return try #require(Self.result[id])
    }

    @Test func triageWaitMatchesErlangC() throws {
        // M/M/6, λ = 3.125/h, μ = 2/h: Erlang C mean wait 0.000645 h.
        let wait = try measure("stage.triage.mean_wait_hours")
        #expect(wait.interval(contains: 0.000645_218), "\(wait.ci95Low)…\(wait.ci95High)")
    }

    /// Offered load λ × mean service ÷ servers at each stage: 0.2604, 0.625 and 0.3906.
    static let loads: [(String, Double)] = [("triage", 3.125 * 0.5 / 6), ("mash", 3.125 * 0.4 * 2 / 4), ("decision", 3.125 * 0.25 / 2)]

    @Test(arguments: loads)
    func utilisationIsLoadOverCapacity(stage: String, expected: Double) throws {
        let utilisation = try measure("stage.\(stage).utilisation")
        #expect(utilisation.interval(contains: expected), "\(stage): \(utilisation.ci95Low)…\(utilisation.ci95High), expected \(expected)")
    }

    @Test func arrivalsAverage27375AYear() throws {
        let arrived = try measure("contacts.arrived")
        #expect(arrived.interval(contains: 27_375))
    }

    @Test func mashWaitIsInTheRangeOfTheM_G_4Approximation() throws {
        // No closed form for M/G/4; the workload's definition puts the mean wait at about 0.27–0.28 h.
        let wait = try measure("stage.mash.mean_wait_hours")
        #expect(wait.ci95Low < 0.29 && wait.ci95High > 0.26)
    }

    @Test func everyContactIsAccountedFor() throws {
        let arrived = column("contacts.arrived"), completed = column("contacts.completed"), inSystem = column("contacts.in_system_at_end")
        for index in arrived.indices {
            #expect(arrived[index] == completed[index] + inSystem[index])
        }
    }

    @Test func eventsAreCountedAsArrivalsStartsAndEnds() throws {
        // About 27,375 arrivals + 2 × (27,375 + 10,950 + 27,375) starts and ends ≈ 158,700 a year.
        let perReplication = Double(Self.result.events) / 100
        #expect(abs(perReplication - 158_775) < 1_000)
    }

    func column(_ name: String) -> [Double] {
        Self.result.column(MeasureID(name: name)!)!
    }
}

@Suite struct WarningTests {
    /// One decider against about 20 contacts a working day: at 19 minutes a contact the backlog
    /// climbs about 0.9 a working day (below the 1 a day a slope rule once needed), 13 working
    /// days' decisions a year, and the design is said to fall behind; at 17 minutes it keeps up.
    @Test func aDesignThatFallsBehindIsReportedAsSuch() throws {
        func result(minutes: Int) throws -> ExperimentResult {
            let text = """
                scenario: falling-behind
                start_date: 2025-04-01
                run: {horizon_days: 760, warm_up_days: 365}
                demand:
                  contacts_per_year: 5000
                  sources: {police: {share: 1, channels: {phone: 1}, rag: {green: 1}}}
                teams:
                  deciders: {grade: tm, people: 1, hours: {weekdays: "09:00-17:00"}}
                stages:
                  decide: {team: deciders, minutes: \(minutes), decides: true}
                outcomes: {red: {nfa: 1}, amber: {nfa: 1}, green: {nfa: 1}}
                costs: {salaries: {tm: 50000}}
                """
            return Experiment.run(
                try ScenarioLoader.parse(text, file: "falling-behind.yaml"), settings: ExperimentSettings(replications: 5, seed: 1, jobs: 2)
            )
        }
        let behind = try result(minutes: 19)
        let growth = try #require(behind[.backlogGrowthPerDay])
        #expect(growth.ci95Low > 0 && growth.ci95High < 1.5, "\(growth.mean)")
        #expect(behind.warnings.count == 1)
        #expect(behind.warnings.first?.contains("falling behind its demand, so its figures get worse with the length of the run") == true)
        let keepsUp = try result(minutes: 17)
        #expect(keepsUp.warnings.isEmpty && keepsUp.concerns.isEmpty)
    }
}

@Suite struct DeterminismTests {
    @Test func theNumberOfThreadsDoesNotChangeTheNumbers() throws {
        let scenario = try ScenarioLoader.load(path: packageRoot + "/Scenarios/benchmarks/tandem.yaml")
        let one = Experiment.run(scenario, settings: ExperimentSettings(replications: 6, seed: 5, jobs: 1))
        let two = Experiment.run(scenario, settings: ExperimentSettings(replications: 6, seed: 5, jobs: 2))
        let four = Experiment.run(scenario, settings: ExperimentSettings(replications: 6, seed: 5, jobs: 4))
        #expect(one.values == two.values)
        #expect(one.values == four.values)
        #expect(one.events == two.events)
        let other = Experiment.run(scenario, settings: ExperimentSettings(replications: 6, seed: 6, jobs: 2))
        #expect(one.values != other.values)
    }

    @Test func theRunnerReturnsResultsInReplicationOrder() {
        let results = ReplicationRunner.run(count: 50, first: 10, jobs: 3) { $0 * 2 }
        #expect(results == (10..<60).map { $0 * 2 })
    }

    @Test func confidenceIntervalsUseStudentsT() {
        let summary = Estimate([1, 2, 3, 4, 5])
        // mean 3, sd √2.5, t(0.975, 4) = 2.776445
        #expect(abs(summary.mean - 3) < 1e-12)
        #expect(abs(summary.halfWidth - 2.776445 * 2.5.squareRoot() / 5.0.squareRoot()) < 1e-5)
        let single = Estimate([7])
        #expect(single.ci95Low == 7 && single.ci95High == 7)
    }
}
