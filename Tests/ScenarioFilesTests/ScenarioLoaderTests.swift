import Foundation
import FrontDoorModel
import FrontDoorTestSupport
import QueueingNetworkModel
import ScenarioModel
import SimulationEngine
import Testing

@testable import ScenarioFiles

/// The queueing network of a network scenario (the test fails if it is not one).
func network(of scenario: Scenario) throws -> (network: QueueingNetwork, stageIDs: [String]) {
    guard case .network(let network, let stageIDs) = scenario.model else {
        throw ScenarioError(file: scenario.file, message: "not a network scenario")
    }
    return (network, stageIDs)
}

@Suite struct ScenarioLoaderTests {
    static let minimal = """
        scenario: small
        run:
          horizon_days: 10
        arrivals:
          per_hour: 1
          to: work
        stages:
          work:
            servers: 2
            service_minutes: {distribution: exponential, mean: 30}
        """

    /// The error from parsing `text`, or nil if it parsed.
    func failure(_ text: String) -> ScenarioError? {
        do {
            _ = try ScenarioLoader.parse(text, file: "test.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func theTandemFileIsExactlyTheReferenceWorkload() throws {
        let scenario = try ScenarioLoader.load(path: packageRoot + "/Scenarios/benchmarks/tandem.yaml")
        let (network, stageIDs) = try network(of: scenario)
        #expect(stageIDs == ["triage", "mash", "decision"])
        #expect(network.arrivalsPerHour == 3.125)
        #expect(scenario.length == RunLength(horizonHours: 8_760, warmUpHours: 0))
        #expect(network.entry == [.init(to: 0, probability: 1)])
        #expect(network.stages.map(\.servers) == [6, 4, 2])
        #expect(
            network.stages.map(\.service) == [
                try .exponential(mean: 0.5), try .lognormal(mean: 2, standardDeviation: 1), try .exponential(mean: 0.25)
            ])
        #expect(network.stages.map(\.discipline) == [.firstComeFirstServed, .firstComeFirstServed, .firstComeFirstServed])
        #expect(network.stages[0].routes == [.init(to: 1, probability: 0.4), .init(to: 2, probability: 0.6)])
        #expect(network.stages[1].routes == [.init(to: 2, probability: 1)])
        #expect(network.stages[2].routes == [.init(to: nil, probability: 1)])
    }

    @Test func unitsInKeyNamesAreConvertedToHours() throws {
        let scenario = try ScenarioLoader.parse(Self.minimal, file: "test.yaml")
        let stage = try network(of: scenario).network.stages[0]
        #expect(stage.service == (try .exponential(mean: 0.5)))
        #expect(scenario.length.horizonHours == 240)
        #expect(stage.routes.isEmpty)
    }

    @Test func unknownKeysAreErrorsWithTheLineAndASuggestion() throws {
        let text = Self.minimal.replacingOccurrences(of: "    servers: 2", with: "    severs: 2")
        let error = try #require(failure(text))
        #expect(error.line == 9)
        #expect(error.key == "stages.work.severs")
        #expect(error.message.contains("did you mean 'servers'?"))
        #expect(error.description.hasPrefix("test.yaml:9:5: stages.work.severs: unknown key"))
    }

    @Test func wrongTypesSayWhatWasExpected() throws {
        let error = try #require(failure(Self.minimal.replacingOccurrences(of: "servers: 2", with: "servers: two")))
        #expect(error.description == "test.yaml:9:14: stages.work.servers: expected a whole number of 1 or more, found 'two'")
    }

    @Test func routingProbabilitiesMustAddUpToOne() throws {
        let text = Self.minimal + "\n    next: {work: 0.3, leave: 0.6}"
        let error = try #require(failure(text))
        #expect(error.key == "stages.work.next")
        #expect(error.message.contains("must add up to 1, not 0.9"))
    }

    @Test func routesToUnknownStagesAreNamed() throws {
        let error = try #require(failure(Self.minimal.replacingOccurrences(of: "to: work", with: "to: wrok")))
        #expect(error.key == "arrivals.to")
        #expect(error.message.contains("no stage is called 'wrok'"))
        #expect(error.message.contains("did you mean 'work'?"))
    }

    @Test func routesThatLoopForeverAreRejected() throws {
        let error = try #require(failure(Self.minimal + "\n    next: work"))
        #expect(error.message.contains("can never leave"))
    }

    @Test func badDistributionsAreReportedWhereTheyAre() throws {
        let negative = try #require(failure(Self.minimal.replacingOccurrences(of: "mean: 30", with: "mean: -30")))
        #expect(negative.key == "stages.work.service_minutes")
        #expect(negative.message.contains("above 0"))
        let unknown = try #require(failure(Self.minimal.replacingOccurrences(of: "exponential", with: "exponental")))
        #expect(unknown.message.contains("did you mean 'exponential'?"))
        let wrongParameter = try #require(failure(Self.minimal.replacingOccurrences(of: "mean: 30", with: "mean: 30, sd: 3")))
        #expect(wrongParameter.key == "stages.work.service_minutes.sd")
    }

    @Test func missingAndDoubledKeysAreNamed() throws {
        let missing = try #require(failure(Self.minimal.replacingOccurrences(of: "    servers: 2\n", with: "")))
        #expect(missing.message.contains("missing the key 'servers'"))
        let both = try #require(failure(Self.minimal.replacingOccurrences(of: "per_hour: 1", with: "per_hour: 1\n  per_day: 24")))
        #expect(both.message.contains("give only one of 'per_hour' and 'per_day'"))
    }

    @Test func yamlSyntaxErrorsGiveTheLine() throws {
        let error = try #require(failure("scenario: x\nrun: [1, 2\nstages: {}\n"))
        #expect(error.line != nil)
        #expect(error.message.hasPrefix("not valid YAML"))
        let empty = try #require(failure(""))
        #expect(empty.message.contains("empty"))
    }

    @Test func aMissingFileIsNamed() {
        #expect(throws: ScenarioError(file: "/nonexistent/x.yaml", message: "no such file")) {
            try ScenarioLoader.load(path: "/nonexistent/x.yaml")
        }
    }

