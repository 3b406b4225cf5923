import Dispatch
import Foundation
import Synchronization

/// Runs independent replications on several worker threads.
///
/// Replication `i` always gets the same seeds, whichever thread runs it, and results come back in
/// replication order, so the numbers are identical for any number of threads.
public enum ReplicationRunner {
    /// Runs `count` replications, numbered from `first`, on `jobs` threads, and returns their
    /// results in replication order.
    public static func run<Result: Sendable>(
        count: Int, first: Int = 0, jobs: Int,
        _ replicate: @escaping @Sendable (Int) -> Result
    ) -> [Result] {
        precondition(count >= 0)
        return run(replications: Array(first..<(first + count)), jobs: jobs, replicate)
    }

    /// Runs the numbered replications on `jobs` threads and returns their results in the order
    /// of `replications`.
    public static func run<Result: Sendable>(
        replications: [Int], jobs: Int,
        _ replicate: @escaping @Sendable (Int) -> Result
    ) -> [Result] {
        precondition(jobs >= 1)
        let count = replications.count
        if count == 0 { return [] }
        let workers = min(jobs, count)
        if workers == 1 { return replications.map(replicate) }
        // Each worker takes the next replication not yet taken, so that a slow one does not hold
        // up a whole share of the work; results are put back in order. The workers are threads
        // of their own (the calling thread among them), not the shared dispatch pool, so that a
        // long run never starves the pool's other work (a server's requests, Swift tasks).
        let nextIndex = Atomic<Int>(0)
        let results = Mutex<[Result?]>(Array(repeating: nil, count: count))
        let work: @Sendable () -> Void = {
            var mine: [(Int, Result)] = []
            while true {
                let index = nextIndex.wrappingAdd(1, ordering: .relaxed).oldValue
                if index >= count { break }
                mine.append((index, replicate(replications[index])))
            }
            results.withLock { all in for (index, result) in mine { all[index] = result } }
        }
        let finished = DispatchGroup()
        for _ in 1..<workers {
            finished.enter()
            Thread {
                work()
                finished.leave()
            }.start()
        }
        work()
        finished.wait()
        return results.withLock { all in
            // Every index below `count` was taken by exactly one worker.
            precondition(!all.contains { $0 == nil }, "a replication's result is missing")
            return all.compactMap { $0 }
        }
    }

    /// The number of processor cores, the default number of worker threads.
    public static var availableCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
