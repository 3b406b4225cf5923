import Foundation
import FrontDoorModel
import SimulationEngine

/// Costs: pay and its price base, on-costs, enhancements, agency, downstream costs and the budget.
extension FrontDoorLoader {
    static func readCosts(_ value: YAMLValue, teams: [Team], calendar: ServiceCalendar) throws(ScenarioError) -> Costs {
        let costs = try value.mapping(allowed: [
            "price_year", "pay_year", "pay_awards", "salaries", "pension_rate", "employer_ni", "agency_premium",
            "extended_hours_enhancement", "one_off", "downstream", "budget", "paid_by_partners"
        ])
        let priceYear = try costs["price_year"].map(readFinancialYear) ?? FinancialYear(containing: calendar.startDate)
        let payYear = try costs["pay_year"].map(readFinancialYear) ?? priceYear
        var awards: [FinancialYear: NationalPay.Award] = [:]
        if let awardsValue = costs["pay_awards"] {
            for (key, award) in try awardsValue.mapping().entries {
                guard let year = FinancialYear(key) else { throw award.error("'\(key)' is not a financial year such as 2026/27") }
                awards[year] = NationalPay.Award(
                    percent: try award.number("a pay award between -0.5 and 0.5 (0.03 is 3%)") { $0 >= -0.5 && $0 <= 0.5 })
            }
        }
        let salariesValue = try costs.required("salaries", "salary (£ a year) for each grade, at the pay_year's scales")
        if let missing = NationalPay.missingAwards(from: payYear, to: priceYear, extra: awards).first {
            throw salariesValue.error(
                "pay scales of \(payYear) cannot be put on \(priceYear) prices: no national pay award is known for \(missing); "
                    + "give it as costs.pay_awards: {\"\(missing)\": 0.03} (an assumption)")
        }
        var salaries: [String: Double] = [:]
        for (grade, salary) in try salariesValue.mapping().entries {
            let given = try salary.number("a salary of £0 or more", atMost: Limits.salary, "£ a year") { $0 >= 0 }
            salaries[grade] = NationalPay.uplift(given, from: payYear, to: priceYear, extra: awards)
        }
        for team in teams where salaries[team.grade] == nil {
            throw salariesValue.error(
                "no salary for grade '\(team.grade)' (team \(team.id))" + suggestion(for: team.grade, among: Array(salaries.keys)))
        }
        var paidByPartners = Set<String>()
        for item in try costs["paid_by_partners"]?.list() ?? [] {
            let grade = try item.string()
            guard salaries[grade] != nil else {
                throw item.error(
                    "no grade is called '\(grade)'; expected one of \(salaries.keys.sorted().joined(separator: ", "))"
                        + suggestion(for: grade, among: Array(salaries.keys)))
            }
            paidByPartners.insert(grade)
        }
        return Costs(
            priceYear: priceYear, payYear: payYear, salaries: salaries,
            onCosts: try readOnCosts(
                costs, year: priceYear,
                pensionRate: try costs["pension_rate"]?.number("a share between 0 and 0.5") { $0 >= 0 && $0 <= 0.5 }
                    ?? NationalPay.pensionRate),
            agencyPremium: try readAgencyPremium(costs, teams: teams),
            extendedHoursEnhancement: try costs["extended_hours_enhancement"]?.number("a share of 0 or more", atMost: 10, "(1,000%)") {
                $0 >= 0
            } ?? 0,
            oneOff: try costs["one_off"]?.number("an amount of £0 or more", atMost: Limits.money, "£") { $0 >= 0 } ?? 0,
            downstream: try costs["downstream"].map { v throws(ScenarioError) in try readDownstream(v, priceYear: priceYear, awards: awards)
            } ?? .none,
            budget: try costs["budget"].map(readBudget) ?? .standard, paidByPartners: paidByPartners)
    }

    static func readFinancialYear(_ value: YAMLValue) throws(ScenarioError) -> FinancialYear {
        guard let year = FinancialYear(try value.string()), (1990...2100).contains(year.startYear) else {
            throw value.error("expected a financial year such as 2025/26, found \(value.shown)")
        }
        return year
    }

