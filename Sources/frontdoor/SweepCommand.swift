import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorReports
import ScenarioReading

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario over a grid of values of one or two keys, on the same demand.",
        discussion: """
        Each point of the grid is the scenario with the values set (as --set would), run with the
        same seeds, so every point sees the same contacts. Prints the headline measures at each
        point and writes sweep.csv (every measure at every point, with its interval), report.html
        (a chart per headline measure: a line for one key, a heat map for two) and manifest.json.

        Examples:
          frontdoor sweep Scenarios/peterborough.yaml --vary teams.team_manager.people=1,2,3
          frontdoor sweep Scenarios/mash.yaml --vary teams.team_managers.people=3,4,5,6 --vary teams.screeners.people=12,14,16
          frontdoor sweep Scenarios/cads.yaml --vary stages.consultation.minutes=30,40,50 -r 30
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .customLong("vary"), help: ArgumentHelp("A key and the values it takes; one or two of these.", valueName: "key.path=v1,v2,…"))
    var axes: [String] = []

    @OptionGroup var options: ReplicationOptions
    @OptionGroup var what: OverrideOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...2).contains(axes.count) else { throw ValidationError("give one or two --vary options") }
    }

    func run() throws {
        let parsed: [SweepAxis]
        do { parsed = try axes.map { text throws(SweepError) in try SweepAxis(parsing: text) } } catch { throw fail(error.message) }
        let points = SweepPoint.grid(parsed)
        let document = try what.document(scenario)
        let base = try what.scenario(from: document)
        let designs = try points.map { point in
            let overrides: [ScenarioOverride]
            do throws(ScenarioError) {
                overrides = try zip(parsed, point.values).map { axis, value throws(ScenarioError) in
                    try ScenarioOverride(key: axis.key, value: value, option: "--vary")
                }
            } catch {
                throw fail(error.description)
            }
            return try what.scenario(from: document.applying(overrides)).renamed(point.name(base: base.name, axes: parsed))
        }
        let folder = output.noReport ? nil : try prepareOutput(output.output ?? "Output/\(base.name)-sweep")
        let comparison = Comparison.run(designs, settings: options.settings, progress: ProgressReporter.onTerminal())
        if output.json {
            print(try ComparisonJSON(comparison).text())
        } else {
            print(SweepReport.table(comparison, axes: parsed, points: points), terminator: "")
        }
        guard let folder else { return }
        do {
            let manifest = RunManifest(comparison, version: FrontdoorVersion.current, commandLine: CommandLine.arguments)
            try folder.write([("sweep.csv", SweepReport.csv(comparison, axes: parsed, points: points)),
                              ("report.html", SweepReport.html(comparison, axes: parsed, points: points, manifest: manifest)),
                              ("manifest.json", try manifest.text())])
            printError("Wrote sweep.csv, report.html and manifest.json to \(folder.path)/")
        } catch let error as OutputError {
            throw fail(error.message)
        } catch {
            throw fail("could not write the sweep to \(folder.path): \(error.localizedDescription)")
        }
    }
}
