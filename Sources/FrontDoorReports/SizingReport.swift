import Foundation
import FrontDoorAnalysis
import FrontDoorModel

/// The outputs of `frontdoor size`: a table of every staffing run in full with why the answer is the
/// answer, and `sizing.csv`.
public enum SizingReport {
    /// Fitted to `width` where given: a table too wide for it becomes a list, one block a staffing.
    public static func table(_ result: SizingResult, scenario: String, width: Int? = nil) -> String {
        let prices = result.priceBase.map { " (\($0) prices)" } ?? ""
        let extra = result.candidates.first.map { Array($0.measures.dropFirst(result.targets.count)) } ?? []
        var rows = [
            result.teams + ["posts sized, £ a year\(prices)", "whole front door, £ a year"] + result.targets.map(\.description)
                + extra.map(\.definition.name) + ["meets every target"]
        ]
        for candidate in result.candidates {
            let measures = candidate.measures.map(interval)
            rows.append(
                candidate.posts.map(String.init) + [sizedCost(candidate, result), Figures.money(candidate.cost)] + measures
                    + [candidate.verdict])
        }
        let heading = "Sizing \(result.teams.joined(separator: ", ")) in \(scenario): " + searched(result)
        return
            ([heading, ""] + fitted(rows, width: width, keys: result.teams.count) + [
                "", result.explanation(money: Figures.money)
            ])
            .joined(separator: "\n") + "\n"
    }

    /// How the search went: "20 replications per staffing, the same contacts for each; 5 staffings
    /// run in full, 6 more screened with 4 replications each to guide the search".
    static func searched(_ result: SizingResult) -> String {
        let run = "\(result.candidates.count) " + (result.candidates.count == 1 ? "staffing" : "staffings")
        return "\(result.replications) replications per staffing, the same contacts for each; "
            + (result.screened == 0
                ? run + " tried"
                : run
                    + " run in full, \(result.screened) more screened with \(result.screenReplications ?? 0) replications each to guide the search")
    }

    /// The sized posts' cost and its change from the scenario as it stands: "£152,133 (+£48,211)".
    static func sizedCost(_ candidate: SizingCandidate, _ result: SizingResult) -> String {
        let change = candidate.sizedCost - result.currentSizedCost
        let sign = change.rounded() > 0 ? "+" : change.rounded() < 0 ? "−" : "±"
        return "\(Figures.money(candidate.sizedCost)) (\(sign)\(Figures.money(abs(change))))"
    }

    /// The report: the answer in words, then for each measure every staffing run in full with its
    /// interval against the target, and the cost of the posts sized.
    public static func html(_ result: SizingResult, scenario: String, commandLine: [String]) -> String {
        let prices = result.priceBase.map { " at \($0) prices" } ?? ""
        var body =
            "<header><h1>Sizing \(HTMLPage.escape(result.teams.joined(separator: ", "))) in \(HTMLPage.escape(scenario))</h1>"
            + "<p class=\"meta\">\(HTMLPage.escape(searched(result)))</p></header>"
        body +=
            "<section><h2>The answer</h2><p>\(HTMLPage.escape(result.explanation(money: Figures.money)))</p>"
            + "<p>Now: \(HTMLPage.escape(zip(result.teams, result.currentPosts).map { "\($1) in \($0)" }.joined(separator: ", "))), "
            + "\(HTMLPage.escape(Figures.money(result.currentSizedCost))) a year\(HTMLPage.escape(prices)) for those posts.</p></section>"
        // Staffings in order of their posts, fewest first.
        let tried = result.candidates.sorted { $0.posts.lexicographicallyPrecedes($1.posts) }
        func label(_ c: SizingCandidate) -> String {
            result.teams.count == 1 ? "\(c.posts[0]) posts" : c.posts.map(String.init).joined(separator: " + ")
        }
        for (index, summary) in (tried.first?.measures ?? []).enumerated() {
            let definition = summary.definition
            let target = result.targets.first { $0.measure == definition.id }
            let rows = tried.map { c in
                (
                    label: label(c) + (c.concerns.isEmpty ? "" : " ⚠"), mean: c.measures[index].mean, low: c.measures[index].ci95Low,
                    high: c.measures[index].ci95High, colour: c.posts == result.answer?.posts ? 1 : 0
                )
            }
            let top = definition.unit == .fraction ? 1 : SVGChart.niceCeiling(max(rows.map(\.high).max() ?? 1, target?.value ?? 0, 1e-9))
            body +=
                "<section><h2>\(HTMLPage.escape(definition.label))</h2>"
                + SVGChart.intervals(
                    rows, maximum: top, format: { HTMLReport.value($0, definition) }, title: definition.label,
                    target: target.map { ($0.value, "target \(HTMLReport.value($0.value, definition))") })
                + "<p class=\"note\">Each staffing run in full"
                + (result.teams.count > 1 ? " (\(HTMLPage.escape(result.teams.joined(separator: " + "))))" : "")
                + ": the dot is the average, the line its 95% interval"
                + (target.map {
                    "; the dashed line the target, \($0.atLeast ? "at least" : "at most") "
                        + HTMLPage.escape(HTMLReport.value($0.value, definition))
                } ?? "") + ". The answer is in the second colour; ⚠: cannot keep up.</p></section>"
        }
        let costRows = tried.map { c in (label: label(c), value: c.sizedCost, colour: c.posts == result.answer?.posts ? 1 : 0) }
        body +=
            "<section><h2>Cost of the posts sized</h2>"
            + SVGChart.bars(costRows, format: Figures.money, title: "Cost of the posts sized\(prices)")
            + "<p class=\"note\">Staff and agency cost a year\(HTMLPage.escape(prices)) of \(HTMLPage.escape(result.teams.joined(separator: " and "))) alone, against "
            + "\(HTMLPage.escape(Figures.money(result.currentSizedCost))) now. The whole front door's cost is in <code>sizing.csv</code>.</p></section>"
        body += "<section><h2>Reproduction</h2><p><code>\(HTMLPage.escape(commandLine.joined(separator: " ")))</code></p></section>"
        return HTMLPage.document(title: "Sizing \(scenario)", body: body)
    }

