import Foundation
import FrontDoorAnalysis
import FrontDoorModel

/// The budgets of a comparison (`FinanceView`) as `budget.csv` and as the report's budget section.
enum BudgetView {
    /// The lines of a year, in the order shown, with what each is when it is not the council's
    /// cash (empty for cash).
    static let lines: [(name: String, kind: String, value: @Sendable (FinanceView.Year) -> Double)] = [
        ("pay: salaries and on-costs", "", { $0.pay }),
        ("extended-hours enhancements", "", { $0.enhancements }),
        ("agency premium", "", { $0.agency }),
        ("informal cover", "", { $0.informalCover }),
        ("shared council services' hours", "", { $0.sharedServices }),
        ("one-off costs", "", { $0.oneOff }),
        ("cash total", "", { $0.cash }),
        ("partners' time (not the council's budget)", "paid by partner agencies", { $0.partners }),
        ("notional: assessments", "notional", { $0.assessments }),
        ("notional: section 47 enquiries", "notional", { $0.s47Enquiries }),
        ("notional: early help", "notional", { $0.earlyHelp }),
        ("notional total", "notional", { $0.downstream })
    ]

    static let notionalNote =
        "Notional costs are capacity used (or freed) in assessment, child-protection and early-help teams, not cash spent or saved."

    /// `budget.csv`: one row per design, financial year and line, in whole pounds, with the
    /// change against the baseline; team rows carry posts and FTE.
    static func csv(_ view: FinanceView) -> String {
        var rows = [
            [
                "scenario", "baseline", "price_base", "financial_year", "line", "team", "grade", "posts", "vacant_posts", "agency_posts",
                "fte",
                "amount_gbp", "change_from_baseline_gbp", "note"
            ]
        ]
        let baseline = view.designs[0].scenario
        for design in view.designs {
            let note = design.piling ? "not sustainable: work is piling up" : ""
            for (index, year) in design.years.enumerated() {
                let common = [design.scenario, view.hasBaseline ? baseline : "", "\(design.priceBase)", "\(year.year)"]
                for team in design.costs.teams {
                    let idle =
                        design.idleTeams.contains(team.id)
                        ? "paid, but the model gives them no contacts"
                        : team.sharedService
                            ? "a council service shared with other work: costed by the hour under shared council services"
                            : team.hourlyCost > 0
                                ? "covers informally: costed by the hour under informal cover"
                                : team.paidByPartners ? "paid by partner agencies: partners' time, not the council's budget" : note
                    rows.append(
                        common + [
                            "team staff and agency", team.id, team.grade, String(team.posts), String(team.vacant), String(team.agency),
                            Figures.data(team.fte), Figures.wholePounds(team.total), "", idle
                        ])
                }
                for line in lines {
                    let change = design.change.map { Figures.wholePounds(line.value($0[index])) } ?? ""
                    rows.append(
                        common + [
                            line.name, "", "", "", "", "", "", Figures.wholePounds(line.value(year)), change,
                            line.kind.isEmpty ? note : line.kind
                        ]
                    )
                }
                if index == 0, let bridging = design.bridging, design.bridgingMonths > 0, bridging > 0 {
                    rows.append(
                        common + ["bridging funding (part of the change)", "", "", "", "", "", "", Figures.wholePounds(bridging), "", note])
                }
            }
        }
        return CSVTables.table(rows)
    }

