import Foundation
import SimulationEngine

/// The package's root folder, found from this file's place in it, so tests can read the shipped
/// scenarios and find the built executable whatever the working folder.
public let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// What a program printed and how it ended.
public struct ProcessOutcome: Sendable {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String
    /// The program was killed by a signal (a crash: a trap, an abort), not by running out of time.
    public var crashed = false
    /// The program was stopped because it ran past its time limit.
    public var timedOut = false
}

/// Runs a program to the end and collects its output; `environment` adds to (or replaces
/// entries of) this process's environment.
public func runProcess(
    _ executable: URL, _ arguments: [String], in folder: String = packageRoot, timeout: Double? = nil,
    environment: [String: String] = [:]
) throws -> ProcessOutcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let expired = Flag()
    if let timeout {
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [process] in
            guard process.isRunning else { return }
            expired.set()
            kill(process.processIdentifier, SIGKILL)
        }
    }
    // Read both pipes before waiting, so that a chatty program never blocks on a full pipe.
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    var outcome = ProcessOutcome(
        status: process.terminationStatus, standardOutput: String(decoding: out, as: UTF8.self),
        standardError: String(decoding: err, as: UTF8.self))
    outcome.timedOut = expired.isSet
    outcome.crashed = process.terminationReason == .uncaughtSignal && !expired.isSet
    return outcome
}

/// A flag set once from another thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// A small, fixed pseudo-random sequence (SplitMix64), so that fuzz tests make the same mutants
/// on every machine and a failing one can be found again.
public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The mean of `values` and its 95% t-interval, as replications give one.
public func tInterval95(_ values: [Double]) -> (mean: Double, low: Double, high: Double) {
    var statistics = RunningStatistics()
    values.forEach { statistics.add($0) }
    let half =
        StudentT.quantile(0.975, degreesOfFreedom: values.count - 1) * statistics.standardDeviation / Double(values.count).squareRoot()
    return (statistics.mean, statistics.mean - half, statistics.mean + half)
}
