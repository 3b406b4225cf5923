import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorReports
import FrontDoorTestSupport
import ScenarioFiles
import Testing

/// Comparing designs at one standard: each sized to the same targets with no team over 85% busy.
@Suite struct StandardTests {
    /// One deciding team always at work, exponential work of an hour, three contacts an hour in a
    /// Poisson stream: an M/M/c queue with a = λ/μ = 3.
    static func queue(maximumPosts: Int) -> String {
        """
        scenario: erlang
        start_date: 2025-04-01
        default_working_day: {hours_per_day: 24, break_minutes: 0, other_duties_share: 0}
        run: {horizon_days: 40, warm_up_days: 5}
        demand:
          contacts_per_year: 26280
          sources: {police: {share: 1, channels: {phone: 1}, rag: {green: 1}, hour_weights: flat}}
        teams:
          deciders: {grade: tm, decision_role: oversees, people: 9, hours: {every_day: "00:00-24:00", bank_holidays: open}}
        stages:
          decide: {team: deciders, minutes: {distribution: exponential, mean: 60}, decides: true}
        outcomes: {red: {nfa: 1}, amber: {nfa: 1}, green: {nfa: 1}}
        costs: {salaries: {tm: 50000}}
        targets: ["stage.decide.mean_wait_hours <= 0.25"]
        sizing: {teams: [deciders], max_posts: \(maximumPosts)}
        """
    }

    /// Erlang C's mean wait in an M/M/c queue with offered load `a` (hours of work an hour), for
    /// work of an hour on average.
    static func erlangWait(servers c: Int, load a: Double) -> Double {
        var term = 1.0, sum = 1.0
        for k in 1..<c {
            term *= a / Double(k)
            sum += term
        }
        let last = term * a / Double(c) * Double(c) / (Double(c) - a)
        return last / (sum + last) / (Double(c) - a)
    }

    @Test func theStandardIsTheSmallestStaffingErlangCAllows() throws {
        // Erlang C: 4 deciders wait 0.51 h on average, 5 wait 0.12 h; the standard of 0.25 h needs 5.
        #expect(Self.erlangWait(servers: 4, load: 3) > 0.25 && Self.erlangWait(servers: 5, load: 3) < 0.25)
        let design = try ScenarioLoader.parse(Self.queue(maximumPosts: 8), file: "erlang.yaml")
        let settings = ExperimentSettings(replications: 6, seed: 11, jobs: ReplicationRunner.availableCores)
        let sized = try Standard.run([design], targets: design.targets, settings: settings)
        let standard = try #require(sized[0].standard)
        #expect(standard.name == "erlang@standard")
        #expect(sized[0].sizing?.answer?.posts == [5])
        guard case .frontDoor(let model) = standard.model else { throw ScenarioError(file: "erlang.yaml", message: "not a front door") }
        #expect(model.teams[0].people.count == 5)
        // The ceiling of 85% busy is part of the standard: 3 of 5 busy is 60%.
        #expect(
            sized[0].sizing?.targets.contains { $0.measure == MeasureID.team("deciders").utilisation && !$0.atLeast && $0.value == 0.85 }
                == true)
        // Each staffing run in full agrees with Erlang C within its interval, and more posts never
        // wait longer: the frontier falls within its intervals.
        // What the next post buys: the standard's staffing with one post more has been run in full, once.
        let run = sized[0].staffingsRun.map(\.posts)
        #expect(run.contains([6]) && Set(run).count == run.count, "\(run)")
        let frontier = sized[0].staffingsRun.sorted { $0.cost < $1.cost }
        for candidate in frontier where candidate.posts[0] > 3 {
            let wait = try #require(candidate.measures.first { $0.id == MeasureID.stage("decide").meanWaitHours })
            let theory = Self.erlangWait(servers: candidate.posts[0], load: 3)
            #expect(wait.ci95Low <= theory * 1.1 && theory * 0.9 <= wait.ci95High, "\(candidate.posts): \(wait.mean) against \(theory)")
        }
        for (cheaper, dearer) in zip(frontier, frontier.dropFirst()) where cheaper.posts[0] > 3 {
            let a = cheaper.measures.first { $0.id == MeasureID.stage("decide").meanWaitHours }!
            let b = dearer.measures.first { $0.id == MeasureID.stage("decide").meanWaitHours }!
            #expect(b.ci95Low <= a.ci95High, "\(dearer.posts) waits longer than \(cheaper.posts)")
        }
    }

    @Test func aDesignThatCannotMeetTheStandardSaysSoWithTheTargetThatBinds() throws {
        let design = try ScenarioLoader.parse(Self.queue(maximumPosts: 4), file: "erlang.yaml")
        let settings = ExperimentSettings(replications: 4, seed: 11, jobs: ReplicationRunner.availableCores)
        let sized = try Standard.run([design], targets: design.targets, settings: settings)
        #expect(sized[0].standard == nil)
        let binding = try #require(sized[0].binding)
        #expect(binding.target.measure == MeasureID.stage("decide").meanWaitHours)
        let comparison = Comparison.run([design], settings: settings)
        let text = StandardReport.text(sized, targets: design.targets, comparison: comparison)
        #expect(text.contains("erlang: cannot meet the standard with at most 4 posts in deciders"), "\(text)")
        #expect(text.contains("The target that binds is stage.decide.mean_wait_hours <= 0.25"), "\(text)")
        #expect(text.contains("No design meets the standard."), "\(text)")
        #expect(StandardReport.csv(sized, comparison: comparison).contains("erlang,deciders,council,9,,"))
    }

    @Test func aDesignWithNoSizableTeamIsShownAsStaffedOnly() throws {
        let text = Self.queue(maximumPosts: 4).replacingOccurrences(of: "sizing: {teams: [deciders], max_posts: 4}", with: "")
        let design = try ScenarioLoader.parse(text, file: "erlang.yaml")
        let sized = try Standard.run([design], targets: design.targets, settings: ExperimentSettings(replications: 2, seed: 1, jobs: 1))
        #expect(sized[0].sizing == nil && sized[0].standard == nil)
    }
}
