import FrontDoorAnalysis
import Testing

/// How the work is split: every unit to exactly one shard, and the shard from an array job's
/// environment.
struct ShardPlanTests {
    @Test func everyUnitBelongsToExactlyOneShard() throws {
        let shards = try (0..<7).map { try Shard(index: $0, count: 7) }
        for unit in 0..<(3 * 20) { #expect(shards.filter { $0.owns(unit) }.count == 1) }
        #expect(Shard.unit(design: 2, replication: 5, replications: 20) == 45)
    }

    @Test func theShardComesFromTheEngineThatStartedTheProcess() throws {
        // Slurm, an array numbered 1–4: task 3 is the third shard of four.
        #expect(
            try Shard(environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "4"])
                == Shard(index: 2, count: 4))
        #expect(try Shard(environment: ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "10"]) == Shard(index: 0, count: 10))
        #expect(try Shard(environment: ["JOB_COMPLETION_INDEX": "4"], count: 5) == Shard(index: 4, count: 5))
        #expect(try Shard(environment: ["JOB_COMPLETION_INDEX": "4", "FRONTDOOR_SHARD_COUNT": "8"]) == Shard(index: 4, count: 8))
        #expect(try Shard(environment: ["AWS_BATCH_JOB_ARRAY_INDEX": "1", "AWS_BATCH_JOB_ARRAY_SIZE": "2"]) == Shard(index: 1, count: 2))
        #expect(throws: ShardError.self) { try Shard(environment: ["JOB_COMPLETION_INDEX": "4"]) }
        #expect(throws: ShardError.self) { try Shard(environment: [:]) }
        #expect(throws: ShardError.self) { try Shard(environment: ["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "2"]) }
        #expect(throws: ShardError.self) { try Shard(parsing: "2/2") }
        #expect(try Shard(parsing: "1/2") == Shard(index: 1, count: 2))
    }
}
