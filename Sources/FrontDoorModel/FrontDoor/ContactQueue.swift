import SimulationEngine

/// A first-in-first-out queue of contacts. Each entry carries the contact's token at the time it
/// joined, so a contact that leaves the queue early (a caller who gives up, a check that runs out
/// of time) is removed by changing its token, and its stale entry is skipped when it reaches the
/// front.
struct ContactQueue: ~Copyable {
    private var entries = RingBuffer<(contact: Int32, token: UInt32)>()

    var isEmpty: Bool { entries.isEmpty }

    mutating func push(_ contact: Int32, token: UInt32) {
        entries.push((contact, token))
    }

    /// The oldest entry, which is stale if the contact's token has changed since.
    mutating func pop() -> (contact: Int32, token: UInt32)? { entries.pop() }
}
