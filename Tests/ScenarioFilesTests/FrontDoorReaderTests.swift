import FrontDoorModel
import FrontDoorTestSupport
import SimulationEngine
import Testing

@testable import ScenarioFiles

/// The front-door reader section by section: what each section of a file becomes in the design,
/// and the file, line and key of what it refuses. Each test lays a few lines over the shipped
/// MASH, so that only the section under test differs.
@Suite struct FrontDoorReaderTests {
    /// The MASH with `text` laid over it, as a prepared design.
    static func design(_ text: String = "") throws -> PreparedDesign {
        let scenario = try ScenarioLoader.parse(
            "extends: \(packageRoot)/Scenarios/mash.yaml\nscenario: variant\n" + text, file: "variant.yaml")
        guard case .frontDoor(let design) = scenario.model else { throw ScenarioError(file: "variant.yaml", message: "not a front door") }
        return design
    }

    /// The error reading the MASH with `text` laid over it gives.
    static func refusal(_ text: String) -> ScenarioError? {
        do {
            _ = try design(text)
            return nil
        } catch let error as ScenarioError {
            return error
        } catch {
            return ScenarioError(file: "variant.yaml", message: "\(error)")
        }
    }

    @Test func theCalendarSetsTheOfficeDayAndTheSchoolHolidays() throws {
        let design = try Self.design(
            """
            calendar:
              office_hours: "08:30-16:30"
              school_holidays: [{from: 2025-04-01, to: 2025-04-02}]
            """)
        #expect(design.calendar.hoursPerWorkingDay == 8)
        #expect(design.calendar.office.intervals[0] == [8.5...16.5])
        #expect(design.calendar.isSchoolHoliday(1) && !design.calendar.isSchoolHoliday(2))
        let error = Self.refusal("calendar: {office_hours: \"17:00-09:00\"}")
        #expect(error?.file == "variant.yaml" && error?.line == 3 && error?.key == "calendar.office_hours")
    }

    @Test func demandGivesEachSourceItsShareChannelsAndRatings() throws {
        let design = try Self.design("demand: {contacts_per_year: 12000, sources: {police: {rag: {red: 0.1, amber: 0.2, green: 0.7}}}}")
        #expect(design.demand.contactsPerYear == 12_000)
        let police = try #require(design.demand.sources.first { $0.group == .police })
        #expect(police.rag == [0.1, 0.2, 0.7] && police.share == 0.61)
        let error = Self.refusal("demand: {sources: {police: {rag: {red: 0.5, amber: 0.2, green: 0.7}}}}")
        #expect(error?.line == 3 && error?.key == "demand.sources.police.rag" && error?.message.contains("add up to 1") == true)
    }

    @Test func teamsGiveTheirPostsHoursVacanciesAndCosting() throws {
        let design = try Self.design("teams: {team_managers: {people: 7, vacant_posts: 1, hours_per_day: 7}}")
        let managers = try #require(design.teams.first { $0.id == "team_managers" })
        #expect(managers.people.count == 7 && managers.vacantPosts == 1 && managers.hoursPerDay == 7)
        #expect(managers.decisionRole == .oversees && managers.costing == .establishment)
        let edt = try #require(design.teams.first { $0.id == "edt" })
        guard case .sharedService(let hours) = edt.costing else {
            Issue.record("the EDT is a shared service")
            return
        }
        #expect(hours > 30)
        let error = Self.refusal("teams: {team_managers: {hours_per_day: 30}}")
        #expect(error?.line == 3 && error?.key == "teams.team_managers.hours_per_day")
    }

    @Test func stagesNameTheirTeamTaskAndWhoGoesThroughThem() throws {
        let design = try Self.design("stages: {partner_checks: {applies_to: {amber: 0.5, green: 0.25}}}")
        let ids = design.stages.map(\.id)
        #expect(ids == ["emergency_duty", "record", "screen", "partner_checks", "decide"])
        let checks = design.stages[3]
        #expect(checks.appliesTo == [0, 0.5, 0.25] && design.teams[checks.team].id == "partners" && checks.task?.name == "partner_check")
        guard case .checks(let clock) = checks.kind else {
            Issue.record("partner checks run on the RAG clock")
            return
        }
        #expect(clock == [4, 24, 72])
        let error = Self.refusal("stages: {record: {team: nobody}}")
        #expect(error?.line == 3 && error?.key == "stages.record.team" && error?.message.contains("contact_officers") == true)
    }

    @Test func outcomesGiveTheTablesAndWhatFollows() throws {
        let design = try Self.design(
            "outcomes: {amber: {referral: 0.6, nfa: 0.4, early_help: 0, strategy: 0}, return_after_referral_within_12_months: {closed: 0.5, served: 0.1}}"
        )
        #expect(design.outcomes.byRAG[RAG.amber.rawValue] == [0.4, 0, 0.6, 0])
        #expect(design.outcomes.returnAfterReferral == (0.5, 0.1))
        #expect(design.outcomes.bySourceGroup[SourceGroup.police.rawValue] != nil)
        let error = Self.refusal("outcomes: {referral_factor_by_channel: {phone: -1}}")
        #expect(error?.line == 3 && error?.key == "outcomes.referral_factor_by_channel.phone")
    }

    @Test func flowGivesHandoffsInformationAndTheImmediatePath() throws {
        let design = try Self.design("flow: {handoff_information_loss: 0.1}")
        #expect(design.flow.handoffInformationLoss == 0.1)
        #expect(design.flow.immediate == [true, false, false])
        #expect(abs(design.flow.handoffDelay.mean - 0.5) < 1e-12)
        let error = Self.refusal("flow: {handoff_information_loss: 2}")
        #expect(error?.line == 3 && error?.key == "flow.handoff_information_loss")
    }

