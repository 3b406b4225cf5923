import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorReports
import ScenarioModel

/// The application: what every command does once its arguments are read — run the designs (or
/// one shard of them), present the results on the terminal and write the report — whatever
/// front end asks. The command line parses arguments into these calls and nothing more.
///
/// ```swift
/// let mash = try ScenarioLoader.load(path: "Scenarios/mash.yaml")
/// try App.runDesigns(
///     [mash], settings: ExperimentSettings(replications: 20, seed: 1, jobs: 4), output: OutputRequest(),
///     shard: nil, invocation: Invocation(command: "run", scenarios: ["Scenarios/mash.yaml"]))
/// ```
public enum App {
    /// The version every report and shard records.
    public static let version = "0.2.0"

    /// Runs the designs (or this process's shard of them), prints the results and writes the report.
    public static func runDesigns(
        _ scenarios: [Scenario], settings: ExperimentSettings, output: OutputRequest, shard: Shard?, invocation: Invocation,
        presentation: Presentation = .designs, commandLine: [String] = CommandLine.arguments
    ) throws(AppError) {
        if let shard {
            try runShard(shard, scenarios, settings: settings, output: output, invocation: invocation, commandLine: commandLine)
            return
        }
        let names = scenarios.map(\.name).joined(separator: "-vs-")
        let defaultFolder: String
        switch presentation {
        case .designs: defaultFolder = "Output/" + names
        case .sweep: defaultFolder = "Output/\(scenarios[0].name.prefix { $0 != "[" })-sweep"
        }
        let folder = output.noReport ? nil : try prepareOutput(output.folder ?? defaultFolder)
        let comparison = Comparison.run(scenarios, settings: settings, progress: ProgressReporter.onTerminal())
        try present(comparison, presentation: presentation, output: output, folder: folder, commandLine: commandLine)
    }

    /// Prints a comparison and writes its files, as `run`, `compare`, `sweep` and `merge` all do.
    public static func present(
        _ comparison: DesignComparison, presentation: Presentation, output: OutputRequest, folder: OutputFolder?, commandLine: [String],
        standard: StandardView? = nil
    ) throws(AppError) {
        do {
            switch (presentation, output.json) {
            case (.designs, true): print(try summaryJSON(comparison))
            case (.sweep, true): print(try ComparisonJSON(comparison).text())
            case (.designs, false):
                print(
                    comparison.designs.count == 1
                        ? SummaryTable.render(comparison.baseline, layout: output.layout)
                        : ComparisonTable.render(comparison, layout: output.layout), terminator: "")
                if let precision = comparison.precision { print(precision.sentence) }
            case (.sweep(let axes, let points, let measures), false):
                print(
                    SweepReport.table(comparison, axes: axes, points: points, measures: measures, width: output.layout.width),
                    terminator: "")
            }
        } catch {
            throw AppError("could not write the results as JSON: \(error.localizedDescription)")
        }
        guard let folder else { return }
        do {
            let manifest = RunManifest(comparison, version: version, commandLine: commandLine)
            switch presentation {
            case .designs:
                let written = try folder.write(comparison, manifest: manifest, standard: standard)
                printError("Wrote \(written.count) files to \(folder.path)/ (open \(folder.path)/report.html)")
            case .sweep(let axes, let points, let measures):
                try folder.write([
                    ("sweep.csv", SweepReport.csv(comparison, axes: axes, points: points)),
                    ("report.html", SweepReport.html(comparison, axes: axes, points: points, manifest: manifest, measures: measures)),
                    ("manifest.json", try manifest.text())
                ])
                printError("Wrote sweep.csv, report.html and manifest.json to \(folder.path)/")
            }
        } catch let error as OutputError {
            throw AppError(error.message)
        } catch {
            throw AppError("could not write to \(folder.path): \(error.localizedDescription)")
        }
    }

    /// Runs one shard's units and writes its record and replications beside the other shards'.
    public static func runShard(
        _ shard: Shard, _ scenarios: [Scenario], settings: ExperimentSettings, output: OutputRequest, invocation: Invocation,
        commandLine: [String] = CommandLine.arguments
    ) throws(AppError) {
        guard settings.precision == nil else {
            throw AppError(
                "--precision decides how many replications to run from all of them, so it cannot be sharded: give --replications")
        }
        guard !output.json, !output.noReport else {
            throw AppError("a shard writes its replications for 'frontdoor merge' and prints no results: leave out --json and --no-report")
        }
        let folder = output.folder ?? "Output/" + scenarios.map(\.name).joined(separator: "-vs-") + "-shards"
        let started = DispatchTime.now()
        let result = Comparison.run(scenarios, settings: settings, shard: shard, progress: ProgressReporter.onTerminal())
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let record = ShardRecord(
            result, designs: scenarios, version: version, command: invocation.command, scenarios: invocation.scenarios,
            overrides: invocation.overrides, vary: invocation.vary, commandLine: commandLine, settings: settings, wallSeconds: seconds)
        let table = CSVTables.replications(
            scenarios.indices.map { design in
                (scenarios[design], result.units.filter { $0.design == design }.map { ($0.replication, $0.outcome.values) })
            })
        do {
            let written = try record.write(into: folder, replicationsTable: table)
            print(
                "Shard \(shard) ran \(result.units.count) of \(scenarios.count * settings.replications) units (design × replication) in "
                    + String(format: "%.1f s", seconds)
                    + "; wrote \(written.map { ($0 as NSString).lastPathComponent }.joined(separator: " and ")) to \(folder)/.")
            print("When every shard has run: frontdoor merge \(folder) --output <folder>")
        } catch {
            throw AppError(error.message)
        }
    }

    /// The output folder, checked before any simulation so that a folder that cannot be written is
    /// found at once; an interrupt from here on removes any half-written temporary folder.
    public static func prepareOutput(_ path: String) throws(AppError) -> OutputFolder {
        let folder = OutputFolder(path: path)
        do {
            try folder.checkWritable()
        } catch {
            throw AppError(error.message)
        }
        InterruptHandler.install()
        return folder
    }

    /// The width tables on standard output must fit: COLUMNS where set, else the terminal's; nil
    /// when standard output is not a terminal (a file or a pipe takes whole lines).
    public static func terminalWidth() -> Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        return ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }

