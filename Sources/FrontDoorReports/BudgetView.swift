import Foundation
import FrontDoorAnalysis
import FrontDoorModel

/// The budget view of a design, for finance: posts and pay by team, the position against the base
/// budget, and a multi-year profile in which the change in downstream assessments builds up over
/// the stated phase-in period (against the comparison's baseline design).
public struct BudgetView {
    public struct TeamLine {
        public let team: String
        public let role: String
        public let grade: String
        /// Posts in the establishment, of which `vacant` are empty and unpaid.
        public let posts: Int
        public let vacant: Int
        /// FTE of the filled posts.
        public let fte: Double
        public let salary: Double
        public let salaries: Double
        public let onCosts: Double
        public let enhancement: Double
        public let agencyPremium: Double
        public var total: Double { salaries + onCosts + enhancement + agencyPremium }
    }

    public struct Year {
        public let year: Int
        public let staff: Double
        public let oneOff: Double
        public let bridging: Double
        public let downstream: Double
        /// Staff and one-off costs plus downstream assessments, less the bridging funding found from elsewhere.
        public var total: Double { staff + oneOff + downstream }
    }

    public let scenario: String
    public let teams: [TeamLine]
    public let budget: Budget?
    public let oneOff: Double
    public let years: [Year]

    public var staffTotal: Double { teams.reduce(0) { $0 + $1.total } }
    public var changeFromBase: Double? { budget?.change(staffCost: staffTotal) }
    public var bridging: Double? { budget?.bridging(staffCost: staffTotal) }

    /// The view of `design`; `baseline` (another design run on the same demand) sets where the
    /// downstream cost starts before the change builds up.
    public init?(_ design: ExperimentResult, baseline: ExperimentResult?) {
        guard case .frontDoor(let frontDoor) = design.scenario.model else { return nil }
        let costs = frontDoor.costs
        let staff = StaffCosts(frontDoor)
        scenario = design.scenario.name
        teams = zip(frontDoor.teams, staff.byTeam).map { team, cost in
            let salary = costs.salaries[team.grade] ?? 0
            let salaries = salary * team.filledPosts.reduce(0, +)
            return TeamLine(team: team.id, role: team.role, grade: team.grade, posts: team.people.count, vacant: team.vacantPosts,
                            fte: team.filledPosts.reduce(0, +),
                            salary: salary, salaries: salaries, onCosts: salaries * costs.onCostRate,
                            enhancement: cost.enhancement, agencyPremium: cost.agency)
        }
        budget = costs.budget
        oneOff = costs.oneOff
        let after = design["cost.downstream_per_year_gbp"]?.mean ?? 0
        let before = baseline.flatMap { $0.scenario.name == design.scenario.name ? nil : $0["cost.downstream_per_year_gbp"]?.mean } ?? after
        let phaseIn = costs.budget?.phaseInYears ?? 0
        let count = costs.budget?.years ?? 1
        let staffTotal = zip(frontDoor.teams, staff.byTeam).reduce(0.0) { $0 + $1.1.pay + $1.1.enhancement + $1.1.agency }
        let bridgingTotal = costs.budget?.bridging(staffCost: staffTotal) ?? 0
        years = (1...count).map { year in
            let share = phaseIn > 0 ? min(1, Double(year) / phaseIn) : 1
            return Year(year: year, staff: staffTotal, oneOff: year == 1 ? costs.oneOff : 0,
                        bridging: year == 1 ? bridgingTotal : 0, downstream: before + (after - before) * share)
        }
    }

