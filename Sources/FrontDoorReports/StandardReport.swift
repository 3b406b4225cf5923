import FrontDoorAnalysis
import FrontDoorModel
import ScenarioModel

/// The designs sized to one standard and the targets that make it, for a report to present.
public struct StandardView: Sendable {
    public let sized: [DesignAtStandard]
    public let targets: [SizingTarget]

    public init(sized: [DesignAtStandard], targets: [SizingTarget]) {
        self.sized = sized
        self.targets = targets
    }
}

/// The designs at one standard — the posts each needs to meet the shared targets with no team
/// over 85% busy, and the cash that costs — for the terminal, `standard.csv`, `frontier.csv` and
/// the report, which opens with it.
public enum StandardReport {
    /// "screeners 12 (18 as staffed), team_managers 7 (6 as staffed)".
    static func posts(_ sized: DesignAtStandard) -> String {
        guard let sizing = sized.sizing, let answer = sizing.answer else { return "" }
        return zip(sizing.teams, zip(answer.posts, sizing.currentPosts)).map { "\($0) \($1.0) (\($1.1) as staffed)" }.joined(
            separator: ", ")
    }

    /// One line per design, in words: its posts and cash at the standard, or why it has none.
    static func lines(_ sized: [DesignAtStandard], comparison: DesignComparison) -> [String] {
        sized.map { entry in
            let name = entry.design.name
            let asStaffed = comparison.designs.first { $0.scenario.name == name }?[.cashCost]
            guard let sizing = entry.sizing else {
                return "\(name): marks no team as sizable (give `sizing:` in its scenario), so it is shown as staffed only"
            }
            guard let standard = entry.standard, let result = comparison.designs.first(where: { $0.scenario.name == standard.name }),
                let cash = result[.cashCost]
            else {
                let binding =
                    entry.binding.map { " The target that binds is \($0.target.text): at best \(SizingReport.interval($0.measure))." } ?? ""
                return
                    "\(name): cannot meet the standard with at most \(sizing.maximumPosts) posts in \(sizing.teams.joined(separator: ", ")).\(binding)"
            }
            // Cash varies between replications only through informal cover: its interval is shown where it does.
            let spread =
                cash.ci95High - cash.ci95Low >= 1
                ? " (95% interval \(Figures.money(cash.ci95Low)) to \(Figures.money(cash.ci95High)))" : ""
            let oneOff = result[.oneOffCost].map { $0.mean > 0 ? ", one-off \(Figures.money($0.mean))" : "" } ?? ""
            return "\(standard.name): \(posts(entry)): \(Figures.money(cash.mean)) cash a year\(spread)\(oneOff)"
                + (asStaffed.map { " (as staffed \(Figures.money($0.mean)))" } ?? "")
        }
    }

    /// The cheapest design at the standard and how sure that is, in words.
    static func verdict(_ sized: [DesignAtStandard], comparison: DesignComparison) -> String {
        let names = sized.compactMap(\.standard?.name)
        guard names.count > 1, let cheapest = Standard.cheapest(comparison, among: names) else {
            return names.count == 1
                ? "Only \(names[0]) meets the standard, so there is no cheapest to choose." : "No design meets the standard."
        }
        guard cheapest.names.count == 1 else {
            return "Cheapest to meet the standard: \(cheapest.names.joined(separator: " and ")), which cost the same at it"
                + (cheapest.names.count < names.count
                    ? ", less than the others in \(Figures.reportPercent(cheapest.share)) of paired replications." : ".")
        }
        return
            "Cheapest to meet the standard: \(cheapest.names[0]), the cheapest in \(Figures.reportPercent(cheapest.share)) of paired replications."
    }

    /// The standard in words: the targets, and no team over the ceiling.
    static func standardWords(_ targets: [SizingTarget]) -> String {
        (targets.map(\.text) + ["no team more than \(Figures.reportPercent(Standard.utilisationCeiling)) busy"]).joined(separator: "; ")
    }

