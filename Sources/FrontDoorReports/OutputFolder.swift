import Foundation
import FrontDoorAnalysis

/// A run's output folder, written as one unit: every file goes into a fresh temporary folder
/// beside the target, which then replaces the target by renames, so the folder never holds files
/// of two different runs, and an interrupted or failed write leaves the previous run's folder as
/// it was. A folder holding anything frontdoor did not write is never replaced.
///
/// ```swift
/// let folder = OutputFolder(path: "Output/mash")
/// try folder.checkWritable()                 // before the simulation
/// try folder.write(comparison, manifest: manifest)
/// ```
public struct OutputFolder: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The names of every file frontdoor writes; a folder holding only these may be replaced.
    public static let knownFiles: Set<String> = [
        "report.html", "summary.csv", "differences.csv", "budget.csv", "daily.csv", "replications.csv", "summary.json",
        "manifest.json", "sweep.csv", "sizing.csv", "standard.csv", "frontier.csv", "demand.yaml", "data-quality.html", "data-quality.csv",
        "list1.csv", "list3.csv", "list4.csv"
    ]

    /// Checks, before any simulation, that the folder can be written: its parent can be made and
    /// written to, and an existing folder holds only files frontdoor writes.
    public func checkWritable() throws(OutputError) {
        let manager = FileManager.default
        guard !path.isEmpty else { throw OutputError("--output needs the name of a folder") }
        // The folder is replaced as a whole: never the folder one is working in, or one holding it.
        let here = URL(fileURLWithPath: manager.currentDirectoryPath).standardizedFileURL.path
        guard here != absolute && !here.hasPrefix(absolute == "/" ? "/" : absolute + "/") else {
            throw OutputError("\(path) is the folder you are working in, or holds it; choose a folder inside it, such as Output/run")
        }
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: absolute, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw OutputError("\(path) is a file, not a folder; choose a folder for the report") }
            let foreign = ((try? manager.contentsOfDirectory(atPath: absolute)) ?? []).filter { !Self.knownFiles.contains($0) }
            guard foreign.isEmpty else {
                throw OutputError(
                    "\(path) holds files frontdoor did not write (\(foreign.sorted().prefix(3).joined(separator: ", "))); "
                        + "choose another folder with --output")
            }
        }
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError("cannot make the folder \(parent): \(Self.reason(making: parent, error))")
        }
        guard manager.isWritableFile(atPath: parent) else { throw OutputError("cannot write in \(parent) (no permission)") }
        removeStaleTemporaries()
    }

    /// Writes every file of a run or comparison — `report.html`, `summary.csv`, `differences.csv`
    /// (with two or more designs), `budget.csv` (for front doors), `daily.csv`,
    /// `replications.csv`, `summary.json` and `manifest.json` — and returns the paths written.
    @discardableResult
    public func write(_ comparison: DesignComparison, manifest: RunManifest, standard: StandardView? = nil) throws -> [String] {
        var files = [
            ("report.html", HTMLReport.render(comparison, manifest: manifest, standard: standard)),
            ("summary.csv", CSVTables.summary(comparison)),
            ("daily.csv", CSVTables.daily(comparison)),
            ("replications.csv", CSVTables.replications(comparison)),
            ("summary.json", try summaryJSON(comparison) + "\n"),
            ("manifest.json", try manifest.text())
        ]
        if comparison.designs.count > 1 { files.insert(("differences.csv", CSVTables.differences(comparison)), at: 2) }
        if let finance = FinanceView(comparison) { files.insert(("budget.csv", BudgetView.csv(finance)), at: 2) }
        if let standard {
            files += [
                ("standard.csv", StandardReport.csv(standard.sized, comparison: comparison)),
                ("frontier.csv", StandardReport.frontierCSV(standard.sized, comparison: comparison))
            ]
        }
        return try write(files)
    }

    /// Writes `files` (name and text) as the whole content of the folder, in one unit, and returns
    /// the paths written.
    @discardableResult
    public func write(_ files: [(name: String, text: String)]) throws(OutputError) -> [String] {
        try checkWritable()
        let manager = FileManager.default
        let staging = sibling("partial")
        Self.pending.set(staging)
        defer { Self.pending.set(nil) }
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError("cannot make the folder \(staging): \(Self.reason(making: staging, error))")
        }
        for (name, text) in files {
            let file = (staging as NSString).appendingPathComponent(name)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            } catch {
                try? manager.removeItem(atPath: staging)
                throw OutputError("could not write \((path as NSString).appendingPathComponent(name)): \(error.localizedDescription)")
            }
        }
        // Move the previous run aside, put the new one in its place, then drop the previous one.
        let previous = sibling("previous")
        let target = absolute
        let hadPrevious = manager.fileExists(atPath: target)
        if hadPrevious && rename(target, previous) != 0 {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(atPath: staging)
            throw OutputError("could not replace \(path): \(reason)")
        }
        if rename(staging, target) != 0 {
            let reason = String(cString: strerror(errno))
            if hadPrevious { _ = rename(previous, target) }
            try? manager.removeItem(atPath: staging)
            throw OutputError("could not write \(path): \(reason)")
        }
        if hadPrevious { try? manager.removeItem(atPath: previous) }
        return files.map { (path as NSString).appendingPathComponent($0.name) }
    }

    // MARK: - Implementation details

    /// The folder as an absolute path without `.` or `..`.
    public var absolutePath: String { absolute }

    /// `file` written relative to `folder`, as an `extends:` in a file there names it.
    public static func relativePath(from folder: String, to file: String) -> String {
        let target = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        let origin = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
        let common = zip(target, origin).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: origin.count - common) + target.dropFirst(common)).joined(separator: "/")
    }

    var absolute: String { URL(fileURLWithPath: path).standardizedFileURL.path }

    var parent: String { URL(fileURLWithPath: absolute).deletingLastPathComponent().path }

    /// Why a folder at `path` could not be made, in plain words: a file where a folder must be,
    /// a folder that cannot be written, or the system's own reason.
    static func reason(making path: String, _ error: any Error) -> String {
        var part = path
        while !part.isEmpty {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: part, isDirectory: &isFolder) {
                if !isFolder.boolValue { return "\(part) is a file, not a folder" }
                if !FileManager.default.isWritableFile(atPath: part) { return "\(part) cannot be written to (no permission)" }
                break
            }
            if part == "/" { break }
            part = (part as NSString).deletingLastPathComponent
        }
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code))).lowercased()
        }
        switch CocoaError.Code(rawValue: (error as NSError).code) {
        case .fileNoSuchFile, .fileWriteInvalidFileName: return "the system has no such place to make it"
        case .fileWriteNoPermission: return "no permission"
        case .fileWriteOutOfSpace: return "the disk is full"
        case .fileWriteVolumeReadOnly: return "the disk is read-only"
        default: return "the system refused: \(error.localizedDescription)"
        }
    }

    var baseName: String { URL(fileURLWithPath: absolute).lastPathComponent }

    /// A hidden folder beside the target for this process: `.name.partial-PID`.
    func sibling(_ kind: String) -> String {
        (parent as NSString).appendingPathComponent(".\(baseName).\(kind)-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Removes temporary folders left beside the target by runs that were killed.
    func removeStaleTemporaries() {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: parent)) ?? [] {
            for kind in ["partial", "previous"] {
                let prefix = ".\(baseName).\(kind)-"
                guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)) else { continue }
                // A process that is still running may be writing it.
                if pid != getpid() && kill(pid, 0) == 0 { continue }
                try? manager.removeItem(atPath: (parent as NSString).appendingPathComponent(name))
            }
        }
    }

    /// The temporary folder being written, removed if the process is interrupted.
    static let pending = PendingFolder()

    /// Removes the temporary folder being written, if any (on an interrupt or termination).
    public static func removePending() {
        if let folder = pending.get() { try? FileManager.default.removeItem(atPath: folder) }
    }
}

/// The temporary folder being written, shared with the interrupt handler.
final class PendingFolder: @unchecked Sendable {
    private let lock = NSLock()
    private var folder: String?

    func set(_ value: String?) {
        lock.lock()
        folder = value
        lock.unlock()
    }
    func get() -> String? {
        lock.lock()
        defer { lock.unlock() }
        return folder
    }
}

/// An output folder that cannot be written; the message names it and says why.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