    /// Prints `message` on standard error.
    public static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// Why a command could not do what was asked, in words for the person who asked.
public struct AppError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Where the results go: the folder for the report (nil: `Output/<names>`), whether to write no
/// files, whether to print JSON rather than a table, and the table's layout.
public struct OutputRequest: Sendable {
    public var folder: String?
    public var noReport: Bool
    public var json: Bool
    public var layout: TerminalLayout

    public init(
        folder: String? = nil, noReport: Bool = false, json: Bool = false,
        layout: TerminalLayout = TerminalLayout(width: nil, allMeasures: false)
    ) {
        self.folder = folder
        self.noReport = noReport
        self.json = json
        self.layout = layout
    }
}

/// What was asked for, as a shard records it so that `merge` can read the same designs again.
public struct Invocation: Sendable {
    public let command: String
    public let scenarios: [String]
    public let overrides: [String]
    public let vary: [String]

    public init(command: String, scenarios: [String], overrides: [String] = [], vary: [String] = []) {
        self.command = command
        self.scenarios = scenarios
        self.overrides = overrides
        self.vary = vary
    }
}

/// How a comparison is shown: as designs (run, compare) or as the points of a sweep.
public enum Presentation: Sendable {
    case designs
    case sweep(axes: [SweepAxis], points: [SweepPoint], measures: [MeasureID])
}

/// On SIGINT or SIGTERM: remove the temporary folder being written, if any, and exit.
enum InterruptHandler {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        guard sources.isEmpty else { return }
        for (signalNumber, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                OutputFolder.removePending()
                exit(status)
            }
            source.resume()
            sources.append(source)
        }
    }
}

