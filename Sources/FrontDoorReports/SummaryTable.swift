import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import ScenarioModel

/// A plain-text table of every measure's mean and 95% confidence interval, for the terminal.
public enum SummaryTable {
    public static func render(_ result: ExperimentResult, layout: TerminalLayout = .full) -> String {
        let settings = result.settings
        var lines = [
            "Scenario \(result.scenario.name): \(settings.replications) replication\(settings.replications == 1 ? "" : "s"), seed \(settings.seed)",
            ""
        ]
        let shown = result.summaries.filter { layout.shows($0.id, of: result.scenario) }
        var rows = shown.map { summary in
            let unit = summary.definition.unit
            return [
                summary.definition.label, TerminalLayout.format(summary.mean, unit),
                settings.replications > 1
                    ? "\(TerminalLayout.format(summary.ci95Low, unit)) to \(TerminalLayout.format(summary.ci95High, unit))"
                    : "(one replication)",
                summary.definition.name
            ]
        }
        var header = ["Measure", "Mean", "95% confidence interval", "Name"]
        // On a narrow terminal the words matter more than the names scripts use (--wide shows both).
        if let width = layout.width,
            width
                - (header.indices.dropFirst().map { column in rows.reduce(header[column].count) { max($0, $1[column].count) } }.reduce(0, +)
                    + 6) < 40
        {
            header.removeLast()
            rows = rows.map { Array($0.dropLast()) }
        }
        lines += layout.lines(header: header, rows: rows, shortLabels: shown.map(\.id.shortLabel))
        lines += layout.omitted(shown: shown.count, of: result.summaries.count)
        for warning in result.warnings { lines += ["", "Warning: \(warning)"] }
        lines.append("")
        lines.append(
            String(
                format: "%d events in %.2f s (%.1f million events a second)", result.events, result.wallSeconds,
                Double(result.events) / max(result.wallSeconds, 1e-9) / 1e6))
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func leftPadding(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
