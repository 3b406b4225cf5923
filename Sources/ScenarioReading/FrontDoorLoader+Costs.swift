import FrontDoorModel
import Foundation
import SimulationEngine

/// Costs: pay, on-costs, enhancements, agency, downstream costs and the budget.
extension FrontDoorLoader {
    static func readCosts(_ value: YAMLValue, teams: [Team], teamsValue: YAMLValue) throws(ScenarioError) -> Costs {
        let costs = try value.mapping(allowed: ["salaries", "on_cost_rate", "agency_premium", "extended_hours_enhancement", "one_off",
                                                "assessment_hours", "hourly_cost", "budget"])
        let salariesValue = try costs.required("salaries", "salary (£ a year) for each grade")
        var salaries: [String: Double] = [:]
        for (grade, salary) in try salariesValue.mapping().entries { salaries[grade] = try salary.number("a salary of £0 or more", atMost: Limits.salary, "£ a year") { $0 >= 0 } }
        for team in teams where salaries[team.grade] == nil {
            throw salariesValue.error("no salary for grade '\(team.grade)' (team \(team.id))" + suggestion(for: team.grade, among: Array(salaries.keys)))
        }
        return Costs(
            salaries: salaries,
            onCostRate: try costs["on_cost_rate"]?.number("a share between 0 and 1") { $0 >= 0 && $0 <= 1 } ?? 0,
            agencyPremium: try costs["agency_premium"]?.number("a share of 0 or more", atMost: 10, "(1,000%)") { $0 >= 0 } ?? 0,
            extendedHoursEnhancement: try costs["extended_hours_enhancement"]?.number("a share of 0 or more", atMost: 10, "(1,000%)") { $0 >= 0 } ?? 0,
            oneOff: try costs["one_off"]?.number("an amount of £0 or more", atMost: Limits.money, "£") { $0 >= 0 } ?? 0,
            assessmentHours: try costs["assessment_hours"]?.number("a number of hours of 0 or more", atMost: 10_000, "hours") { $0 >= 0 } ?? 0,
            hourlyCost: try costs["hourly_cost"]?.number("an amount of £0 or more", atMost: 10_000, "£ an hour") { $0 >= 0 } ?? 0,
            budget: try costs["budget"].map(readBudget))
    }

    static func readBudget(_ value: YAMLValue) throws(ScenarioError) -> Budget {
        let budget = try value.mapping(allowed: ["base_budget", "bridging_months", "phase_in_years", "years"])
        return Budget(
            baseBudget: try budget.required("base_budget", "the current base budget, £ a year")
                .number("an amount of £0 or more", atMost: Limits.money, "£ a year") { $0 >= 0 },
            bridgingMonths: try budget["bridging_months"]?.number("a number of months from 0 to 60") { $0 >= 0 && $0 <= 60 } ?? 0,
            phaseInYears: try budget["phase_in_years"]?.number("a number of years from 0 to 20") { $0 >= 0 && $0 <= 20 } ?? 0,
            years: try budget["years"]?.wholeNumber(atLeast: 1, atMost: 30, "years") ?? 5)
    }
}
