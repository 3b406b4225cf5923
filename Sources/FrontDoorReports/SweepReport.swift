import Foundation
import FrontDoorAnalysis
import FrontDoorModel

/// The outputs of a sweep: `sweep.csv` and a report with a chart per measure — a line with its
/// 95% band for one varied key, a heat map for two.
public enum SweepReport {
    /// The measures shown: those `chosen` (`--measure`), else the headline ones, the busiest
    /// day's decisions per manager and the cash a year, where the scenario has them.
    static func charted(_ comparison: DesignComparison, chosen: [MeasureID]) -> [MeasureID] {
        guard chosen.isEmpty else { return chosen }
        var ids = comparison.baseline.scenario.headlineMeasures
        for extra in [MeasureID(.decisionsPerManagerDayP95), MeasureID(.cashCost)] where !ids.contains(extra) { ids.append(extra) }
        return ids.filter { comparison.baseline[$0] != nil }
    }

    /// One row per point and measure: each varied key's value, then the measure and its interval.
    public static func csv(_ comparison: DesignComparison, axes: [SweepAxis], points: [SweepPoint]) -> String {
        var rows = [axes.map(\.key) + ["measure", "label", "unit", "mean", "ci95_low", "ci95_high", "n"]]
        for (point, design) in zip(points, comparison.designs) {
            for summary in design.summaries {
                rows.append(
                    point.values + [
                        summary.definition.name, summary.definition.label, summary.definition.unit.rawValue,
                        Figures.data(summary.mean), Figures.data(summary.ci95Low), Figures.data(summary.ci95High),
                        String(summary.n)
                    ])
            }
        }
        return CSVTables.table(rows)
    }

