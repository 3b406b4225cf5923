import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorTestSupport
import ScenarioFiles
import Testing

@testable import WhatIf

/// The what-if page's logic without a browser: controls become overrides checked as a scenario
/// file is, saved files reproduce the figures, and a newer request supersedes an older one.
@Suite(.serialized) struct WhatIfTests {
    static let peterborough = packageRoot + "/Scenarios/peterborough.yaml"

    func session() throws -> WhatIfSession {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-whatif-\(UUID().uuidString)").path
        return try WhatIfSession(
            paths: [Self.peterborough, packageRoot + "/Scenarios/cads.yaml"], seed: 4, jobs: 2, version: "test", outputFolder: folder)
    }

    @Test func thePageIsOneFileWithItsStyleAndScriptFromTheResources() throws {
        let page = try WhatIfPage.html()
        #expect(!page.contains("{{"))
        #expect(page.contains("<style>\nbody{font-family:system-ui") && page.contains("<script>\n\"use strict\";"))
        // Self-contained: nothing is fetched from another site.
        #expect(!page.contains("src=\"http") && !page.contains("href=\"http"))
    }

    @Test func controlsBecomeOverridesCheckedAsAScenarioFileIs() async throws {
        let session = try session()
        var controls = WhatIfControls()
        controls.replications = 2
        // Each refusal names its control and says what the scenario file would be told.
        func refusal(_ controls: WhatIfControls) async -> WhatIfControls.Problem? {
            do {
                _ = try await session.run(controls)
                return nil
            } catch {
                return error
            }
        }
        controls.people = ["team_managers": -1]
        let people = await refusal(controls)
        #expect(people?.control == "people.team_managers" && people?.message.contains("a number of people of 0 or more") == true)
        controls.people = [:]
        controls.phoneHours = ["consultation": "09:00-17:00"]
        let noLine = await refusal(controls)
        #expect(noLine?.control == "phone.consultation" && noLine?.message.contains("no phone line") == true)
        controls.design = 1
        controls.phoneHours = ["consultation": "09:00-25:00"]
        let hours = await refusal(controls)
        #expect(hours?.control == "phone.consultation" && hours?.message.contains("09:00-25:00") == true)
        controls.phoneHours = [:]
        controls.demand = ["police": -150]
        #expect(await refusal(controls)?.control == "demand.police")
    }

    @Test func aSavedWhatIfReproducesItsFigures() async throws {
        let session = try session()
        var controls = WhatIfControls()
        controls.replications = 2
        controls.people = ["team_managers": 2]
        controls.demand = ["police": -20]
        controls.fatigue = "linder"
        let result = try #require(try await session.run(controls))
        let decided = try #require(result.rows.first { $0.name == "decided_within_3wd" })
        #expect(decided.whatIf.mean > decided.start.mean)
        let saved = try await session.save(controls)
        #expect(saved.path.hasPrefix(session.outputFolder) && saved.text.contains("people: 2") && saved.text.contains("police: 0.8"))
        let scenario = try ScenarioLoader.load(path: saved.path)
        let again = Comparison.run([scenario], settings: ExperimentSettings(replications: 2, seed: 4, jobs: 2))
        #expect(again.baseline[.decidedWithin3WorkingDays]?.mean == decided.whatIf.mean)
        try? FileManager.default.removeItem(atPath: session.outputFolder)
    }

    /// One question, one answer: the page's "police −20%, from green notifications" is the
    /// shipped file's police demand management, figure for figure.
    @Test func aTargetedCutOnThePageGivesTheFiguresOfTheShippedFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-whatif-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try WhatIfSession(
            paths: [packageRoot + "/Scenarios/mash.yaml"], seed: 4, jobs: 2, version: "test", outputFolder: folder)
        var controls = WhatIfControls()
        controls.replications = 2
        controls.demand = ["police": -20]
        controls.demandScope = ["police": .init(ratings: ["green"], channels: ["police_notification"])]
        let result = try #require(try await session.run(controls))
        let file = try ScenarioLoader.load(path: packageRoot + "/Scenarios/what-if/police-demand-management.yaml")
        let byFile = Comparison.run([file], settings: ExperimentSettings(replications: 2, seed: 4, jobs: 2)).baseline
        for family in [
            MeasureID.Family.contactsReceived, .assessmentsStarted, .decidedWithin3WorkingDays, .assessmentsUnnecessary, .childrenNeedMissed
        ] {
            let row = try #require(result.rows.first { $0.name == MeasureID(family).name })
            #expect(
                row.whatIf.mean == byFile[family]?.mean, "\(family.rawValue): page \(row.whatIf.mean), file \(byFile[family]?.mean ?? .nan)"
            )
        }
        // The page's cut without a scope falls on every police contact: a different question.
        controls.demandScope = [:]
        let everyContact = try #require(try await session.run(controls))
        let assessments = try #require(everyContact.rows.first { $0.name == "assessments.started" })
        #expect(assessments.whatIf.mean < (byFile[.assessmentsStarted]?.mean ?? 0))
        // A scope that cannot hold the cut, and a rise on a scope, are refused with the reason.
        controls.demandScope = ["police": .init(ratings: ["green"], channels: ["police_notification"])]
        controls.demand = ["police": -80]
        func refusal() async -> WhatIfControls.Problem? {
            do {
                _ = try await session.run(controls)
                return nil
            } catch {
                return error
            }
        }
        let tooLarge = await refusal()
        #expect(tooLarge?.message.contains("so a cut of at most 63.7%") == true, "\(tooLarge?.message ?? "accepted")")
        controls.demand = ["police": 10]
        #expect(await refusal()?.message.contains("a rise falls on every contact") == true)
    }

    @Test func aNewerRequestSupersedesOneStillRunning() async throws {
        let session = try session()
        var slow = WhatIfControls()
        slow.replications = 400
        var quick = WhatIfControls()
        quick.replications = 2
        quick.people = ["team_managers": 3]
        async let first = session.run(slow)
        // The quick request goes in only once the slow one is running (a fixed pause could end
        // before a loaded machine has even started it, and then the slow one would be the newer).
        let start = ContinuousClock.now
        while await session.currentProgress().expected == 0 {
            try #require(ContinuousClock.now - start < .seconds(300), "the slow run never started")
            try await Task.sleep(for: .milliseconds(20))
        }
        let second = try await session.run(quick)
        #expect(second != nil)
        #expect(try await first == nil)
    }
}
