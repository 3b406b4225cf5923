import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import ScenarioModel

/// The shards of one experiment, read from their folders and checked as a set: one record for
/// every shard, no unit missing or twice, all from the same version, command, scenario files,
/// seed and replications.
///
/// ```swift
/// let set = try ShardSet.read(folders: ["Output/a", "Output/b"])
/// try set.check(designsLoadedAgain)
/// let comparison = Comparison.assemble(designs, settings: settings, outcomes: set.outcomes, seconds: set.seconds)
/// ```
public struct ShardSet: Sendable {
    /// One record a shard, in shard order.
    public let records: [ShardRecord]
    /// Every design's outcomes in replication order.
    public let outcomes: [[ReplicationOutcome]]
    /// Seconds each design took, over all shards.
    public let seconds: [Double]

    /// What every shard shares.
    public var first: ShardRecord { records[0] }

    public static func read(folders: [String]) throws(OutputError) -> ShardSet {
        let manager = FileManager.default
        var seen = Set<String>()
        var found: [(path: String, record: ShardRecord)] = []
        for folder in folders where seen.insert(URL(fileURLWithPath: folder).standardizedFileURL.path).inserted {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw OutputError("\(folder) is not a folder of shards")
            }
            let names = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).filter {
                $0.hasPrefix("shard-") && $0.hasSuffix(".json")
            }.sorted()
            guard !names.isEmpty else {
                throw OutputError("\(folder) holds no shard records (shard-K-of-N.json): give the --output folder of the shards")
            }
            for name in names {
                let path = (folder as NSString).appendingPathComponent(name)
                guard let data = manager.contents(atPath: path), data.count <= 2_000_000_000 else {
                    throw OutputError("cannot read \(path)")
                }
                let decoder = JSONDecoder()
                decoder.keyDecodingStrategy = .convertFromSnakeCase
                do {
                    found.append((path, try decoder.decode(ShardRecord.self, from: data)))
                } catch {
                    throw OutputError("\(path) is not a shard record written by frontdoor (\(error.localizedDescription))")
                }
            }
        }
        let (first, firstPath) = (found[0].record, found[0].path)
        for (path, record) in found.dropFirst() {
            func differ(_ what: String, _ mine: String, _ theirs: String) -> OutputError {
                OutputError("\(path) and \(firstPath) are not shards of one experiment: \(what) \(mine) and \(theirs)")
            }
            if record.version != first.version { throw differ("they come from frontdoor", record.version, first.version) }
            if record.command != first.command || record.scenarios != first.scenarios || record.overrides != first.overrides
                || record.vary != first.vary
            {
                throw differ("they ran", "'\(record.commandLine.joined(separator: " "))'", "'\(first.commandLine.joined(separator: " "))'")
            }
            if record.seed != first.seed { throw differ("their seeds are", String(record.seed), String(first.seed)) }
            if record.replications != first.replications {
                throw differ("their replications are", String(record.replications), String(first.replications))
            }
            if record.shardCount != first.shardCount {
                throw differ("they split the work into", "\(record.shardCount) shards", "\(first.shardCount)")
            }
            if record.designs != first.designs {
                throw differ(
                    "their scenario files differ:",
                    record.designs.flatMap(\.files).map { "\($0.path) \($0.sha256.prefix(12))" }.joined(separator: ", "),
                    first.designs.flatMap(\.files).map { "\($0.path) \($0.sha256.prefix(12))" }.joined(separator: ", "))
            }
        }
        var byIndex: [Int: (path: String, record: ShardRecord)] = [:]
        for entry in found {
            if let other = byIndex[entry.record.shardIndex] {
                throw OutputError(
                    "shard \(entry.record.shardIndex) of \(first.shardCount) is there twice: \(other.path) and \(entry.path); merge one of them"
                )
            }
            byIndex[entry.record.shardIndex] = entry
        }
        let count = first.shardCount
        let missing = (0..<count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.prefix(5).map { ShardRecord.baseName(index: $0, count: count) + ".json" }.joined(separator: ", ")
            let options = missing.prefix(5).map { "--shard \($0)/\(count)" }.joined(separator: ", ")
            throw OutputError(
                "\(missing.count) of \(count) shards \(missing.count == 1 ? "is" : "are") missing (\(names)\(missing.count > 5 ? ", …" : "")): "
                    + "run \(options)\(missing.count > 5 ? ", …" : ""), then merge again")
        }
        let designs = first.designs.count, replications = first.replications
        var outcomes = Array(repeating: [ReplicationOutcome?](repeating: nil, count: replications), count: designs)
        var seconds = Array(repeating: 0.0, count: designs)
        // None is missing, so each index has its shard.
        let shards = (0..<count).compactMap { byIndex[$0] }
        let records = shards.map(\.record)
        for (index, record) in records.enumerated() {
            let shard = try? Shard(index: index, count: count)
            let owned = (0..<designs).reduce(0) { sum, design in
                sum
                    + (0..<replications).filter {
                        shard?.owns(Shard.unit(design: design, replication: $0, replications: replications)) == true
                    }.count
            }
            let valid = record.units.allSatisfy { unit in
                (0..<designs).contains(unit.design) && (0..<replications).contains(unit.replication)
                    && shard?.owns(Shard.unit(design: unit.design, replication: unit.replication, replications: replications)) == true
                    && outcomes[unit.design][unit.replication] == nil
                    && unit.days.allSatisfy { $0.count == ShardRecord.Unit.dayFields }
            }
            let distinct = Set(record.units.map { Shard.unit(design: $0.design, replication: $0.replication, replications: replications) })
                .count
            guard valid, distinct == owned, record.units.count == owned, record.seconds.count == designs else {
                throw OutputError(
                    "\(shards[index].path) does not hold the \(owned) units shard \(index) of \(count) runs (it holds \(record.units.count)): "
                        + "it is incomplete or was changed; run that shard again")
            }
            for unit in record.units { outcomes[unit.design][unit.replication] = unit.outcome }
            for design in 0..<designs { seconds[design] += record.seconds[design] }
        }
        // Every unit of every shard was checked above to be owned once; the shards own them all.
        return ShardSet(records: records, outcomes: outcomes.map { $0.compactMap { $0 } }, seconds: seconds)
    }

    /// Checks that `designs`, the scenarios loaded again for the merge, are those the shards ran:
    /// the same names, files and file contents.
    public func check(_ designs: [Scenario]) throws(OutputError) {
        let now = designs.map(ShardRecord.design)
        for (recorded, current) in zip(first.designs, now) where recorded != current {
            let changed =
                zip(recorded.files, current.files).first { $0.sha256 != $1.sha256 }?.0.path ?? recorded.files.first?.path
                ?? recorded.scenario
            throw OutputError(
                "\(changed) has changed since the shards ran (or is not the file they read): merge with the files they ran, or run the shards again"
            )
        }
        guard now.count == first.designs.count else {
            throw OutputError("the shards ran \(first.designs.count) designs; \(now.count) were read now")
        }
    }
}
