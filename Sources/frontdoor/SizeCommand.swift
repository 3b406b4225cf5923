import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorApp
import FrontDoorModel
import FrontDoorReports
import ScenarioModel

struct Size: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "size",
        abstract: "Find the smallest staffing of one or more teams that meets every target with confidence.",
        discussion: """
            A target is met with confidence when the lower end of its 95% interval reaches a >= value, or the upper end stays within a <= value. Every staffing tried is run with the same seeds (the same contacts). With several teams, the answer is the cheapest staffing that meets every target. With 10 replications or more, a screen of a fifth of them guides the search, and every staffing shown is run with them all. Prints each staffing run in full and why the answer is the answer; writes sizing.csv.

            Examples:
              frontdoor size Scenarios/peterborough.yaml --team team_managers \\
                  --target "decided_within_3wd>=0.85" \\
                  --target "decisions_per_manager_day.p95<=45"
              frontdoor size Scenarios/mash.yaml --team team_managers --team screeners \\
                  --target "decided_within_1wd>=0.6" --max-posts 20
            """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .customLong("team"), help: "A team to size (its id under teams:); may be repeated.")
    var teams: [String] = []

    @Option(
        name: .customLong("target"),
        help: ArgumentHelp(
            "A target, MEASURE>=VALUE or MEASURE<=VALUE; may be repeated (default: the scenario's own targets).", valueName: "target"))
    var targets: [String] = []

    @Option(help: "The most posts to try in any one team.")
    var maxPosts = 12

    @Option(
        name: .customLong("measure"),
        help: ArgumentHelp(
            "Another measure to show for every staffing run in full (its name, such as "
                + "backlog.p95); may be repeated.", valueName: "name"))
    var measures: [String] = []

    @OptionGroup var options: ReplicationOptions
    @OptionGroup var what: OverrideOptions

    @Option(help: "Folder for sizing.csv and report.html (default: Output/<scenario>-sizing).")
    var output: String?

    func validate() throws {
        guard !teams.isEmpty else { throw ValidationError("give at least one --team") }
        guard (1...200).contains(maxPosts) else { throw ValidationError("--max-posts must be between 1 and 200") }
    }

    func run() throws {
        var parsedTargets: [SizingTarget]
        do { parsedTargets = try targets.map { text throws(SweepError) in try SizingTarget(parsing: text) } } catch {
            throw fail(error.message)
        }
        let base = try what.load(scenario)
        if parsedTargets.isEmpty {
            guard !base.targets.isEmpty else {
                throw fail("\(base.file) has no targets: give at least one --target, such as --target \"decided_within_3wd>=85%\"")
            }
            parsedTargets = base.targets
            App.printError("Targets: the scenario's own, \(base.targets.map(\.text).joined(separator: "; ")).")
        }
        let shown = try measures.map { name throws -> MeasureID in
            do throws(MeasureID.Unknown) { return try MeasureID.named(name, among: base.measures.map(\.id)) } catch {
                throw fail("--measure \(name): \(error.message)")
            }
        }
        let folder = try app { try App.prepareOutput(output ?? "Output/\(base.name)-sizing") }
        let result = try app {
            try App.size(
                base, teams: teams, targets: parsedTargets, maximumPosts: maxPosts, settings: options.settings, shown: shown,
                folder: folder)
        }
        if result.answer == nil { throw ExitCode(2) }
    }
}