    public static func csv(_ result: SizingResult) -> String {
        let shown = result.candidates.first?.measures.map(\.id) ?? result.targets.map(\.measure)
        var rows = [
            result.teams + ["cost_gbp_a_year", "sized_posts_cost_gbp_a_year", "price_base"]
                + shown.flatMap { [$0.name, "\($0).ci95_low", "\($0).ci95_high"] } + ["keeps_up", "meets_targets", "answer"]
        ]
        for candidate in result.candidates {
            let measures = candidate.measures.flatMap {
                [Figures.data($0.mean), Figures.data($0.ci95Low), Figures.data($0.ci95High)]
            }
            rows.append(
                candidate.posts.map(String.init) + [
                    Figures.data(candidate.cost.rounded()), Figures.data(candidate.sizedCost.rounded()),
                    result.priceBase.map { "\($0)" } ?? ""
                ] + measures
                    + [
                        candidate.concerns.isEmpty ? "yes" : "no",
                        candidate.concerns.isEmpty ? candidate.verdict : "no",
                        candidate.posts == result.answer?.posts ? "yes" : "no"
                    ])
        }
        return CSVTables.table(rows)
    }

    /// A measure's mean and interval in its unit: a share as %, money as £.
    static func interval(_ m: MeasureSummary) -> String {
        let unit = m.definition.unit
        return
            "\(TerminalLayout.format(m.mean, unit)) (\(TerminalLayout.format(m.ci95Low, unit)) to \(TerminalLayout.format(m.ci95High, unit)))"
    }

    /// Rows (a header first) as left-aligned columns; where that is wider than `width`, one block
    /// a row instead: its first `keys` cells as a heading, then each other cell under its header.
    static func fitted(_ rows: [[String]], width: Int?, keys: Int) -> [String] {
        let table = aligned(rows)
        guard let width, table.contains(where: { $0.trimmingCharacters(in: .whitespaces).count > width }) else { return table }
        let header = rows[0]
        let labelWidth = header.dropFirst(keys).map(\.count).max() ?? 0
        return rows.dropFirst().flatMap { row -> [String] in
            [zip(header.prefix(keys), row.prefix(keys)).map { "\($0) = \($1)" }.joined(separator: ", ")]
                + zip(header.dropFirst(keys), row.dropFirst(keys)).map {
                    "  " + $0.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + $1
                }
                + [""]
        }
    }

    /// Rows as left-aligned columns.
    static func aligned(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.reduce(0) { max($0, $1[column].count) } }
        return rows.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
    }
}

extension SweepReport {
    /// The headline measures at each point of a sweep, for the terminal.
    public static func table(
        _ comparison: DesignComparison, axes: [SweepAxis], points: [SweepPoint], measures chosen: [MeasureID] = [],
        width: Int? = nil
    ) -> String {
        let ids = charted(comparison, chosen: chosen)
        var rows = [axes.map(\.key) + ids.map(\.name) + ["keeps up"]]
        for (point, design) in zip(points, comparison.designs) {
            rows.append(
                point.values + ids.map { id in design[id].map(SizingReport.interval) ?? "–" }
                    + [design.concerns.isEmpty ? "yes" : "no: see the warnings"])
        }
        let heading = "\(points.count) points, \(comparison.baseline.replications) replications each, the same contacts at every point"
        let warnings = comparison.designs.flatMap { design in design.warnings.map { "Warning (\(design.scenario.name)): \($0)" } }
        return ([heading, ""] + SizingReport.fitted(rows, width: width, keys: axes.count) + (warnings.isEmpty ? [] : [""] + warnings))
            .joined(separator: "\n") + "\n"
    }
}