extension App {
    /// Sizes every design to `targets`, then runs the sized designs beside the designs as staffed
    /// on the same seeds, and presents both: `compare --at-standard`.
    public static func compareAtStandard(
        _ designs: [Scenario], targets: [SizingTarget], settings: ExperimentSettings, output: OutputRequest,
        commandLine: [String] = CommandLine.arguments
    ) throws(AppError) {
        guard designs.allSatisfy({ !$0.isNetwork }) else {
            throw AppError("--at-standard sizes a front door's teams; a queueing network has none")
        }
        guard !targets.isEmpty else {
            throw AppError(
                "\(designs[0].file) has no targets to size the designs to; give them with --target, such as --target \"decided_within_3wd>=85%\""
            )
        }
        let folder =
            output.noReport
            ? nil : try prepareOutput(output.folder ?? "Output/" + designs.map(\.name).joined(separator: "-vs-") + "-at-standard")
        let sized: [DesignAtStandard]
        do {
            sized = try Standard.run(designs, targets: targets, settings: settings, progress: ProgressReporter.onTerminal())
        } catch {
            throw AppError(error.message)
        }
        let comparison = Comparison.run(sized.compactMap(\.standard) + designs, settings: settings, progress: ProgressReporter.onTerminal())
        let view = StandardView(sized: sized, targets: targets)
        if !output.json { print(StandardReport.text(sized, targets: targets, comparison: comparison)) }
        try present(comparison, presentation: .designs, output: output, folder: folder, commandLine: commandLine, standard: view)
    }

    /// Finds the smallest staffing of `teams` that meets `targets`, prints the table and writes
    /// `sizing.csv` and the report into `folder`: `size`. Returns the result, whose answer is nil
    /// when no staffing up to `maximumPosts` meets them.
    public static func size(
        _ base: Scenario, teams: [String], targets: [SizingTarget], maximumPosts: Int, settings: ExperimentSettings,
        shown: [MeasureID], folder: OutputFolder, commandLine: [String] = CommandLine.arguments
    ) throws(AppError) -> SizingResult {
        let result: SizingResult
        do throws(SweepError) {
            result = try Sizing.run(
                base, teams: teams, targets: targets, maximumPosts: maximumPosts, settings: settings, shown: shown,
                progress: ProgressReporter.onTerminal())
        } catch {
            throw AppError(error.message)
        }
        print(SizingReport.table(result, scenario: base.name, width: terminalWidth()), terminator: "")
        do {
            try folder.write([
                ("sizing.csv", SizingReport.csv(result)),
                ("report.html", SizingReport.html(result, scenario: base.name, commandLine: commandLine))
            ])
            printError("Wrote sizing.csv and report.html to \(folder.path)/")
        } catch {
            throw AppError(error.message)
        }
        return result
    }
}

extension App {
    /// Prints which assumptions flip or move the answer and writes `sensitivity.csv` and
    /// `report.html` (a tornado for each measure) into `folder`: `sensitivity`. Returns the
    /// effects, ranked.
    public static func presentSensitivity(
        _ effects: [SensitivityEffect], designs: [Scenario], folder: OutputFolder, commandLine: [String] = CommandLine.arguments
    ) throws(AppError) -> [SensitivityEffect] {
        print(SensitivityReport.table(effects, width: terminalWidth()), terminator: "")
        do {
            let title = "Which assumptions could change the answer: " + designs.map(\.name).joined(separator: " against ")
            try folder.write([
                ("sensitivity.csv", SensitivityReport.csv(effects)),
                ("report.html", SensitivityReport.html(effects, title: title, commandLine: commandLine))
            ])
            printError("Wrote sensitivity.csv and report.html to \(folder.path)/")
        } catch {
            throw AppError(error.message)
        }
        return SensitivityReport.ranked(effects)
    }

    /// Prints Morris's screening, the values ranked by the size of their effects, and writes
    /// `morris.csv` into `folder`: `sensitivity --method morris`.
    public static func presentMorris(_ effects: [MorrisEffect], folder: OutputFolder) throws(AppError) {
        print(SensitivityReport.morrisTable(effects, width: terminalWidth()), terminator: "")
        do {
            try folder.write([("morris.csv", SensitivityReport.morrisCSV(effects))])
            printError("Wrote morris.csv to \(folder.path)/")
        } catch {
            throw AppError(error.message)
        }
    }
}
