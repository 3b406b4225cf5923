/// Told how many replications an experiment expects and each time one finishes, from any worker
/// thread; how progress is shown is up to the caller (see `ProgressReporter` in the reports).
public protocol ProgressObserver: Sendable {
    /// Adds `count` replications to those expected.
    func expect(_ count: Int)
    /// One more replication is done.
    func advance()
    /// The experiment is over.
    func finish()
    /// Whether the experiment is no longer wanted: replications not yet started are then skipped
    /// (see `Comparison.runUnlessCancelled`).
    var isCancelled: Bool { get }
}

extension ProgressObserver {
    public var isCancelled: Bool { false }
}