    public static func html(
        _ comparison: DesignComparison, axes: [SweepAxis], points: [SweepPoint], manifest: RunManifest,
        measures chosen: [MeasureID] = []
    ) -> String {
        let base = comparison.baseline.scenario
        var body =
            "<header><h1>Sweep of \(HTMLPage.escape(base.name.components(separatedBy: "[").first ?? base.name))</h1>"
            + "<p class=\"meta\">\(HTMLPage.escape(axes.map { "\($0.key) = \($0.values.joined(separator: ", "))" }.joined(separator: "; "))) · "
            + "\(comparison.baseline.replications) replications per point · seed \(comparison.baseline.settings.seed) · "
            + "every point sees the same contacts</p></header>"
        let warnings = comparison.designs.flatMap { design in design.warnings.map { "\(design.scenario.name): \($0)" } }
        if !warnings.isEmpty {
            body += "<div class=\"warning\"><strong>Warning.</strong> " + warnings.map(HTMLPage.escape).joined(separator: "<br>") + "</div>"
        }
        for id in charted(comparison, chosen: chosen) {
            let summaries = comparison.designs.compactMap { $0[id] }
            guard let definition = comparison.baseline[id]?.definition, summaries.count == comparison.designs.count else { continue }
            // A point differs from the first only where the paired interval of the difference excludes none.
            let differs = comparison.differences.map { differences in
                differences.first { $0.id == id }.map { $0.ci95Low > 0 || $0.ci95High < 0 } ?? false
            }
            body += "<section><h2>\(HTMLPage.escape(definition.label))</h2>"
            if axes.count == 1 {
                let xs = axes[0].numericValues ?? axes[0].values.indices.map(Double.init)
                let points = zip(xs, summaries).map { (x: $0, mean: $1.mean, low: $1.ci95Low, high: $1.ci95High) }
                let target = comparison.baseline.scenario.targets.first { $0.measure == id }
                // Money starts where the figures do, so that the cost of one more post shows.
                body += SVGChart.bands(
                    [.init(name: definition.label, points: points)],
                    ticks: zip(xs, axes[0].values).map { (x: $0, label: $1) }, yLabel: definition.unit.rawValue,
                    title: "\(definition.label) against \(axes[0].key)", fromZero: !definition.unit.isMoney, target: target?.value)
                body +=
                    "<p class=\"note\">Horizontal: \(HTMLPage.escape(axes[0].key)). The band is the 95% interval."
                    + (definition.unit.isMoney ? " The vertical axis starts near the lowest figure, not at £0." : "")
                    + (target.map {
                        " The dashed line is the target, \($0.atLeast ? "at least" : "at most") \(HTMLPage.escape(HTMLReport.value($0.value, definition)))."
                    } ?? "")
                    + "</p>"
            } else {
                body += SVGChart.heatMap(
                    rows: axes[0].values, columns: axes[1].values,
                    values: summaries.map(\.mean), differs: differs, format: { HTMLReport.value($0, definition) },
                    title: "\(definition.label) by \(axes[0].key) and \(axes[1].key)")
                body +=
                    "<p class=\"note\">Rows: \(HTMLPage.escape(axes[0].key)); columns: \(HTMLPage.escape(axes[1].key)). Darker is higher. A cell has the shade "
                    + "of the first (top left) unless its paired difference from it has a 95% interval that excludes no difference: "
                    + "the same shade means no clear difference.</p>"
            }
            body += "</section>"
        }
        body +=
            "<section><h2>Reproduction</h2><p><code>\(HTMLPage.escape(manifest.command_line.joined(separator: " ")))</code>; every figure, "
            + "with its interval, is in <code>sweep.csv</code>.</p></section>"
        return HTMLPage.document(title: base.name, body: body)
    }
}

extension SVGChart {
    /// A grid of coloured cells, darker for higher values, each labelled with its value.
    /// `differs[i]`: whether cell i differs clearly from the first; one that does not takes its shade.
    static func heatMap(rows: [String], columns: [String], values: [Double], differs: [Bool], format: (Double) -> String, title: String)
        -> String
    {
        let left = 120.0, top = 26.0, cellWidth = min(110.0, 540.0 / Double(columns.count)), cellHeight = 30.0
        let width = left + cellWidth * Double(columns.count) + 10, height = top + cellHeight * Double(rows.count) + 6
        let low = values.min() ?? 0, high = values.max() ?? 1
        var svg = open(width, height, title).replacingOccurrences(of: "class=\"chart\"", with: "class=\"chart heat\"")
        for (c, column) in columns.enumerated() {
            svg +=
                "<text x=\"\(f(left + (Double(c) + 0.5) * cellWidth))\" y=\"\(f(top - 8))\" text-anchor=\"middle\" class=\"tick\">\(HTMLPage.escape(column))</text>"
        }
        for (r, row) in rows.enumerated() {
            let y = top + Double(r) * cellHeight
            svg +=
                "<text x=\"\(f(left - 8))\" y=\"\(f(y + cellHeight / 2 + 4))\" text-anchor=\"end\" class=\"tick\">\(HTMLPage.escape(row))</text>"
            for c in columns.indices {
                let index = r * columns.count + c
                let value = differs[index] || index == 0 ? values[index] : values[0]
                let t = high > low ? (value - low) / (high - low) : 0.5
                // From pale (low) to dark blue (high), with text that stays readable on both.
                let colour = String(format: "rgb(%d,%d,%d)", Int(230 - 199 * t), Int(238 - 143 * t), Int(247 - 79 * t))
                let x = left + Double(c) * cellWidth
                svg +=
                    "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cellWidth - 2))\" height=\"\(f(cellHeight - 2))\" fill=\"\(colour)\"/>"
                svg +=
                    "<text x=\"\(f(x + cellWidth / 2))\" y=\"\(f(y + cellHeight / 2 + 4))\" text-anchor=\"middle\" class=\"\(t > 0.55 ? "inbar" : "label")\">\(HTMLPage.escape(format(values[index])))</text>"
            }
        }
        return svg + "</svg>"
    }
}
