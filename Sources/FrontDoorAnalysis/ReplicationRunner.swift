import Foundation
import Dispatch
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
        precondition(count >= 0 && jobs >= 1)
        if count == 0 { return [] }
        let workers = min(jobs, count)
        if workers == 1 { return (first..<(first + count)).map(replicate) }
        let results = Mutex<[Int: Result]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // Each worker takes every `workers`-th replication; its results are merged by number.
            var mine: [(Int, Result)] = []
            for index in stride(from: worker, to: count, by: workers) {
                mine.append((first + index, replicate(first + index)))
            }
            results.withLock { all in for (number, result) in mine { all[number] = result } }
        }
        return results.withLock { all in (first..<(first + count)).map { all[$0]! } }
    }

    /// The number of processor cores, the default number of worker threads.
    public static var availableCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
