import Foundation
import FrontDoorAnalysis
import FrontDoorModel

/// A plain-text table of every measure's mean and 95% confidence interval, for the terminal.
public enum SummaryTable {
    public static func render(_ result: ExperimentResult) -> String {
        let settings = result.settings
        var lines = [
            "Scenario \(result.scenario.name): \(settings.replications) replication\(settings.replications == 1 ? "" : "s"), seed \(settings.seed)",
            "",
        ]
        let rows = result.summaries.map { summary in
            [summary.definition.label, summary.definition.unit.rawValue, format(summary.mean, summary.definition.unit),
             settings.replications > 1 ? "\(format(summary.ci95Low, summary.definition.unit)) to \(format(summary.ci95High, summary.definition.unit))"
                : "(one replication)",
             summary.definition.name]
        }
        let header = ["Measure", "Unit", "Mean", "95% confidence interval", "Name"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 2 || index == 3 ? cell.leftPadding(to: widths[index]) : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        lines.append(line(header))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += rows.map(line)
        for warning in result.warnings { lines += ["", "Warning: \(warning)"] }
        lines.append("")
        lines.append(String(format: "%d events in %.2f s (%.1f million events a second)", result.events, result.wallSeconds,
                            Double(result.events) / max(result.wallSeconds, 1e-9) / 1e6))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Money as £ with separators, in whole pounds; other numbers as `format(_:)` writes them.
    static func format(_ value: Double, _ unit: MeasureUnit) -> String { unit.isMoney ? ScenarioDescription.money(value) : format(value) }

    /// The same with its sign: +£1,234, −£1,234, +0.25.
    static func signed(_ value: Double, _ unit: MeasureUnit) -> String {
        unit.isMoney ? (value.rounded() > 0 ? "+" : "") + ScenarioDescription.money(value) : (value >= 0 ? "+" : "") + format(value)
    }

    /// A number with four significant figures, without exponent notation for everyday sizes.
    static func format(_ value: Double) -> String {
        if abs(value) < 1e-12 { return "0" }  // rounding noise in a difference of equal figures
        let magnitude = abs(value)
        if magnitude >= 1e7 || magnitude < 1e-4 { return String(format: "%.4g", value) }
        let decimals = max(0, 3 - Int(floor(log10(magnitude))))
        return String(format: "%.\(decimals)f", value)
    }
}

extension String {
    func leftPadding(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
