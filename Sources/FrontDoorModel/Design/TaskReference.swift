/// Which task of the shared library (`Scenarios/shared/tasks.yaml`) a stage or a strategy
/// discussion does, and any scaling of its time the design's seed gives a reason for. The same
/// work takes the same time in every design unless a seed says otherwise, and this is where a
/// design says so.
///
/// ```swift
/// let consultation = TaskReference(name: "screen_contact", scale: [2, 2, 2],
///                                  reason: "Norfolk doubled the team to hold conversations")
/// ```
public struct TaskReference: Sendable, Equatable {
    /// The task's name in the library, such as `screen_contact`.
    public var name: String
    /// The factor on the task's time by RAG rating, indexed by ``RAG`` (1 each: as the library).
    public var scale: [Double]
    /// Why this design's time differs from the library's, from its seed; nil when it does not.
    public var reason: String?

    public init(name: String, scale: [Double] = Array(repeating: 1, count: RAG.allCases.count), reason: String? = nil) {
        self.name = name
        self.scale = scale
        self.reason = reason
    }

    /// Whether the design's time is the library's as it stands.
    public var isScaled: Bool { scale.contains { $0 != 1 } }
}
