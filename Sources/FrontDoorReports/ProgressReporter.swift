import Foundation
import FrontDoorAnalysis
import Synchronization

/// Counts finished replications and shows "12 of 40 replications" on a terminal, redrawn in
/// place. Safe to call from several worker threads.
public final class ProgressReporter: ProgressObserver {
    private struct State {
        var done = 0
        var expected = 0
        var lastDrawn = DispatchTime(uptimeNanoseconds: 0)
    }

    private let state = Mutex(State())
    private let draw: @Sendable (String) -> Void

    /// A reporter that draws with `draw` (for example, writing to standard error).
    public init(draw: @escaping @Sendable (String) -> Void) { self.draw = draw }

    /// A reporter on standard error, or nil when standard error is not a terminal (so that logs
    /// and pipes get no progress lines).
    public static func onTerminal() -> ProgressReporter? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        return ProgressReporter { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Adds `count` replications to those expected.
    public func expect(_ count: Int) { state.withLock { $0.expected += count } }

    /// One more replication is done; redraws at most ten times a second.
    public func advance() {
        let line: String? = state.withLock { state in
            state.done += 1
            let now = DispatchTime.now()
            guard now.uptimeNanoseconds - state.lastDrawn.uptimeNanoseconds > 100_000_000 || state.done == state.expected else {
                return nil
            }
            state.lastDrawn = now
            return "\r\(state.done) of \(state.expected) replications"
        }
        if let line { draw(line) }
    }

    /// Clears the progress line.
    public func finish() { draw("\r\u{1B}[K") }
}
