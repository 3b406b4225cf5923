import SimulationEngine

/// The measures of a front-door design, defined once here (and in the README) in plain words.
enum FrontDoorMeasures {
    static func definitions(_ design: FrontDoorDesign) -> [MeasureDefinition] {
        var measures: [MeasureDefinition] = [
            .init("contacts.received", "Contacts received (a year)", unit: "contacts a year"),
            .init("contacts.decided", "Contacts decided (a year)", unit: "contacts a year"),
        ]
        for source in design.demand.sources {
            measures.append(.init("contacts.share.\(source.group.name)", "Share of contacts from \(source.group.name.replacingOccurrences(of: "_", with: " "))", unit: "fraction"))
        }
        measures += [
            .init("decided_within_1wd", "Share of contacts decided within 1 working day", unit: "fraction"),
            .init("decided_within_3wd", "Share of contacts decided within 3 working days", unit: "fraction"),
            .init("red_decided_within_4wh", "Share of red contacts decided within 4 working hours", unit: "fraction"),
            .init("time_to_decision_wd.p50", "Working days to a decision: half of contacts are decided within", unit: "working days"),
            .init("time_to_decision_wd.p90", "Working days to a decision: 90% of contacts are decided within", unit: "working days"),
            .init("backlog.mean", "Contacts waiting for a decision at close of day, on average", unit: "contacts"),
            .init("backlog.p95", "Contacts waiting for a decision at close of day, on the busiest 1 day in 20", unit: "contacts"),
            .init("backlog.max", "Contacts waiting for a decision at close of day, at most", unit: "contacts"),
            .init("backlog.growth_per_day", "Change in the backlog per working day (above 0: the front door is falling behind)", unit: "contacts a day"),
            .init("runs.overloaded", "Share of replications stopped early with over 200,000 contacts waiting", unit: "fraction"),
            .init("conversion.referral", "Share of decisions that were referrals for assessment (strategy discussions included)", unit: "fraction"),
            .init("conversion.early_help", "Share of decisions that were early help", unit: "fraction"),
            .init("conversion.nfa", "Share of decisions that were no further action or advice", unit: "fraction"),
            .init("conversion.strategy", "Share of decisions that were strategy discussions", unit: "fraction"),
            .init("decisions_per_decider_day.mean", "Decisions per decision-maker per working day, on average", unit: "decisions"),
            .init("decisions_per_decider_day.p95", "Decisions per decision-maker per working day, on the busiest 1 day in 20", unit: "decisions"),
            .init("decisions_per_decider_day.max", "Decisions per decision-maker per working day, at most", unit: "decisions"),
            .init("decisions.beyond_fatigue_threshold", "Share of decisions made after the day's fatigue threshold", unit: "fraction"),
            .init("decisions.changed_by_fatigue", "Decisions changed by fatigue (a year)", unit: "decisions a year"),
            .init("handoffs_per_contact", "Moves between teams per contact", unit: "handoffs"),
            .init("information_requests", "Requests for missing information (a year)", unit: "requests a year"),
            .init("phone.abandoned_share", "Share of calls where the caller gave up waiting", unit: "fraction"),
            .init("phone.callers_lost", "Callers who gave up and did not ring again (a year)", unit: "contacts a year"),
            .init("checks.out_of_time", "Partner checks not started within their RAG clock (a year)", unit: "checks a year"),
            .init("assessments.started", "Social work assessments started (a year)", unit: "assessments a year"),
            .init("assessments.no_further_service", "Assessments ending with no further service (a year)", unit: "assessments a year"),
            .init("recontacts", "Contacts that were re-contacts within 12 months of an earlier one closing (a year)", unit: "contacts a year"),
            .init("cost.staff_per_year_gbp", "Staff cost a year: salaries, on-costs and extended-hours enhancements", unit: "£ a year"),
            .init("cost.agency_per_year_gbp", "Agency premium a year, for vacant posts covered by agency staff", unit: "£ a year"),
            .init("cost.one_off_gbp", "One-off cost of the change", unit: "£"),
            .init("cost.downstream_per_year_gbp", "Cost of the social work assessments that follow (a year)", unit: "£ a year"),
            .init("cost.total_per_year_gbp", "Total cost a year: staff, agency and downstream assessments", unit: "£ a year"),
            .init("cost.per_contact_gbp", "Front-door staff cost per contact received", unit: "£"),
        ]
        if design.costs.budget != nil {
            measures += [
                .init("cost.change_from_base_budget_gbp", "Staff and agency cost a year above the current base budget", unit: "£ a year"),
                .init("cost.bridging_gbp", "One-off funding to bridge the extra cost until it is moved from elsewhere", unit: "£"),
            ]
        }
        for source in design.demand.sources {
            measures.append(.init("conversion.referral.\(source.group.name)",
                                  "Share of decisions on contacts from \(source.group.name.replacingOccurrences(of: "_", with: " ")) that were referrals", unit: "fraction"))
        }
        for team in design.teams {
            measures.append(.init("team.\(team.id).utilisation", "Share of \(team.role) time at work spent on contacts", unit: "fraction"))
        }
        for stage in design.stages {
            measures.append(.init("stage.\(stage.id).mean_wait_hours", "Average wait before \(stage.id.replacingOccurrences(of: "_", with: " ")) starts", unit: "hours"))
        }
        return measures
    }