    @Test func decisionQualityGivesTheNeedTablesTheNoiseAndWhatAMissLeadsTo() throws {
        let quality = try #require(try Self.design("decision_quality: {noise: 0.9, noise_factors: {conversation: 0.5}}").decisionQuality)
        #expect(quality.noise == 0.9 && quality.noiseFactors.conversation == 0.5 && quality.noiseFactors.partnerChecks == 0.75)
        #expect(quality.needByRAG[RAG.red.rawValue] == [0.05, 0.10, 0.40, 0.45])
        let police = try #require(quality.needBySourceGroup[SourceGroup.police.rawValue])
        #expect(police[RAG.green.rawValue][Need.none.rawValue] == 0.80 && quality.missedNeedReturn == 0.5)
        let table = Self.refusal("decision_quality: {need: {red: {none: 0.5}}}")
        #expect(table?.line == 3 && table?.key == "decision_quality.need.red" && table?.message.contains("add up to 1") == true)
        // With the need modelled, an assessment's result follows from it: the chance is refused.
        let chance = Self.refusal("outcomes: {assessment_no_further_service: 0.5}")
        #expect(chance?.line == 3 && chance?.key == "outcomes.assessment_no_further_service")
        #expect(chance?.message.contains("when the child is not in need") == true)
        let start = Self.refusal("outcomes: {assessment_start_probability: 0.9}")
        #expect(start?.key == "outcomes.assessment_start_probability" && start?.message.contains("not_in_need_closed") == true)
        #expect(quality.notInNeedClosedBeforeAssessment == 0.17)
        // A conversation is held on a phone line that decides.
        let talk = Self.refusal("stages: {decide: {conversation: {finds_less_need: 0.5, loses_need: 0.1}}}")
        #expect(talk?.line == 3 && talk?.key == "stages.decide.conversation" && talk?.message.contains("phone line that decides") == true)
    }

    @Test func fatigueIsOffUnlessAskedForAndItsPresetsAreNamed() throws {
        #expect(try Self.design().fatigue == nil)
        #expect(try Self.design("fatigue: {preset: linder}").fatigue == .linder)
        #expect(try Self.design("fatigue: {preset: linder, ramp_decisions: 8}").fatigue?.rampDecisions == 8)
        let error = Self.refusal("fatigue: {preset: tired}")
        #expect(error?.line == 3 && error?.key == "fatigue.preset")
    }

    @Test func aStrategyDiscussionNamesItsParticipants() throws {
        let discussion = try #require(try Self.design().strategyDiscussion)
        let design = try Self.design()
        #expect(discussion.participants.map { design.teams[$0.team].id } == ["screeners", "partners"])
        #expect(discussion.withinWorkingDays == 1)
        let error = Self.refusal("strategy_discussion: {participants: {nobody: 1}}")
        #expect(error?.line == 3 && error?.key?.hasPrefix("strategy_discussion.participants") == true)
    }

    @Test func costsGiveSalariesOnCostsAndPremiums() throws {
        // Pay scales of the pay year, put on the price year by the national awards in between.
        let base = try Self.design(), design = try Self.design("costs: {salaries: {team_manager: 60711}}")
        let tm = try #require(design.costs.salaries["team_manager"]), baseTM = try #require(base.costs.salaries["team_manager"])
        #expect(abs(tm / baseTM - 60_711 / 50_711) < 1e-9 && tm > 60_711)
        #expect(design.costs.agencyPremium["team_manager"] == 0.24)
        let error = Self.refusal("costs: {salaries: {team_manager: -1}}")
        #expect(error?.line == 3 && error?.key == "costs.salaries.team_manager")
    }

    @Test func aSharedDemandFileGivesTheSourcesItAndItsBasesName() throws {
        let groups = try ScenarioDocument.load(path: packageRoot + "/Scenarios/shared/demand.yaml").demandSourceGroups()
        #expect(groups.count == 11 && groups.contains(.police) && groups.contains(.schools))
        // A file that extends it and names no sources of its own has the same.
        let extending = try ScenarioDocument.parse("extends: \(packageRoot)/Scenarios/shared/demand.yaml\n", file: "mine.yaml")
        #expect(try extending.demandSourceGroups() == groups)
        #expect(throws: ScenarioError.self) { try ScenarioDocument.parse("scenario: x\n", file: "none.yaml").demandSourceGroups() }
    }

    @Test func aWrittenScenarioFileReadsBackToTheValuesSet() throws {
        var file = ScenarioFileText(header: ["Written by a test."])
        file.set("extends", to: "\(packageRoot)/Scenarios/mash.yaml")
        file.set("scenario", to: "written")
        file.note(["two more than the MASH has"], before: "teams.screeners.people")
        file.set("teams.screeners.people", to: "20", comment: "assumption: for the test")
        file.set("teams.team_managers.people", to: "7")
        file.set("demand.contacts_per_year", to: "21000")
        file.end(with: ["The end."])
        let text = file.text
        #expect(text.hasPrefix("# Written by a test.\n"))
        #expect(text.contains("\nteams:\n  screeners:\n    # two more than the MASH has\n    people: 20   # assumption: for the test\n"))
        let scenario = try ScenarioLoader.parse(text, file: "written.yaml")
        guard case .frontDoor(let design) = scenario.model else {
            Issue.record("not a front door")
            return
        }
        #expect(scenario.name == "written" && design.demand.contactsPerYear == 21_000)
        #expect(design.teams.first { $0.id == "screeners" }?.people.count == 20)
        #expect(design.teams.first { $0.id == "team_managers" }?.people.count == 7)
        // The comment marks the value as an assumption, as a person's would.
        #expect(design.assumptions.contains { $0.hasPrefix("teams.screeners.people (written.yaml:") })
    }
}
