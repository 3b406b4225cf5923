/// How long a run lasts and how much of its start is discarded.
public struct RunLength: Sendable, Hashable {
    /// The run stops at this time (hours); work still in the model is not drained.
    public var horizonHours: Double
    /// Measures ignore everything before this time (hours), so that a run that starts empty
    /// is not reported as quieter than it is.
    public var warmUpHours: Double

    public init(horizonHours: Double, warmUpHours: Double = 0) {
        self.horizonHours = horizonHours
        self.warmUpHours = warmUpHours
    }
}

/// A model driven by the engine's one run loop: it keeps its future events in an ``EventList``,
/// handles them one at a time, and is told when the warm-up ends. A model need not be copyable
/// (one that holds an event list cannot be).
///
/// ```swift
/// struct Clock: EventDrivenModel, ~Copyable {
///     var events = EventList()
///     var ticks = 0
///     mutating func handle(_ event: Event) {
///         ticks += 1
///         events.schedule(at: event.time + 1, kind: 0, subject: 0)
///     }
/// }
/// var clock = Clock()
/// clock.events.schedule(at: 0, kind: 0, subject: 0)
/// let end = clock.run(RunLength(horizonHours: 10))   // 11 events, at 0, 1, … 10
/// ```
public protocol EventDrivenModel: ~Copyable {
    /// The model's future events.
    var events: EventList { get set }
    /// Handles one event (its time is the current time).
    mutating func handle(_ event: Event)
    /// Called once, before the first event at or after the end of the warm-up: from here on,
    /// what happens is measured.
    mutating func warmUpEnded(at time: Double)
    /// Whether the run must stop before the next event (a model that can no longer be run
    /// usefully, such as one whose queues grow without bound).
    var mustStop: Bool { get }
}

extension EventDrivenModel where Self: ~Copyable {
    public mutating func warmUpEnded(at time: Double) {}
    public var mustStop: Bool { false }

    /// Runs the model: handles events in (time, scheduling order) up to and including the
    /// horizon, telling the model when the warm-up ends.
    ///
    /// - Returns: the events handled, and the time at which the run stopped (the horizon, or
    ///   earlier when ``mustStop`` became true).
    @inlinable
    public mutating func run(_ length: RunLength) -> (events: Int, stoppedAt: Double) {
        var handled = 0
        var measuring = length.warmUpHours <= 0
        while let event = events.next(notAfter: length.horizonHours) {
            if mustStop { return (handled, event.time) }
            if !measuring && event.time >= length.warmUpHours {
                measuring = true
                warmUpEnded(at: length.warmUpHours)
            }
            handled += 1
            handle(event)
        }
        if !measuring && length.warmUpHours <= length.horizonHours { warmUpEnded(at: length.warmUpHours) }
        return (handled, length.horizonHours)
    }
}