    static func values(_ run: FrontDoorReplication, design: FrontDoorDesign) -> [Double] {
        let years = max(run.measuredHours, 1) / (365 * 24)
        func perYear(_ count: Int) -> Double { Double(count) / years }
        func share(_ part: Int, of whole: Int) -> Double { whole > 0 ? Double(part) / Double(whole) : 0 }
        let costs = StaffCosts(design)
        let assessments = perYear(run.assessmentsStarted)
        let downstream = assessments * design.costs.assessmentHours * design.costs.hourlyCost
        let received = perYear(run.received)
        var values: [Double] = [received, perYear(run.decided)]
        values += run.receivedBySource.map { share($0, of: run.received) }
        values += [
            share(run.decidedWithin1, of: run.decided),
            share(run.decidedWithin3, of: run.decided),
            share(run.within4HoursByRAG[RAG.red.rawValue], of: run.decidedByRAG[RAG.red.rawValue]),
            run.timeToDecision.quantile(0.5) ?? 0,
            run.timeToDecision.quantile(0.9) ?? 0,
            run.backlog.mean,
            run.backlogHistogram.quantile(0.95) ?? 0,
            Double(run.backlogMax),
            slope(run.dailyBacklog),
            run.stoppedOverloaded ? 1 : 0,
            share(run.outcomes[Outcome.referral.rawValue] + run.outcomes[Outcome.strategyDiscussion.rawValue], of: run.decided),
            share(run.outcomes[Outcome.earlyHelp.rawValue], of: run.decided),
            share(run.outcomes[Outcome.noFurtherAction.rawValue], of: run.decided),
            share(run.outcomes[Outcome.strategyDiscussion.rawValue], of: run.decided),
            run.deciderDays.mean,
            run.deciderDayHistogram.quantile(0.95) ?? 0,
            Double(run.deciderDayMax),
            share(run.decisionsBeyondThreshold, of: run.decided),
            perYear(run.decisionsChangedByFatigue),
            share(run.handoffs, of: run.received),
            perYear(run.informationRequests),
            share(run.phoneAbandoned, of: run.phoneAttempts),
            perYear(run.lostCallers),
            perYear(run.checksOutOfTime),
            assessments,
            perYear(run.assessmentsNoFurtherService),
            perYear(run.recontacts),
            costs.staff,
            costs.agency,
            design.costs.oneOff,
            downstream,
            costs.staff + costs.agency + downstream,
            received > 0 ? (costs.staff + costs.agency) / received : 0,
        ]
        if let budget = design.costs.budget {
            values += [budget.change(staffCost: costs.staff + costs.agency), budget.bridging(staffCost: costs.staff + costs.agency)]
        }
        for source in design.demand.sources.indices {
            values.append(share(run.referredBySource[source], of: run.decidedBySource[source]))
        }
        for team in design.teams.indices {
            values.append(run.teamAvailableHours[team] > 0 ? run.teamBusyHours[team] / run.teamAvailableHours[team] : 0)
        }
        for stage in design.stages.indices {
            values.append(run.stageCompleted[stage] > 0 ? run.stageWaitHours[stage] / Double(run.stageCompleted[stage]) : 0)
        }
        return values
    }

    /// The least-squares slope of a series against its index (0 for fewer than two points).
    static func slope(_ series: [Int]) -> Double {
        let n = Double(series.count)
        guard series.count > 1 else { return 0 }
        let meanX = (n - 1) / 2
        let meanY = Double(series.reduce(0, +)) / n
        var numerator = 0.0, denominator = 0.0
        for (x, y) in series.enumerated() {
            numerator += (Double(x) - meanX) * (Double(y) - meanY)
            denominator += (Double(x) - meanX) * (Double(x) - meanX)
        }
        return numerator / denominator
    }
}

/// Staff costs of a design for a year, from its teams and pay (they do not vary by replication).
public struct StaffCosts: Sendable {
    /// Salaries, on-costs and extended-hours enhancements.
    public let staff: Double
    /// The agency premium on vacant posts covered by agency staff.
    public let agency: Double
    /// Per team, in the design's team order: (salaries and on-costs, enhancement, agency premium).
    public let byTeam: [(pay: Double, enhancement: Double, agency: Double)]

    public init(_ design: FrontDoorDesign) {
        let costs = design.costs
        var byTeam: [(Double, Double, Double)] = []
        for team in design.teams {
            let salary = team.filledPosts.reduce(0, +) * (costs.salaries[team.grade] ?? 0)
            let pay = salary * (1 + costs.onCostRate)
            let enhancement = pay * StaffCosts.shareOutsideStandardHours(team.schedule) * costs.extendedHoursEnhancement
            let agency = salary * team.agencyShare * costs.agencyPremium
            byTeam.append((pay, enhancement, agency))
        }
        self.byTeam = byTeam
        staff = byTeam.reduce(0) { $0 + $1.0 + $1.1 }
        agency = byTeam.reduce(0) { $0 + $1.2 }
    }

    /// The share of a team's weekly hours outside Monday–Friday 08:00–18:00, which attract an
    /// enhancement.
    static func shareOutsideStandardHours(_ schedule: WeeklySchedule) -> Double {
        var outside = 0.0
        for (weekday, intervals) in schedule.intervals.enumerated() {
            for interval in intervals {
                let length = interval.upperBound - interval.lowerBound
                if weekday >= 5 { outside += length; continue }
                let inside = max(0, min(interval.upperBound, 18) - max(interval.lowerBound, 8))
                outside += length - inside
            }
        }
        return outside / schedule.hoursPerWeek
    }
}