    /// The terminal's opening: the standard, each design at it, and which is cheapest.
    public static func text(_ sized: [DesignAtStandard], targets: [SizingTarget], comparison: DesignComparison) -> String {
        (["At one standard (\(standardWords(targets))):"] + lines(sized, comparison: comparison).map { "  " + $0 }
            + [verdict(sized, comparison: comparison), ""]).joined(separator: "\n") + "\n"
    }

    /// `standard.csv`: per design and sized team, who pays, the posts as staffed and at the
    /// standard and their cost a year; then per design its whole cash a year as staffed and at the
    /// standard (the council's cash: partners' time is never in it).
    public static func csv(_ sized: [DesignAtStandard], comparison: DesignComparison) -> String {
        var rows = [
            [
                "design", "team", "paid_by", "posts_as_staffed", "posts_at_standard", "cost_a_year_as_staffed", "cost_a_year_at_standard",
                "meets_standard"
            ]
        ]
        func teamCost(_ scenario: Scenario?, _ team: String) -> StaffCosts.Team? {
            guard case .frontDoor(let design)? = scenario?.model else { return nil }
            return StaffCosts(design).teams.first { $0.id == team }
        }
        for entry in sized {
            let meets = entry.standard == nil ? "no" : "yes"
            if let sizing = entry.sizing {
                for (index, team) in sizing.teams.enumerated() {
                    let asStaffed = teamCost(entry.design, team)
                    rows.append([
                        entry.design.name, team,
                        asStaffed?.paidByPartners == true ? "partner agencies (not the council's cash)" : "council",
                        String(sizing.currentPosts[index]), sizing.answer.map { String($0.posts[index]) } ?? "",
                        asStaffed.map { Figures.wholePounds($0.total) } ?? "",
                        teamCost(entry.standard, team).map { Figures.wholePounds($0.total) } ?? "", meets
                    ])
                }
            }
            let cash = { (name: String?) in
                name.flatMap { n in comparison.designs.first { $0.scenario.name == n }?[.cashCost] }.map { Figures.wholePounds($0.mean) }
                    ?? ""
            }
            rows.append([
                entry.design.name, "all teams", "council (cash)", "", "", cash(entry.design.name), cash(entry.standard?.name),
                entry.sizing == nil ? "not sized" : meets
            ])
        }
        return CSVTables.table(rows)
    }

    /// Every staffing the search ran in full for one design, cheapest first, as cash a year
    /// against the binding target's measure, each saying whether it is on the frontier: better
    /// on that measure than every cheaper staffing (a dearer staffing that is no better — more
    /// posts in a team that was not short — is off it).
    static func searched(_ entry: DesignAtStandard) -> [(
        posts: String, cash: Double, measure: MeasureSummary, meets: Bool, onFrontier: Bool
    )] {
        guard let sizing = entry.sizing, let binding = entry.binding else { return [] }
        let runs = entry.staffingsRun.compactMap { candidate in
            candidate.measures.first { $0.id == binding.target.measure }.map { measure in
                (
                    posts: zip(sizing.teams, candidate.posts).map { "\($0)=\($1)" }.joined(separator: " "), cash: candidate.cost,
                    measure: measure,
                    meets: candidate.meetsTargets
                )
            }
        }.sorted { $0.cash < $1.cash }
        var best: Double?
        return runs.map { run in
            let better = best.map { binding.target.atLeast ? run.measure.mean > $0 : run.measure.mean < $0 } ?? true
            if better { best = run.measure.mean }
            return (run.posts, run.cash, run.measure, run.meets, better)
        }
    }

