import Foundation
import FrontDoorAnalysis

/// Writes a run's files into an output folder. Each file is written under a temporary name and
/// renamed into place, so an interrupted run never leaves a half-written file behind.
public struct OutputFolder {
    public let path: String

    public init(path: String) { self.path = path }

    /// Writes every file of a run or comparison — `report.html`, `summary.csv`, `differences.csv`
    /// (with two or more designs), `budget.csv` (for front doors), `daily.csv`,
    /// `replications.csv`, `summary.json` and `manifest.json` — and returns the paths written.
    @discardableResult
    public func write(_ comparison: DesignComparison, manifest: RunManifest) throws -> [String] {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var files = [
            ("report.html", HTMLReport.render(comparison, manifest: manifest)),
            ("summary.csv", CSVTables.summary(comparison)),
            ("daily.csv", CSVTables.daily(comparison)),
            ("replications.csv", CSVTables.replications(comparison)),
            ("summary.json", try summaryJSON(comparison) + "\n"),
            ("manifest.json", try manifest.text()),
        ]
        if comparison.designs.count > 1 { files.insert(("differences.csv", CSVTables.differences(comparison)), at: 2) }
        if comparison.designs.contains(where: { BudgetProfile($0, baseline: nil) != nil }) {
            files.insert(("budget.csv", BudgetView.csv(comparison)), at: 2)
        }
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
