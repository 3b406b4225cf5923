import Foundation
import FrontDoorTestSupport
import Testing

/// Shards run as separate processes, as an array job would start them, and merged.
@Suite struct ShardTests {
    static let short = ["--set", "run.horizon_days=90", "--set", "run.warm_up_days=15"]

    func temporaryFolder(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    func succeed(_ arguments: [String], in folder: String = packageRoot) throws -> ProcessOutcome {
        let outcome = try runProcess(Frontdoor.executable, arguments, in: folder)
        #expect(outcome.status == 0, "\(arguments.joined(separator: " ")): \(outcome.standardError)")
        return outcome
    }

    @Test(arguments: [[], ["--method", "morris", "--trajectories", "3"]])
    func sensitivityShardsMergeToExactlyWhatOneProcessWrites(_ method: [String]) throws {
        let root = try temporaryFolder("sensitivity-shards")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try """
        extends: \(packageRoot)/Scenarios/benchmarks/tandem.yaml
        scenario: ranged
        run: {horizon_days: 40}
        ranges:
          arrivals.per_day: {low: 60, high: 90, why: "a quieter and a busier year"}
          stages.triage.servers: {low: 5, high: 7, why: "a post either side"}
        """.write(toFile: root + "/ranged.yaml", atomically: true, encoding: .utf8)
        let sensitivity =
            ["sensitivity", "ranged.yaml", "-r", "3", "--seed", "5", "--measure", "contacts.mean_time_in_system_hours"] + method
        for k in 0..<2 { _ = try succeed(sensitivity + ["--shard", "\(k)/2", "--output", "shards"], in: root) }
        let merged = try succeed(["merge", "shards", "--output", "merged"], in: root)
        let single = try succeed(sensitivity + ["--output", "single"], in: root)
        #expect(merged.standardOutput == single.standardOutput)
        let file = method.isEmpty ? "sensitivity.csv" : "morris.csv"
        let a = FileManager.default.contents(atPath: root + "/single/" + file)
        #expect(a != nil && a == FileManager.default.contents(atPath: root + "/merged/" + file), "\(file) differs")
    }

    @Test func threeShardsMergeToExactlyWhatOneProcessWrites() throws {
        let root = try temporaryFolder("shards")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let compare = ["compare", "Scenarios/mash.yaml", "Scenarios/cads.yaml", "-r", "5", "--seed", "7"] + Self.short
        for k in 0..<3 { _ = try succeed(compare + ["--shard", "\(k)/3", "--output", root + "/shards"]) }
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/shards").sorted()
        #expect(
            names == [
                "shard-0-of-3-replications.csv", "shard-0-of-3.json", "shard-1-of-3-replications.csv", "shard-1-of-3.json",
                "shard-2-of-3-replications.csv", "shard-2-of-3.json"
            ])
        let merged = try succeed(["merge", root + "/shards", "--output", root + "/merged"])
        let single = try succeed(compare + ["--output", root + "/single"])
        #expect(merged.standardOutput == single.standardOutput)
        for file in ["summary.csv", "differences.csv", "replications.csv", "daily.csv", "budget.csv"] {
            let a = FileManager.default.contents(atPath: root + "/single/" + file)
            #expect(a != nil && a == FileManager.default.contents(atPath: root + "/merged/" + file), "\(file) differs")
        }
    }

    @Test func aShardedSweepMergesToTheSameSweep() throws {
        let root = try temporaryFolder("sweep")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sweep = ["sweep", "Scenarios/peterborough.yaml", "--vary", "teams.team_managers.people=1,2", "-r", "3"] + Self.short
        for k in 0..<2 { _ = try succeed(sweep + ["--shard", "\(k)/2", "--output", root + "/shards"]) }
        _ = try succeed(["merge", root + "/shards", "--output", root + "/merged"])
        _ = try succeed(sweep + ["--output", root + "/single"])
        let a = FileManager.default.contents(atPath: root + "/single/sweep.csv")
        #expect(a != nil && a == FileManager.default.contents(atPath: root + "/merged/sweep.csv"))
    }

    @Test func anIncompleteOrMixedSetIsRefusedWithAPreciseMessage() throws {
        let root = try temporaryFolder("refusals")
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The scenario in a folder of its own, so that it can be changed after the shards ran.
        try FileManager.default.copyItem(atPath: packageRoot + "/Scenarios/benchmarks/tandem.yaml", toPath: root + "/tandem.yaml")
        let run = ["run", "tandem.yaml", "-r", "4"]
        for k in 0..<2 { _ = try succeed(run + ["--shard", "\(k)/3", "--output", "a"], in: root) }
        func refused(_ arguments: [String], _ words: [String]) throws {
            let outcome = try runProcess(Frontdoor.executable, arguments, in: root)
            #expect(outcome.status == 1 && !outcome.crashed)
            for word in words { #expect(outcome.standardError.contains(word), "\(outcome.standardError)") }
            #expect(!FileManager.default.fileExists(atPath: root + "/out"))
        }
        try refused(["merge", "a", "--output", "out"], ["1 of 3 shards is missing", "shard-2-of-3.json", "--shard 2/3"])
        _ = try succeed(run + ["--shard", "2/3", "--output", "b", "--seed", "5"], in: root)
        try refused(["merge", "a", "b", "--output", "out"], ["not shards of one experiment", "their seeds are"])
        _ = try succeed(run + ["--shard", "2/3", "--output", "b"], in: root)
        try FileManager.default.copyItem(atPath: root + "/a/shard-0-of-3.json", toPath: root + "/b/shard-0-of-3.json")
        try refused(["merge", "a", "b", "--output", "out"], ["shard 0 of 3 is there twice"])
        try FileManager.default.removeItem(atPath: root + "/b/shard-0-of-3.json")
        _ = try succeed(["merge", "a", "b", "--output", "merged"], in: root)
        // A comment added: the same model, but not the file the shards read.
        let original = try #require(FileManager.default.contents(atPath: root + "/tandem.yaml"))
        try (original + Data("\n# changed\n".utf8)).write(to: URL(fileURLWithPath: root + "/tandem.yaml"), options: .atomic)
        try refused(["merge", "a", "b", "--output", "out"], ["tandem.yaml has changed since the shards ran"])
        try refused(["merge", "missing", "--output", "out"], ["missing is not a folder of shards"])
        try refused(["run", "tandem.yaml", "--shard", "3/3"], ["shard 3 of 3 does not exist"])
    }
}
