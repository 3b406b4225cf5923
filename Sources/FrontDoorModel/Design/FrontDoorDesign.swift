import SimulationEngine

/// Everything a front-door scenario describes: the calendar, the demand, the teams and their
/// people, the pathway of work, the decisions and their outcomes, and the costs: a description
/// that any caller may build or change. ``PreparedDesign`` checks it and makes it ready to run;
/// ``FrontDoorSimulation`` runs the prepared design.
public struct FrontDoorDesign: Sendable {
    public var calendar: ServiceCalendar
    public var demand: Demand
    public var teams: [Team]
    public var stages: [Stage]
    public var outcomes: OutcomeRules
    public var flow: FlowRules
    public var fatigue: Fatigue?
    /// The meeting that follows a decision to hold a strategy discussion, if the design models one.
    public var strategyDiscussion: StrategyDiscussion?
    /// Each child's real need and how well decisions see it; nil: decisions are drawn from the
    /// outcome tables with no need to be right or wrong about.
    public var decisionQuality: DecisionQuality?
    public var costs: Costs
    /// Every value in the scenario marked `# assumption`, with its key path, for the report.
    public var assumptions: [String]
    /// Every value in the scenario marked `# forecast` — taken from a forecast, not from evidence
    /// of what happened — with its key path and what it drives, for the report to list beside the
    /// figures.
    public var forecasts: [String]

    /// Makes the value from its parts (the scenario reader does; tests may).
    public init(
        calendar: ServiceCalendar, demand: Demand, teams: [Team], stages: [Stage], outcomes: OutcomeRules, flow: FlowRules,
        fatigue: Fatigue?,
        strategyDiscussion: StrategyDiscussion? = nil, decisionQuality: DecisionQuality? = nil, costs: Costs, assumptions: [String],
        forecasts: [String] = []
    ) {
        self.decisionQuality = decisionQuality
        self.forecasts = forecasts
        self.calendar = calendar
        self.demand = demand
        self.teams = teams
        self.stages = stages
        self.outcomes = outcomes
        self.flow = flow
        self.fatigue = fatigue
        self.strategyDiscussion = strategyDiscussion
        self.costs = costs
        self.assumptions = assumptions
    }
}

extension FrontDoorDesign {
    /// The teams whose people make or sign off decisions: those of deciding stages, and their
    /// cover teams.
    public var decidingTeams: Set<Int> {
        Set(stages.filter(\.decides).flatMap { [$0.team] + ($0.coverTeam.map { [$0] } ?? []) })
    }
}
