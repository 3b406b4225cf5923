import Foundation
import FrontDoorAnalysis
import FrontDoorModel

/// The budget of each design as `budget.csv` and as the report's budget section.
enum BudgetView {
    /// `budget.csv`: one row per design, section, item and year (0 for a yearly figure).
    static func csv(_ comparison: DesignComparison) -> String {
        var rows = [["scenario", "section", "item", "grade", "posts", "vacant_posts", "fte_filled", "year", "amount_gbp"]]
        for design in comparison.designs {
            guard let view = BudgetProfile(design, baseline: comparison.baseline) else { continue }
            for line in view.costs.teams {
                for (item, amount) in [("salaries", line.salaries), ("on-costs", line.onCosts), ("extended-hours enhancement", line.enhancement),
                                       ("agency premium", line.agencyPremium), ("total", line.total)] {
                    rows.append([view.scenario, "staffing: \(line.id)", item, line.grade, String(line.posts), String(line.vacant), CSVTables.number(line.fte), "",
                                 CSVTables.number(amount)])
                }
            }
            rows.append([view.scenario, "position", "staff and agency a year", "", "", "", "", "", CSVTables.number(view.costs.total)])
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
            guard let view = BudgetProfile(design, baseline: comparison.baseline) else { continue }
            let money = ScenarioDescription.money
            html += "<h3>\(escape(view.scenario))</h3><table class=\"compact\"><thead><tr><th>team</th><th>grade</th><th>posts (vacant), FTE filled</th>"
                + "<th>salaries</th><th>on-costs</th><th>enhancement</th><th>agency premium</th><th>total</th></tr></thead><tbody>"
            for line in view.costs.teams {
                html += "<tr><td>\(escape(line.id))</td><td>\(escape(line.grade))</td><td>\(line.posts)\(line.vacant > 0 ? " (\(line.vacant))" : ""), \(escape(ScenarioDescription.number(line.fte)))</td>"
                    + "<td>\(money(line.salaries))</td><td>\(money(line.onCosts))</td><td>\(money(line.enhancement))</td><td>\(money(line.agencyPremium))</td>"
                    + "<td><strong>\(money(line.total))</strong></td></tr>"
            }
            html += "<tr><td colspan=\"7\"><strong>Staff and agency, a year</strong></td><td><strong>\(money(view.costs.total))</strong></td></tr></tbody></table>"
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