    /// The budget section of the HTML report.
    static func html(_ view: FinanceView) -> String {
        let money = Figures.money
        var html =
            "<p>All amounts at \(HTMLPage.escape(view.designs.map { "\($0.priceBase)" }.uniqued().joined(separator: " and "))) prices. "
            + "\(HTMLPage.escape(notionalNote))</p>"
        if !view.mixedPriceBases.isEmpty {
            html +=
                "<p class=\"warning\">The designs are on different price bases (\(view.mixedPriceBases.map { "\($0)" }.joined(separator: ", "))), "
                + "so no change is worked out: give them the same <code>costs.price_year</code>.</p>"
        }
        if !view.hasBaseline { html += "<p>There is no baseline to compare with: this is the design's own budget.</p>" }
        for design in view.designs {
            if design.piling {
                html +=
                    "<p class=\"warning\"><strong>\(HTMLPage.escape(design.scenario))</strong>: not sustainable: work is piling up, so its costs "
                    + "and any saving are not a real option.</p>"
            }
            for team in design.idleTeams {
                html +=
                    "<p class=\"warning\"><strong>\(HTMLPage.escape(design.scenario))</strong>: team \(HTMLPage.escape(team)) is paid, but the model gives them no "
                    + "contacts: say why in the scenario, or remove them.</p>"
            }
        }
        // Staffing, team by team, the designs side by side.
        let teamIDs = view.designs.flatMap { $0.costs.teams.map(\.id) }.uniqued()
        html +=
            "<table class=\"compact\"><thead><tr><th>team (grade)</th>"
            + view.designs.map { "<th>\(HTMLPage.escape($0.scenario)): posts, FTE at work</th><th>a year</th>" }.joined()
            + "</tr></thead><tbody>"
        for id in teamIDs {
            let grade = view.designs.lazy.compactMap { $0.costs.teams.first { $0.id == id }?.grade }.first ?? ""
            html += "<tr><td>\(HTMLPage.escape(id)) (\(HTMLPage.escape(grade)))</td>"
            for design in view.designs {
                guard let team = design.costs.teams.first(where: { $0.id == id }) else {
                    html += "<td>–</td><td>–</td>"
                    continue
                }
                let vacant = team.vacant == 0 ? "" : " (\(team.vacant) vacant, \(team.agency) agency)"
                html += "<td>\(team.posts)\(vacant), \(HTMLPage.escape(Figures.prose(team.fte)))</td><td>\(money(team.total))</td>"
            }
            html += "</tr>"
        }
        html += "</tbody></table>"
        // The first year, the designs side by side, with the change against the baseline.
        html +=
            "<table class=\"compact\"><thead><tr><th>\(HTMLPage.escape("\(view.designs[0].years[0].year)"))</th>"
            + view.designs.map { "<th>\(HTMLPage.escape($0.scenario))</th>" + ($0.change == nil ? "" : "<th>change</th>") }.joined()
            + "</tr></thead><tbody>"
        for line in lines {
            html +=
                "<tr><td>\(line.name)</td>"
                + view.designs.map { design in
                    "<td>\(money(line.value(design.years[0])))</td>" + (design.change.map { "<td>\(signed(line.value($0[0])))</td>" } ?? "")
                }.joined() + "</tr>"
        }
        html += "</tbody></table>"
        // Each design's change, year by year.
        for design in view.designs {
            guard let change = design.change else { continue }
            html +=
                "<h3>\(HTMLPage.escape(design.scenario)) against \(HTMLPage.escape(view.designs[0].scenario)), year by year</h3>"
                + "<table class=\"compact\"><thead><tr><th>change</th>" + change.map { "<th>\($0.year)</th>" }.joined()
                + "<th>over the years</th></tr></thead><tbody>"
            for line in lines where change.contains(where: { abs(line.value($0)) >= 0.5 }) || line.name.hasSuffix("total") {
                let total = change.reduce(0) { $0 + line.value($1) }
                html +=
                    "<tr><td>\(line.name)</td>" + change.map { "<td>\(signed(line.value($0)))</td>" }.joined()
                    + "<td>\(signed(total))</td></tr>"
            }
            html += "</tbody></table>"
            if let bridging = design.bridging, design.bridgingMonths > 0, bridging > 0 {
                html +=
                    "<p>Bridging: \(money(bridging)) of one-off funding meets the first \(Figures.prose(design.bridgingMonths)) months "
                    + "of the increase in staff and agency cost (part of the first year's change, not on top of it).</p>"
            }
            if let cash = design.netCashChange {
                html +=
                    "<p>Net position over \(change.count) years, one-off costs included: \(signed(cash)) in cash"
                    + (design.piling ? " (not sustainable: work is piling up)" : "") + "; "
                    + "\(signed(design.netDownstreamChange ?? 0)) in notional downstream costs.</p>"
            }
        }
        return html
    }

    /// +£1,234 or −£1,234.
    static func signed(_ x: Double) -> String {
        let rounded = x.rounded()
        return rounded == 0 ? "£0" : (rounded > 0 ? "+" : "") + Figures.money(rounded)
    }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