    /// Employer's NI of the price year (from the national table, or the scenario's own), the
    /// pension rate and the levy.
    static func readOnCosts(_ costs: YAMLMapping, year: FinancialYear, pensionRate: Double) throws(ScenarioError) -> OnCostRates {
        if let niValue = costs["employer_ni"] {
            let ni = try niValue.mapping(allowed: ["rate", "threshold"])
            return OnCostRates(
                niRate: try ni.required("rate", "employer's NI rate above the threshold").number("a share between 0 and 0.5") {
                    $0 >= 0 && $0 <= 0.5
                },
                niThreshold: try ni.required("threshold", "pay a year free of employer's NI, £")
                    .number("an amount of £0 or more", atMost: Limits.salary, "£ a year") { $0 >= 0 },
                pensionRate: pensionRate, levyRate: NationalPay.apprenticeshipLevy(in: year))
        }
        guard let rates = OnCostRates(year: year, pensionRate: pensionRate) else {
            throw costs.owner.error(
                "employer's NI for \(year) is not in the national table (\(NationalPay.employerNI.keys.min()!)–\(NationalPay.employerNI.keys.max()!)); "
                    + "give costs.employer_ni: {rate: 0.15, threshold: 5000} (an assumption) or another price_year")
        }
        return rates
    }

    /// One premium for every grade, or one per grade; every grade with agency cover needs one.
    static func readAgencyPremium(_ costs: YAMLMapping, teams: [Team]) throws(ScenarioError) -> [String: Double] {
        let value = costs["agency_premium"]
        func premium(_ v: YAMLValue) throws(ScenarioError) -> Double {
            try v.number("a share of 0 or more", atMost: 10, "(1,000%)") { $0 >= 0 }
        }
        var premiums: [String: Double] = [:]
        if let value {
            if case .scalar = value.node {
                let all = try premium(value)
                for team in teams { premiums[team.grade] = all }
            } else {
                for (grade, entry) in try value.mapping().entries { premiums[grade] = try premium(entry) }
            }
        }
        for team in teams where team.agencyPosts > 0 && premiums[team.grade] == nil {
            throw (value ?? costs.owner).error(
                "team \(team.id) has agency cover, but there is no agency premium for grade '\(team.grade)': "
                    + "give costs.agency_premium.\(team.grade) (a share of the salary, such as 0.17)")
        }
        return premiums
    }

    /// Unit costs of downstream work: hours of social work (an hourly cost at its own year's
    /// prices) for each item, put on the price base by the pay awards.
    static func readDownstream(_ value: YAMLValue, priceYear: FinancialYear, awards: [FinancialYear: NationalPay.Award])
        throws(ScenarioError) -> DownstreamCosts
    {
        let d = try value.mapping(allowed: ["price_year", "hourly_cost", "assessment_hours", "s47_enquiry_hours", "early_help_hours"])
        let year = try d["price_year"].map(readFinancialYear) ?? priceYear
        if let missing = NationalPay.missingAwards(from: year, to: priceYear, extra: awards).first, let v = d["price_year"] {
            throw v.error(
                "unit costs of \(year) cannot be put on \(priceYear) prices: no national pay award is known for \(missing); "
                    + "give it as costs.pay_awards: {\"\(missing)\": 0.03} (an assumption)")
        }
        let hourly =
            try d.required("hourly_cost", "the cost of an hour of social work, £, at the downstream price_year")
            .number("an amount of £0 or more", atMost: 10_000, "£ an hour") { $0 >= 0 }
            * NationalPay.unitCostFactor(from: year, to: priceYear, extra: awards)
        func hours(_ key: String) throws(ScenarioError) -> Double {
            try d[key]?.number("a number of hours of 0 or more", atMost: 10_000, "hours") { $0 >= 0 } ?? 0
        }
        return DownstreamCosts(
            assessment: try hours("assessment_hours") * hourly, s47Enquiry: try hours("s47_enquiry_hours") * hourly,
            earlyHelpEpisode: try hours("early_help_hours") * hourly)
    }

    static func readBudget(_ value: YAMLValue) throws(ScenarioError) -> Budget {
        let budget = try value.mapping(allowed: ["bridging_months", "phase_in_years", "years"])
        return Budget(
            bridgingMonths: try budget["bridging_months"]?.number("a number of months from 0 to 60") { $0 >= 0 && $0 <= 60 } ?? 0,
            phaseInYears: try budget["phase_in_years"]?.number("a number of years from 0 to 20") { $0 >= 0 && $0 <= 20 } ?? 0,
            years: try budget["years"]?.wholeNumber(atLeast: 1, atMost: 30, "years") ?? Budget.standard.years)
    }
}
