import Foundation
import FrontDoorAnalysis

/// Writes a run's files into an output folder. Each file is written under a temporary name and
/// renamed into place, so an interrupted run never leaves a half-written file behind.
public struct OutputFolder {
    public let path: String

    public init(path: String) { self.path = path }

    /// Writes `summary.json`, `summary.csv` and `replications.csv` for one experiment, and returns
    /// the paths written.
    @discardableResult
    public func write(_ result: ExperimentResult) throws -> [String] {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let files = [
            ("summary.json", try RunJSON(result).text() + "\n"),
            ("summary.csv", CSVTables.summary(result)),
            ("replications.csv", CSVTables.replications(result)),
        ]
        var written: [String] = []
        for (name, text) in files {
            written.append(try writeAtomically(text, to: name))
        }
        return written
    }

    /// Writes `text` to `name` inside the folder by way of a temporary file and a rename.
    public func writeAtomically(_ text: String, to name: String) throws -> String {
        let final = (path as NSString).appendingPathComponent(name)
        let temporary = (path as NSString).appendingPathComponent(".\(name).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        if rename(temporary, final) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "could not write \(final): \(reason)"])
        }
        return final
    }
}

/// Tidy CSV tables: one row per observation, a header row, RFC 4180 quoting.
public enum CSVTables {
    /// One row per measure: scenario, measure, label, unit, mean, ci95_low, ci95_high, n.
    public static func summary(_ result: ExperimentResult) -> String {
        var rows = [["scenario", "measure", "label", "unit", "mean", "ci95_low", "ci95_high", "n"]]
        for summary in result.summaries {
            rows.append([result.scenario.name, summary.definition.name, summary.definition.label, summary.definition.unit,
                         number(summary.mean), number(summary.ci95Low), number(summary.ci95High), String(summary.n)])
        }
        return table(rows)
    }

    /// One row per replication and measure: scenario, replication, measure, value.
    public static func replications(_ result: ExperimentResult) -> String {
        var rows = [["scenario", "replication", "measure", "value"]]
        let definitions = result.scenario.measures
        for (replication, values) in result.values.enumerated() {
            for (definition, value) in zip(definitions, values) {
                rows.append([result.scenario.name, String(replication + 1), definition.name, number(value)])
            }
        }
        return table(rows)
    }

    static func number(_ value: Double) -> String {
        value.isFinite ? String(format: "%.10g", value) : ""
    }

    static func table(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
