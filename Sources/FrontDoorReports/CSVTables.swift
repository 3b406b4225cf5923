import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import ScenarioModel

/// Tidy CSV tables: one row per observation, a header row, RFC 4180 quoting, CRLF line ends and
/// a byte-order mark, so that Excel reads £ and – correctly and Power BI reads them as they are.
public enum CSVTables {
    /// One row per design and measure: scenario, measure, label, unit, mean, ci95_low, ci95_high, n.
    public static func summary(_ comparison: DesignComparison) -> String {
        var rows = [["scenario", "measure", "label", "unit", "mean", "ci95_low", "ci95_high", "n"]]
        for design in comparison.designs {
            for summary in design.summaries {
                rows.append([
                    design.scenario.name, summary.definition.name, summary.definition.label, summary.definition.unit.rawValue,
                    Figures.data(summary.mean), Figures.data(summary.ci95Low), Figures.data(summary.ci95High), String(summary.n)
                ])
            }
        }
        return table(rows)
    }

    /// One row per design after the first and measure: the paired difference from the baseline.
    public static func differences(_ comparison: DesignComparison) -> String {
        var rows = [["scenario", "baseline", "measure", "label", "unit", "difference", "ci95_low", "ci95_high", "n"]]
        for (design, differences) in zip(comparison.designs, comparison.differences) {
            for summary in differences {
                rows.append([
                    design.scenario.name, comparison.baseline.scenario.name, summary.definition.name, summary.definition.label,
                    summary.definition.unit.rawValue, Figures.data(summary.mean), Figures.data(summary.ci95Low),
                    Figures.data(summary.ci95High),
                    String(summary.n)
                ])
            }
        }
        return table(rows)
    }

    /// One row per design, replication and measure: scenario, replication, measure, value.
    public static func replications(_ comparison: DesignComparison) -> String {
        replications(comparison.designs.map { design in (design.scenario, design.values.enumerated().map { ($0, $1) }) })
    }

    /// The same for some replications of each design (a shard's), numbered from 0 as run.
    public static func replications(_ designs: [(scenario: Scenario, runs: [(replication: Int, values: [Double])])]) -> String {
        var rows = [["scenario", "replication", "measure", "value"]]
        for (scenario, runs) in designs {
            let definitions = scenario.measures
            for (replication, values) in runs {
                for (definition, value) in zip(definitions, values) {
                    rows.append([scenario.name, String(replication + 1), definition.name, Figures.data(value)])
                }
            }
        }
        return table(rows)
    }

    /// One row per design, day and series (received, decided, backlog at close): the mean across
    /// replications with its 95% interval. The backlog is blank on days that are not working days.
    public static func daily(_ comparison: DesignComparison) -> String {
        var rows = [["scenario", "date", "working_day", "series", "mean", "ci95_low", "ci95_high", "n"]]
        for design in comparison.designs {
            for day in DailyBands(design).days {
                for (series, band) in [("received", day.received), ("decided", day.decided), ("backlog", day.backlog)] {
                    rows.append([
                        design.scenario.name, day.date.iso, day.isWorkingDay ? "yes" : "no", series,
                        band.map { Figures.data($0.mean) } ?? "", band.map { Figures.data($0.ci95Low) } ?? "",
                        band.map { Figures.data($0.ci95High) } ?? "", band.map { String($0.n) } ?? ""
                    ])
                }
            }
        }
        return table(rows)
    }

    /// Rows as CSV for a spreadsheet: a byte-order mark so that Excel reads £ and − correctly,
    /// fields quoted where they must be, lines ended CRLF.
    public static func table(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
