import FrontDoorTestSupport
import SimulationEngine
import Testing

@testable import FrontDoorModel
@testable import ScenarioFiles

/// The model's tests build their front doors in code (`FrontDoorFixture`); here the reader builds
/// the same front doors from a scenario file's words and both run to the same numbers, so that
/// what the model's tests show holds for files too, and the reader's defaults are pinned down.
/// The refusals that belong to the reader (a team both shared and informal, a post count it
/// cannot fill) are checked on the same small file.
@Suite struct FrontDoorFixtureTests {
    /// The fixture in a scenario file's words, with lines for the teams, stages and settings a
    /// check adds.
    static func yaml(
        perYear: Double = 8760, people: String = "2", hours: String = "{every_day: \"00:00-24:00\", bank_holidays: open}",
        absence: String = "", extraStages: String = "", deciderExtra: String = "", extraTeams: String = "", outcomesExtra: String = "",
        costsExtra: String = "", days: Int = 60
    ) -> String {
        """
        scenario: fixture
        start_date: 2025-04-01
        default_working_day: {hours_per_day: 24, break_minutes: 0, other_duties_share: 0}
        run: {horizon_days: \(days), warm_up_days: 0}
        demand:
          contacts_per_year: \(perYear)
          sources:
            police:
              share: 1
              channels: {phone: 1}
              rag: {red: 0.2, amber: 0.3, green: 0.5}
              hour_weights: flat
        teams:
          deciders:
            grade: tm
            decision_role: oversees
            people: \(people)
            hours: \(hours)
        \(extraTeams)
        \(absence)
        stages:
        \(extraStages)
          decide:
            team: deciders
            minutes: {distribution: exponential, mean: 30}
            decides: true
        \(deciderExtra)
        outcomes:
          red: {strategy: 1}
          amber: {referral: 1}
          green: {nfa: 0.5, early_help: 0.5}
          recontact_within_12_months: 0
        \(outcomesExtra)
        costs:
          salaries: {tm: 50000, partner: 0}
          employer_ni: {rate: 0, threshold: 0}
          pension_rate: 0.295
        \(costsExtra)
        """
    }

    static func read(_ text: String) throws -> (PreparedDesign, RunLength) {
        let scenario = try ScenarioLoader.parse(text, file: "fixture.yaml")
        guard case .frontDoor(let design) = scenario.model else { throw ScenarioError(file: "fixture.yaml", message: "not a front door") }
        return (design, scenario.length)
    }

    /// Every measure of two replications, from the file and from the code.
    static func expectSameRuns(_ text: String, _ fixture: FrontDoorFixture) throws {
        let (read, length) = try read(text)
        let built = try fixture.prepared()
        #expect(length == fixture.length)
        let readMeasures = FrontDoorMeasures.catalogue(read), builtMeasures = FrontDoorMeasures.catalogue(built)
        #expect(readMeasures.definitions.map(\.id) == builtMeasures.definitions.map(\.id))
        for replication in 0..<2 {
            let seeds = SeedPlan(baseSeed: 1)
            let fromFile = FrontDoorSimulation.run(read, length: length, seeds: seeds, replication: replication)
            let fromCode = FrontDoorSimulation.run(built, length: fixture.length, seeds: seeds, replication: replication)
            #expect(fromFile.received > 100 && fromFile.decided > 100)
            let differing = zip(readMeasures.definitions, zip(readMeasures.values(fromFile), builtMeasures.values(fromCode)))
                .filter { $1.0 != $1.1 }.map(\.0.name)
            #expect(differing.isEmpty, "replication \(replication) differs in \(differing.joined(separator: ", "))")
        }
    }

    @Test func theReaderBuildsTheFixtureFromItsWords() throws {
        try Self.expectSameRuns(Self.yaml(), try FrontDoorFixture())
    }

    @Test func theReaderBuildsAnAbsentManagerAndTheirCoverFromTheirWords() throws {
        var fixture = try FrontDoorFixture.awayFortyDays()
        fixture.design.stages[0].coverTeam = fixture.add(try fixture.team("managers", people: 1, hours: .office))
        try Self.expectSameRuns(
            Self.yaml(
                perYear: 2_000, people: "1", hours: "{weekdays: \"09:00-17:00\"}", absence: "default_absence: {leave_days: 40}",
                deciderExtra: "    cover_team: managers",
                extraTeams: "  managers: {grade: tm, people: 1, hours: {weekdays: \"09:00-17:00\"}, absence: {leave_days: 0}}", days: 365),
            fixture)
    }

