import Foundation
import FrontDoorAnalysis
import FrontDoorModel

/// The outputs of `frontdoor size`: a table of every staffing tried with why the answer is the
/// answer, and `sizing.csv`.
public enum SizingReport {
    public static func table(_ result: SizingResult, scenario: String) -> String {
        var rows = [result.teams + ["£ a year" + (result.priceBase.map { " (\($0) prices)" } ?? "")] + result.targets.map(\.description) + ["meets every target"]]
        for candidate in result.candidates {
            let measures = candidate.measures.map(interval)
            rows.append(candidate.posts.map(String.init) + [ScenarioDescription.money(candidate.cost)] + measures + [candidate.meetsTargets ? "yes" : candidate.concerns.isEmpty ? "no" : "no: cannot keep up"])
        }
        let heading = "Sizing \(result.teams.joined(separator: ", ")) in \(scenario): \(result.replications) replications per staffing, "
            + "the same contacts for each; \(result.candidates.count) staffings tried"
        return ([heading, ""] + aligned(rows) + ["", result.explanation(money: ScenarioDescription.money)]).joined(separator: "\n") + "\n"
    }

    public static func csv(_ result: SizingResult) -> String {
        var rows = [result.teams + ["cost_gbp_a_year", "price_base"] + result.targets.flatMap { [$0.measure.name, "\($0.measure).ci95_low", "\($0.measure).ci95_high"] }
                    + ["keeps_up", "meets_targets", "answer"]]
        for candidate in result.candidates {
            let measures = candidate.measures.flatMap { [CSVTables.number($0.mean), CSVTables.number($0.ci95Low), CSVTables.number($0.ci95High)] }
            rows.append(candidate.posts.map(String.init) + [CSVTables.number(candidate.cost.rounded()), result.priceBase.map { "\($0)" } ?? ""] + measures
                        + [candidate.concerns.isEmpty ? "yes" : "no", candidate.meetsTargets ? "yes" : "no",
                           candidate.posts == result.answer?.posts ? "yes" : "no"])
        }
        return CSVTables.table(rows)
    }

    /// A measure's mean and interval in its unit: a share as %, money as £.
    static func interval(_ m: MeasureSummary) -> String {
        let unit = m.definition.unit
        return "\(TerminalLayout.format(m.mean, unit)) (\(TerminalLayout.format(m.ci95Low, unit)) to \(TerminalLayout.format(m.ci95High, unit)))"
    }

    /// Rows as left-aligned columns.
    static func aligned(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max()! }
        return rows.map { row in row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ") }
    }
}

extension SweepReport {
    /// The headline measures at each point of a sweep, for the terminal.
    public static func table(_ comparison: DesignComparison, axes: [SweepAxis], points: [SweepPoint], measures chosen: [MeasureID] = []) -> String {
        let ids = charted(comparison, chosen: chosen)
        var rows = [axes.map(\.key) + ids.map(\.name) + ["keeps up"]]
        for (point, design) in zip(points, comparison.designs) {
            rows.append(point.values + ids.map { id in design[id].map(SizingReport.interval) ?? "–" }
                        + [design.concerns.isEmpty ? "yes" : "no: see the warnings"])
        }
        let heading = "\(points.count) points, \(comparison.baseline.replications) replications each, the same contacts at every point"
        let warnings = comparison.designs.flatMap { design in design.warnings.map { "Warning (\(design.scenario.name)): \($0)" } }
        return ([heading, ""] + SizingReport.aligned(rows) + (warnings.isEmpty ? [] : [""] + warnings)).joined(separator: "\n") + "\n"
    }
}