    @Test func warmUpMustBeShorterThanTheHorizon() throws {
        let error = try #require(
            failure(Self.minimal.replacingOccurrences(of: "horizon_days: 10", with: "horizon_days: 10\n  warm_up_days: 12")))
        #expect(error.key == "run.warm_up_days")
    }

    @Test func measuresHaveStableDottedNames() throws {
        let scenario = try ScenarioLoader.load(path: packageRoot + "/Scenarios/benchmarks/tandem.yaml")
        let names = scenario.measures.map(\.name)
        for name in [
            "contacts.arrived", "contacts.completed", "stage.triage.mean_wait_hours", "stage.mash.utilisation", "stage.decision.completed"
        ] {
            #expect(names.contains(name))
        }
        #expect(names.allSatisfy { $0 == $0.lowercased() && !$0.contains(" ") })
        #expect(Set(names).count == names.count)
        let outcome = scenario.simulate(replication: 0, seeds: SeedPlan(baseSeed: 1))
        #expect(outcome.values.count == names.count)
    }

    @Test func assumptionsAreFoundWithTheirKeysWhereverTheCommentIs() {
        let text = """
            teams:
              screeners:
                people: 4          # assumption: sized by hand
                # assumption: calibrated
                # to the seed's figure
                hours: x
              other:
                people: 2          # from the seed
            """
        let notes = ScenarioLoader.notes(marked: "assumption", in: text, file: "x.yaml")
        #expect(
            notes == [
                "teams.screeners.people (x.yaml:3): sized by hand",
                "teams.screeners.hours (x.yaml:6): calibrated to the seed's figure"
            ])
        // A file saved with Windows line endings has the same notes, on the same lines.
        #expect(ScenarioLoader.notes(marked: "assumption", in: text.replacingOccurrences(of: "\n", with: "\r\n"), file: "x.yaml") == notes)
    }

    @Test func aRangeNamesANumberTheScenarioGivesAndContainsIt() throws {
        func ranged(_ range: String, overrides: [String] = []) throws -> Scenario {
            try ScenarioLoader.parse(
                "extends: \(packageRoot)/Scenarios/mash.yaml\nscenario: ranged\nranges:\n  \(range)\n", file: "ranged.yaml",
                overrides: overrides)
        }
        let scenario = try ranged("decision_quality.noise: {low: 0.3, high: 1.2, why: \"what audits allow\"}")
        // Its own range replaces the shared demand's for the same value; the rest (the shared twelve and the MASH's three) stay.
        #expect(scenario.ranges.count == 15)
        #expect(
            scenario.ranges.first { $0.path == "decision_quality.noise" }
                == AssumptionRange(
                    path: "decision_quality.noise", low: 0.3, high: 1.2, value: 0.6, why: "what audits allow", place: "ranged.yaml:4"))
        func refusal(_ range: String) -> ScenarioError? {
            do {
                _ = try ranged(range)
                return nil
            } catch {
                return error as? ScenarioError
            }
        }
        let missing = refusal("teams.nobody.people: {low: 1, high: 2, why: \"x\"}")
        #expect(missing?.line == 4 && missing?.key == "ranges.teams.nobody.people" && missing?.message.contains("no value at") == true)
        let outside = refusal("decision_quality.noise: {low: 0.7, high: 1.2, why: \"x\"}")
        #expect(outside?.message.contains("does not contain the scenario's value, 0.6") == true)
        #expect(refusal("decision_quality.noise: {low: 1.2, high: 0.3, why: \"x\"}")?.message.contains("below the high end") == true)
        #expect(refusal("decision_quality.noise: {low: 0.3, high: 1.2, why: \" \"}")?.key == "ranges.decision_quality.noise.why")
        #expect(refusal("decision_quality: {low: 0.3, high: 1.2, why: \"x\"}")?.message.contains("not a number") == true)
        // A value moved on the command line may lie outside its range.
        #expect(
            try ranged("decision_quality.noise: {low: 0.3, high: 1.2, why: \"x\"}", overrides: ["decision_quality.noise=2"]).ranges[0].value
                == 2)
    }

    @Test func forecastsAreListedApartFromAssumptions() throws {
        let text = """
            stages:
              talk:
                referral_factor: 0.5   # forecast: the seed expected half as many; drives assessments
                minutes: 40            # assumption
            """
        #expect(
            ScenarioLoader.notes(marked: "forecast", in: text, file: "x.yaml")
                == ["stages.talk.referral_factor (x.yaml:3): the seed expected half as many; drives assessments"])
        #expect(ScenarioLoader.notes(marked: "assumption", in: text, file: "x.yaml") == ["stages.talk.minutes (x.yaml:4)"])
        // The CADS's conversation effect is Norfolk's forecast, and is listed as one.
        guard case .frontDoor(let cads) = try ScenarioLoader.load(path: packageRoot + "/Scenarios/cads.yaml").model,
            case .frontDoor(let mash) = try ScenarioLoader.load(path: packageRoot + "/Scenarios/mash.yaml").model
        else {
            Issue.record("not front doors")
            return
        }
        #expect(
            cads.forecasts.count == 1 && cads.forecasts[0].hasPrefix("stages.consultation.conversation.finds_less_need (cads.yaml:"),
            "\(cads.forecasts)"
        )
        #expect(mash.forecasts.isEmpty)
    }

    /// Scenario files are read without Yams's typing rules: true and false are YAML 1.1's words
    /// when not quoted, as those rules read them, and numbers are read from their text.
    @Test func trueFalseAndNumbersAreReadAsYAMLWritesThem() throws {
        let text = """
            a: true
            b: Yes
            c: ON
            d: no
            e: False
            f: "true"
            g: 'off'
            h: maybe
            i: 1_000
            j: 2.5e3
            k: 0x10
            """
        let mapping = try YAMLValue.parse(text, file: "x.yaml").mapping()
        #expect(try ["a", "b", "c", "d", "e"].map { try mapping[$0]!.bool() } == [true, true, true, false, false])
        for key in ["f", "g", "h"] {
            #expect(throws: ScenarioError.self) { try mapping[key]!.bool() }
        }
        #expect(try mapping["i"]!.wholeNumber(atLeast: 0) == 1_000)
        #expect(try mapping["j"]!.number() == 2_500)
        #expect(try mapping["k"]!.wholeNumber(atLeast: 0) == 16)
        #expect(try mapping["f"]!.string() == "true")
    }

    @Test func aWhatIfFileChangesOnlyWhatItSays() throws {
        let base = try ScenarioLoader.load(path: packageRoot + "/Scenarios/peterborough.yaml")
        let variant = try ScenarioLoader.load(path: packageRoot + "/Scenarios/what-if/peterborough-second-manager.yaml")
        guard case .frontDoor(let one) = base.model, case .frontDoor(let two) = variant.model else {
            Issue.record("not front doors")
            return
        }
        #expect(one.teams.map(\.id) == two.teams.map(\.id))
        #expect(one.teams.last { $0.id == "team_managers" }!.people == [1])
        #expect(two.teams.last { $0.id == "team_managers" }!.people == [1, 1])
        #expect(two.teams.first { $0.id == "team_managers" }!.grade == "team_manager")
        #expect(one.demand.contactsPerYear == 10_600 && two.demand.contactsPerYear == 10_600)
        #expect(
            variant.files.map { ($0 as NSString).lastPathComponent } == [
                "peterborough-second-manager.yaml", "peterborough.yaml", "demand.yaml", "tasks.yaml"
            ])
    }

    @Test func anExtendingFileReplacesAWholeDistributionAndSwitchesUnits() throws {
        let folder = NSTemporaryDirectory() + "frontdoor-extends-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let base = try String(contentsOfFile: packageRoot + "/Scenarios/benchmarks/tandem.yaml", encoding: .utf8)
        try base.write(toFile: folder + "/base.yaml", atomically: true, encoding: .utf8)
        try """
        extends: base.yaml
        scenario: variant
        run: {horizon_hours: 100}
        arrivals: {per_hour: 2}
        stages:
          triage: {service_minutes: {distribution: empirical, values: [10, 20], weights: [1, 1]}}
        """.write(toFile: folder + "/variant.yaml", atomically: true, encoding: .utf8)
        let variant = try ScenarioLoader.load(path: folder + "/variant.yaml")
        #expect(variant.length.horizonHours == 100)
        let (network, ids) = try network(of: variant)
        #expect(network.arrivalsPerHour == 2)
        #expect(abs(network.stages[ids.firstIndex(of: "triage")!].service.mean - 0.25) < 1e-12)
        // Two alternatives in the same file are still an error.
        try "extends: base.yaml\nscenario: both\nrun: {horizon_hours: 100, horizon_days: 2}\n"
            .write(toFile: folder + "/both.yaml", atomically: true, encoding: .utf8)
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: folder + "/both.yaml") }
    }

    @Test func extendsThatGoRoundInACircleAreRejected() throws {
        let folder = NSTemporaryDirectory() + "frontdoor-circle-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "extends: b.yaml\nscenario: a\n".write(toFile: folder + "/a.yaml", atomically: true, encoding: .utf8)
        try "extends: a.yaml\nscenario: b\n".write(toFile: folder + "/b.yaml", atomically: true, encoding: .utf8)
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: folder + "/a.yaml") }
        do { _ = try ScenarioLoader.load(path: folder + "/a.yaml") } catch { #expect(error.message.contains("circle")) }
    }

    @Test func editDistanceCountsSingleEdits() {
        #expect(editDistance("servers", "severs") == 1)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("abc", "") == 3)
        #expect(suggestion(for: "zzzzzz", among: ["servers"]) == "")
    }
}
