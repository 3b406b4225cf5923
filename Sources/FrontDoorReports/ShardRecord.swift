import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import ScenarioModel

/// What one shard of an experiment ran, as written to `shard-K-of-N.json`: the shard manifest
/// (program version, the command and scenario files with their hashes, seed, K/N, the units
/// done, host, wall time) and every unit's outcome, exactly (numbers as their bit patterns), so
/// that `frontdoor merge` rebuilds what a single process would have written. Beside it,
/// `shard-K-of-N-replications.csv` holds the same replications as a tidy table to read.
public struct ShardRecord: Codable, Sendable {
    public struct Design: Codable, Sendable, Equatable {
        public let scenario: String
        public let files: [ScenarioFile]
    }

    /// One replication of one design, exactly.
    public struct Unit: Codable, Sendable {
        public let design: Int
        public let replication: Int
        let values: [UInt64]
        let events: Int
        /// Day number, received, decided, backlog (−1 on a day that is not a working day).
        let days: [[Int]]
        let backlogSeries: [UInt64]
        let warmUpObservations: Int

        /// The numbers kept for each day: date, received, decided, backlog (−1 for none), children
        /// referred, and the 3-working-day cohort and those of it on time.
        static let dayFields = 7

        init(_ unit: ShardResult.Unit) {
            design = unit.design
            replication = unit.replication
            values = unit.outcome.values.map(\.bitPattern)
            events = unit.outcome.events
            days = unit.outcome.days.map {
                [$0.date.dayNumber, $0.received, $0.decided, $0.backlog ?? -1, $0.childrenReferred, $0.dueWithin3, $0.decidedWithin3]
            }
            backlogSeries = unit.outcome.backlogSeries.map(\.bitPattern)
            warmUpObservations = unit.outcome.warmUpObservations
        }

        var outcome: ReplicationOutcome {
            ReplicationOutcome(
                values: values.map(Double.init(bitPattern:)), events: events,
                days: days.map {
                    DayValues(
                        date: CivilDate(dayNumber: $0[0]), received: $0[1], decided: $0[2], backlog: $0[3] < 0 ? nil : $0[3],
                        childrenReferred: $0[4], dueWithin3: $0[5], decidedWithin3: $0[6])
                },
                backlogSeries: backlogSeries.map(Double.init(bitPattern:)), warmUpObservations: warmUpObservations)
        }
    }

    public var program = "frontdoor"
    public let version: String
    /// `run`, `compare` or `sweep`, and what it was given: the scenario files as typed, the
    /// `--set` overrides and the `--vary` axes.
    public let command: String
    public let scenarios: [String]
    public let overrides: [String]
    public let vary: [String]
    /// The whole command line, for the merged manifest.
    public let commandLine: [String]
    public let seed: UInt32
    public let replications: Int
    public let shardIndex: Int
    public let shardCount: Int
    public let designs: [Design]
    public let unitsDone: Int
    public let host: String
    public let wallSeconds: Double
    /// Seconds spent on each design's units.
    public let seconds: [Double]
    public let units: [Unit]

    public init(
        _ result: ShardResult, designs: [Scenario], version: String, command: String, scenarios: [String], overrides: [String],
        vary: [String], commandLine: [String], settings: ExperimentSettings, wallSeconds: Double
    ) {
        self.version = version
        self.command = command
        self.scenarios = scenarios
        self.overrides = overrides
        self.vary = vary
        self.commandLine = commandLine
        seed = settings.seed
        replications = settings.replications
        shardIndex = result.shard.index
        shardCount = result.shard.count
        self.designs = designs.map(Self.design)
        unitsDone = result.units.count
        host = ProcessInfo.processInfo.hostName
        self.wallSeconds = wallSeconds
        seconds = result.seconds
        units = result.units.map(Unit.init)
    }

    /// A design as the record names it: its scenario name and every file with its hash now.
    public static func design(_ scenario: Scenario) -> Design { Design(scenario: scenario.name, files: ScenarioFile.hashed(scenario)) }

    /// `shard-02-of-10`: numbers padded to the same width, so that names sort and never collide.
    public static func baseName(index: Int, count: Int) -> String {
        let width = String(count).count
        func padded(_ n: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "shard-\(padded(index))-of-\(padded(count))"
    }

    /// Writes the record and its replications table into `folder` (made if need be; other
    /// shards may be writing there too), each file under a temporary name renamed into place.
    /// Returns the paths written.
    public func write(into folder: String, replicationsTable: String) throws(OutputError) -> [String] {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError("cannot make the folder \(folder): \(error.localizedDescription)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json: Data
        do { json = try encoder.encode(self) } catch {
            throw OutputError("could not encode the shard record: \(error.localizedDescription)")
        }
        let name = Self.baseName(index: shardIndex, count: shardCount)
        var written: [String] = []
        for (file, data) in [("\(name)-replications.csv", Data(replicationsTable.utf8)), ("\(name).json", json)] {
            let target = (folder as NSString).appendingPathComponent(file)
            let temporary = (folder as NSString).appendingPathComponent(".\(file).partial-\(ProcessInfo.processInfo.processIdentifier)")
            guard manager.createFile(atPath: temporary, contents: data), rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(atPath: temporary)
                throw OutputError("could not write \(target): \(reason)")
            }
            written.append(target)
        }
        return written
    }
}
