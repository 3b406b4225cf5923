import Foundation
import FrontDoorModel
import FrontDoorTestSupport
import ScenarioModel
import Testing

@testable import ScenarioFiles

/// The shared library of tasks: the same work takes the same time in every design, unless a
/// design scales it with its seed's reason.
@Suite struct SharedTaskTests {
    /// Every front-door scenario shipped, designs and what-if files.
    static var shipped: [String] {
        let root = packageRoot + "/Scenarios"
        let top = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let whatIf = (try? FileManager.default.contentsOfDirectory(atPath: root + "/what-if")) ?? []
        return (top.map { root + "/" + $0 } + whatIf.map { root + "/what-if/" + $0 }).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// A scenario extending the shipped MASH with `text` laid over it.
    func mash(with text: String) throws(ScenarioError) -> Scenario {
        try ScenarioLoader.parse("extends: \(packageRoot)/Scenarios/mash.yaml\nscenario: variant\n" + text, file: "variant.yaml")
    }

    func design(_ scenario: Scenario) throws -> PreparedDesign {
        guard case .frontDoor(let design) = scenario.model else { throw ScenarioError(file: scenario.file, message: "not a front door") }
        return design
    }

    @Test func everyShippedDesignTakesEveryTimeFromTheSharedLibrary() throws {
        #expect(Self.shipped.count >= 15)
        var tasksUsed = Set<String>()
        for path in Self.shipped {
            let design = try design(try ScenarioLoader.load(path: path))
            for stage in design.stages {
                let task = try #require(stage.task, "\(path): stage \(stage.id) has a time of its own, not a shared task")
                tasksUsed.insert(task.name)
                #expect(task.isScaled == (task.reason != nil), "\(path): \(stage.id) is scaled only with a reason")
            }
            if let discussion = design.strategyDiscussion {
                #expect(discussion.task?.name == "strategy_discussion", "\(path): the strategy discussion's time")
            }
        }
        // The screening of a contact is the same task in every design that screens.
        #expect(tasksUsed.isSuperset(of: ["screen_contact", "partner_check", "manager_decision", "emergency_duty_decision"]))
    }

    @Test func theSameTaskTakesTheSameTimeInEveryDesign() throws {
        let mash = try design(try ScenarioLoader.load(path: packageRoot + "/Scenarios/mash.yaml"))
        let before = try design(try ScenarioLoader.load(path: packageRoot + "/Scenarios/norfolk-before.yaml"))
        let cads = try design(try ScenarioLoader.load(path: packageRoot + "/Scenarios/cads.yaml"))
        let screen = try #require(mash.stages.first { $0.id == "screen" })
        let beforeScreen = try #require(before.stages.first { $0.id == "screen" })
        let notifications = try #require(cads.stages.first { $0.id == "police_notifications" })
        for other in [beforeScreen, notifications] {
            #expect(other.time == screen.time && other.ragFactors == screen.ragFactors && other.channelFactors == screen.channelFactors)
        }
        // The CADS's conversation: the same task, twice as long, for the reason Norfolk gives.
        let consultation = try #require(cads.stages.first { $0.id == "consultation" })
        #expect(consultation.time == screen.time)
        #expect(consultation.ragFactors == screen.ragFactors.map { $0 * 2 })
        #expect(consultation.task?.reason?.contains("conversations") == true)
    }

    @Test func aScaledTaskMultipliesTheLibrarysTimeByRating() throws {
        let plain = try design(try mash(with: ""))
        let scaled = try design(
            try mash(with: "stages:\n  screen: {task_scale: {rag_factors: {green: 0.5}, why: \"a reason from the seed\"}}\n"))
        let (a, b) = (plain.stages.first { $0.id == "screen" }!, scaled.stages.first { $0.id == "screen" }!)
        #expect(b.ragFactors[RAG.green.rawValue] == a.ragFactors[RAG.green.rawValue] * 0.5)
        #expect(b.ragFactors[RAG.red.rawValue] == a.ragFactors[RAG.red.rawValue])
        #expect(b.task == TaskReference(name: "screen_contact", scale: [1, 1, 0.5], reason: "a reason from the seed"))
    }

    @Test func aStageCannotGiveItsOwnTimeBesideATaskOrScaleWithoutAReason() throws {
        let cases: [(String, String)] = [
            ("stages:\n  screen: {minutes: 30}\n", "comes from the shared library"),
            ("stages:\n  screen: {rag_factors: {red: 2}}\n", "remove 'rag_factors'"),
            ("stages:\n  screen: {task_scale: {factor: 2}}\n", "missing the key 'why'"),
            ("stages:\n  screen: {task_scale: {factor: 2, why: \" \"}}\n", "'why' must say why"),
            ("stages:\n  screen: {task: screen_contct}\n", "did you mean 'screen_contact'"),
            ("strategy_discussion: {task: screen_contact}\n", "takes one time"),
            ("sizing: {teams: [screners], max_posts: 30}\n", "did you mean 'screeners'"),
            ("sizing: {teams: [screeners, screeners], max_posts: 30}\n", "named twice"),
            ("sizing: {teams: [screeners], max_posts: 0}\n", "of 1 or more")
        ]
        for (text, expected) in cases {
            do throws(ScenarioError) {
                _ = try mash(with: text)
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.message.contains(expected), "\(text): \(error.message)")
                #expect(error.line != nil, "\(text): no line in \(error)")
            }
        }
    }
}
