import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorReports

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run two or more designs on the same demand and compare each with the first.",
        discussion: """
        Every design is run with the same seeds, so each replication feeds the same contacts to every design (common random numbers), and each measure is reported for each design and as a paired difference from the first, with 95% intervals. Writes report.html, summary.csv, differences.csv, daily.csv, replications.csv, summary.json and manifest.json to Output/<names> or the --output folder.

        Examples:
          frontdoor compare Scenarios/mash.yaml Scenarios/cads.yaml \\
              Scenarios/integrated-front-door.yaml
          frontdoor compare Scenarios/peterborough.yaml \\
              Scenarios/what-if/peterborough-second-manager.yaml --precision 0.02
          frontdoor compare Scenarios/mash.yaml Scenarios/cads.yaml --json --no-report
          frontdoor compare Scenarios/mash.yaml Scenarios/cads.yaml \\
              --set demand.contacts_per_year=25000
        """
    )

    @Argument(help: "The scenario files: the baseline first.")
    var scenarios: [String]

    @OptionGroup var options: ReplicationOptions
    @OptionGroup var what: OverrideOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var shards: ShardOptions

    func validate() throws {
        guard scenarios.count >= 2 else { throw ValidationError("compare needs at least two scenario files: the baseline first") }
    }

    func run() throws {
        let loaded = try scenarios.map(what.load)
        if let network = loaded.first(where: { $0.isNetwork }), let frontDoor = loaded.first(where: { !$0.isNetwork }) {
            throw fail("\(network.file) is a queueing network and \(frontDoor.file) a front door: only designs of the same kind can be compared")
        }
        let names = loaded.map(\.name)
        guard Set(names).count == names.count else {
            throw fail("two scenarios share the name '\(names.first { name in names.filter { $0 == name }.count > 1 }!)'; give each its own 'scenario:' name")
        }
        try runDesigns(loaded, options: options, output: output, shards: shards,
                       invocation: Invocation(command: "compare", scenarios: scenarios, overrides: what.overrides, vary: []))
    }
}