    @Test func theReaderBuildsAPhoneLineAndChecksOnTheClockFromTheirWords() throws {
        try Self.expectSameRuns(
            Self.yaml(
                perYear: 20_000, people: "1", hours: "{weekdays: \"09:00-17:00\"}",
                extraStages: """
                      screen:
                        team: screeners
                        minutes: {distribution: lognormal, mean: 20, sd: 10}
                        phone: {patience_minutes: {distribution: exponential, mean: 10}, call_back_probability: 0.5, call_back_delay_minutes: 30}
                      checks:
                        team: partners
                        applies_to: {red: 1, amber: 0.5}
                        minutes: 45
                        clock_hours: {red: 4, amber: 24}
                    """,
                extraTeams: """
                      screeners: {grade: tm, people: 3, hours: {weekdays: "09:00-17:00"}}
                      partners: {grade: partner, people: 1, hours: {weekdays: "09:00-17:00"}}
                    """),
            try FrontDoorFixture.screenedAndChecked())
    }

    @Test func aSharedServiceIsPaidForAFullTimeWeekOfTheCouncilsWorkingDay() throws {
        let centre = "  centre: {grade: tm, shared_service: true, people: 1, hours: {every_day: \"00:00-24:00\", bank_holidays: open}}"
        let (design, _) = try Self.read(Self.yaml(extraStages: "  call: {team: centre, minutes: 10}", extraTeams: centre))
        // The fixture's working day is 24 hours: 5 of them make its full-time week.
        #expect(design.teams[1].costing == .sharedService(paidHoursPerWeek: 120))
        // A team is one or the other.
        let both = centre.replacingOccurrences(of: "shared_service: true", with: "shared_service: true, informal_cover: true")
        let error = try #require(throws: ScenarioError.self) {
            try Self.read(Self.yaml(extraStages: "  call: {team: centre, minutes: 10}", extraTeams: both))
        }
        #expect(error.key == "teams.centre.shared_service")
    }

    @Test func aTeamThatOnlyRecommendsMayNotDecide() throws {
        let stage = """
              early_help:
                team: practitioners
                applies_to: {green: 0.5}
                minutes: 20
                decides: true
            """
        let team = "  practitioners: {grade: tm, decision_role: recommends, people: 3, hours: {weekdays: \"09:00-17:00\"}}"
        let error = try #require(throws: ScenarioError.self) { try Self.read(Self.yaml(extraStages: stage, extraTeams: team)) }
        #expect(error.message.contains("team 'practitioners' only recommends decisions"))
    }

    @Test func aTeamCannotHaveMoreVacantPostsThanPosts() throws {
        #expect(try Self.read(Self.yaml(people: "4\n    vacant_posts: 2")).0.teams[0].workedPosts == [1, 1])
        let error = try #require(throws: ScenarioError.self) { try Self.read(Self.yaml(people: "2\n    vacant_posts: 3")) }
        #expect(error.key == "teams.deciders.vacant_posts" && error.message.contains("a team of 2 posts cannot have 3 vacant"))
    }

    @Test func aReferralFactorThatLeavesARowWithNoDecisionIsRefused() throws {
        // The fixture's red row is all strategy discussions; email at 0 would leave it empty.
        let error = try #require(throws: ScenarioError.self) {
            try Self.read(Self.yaml(outcomesExtra: "  referral_factor_by_channel: {email: 0}"))
        }
        #expect(error.key == "outcomes.referral_factor_by_channel.email")
        #expect(error.message.contains("red contacts by email with no possible decision"))
        // A factor above 0 is fine.
        _ = try Self.read(Self.yaml(outcomesExtra: "  referral_factor_by_channel: {email: 0.5}"))
    }

    @Test func payScalesOfAnotherYearArePutOnTheRunsPrices() throws {
        // The fixture starts on 1 April 2025: 2025/26 prices. Scales of 2024/25 rise by 3.2%.
        let costs = try Self.read(Self.yaml(costsExtra: "  pay_year: 2024/25")).0.costs
        #expect(costs.priceYear == FinancialYear(startYear: 2025))
        #expect(abs(try #require(costs.salaries["tm"]) - 50_000 * 1.032) < 1e-6)
    }
}