    /// `frontier.csv`: per design, every staffing run in full and the design as staffed, with
    /// cash a year (staff and agency) and the binding target's measure with its interval.
    public static func frontierCSV(_ sized: [DesignAtStandard], comparison: DesignComparison) -> String {
        var rows = [["design", "point", "staffing", "cash_a_year", "measure", "target", "mean", "ci95_low", "ci95_high", "meets_standard"]]
        for entry in sized {
            guard let binding = entry.binding else { continue }
            let target = binding.target.text
            for point in searched(entry) {
                rows.append([
                    entry.design.name, point.onFrontier ? "frontier" : "searched, off the frontier", point.posts,
                    Figures.wholePounds(point.cash),
                    point.measure.id.name, target,
                    Figures.data(point.measure.mean), Figures.data(point.measure.ci95Low), Figures.data(point.measure.ci95High),
                    point.meets ? "yes" : "no"
                ])
            }
            if let design = comparison.designs.first(where: { $0.scenario.name == entry.design.name }),
                let m = design[binding.target.measure],
                let cash = design[.cashCost]
            {
                rows.append([
                    entry.design.name, "as staffed", "", Figures.wholePounds(cash.mean), m.id.name, target,
                    Figures.data(m.mean), Figures.data(m.ci95Low), Figures.data(m.ci95High), ""
                ])
            }
        }
        return CSVTables.table(rows)
    }

    /// The report's opening section: the standard, a table of each design at it, the verdict,
    /// and each design's frontier as a chart.
    public static func html(_ sized: [DesignAtStandard], targets: [SizingTarget], comparison: DesignComparison) -> String {
        var html =
            "<p>Every design is sized to the same standard — \(HTMLPage.escape(standardWords(targets))) — by the teams its scenario marks as sizable, "
            + "so that the designs are compared as each would need to be staffed to give the same service, not as staffed by assumption. "
            + "Cash is staff, agency and informal cover; the notional cost of work that follows in other teams is not in it.</p><ul>"
        html += lines(sized, comparison: comparison).map { "<li>\(HTMLPage.escape($0))</li>" }.joined() + "</ul>"
        html += "<p><strong>\(HTMLPage.escape(verdict(sized, comparison: comparison)))</strong></p>"
        for entry in sized {
            let points = searched(entry).filter(\.onFrontier)
            guard let binding = entry.binding, !points.isEmpty else { continue }
            let definition = binding.measure.definition
            let asStaffed = comparison.designs.first { $0.scenario.name == entry.design.name }
            let mark = asStaffed.flatMap { d in
                d[binding.target.measure].flatMap { m in
                    d[.cashCost].map { c in
                        (x: c.mean / 1000, mean: m.mean, low: m.ci95Low, high: m.ci95High, label: "as staffed")
                    }
                }
            }
            guard points.count + (mark == nil ? 0 : 1) > 1 else { continue }
            let band = SVGChart.Band(
                name: entry.design.name + ": the cheapest staffing for each level of service the search ran",
                points: points.map { (x: $0.cash / 1000, mean: $0.measure.mean, low: $0.measure.ci95Low, high: $0.measure.ci95High) })
            let ticks = (points.map(\.cash) + (mark.map { [$0.x * 1000] } ?? [])).map {
                (x: $0 / 1000, label: "£\(Int(($0 / 1000).rounded()))k")
            }
            html +=
                "<figure><figcaption>\(HTMLPage.escape(entry.design.name)): \(HTMLPage.escape(definition.label)) against cash a year</figcaption>"
                + SVGChart.bands(
                    [band], ticks: ticks, yLabel: definition.unit.rawValue, title: "\(entry.design.name): cost against service",
                    fromZero: false, target: binding.target.value, marks: mark.map { [$0] } ?? [])
                + "<p class=\"note\">Horizontal: cash a year (staff and agency). Each dot is a staffing the search ran that does better than every "
                + "cheaper one; the band is the 95% interval; the dashed line the target, "
                + "\(binding.target.atLeast ? "at least" : "at most") \(HTMLPage.escape(HTMLReport.value(binding.target.value, definition))). "
                + (mark.map {
                    "The diamond is the design as staffed: \(HTMLPage.escape(HTMLReport.value($0.mean, definition))) for \(HTMLPage.escape(Figures.money($0.x * 1000))) a year. "
                } ?? "")
                + "Every staffing run is in frontier.csv.</p></figure>"
        }
        return html
    }
}
