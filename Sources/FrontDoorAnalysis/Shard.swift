import Foundation
import FrontDoorModel
import ScenarioModel
import SimulationEngine

/// One of `count` shares of an experiment's work, for running it as an array job on a cluster.
///
/// The unit of work is one replication of one design (of one sweep point): unit
/// `design × replications + replication`. Shard `index` of `count` runs the units `u` with
/// `u mod count == index`. A unit's random numbers depend only on the seed, the replication and
/// the purpose, so its results are the same wherever and whenever it runs.
///
/// ```swift
/// let shard = try Shard(parsing: "2/10")            // the third of ten
/// let mine = Comparison.run(designs, settings: settings, shard: shard)
/// ```
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1, count <= 100_000 else { throw ShardError("a shard count must be from 1 to 100,000, not \(count)") }
        guard index >= 0, index < count else {
            throw ShardError("shard \(index) of \(count) does not exist: shards are numbered 0 to \(count - 1)")
        }
        self.index = index
        self.count = count
    }

    /// Reads `K/N`: shard K (from 0) of N.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardError("expected --shard K/N (shard K, from 0, of N), such as 0/4, or auto; found '\(text)'")
        }
        try self.init(index: index, count: count)
    }

    /// The shard an array job's engine started this process as, from its environment: Slurm
    /// (`SLURM_ARRAY_TASK_ID` with `SLURM_ARRAY_TASK_COUNT`, or `_MIN` and `_MAX`), a Kubernetes
    /// Indexed Job (`JOB_COMPLETION_INDEX`, with the count given or in `FRONTDOOR_SHARD_COUNT`),
    /// or AWS Batch (`AWS_BATCH_JOB_ARRAY_INDEX` with `AWS_BATCH_JOB_ARRAY_SIZE`).
    public init(environment: [String: String], count given: Int? = nil) throws(ShardError) {
        func number(_ key: String) throws(ShardError) -> Int? {
            guard let text = environment[key] else { return nil }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ShardError("\(key) is '\(text)', not a whole number")
            }
            return value
        }
        var ownCount = given
        if ownCount == nil { ownCount = try number("FRONTDOOR_SHARD_COUNT") }
        if let id = try number("SLURM_ARRAY_TASK_ID") {
            if let low = try number("SLURM_ARRAY_TASK_MIN"), let high = try number("SLURM_ARRAY_TASK_MAX"), ownCount == nil {
                let step = try number("SLURM_ARRAY_TASK_STEP")
                guard step == nil || step == 1 else {
                    throw ShardError("the Slurm array has a step other than 1: give --array=0-N (no step), or --shard K/N")
                }
                try self.init(index: id - low, count: high - low + 1)
            } else if let count = ownCount {
                try self.init(index: id, count: count)
            } else if let count = try number("SLURM_ARRAY_TASK_COUNT") {
                try self.init(index: id, count: count)
            } else {
                throw ShardError(
                    "SLURM_ARRAY_TASK_ID is set but not the size of the array (SLURM_ARRAY_TASK_COUNT, or _MIN and _MAX): give --shard-count"
                )
            }
        } else if let index = try number("JOB_COMPLETION_INDEX") {
            guard let count = ownCount else {
                throw ShardError(
                    "JOB_COMPLETION_INDEX is set but not the number of shards: give --shard-count N or set FRONTDOOR_SHARD_COUNT (the Job's completions)"
                )
            }
            try self.init(index: index, count: count)
        } else if let index = try number("AWS_BATCH_JOB_ARRAY_INDEX") {
            var count = ownCount
            if count == nil { count = try number("AWS_BATCH_JOB_ARRAY_SIZE") }
            guard let count else {
                throw ShardError("AWS_BATCH_JOB_ARRAY_INDEX is set but not AWS_BATCH_JOB_ARRAY_SIZE: give --shard-count")
            }
            try self.init(index: index, count: count)
        } else {
            throw ShardError(
                "--shard auto found no array job: none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX is set; give --shard K/N"
            )
        }
    }

    /// The unit of replication `replication` of design `design`, among `replications` a design.
    public static func unit(design: Int, replication: Int, replications: Int) -> Int { design * replications + replication }

    /// Whether this shard runs the unit.
    public func owns(_ unit: Int) -> Bool { unit % count == index }

    /// `2/10`.
    public var description: String { "\(index)/\(count)" }
}

public struct ShardError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What one shard ran: the outcome of each of its units.
public struct ShardResult: Sendable {
    public struct Unit: Sendable {
        public let design: Int
        public let replication: Int
        public let outcome: ReplicationOutcome

        public init(design: Int, replication: Int, outcome: ReplicationOutcome) {
            self.design = design
            self.replication = replication
            self.outcome = outcome
        }
    }

    public let shard: Shard
    public let units: [Unit]
    /// Seconds spent on each design's units.
    public let seconds: [Double]
}

extension Comparison {
    /// Runs the units of `scenarios` that `shard` owns (a fixed number of replications: a
    /// precision target needs every replication's result, so it cannot be sharded).
    public static func run(
        _ scenarios: [Scenario], settings: ExperimentSettings, shard: Shard,
        progress: (any ProgressObserver)? = nil
    ) -> ShardResult {
        precondition(settings.precision == nil, "a precision target cannot be sharded")
        let seeds = SeedPlan(baseSeed: settings.seed)
        let mine = scenarios.indices.map { design in
            (0..<settings.replications).filter {
                shard.owns(Shard.unit(design: design, replication: $0, replications: settings.replications))
            }
        }
        progress?.expect(mine.reduce(0) { $0 + $1.count })
        var units: [ShardResult.Unit] = []
        var seconds: [Double] = []
        for (design, scenario) in scenarios.enumerated() {
            let started = DispatchTime.now()
            let outcomes = Experiment.replicate(scenario, seeds: seeds, replications: mine[design], jobs: settings.jobs, progress: progress)
            units += zip(mine[design], outcomes).map { ShardResult.Unit(design: design, replication: $0, outcome: $1) }
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
        }
        progress?.finish()
        return ShardResult(shard: shard, units: units, seconds: seconds)
    }
}
