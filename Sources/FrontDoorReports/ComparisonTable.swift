import Foundation
import FrontDoorAnalysis

/// A plain-text table of a comparison for the terminal: each design's mean, and each later
/// design's paired difference from the first with its 95% interval.
public enum ComparisonTable {
    public static func render(_ comparison: DesignComparison) -> String {
        let base = comparison.baseline
        var header = ["Measure", base.scenario.name]
        for design in comparison.designs.dropFirst() { header += [design.scenario.name, "difference (95% interval)"] }
        var rows: [[String]] = []
        for summary in base.summaries {
            let unit = summary.definition.unit
            func signed(_ x: Double) -> String { SummaryTable.signed(x, unit) }
            var row = [summary.definition.label, SummaryTable.format(summary.mean, unit)]
            for (design, differences) in zip(comparison.designs, comparison.differences).dropFirst() {
                let mine = design[summary.id]
                let difference = differences.first { $0.id == summary.id }
                row.append(mine.map { SummaryTable.format($0.mean, unit) } ?? "–")
                row.append(difference.map { "\(signed($0.mean)) (\(signed($0.ci95Low)) to \(signed($0.ci95High)))" } ?? "–")
            }
            rows.append(row)
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 0 ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0) : cell.leftPadding(to: widths[index])
            }.joined(separator: "  ")
        }
        var lines = ["Comparison of \(comparison.designs.map(\.scenario.name).joined(separator: ", ")): \(base.replications) replications each, seed \(base.settings.seed), the same contacts for every design", ""]
        lines.append(line(header))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += rows.map(line)
        for design in comparison.designs {
            for warning in design.warnings { lines += ["", "Warning (\(design.scenario.name)): \(warning)"] }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