    /// `budget.csv`: one row per design, section, item and year (0 for a yearly figure).
    public static func csv(_ comparison: DesignComparison) -> String {
        var rows = [["scenario", "section", "item", "grade", "posts", "vacant_posts", "fte_filled", "year", "amount_gbp"]]
        for design in comparison.designs {
            guard let view = BudgetView(design, baseline: comparison.baseline) else { continue }
            for line in view.teams {
                for (item, amount) in [("salaries", line.salaries), ("on-costs", line.onCosts), ("extended-hours enhancement", line.enhancement),
                                       ("agency premium", line.agencyPremium), ("total", line.total)] {
                    rows.append([view.scenario, "staffing: \(line.team)", item, line.grade, String(line.posts), String(line.vacant), CSVTables.number(line.fte), "",
                                 CSVTables.number(amount)])
                }
            }
            rows.append([view.scenario, "position", "staff and agency a year", "", "", "", "", "", CSVTables.number(view.staffTotal)])
            if let budget = view.budget, let change = view.changeFromBase, let bridging = view.bridging {
                rows.append([view.scenario, "position", "current base budget", "", "", "", "", "", CSVTables.number(budget.baseBudget)])
                rows.append([view.scenario, "position", "change from base budget", "", "", "", "", "", CSVTables.number(change)])
                rows.append([view.scenario, "position", "bridging funding (\(CSVTables.number(budget.bridgingMonths)) months)", "", "", "", "", "", CSVTables.number(bridging)])
            }
            rows.append([view.scenario, "position", "one-off change cost", "", "", "", "", "", CSVTables.number(view.oneOff)])
            for year in view.years {
                for (item, amount) in [("staff and agency", year.staff), ("one-off", year.oneOff), ("downstream assessments", year.downstream),
                                       ("total", year.total), ("bridging funding", year.bridging)] {
                    rows.append([view.scenario, "profile", item, "", "", "", "", String(year.year), CSVTables.number(amount)])
                }
            }
        }
        return CSVTables.table(rows)
    }

    /// The budget section of the HTML report.
    static func html(_ comparison: DesignComparison) -> String {
        var html = ""
        for design in comparison.designs {
            guard let view = BudgetView(design, baseline: comparison.baseline) else { continue }
            let money = ScenarioDescription.money
            html += "<h3>\(escape(view.scenario))</h3><table class=\"compact\"><thead><tr><th>team</th><th>grade</th><th>posts (vacant), FTE filled</th>"
                + "<th>salaries</th><th>on-costs</th><th>enhancement</th><th>agency premium</th><th>total</th></tr></thead><tbody>"
            for line in view.teams {
                html += "<tr><td>\(escape(line.team))</td><td>\(escape(line.grade))</td><td>\(line.posts)\(line.vacant > 0 ? " (\(line.vacant))" : ""), \(escape(ScenarioDescription.number(line.fte)))</td>"
                    + "<td>\(money(line.salaries))</td><td>\(money(line.onCosts))</td><td>\(money(line.enhancement))</td><td>\(money(line.agencyPremium))</td>"
                    + "<td><strong>\(money(line.total))</strong></td></tr>"
            }
            html += "<tr><td colspan=\"7\"><strong>Staff and agency, a year</strong></td><td><strong>\(money(view.staffTotal))</strong></td></tr></tbody></table>"
            if let budget = view.budget, let change = view.changeFromBase, let bridging = view.bridging {
                html += "<p>Against a current base budget of \(money(budget.baseBudget)), this is \(money(abs(change))) a year "
                    + "\(change >= 0 ? "more" : "less"); bridging \(ScenarioDescription.number(budget.bridgingMonths)) months of the increase needs "
                    + "\(money(bridging)) of one-off funding, on top of one-off change costs of \(money(view.oneOff)).</p>"
            }
            if view.years.count > 1 {
                html += "<table class=\"compact\"><thead><tr><th>year</th>" + view.years.map { "<th>\($0.year)</th>" }.joined() + "</tr></thead><tbody>"
                for (item, values) in [("staff and agency", view.years.map(\.staff)), ("one-off change", view.years.map(\.oneOff)),
                                       ("downstream assessments", view.years.map(\.downstream)), ("total", view.years.map(\.total)),
                                       ("of which bridging funding", view.years.map(\.bridging))] {
                    html += "<tr><td>\(item)</td>" + values.map { "<td>\(money($0))</td>" }.joined() + "</tr>"
                }
                html += "</tbody></table><p class=\"note\">Downstream assessment costs move from the baseline's level to this design's over "
                    + "\(ScenarioDescription.number(view.budget?.phaseInYears ?? 0)) years (an assumption of the scenario).</p>"
            }
        }
        return html
    }
}
