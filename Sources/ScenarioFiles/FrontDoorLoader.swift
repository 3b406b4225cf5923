import Foundation
import FrontDoorModel
import SimulationEngine

/// Reads the front-door part of a scenario file into a ``FrontDoorDesign``.
enum FrontDoorLoader {
    static let rootKeys = [
        "extends", "scenario", "description", "start_date", "run", "calendar", "demand", "teams", "stages",
        "outcomes", "flow", "fatigue", "strategy_discussion", "costs", "default_absence", "default_working_day",
        "published_figures", "targets", "tasks", "sizing", "decision_quality", "ranges"
    ]

    static func read(_ root: YAMLMapping, length: RunLength, assumptions: [String], forecasts: [String]) throws(ScenarioError)
        -> PreparedDesign
    {
        let startValue = try root.required("start_date", "the first day simulated, as 2025-04-01")
        guard let start = CivilDate(iso: try startValue.string()) else {
            throw startValue.error("expected a date written as year-month-day, such as 2025-04-01")
        }
        let days = Int((length.horizonHours / 24).rounded(.up)) + 1
        let calendar = try readCalendar(root["calendar"], start: start, days: days)
        let runDays = Int((length.horizonHours / 24).rounded(.up))
        let demand = try readDemand(try root.required("demand", "where contacts come from"), calendar: calendar, runDays: runDays)

        let teamsValue = try root.required("teams", "the teams and their people")
        var teams: [Team] = []
        let defaultAbsence = try root["default_absence"].map(readAbsence) ?? .none
        let defaultDay =
            try root["default_working_day"].map { v throws(ScenarioError) in
                try readWorkingDay(v.mapping(allowed: workingDayKeys), default: .standard)
            }
            ?? .standard
        for (id, value) in try teamsValue.mapping().entries {
            teams.append(try readTeam(id, value, calendar: calendar, defaultAbsence: defaultAbsence, defaultDay: defaultDay))
        }
        guard !teams.isEmpty else { throw teamsValue.error("expected at least one team") }
        let teamIDs = teams.map(\.id)

        let stagesValue = try root.required("stages", "the steps every contact goes through, in order")
        let tasks = try readTasks(root["tasks"])
        var stages: [Stage] = []
        for (id, value) in try stagesValue.mapping().entries { stages.append(try readStage(id, value, teamIDs: teamIDs, tasks: tasks)) }
        guard let lastStage = stages.last else { throw stagesValue.error("expected at least one stage") }
        guard lastStage.decides, lastStage.appliesTo.allSatisfy({ $0 >= 1 }), lastStage.sources.allSatisfy({ $0 }),
            !lastStage.outOfHoursOnly
        else {
            throw stagesValue.error(
                "the last stage must decide on every contact (decides: true, applying to every RAG rating and source), so that no contact leaves undecided"
            )
        }
        for stage in stages where stage.phone != nil && stage.coverTeam != nil {
            throw stagesValue.error("stage '\(stage.id)' is a phone line with a cover team; give a phone line its own team only")
        }
        for stage in stages where stage.decides {
            for team in [stage.team] + (stage.coverTeam.map { [$0] } ?? []) where teams[team].decisionRole == .recommends {
                throw stagesValue.error(
                    "stage '\(stage.id)' decides, but team '\(teams[team].id)' only recommends decisions (decision_role: recommends); "
                        + "give the decision to a team that decides or oversees, or add a stage where a manager signs it off")
            }
        }

        for (index, team) in teams.enumerated() where team.informalCover {
            let key = try teamsValue.mapping()[team.id]?.mapping()["informal_cover"]
            if let own = stages.first(where: { $0.team == index }) {
                throw (key ?? teamsValue).error(
                    "team '\(team.id)' only covers informally, so it cannot be stage '\(own.id)''s own team; "
                        + "name it as a stage's cover_team instead")
            }
            guard stages.contains(where: { $0.coverTeam == index }) else {
                throw (key ?? teamsValue).error("team '\(team.id)' covers informally but no stage names it as its cover_team")
            }
        }

        let outcomesValue = try root.required("outcomes", "what the decisions are")
        let outcomes = try readOutcomes(outcomesValue)
        let quality = try root["decision_quality"].map(readDecisionQuality)
        if quality != nil { try refuseChanceKeys(outcomesValue) }
        let flow = try readFlow(root["flow"])
        let fatigue = try readFatigue(root["fatigue"])
        let discussion = try root["strategy_discussion"].map { v throws(ScenarioError) in
            try readStrategyDiscussion(v, teams: teams, tasks: tasks)
        }
        let costs = try readCosts(try root.required("costs", "pay and other costs"), teams: teams, calendar: calendar)
        let design = FrontDoorDesign(
            calendar: calendar, demand: demand, teams: teams, stages: stages, outcomes: outcomes,
            flow: flow, fatigue: fatigue, strategyDiscussion: discussion, decisionQuality: quality, costs: costs, assumptions: assumptions,
            forecasts: forecasts)
        // Every check the preparation makes has been made above, key by key, with its line; one
        // that is not is still refused, naming the file.
        do {
            return try PreparedDesign(design)
        } catch {
            throw root.owner.error("the design cannot be run: \(error.message)")
        }
    }
}
