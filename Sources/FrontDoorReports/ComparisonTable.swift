import Foundation
import FrontDoorAnalysis

/// A plain-text table of a comparison for the terminal: each design's mean, and each later
/// design's paired difference from the first with its 95% interval.
public enum ComparisonTable {
    public static func render(_ comparison: DesignComparison, layout: TerminalLayout = .full) -> String {
        let base = comparison.baseline
        var header = ["Measure", base.scenario.name]
        for design in comparison.designs.dropFirst() { header += [design.scenario.name, "difference (95% interval)"] }
        // Every measure any design has, the baseline's first: one it lacks is n/a there.
        var measures = base.summaries.map(\.definition)
        for design in comparison.designs.dropFirst() {
            for summary in design.summaries where !measures.contains(where: { $0.id == summary.id }) { measures.append(summary.definition) }
        }
        let shown = measures.filter { layout.shows($0.id, of: base.scenario) }
        var rows: [[String]] = []
        for definition in shown {
            let unit = definition.unit
            func signed(_ x: Double) -> String { TerminalLayout.signed(x, unit) }
            var row = [comparison.label(of: definition.id), base[definition.id].map { TerminalLayout.format($0.mean, unit) } ?? "n/a"]
            for (design, differences) in zip(comparison.designs, comparison.differences).dropFirst() {
                let difference = differences.first { $0.id == definition.id }
                row.append(design[definition.id].map { TerminalLayout.format($0.mean, unit) } ?? "n/a")
                row.append(difference.map { "\(signed($0.mean)) (\(signed($0.ci95Low)) to \(signed($0.ci95High)))" } ?? "n/a")
            }
            rows.append(row)
        }
        var lines = [
            "Comparison of \(comparison.designs.map(\.scenario.name).joined(separator: ", ")): \(base.replications) replications each, seed \(base.settings.seed), the same contacts for every design",
            ""
        ]
        lines += layout.lines(header: header, rows: rows, shortLabels: shown.map(\.id.shortLabel))
        lines += layout.omitted(shown: shown.count, of: measures.count)
        for design in comparison.designs {
            for warning in design.warnings { lines += ["", "Warning (\(design.scenario.name)): \(warning)"] }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
