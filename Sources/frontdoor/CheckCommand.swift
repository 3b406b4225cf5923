import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorReports

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a scenario file and describe it in plain words.",
        discussion: """
            Reads the scenario (and any file it extends), reports the first problem with its file, line and key, or prints what it describes: teams, people and hours, demand a year by source, the pathway, and every value marked as an assumption.

            Examples:
              frontdoor check Scenarios/cads.yaml
              frontdoor check Scenarios/what-if/peterborough-second-manager.yaml
              frontdoor check Scenarios/mash.yaml --set tasks.manager_decision.minutes=20
            """
    )

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @OptionGroup var what: OverrideOptions

    func run() throws {
        print(ScenarioDescription.render(try what.load(scenario)), terminator: "")
    }
}
