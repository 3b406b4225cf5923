import BasicContainers

/// A first-in-first-out queue in a growable ring buffer (capacity a power of two), so that a
/// queue of work costs no allocation once it has reached its largest size.
///
/// A queue cannot be copied (its owner keeps it), so that changing it never checks whether its
/// storage is shared.
///
/// - Complexity: O(1) to push (amortised) and to pop.
public struct RingBuffer<Element: Sendable>: ~Copyable, Sendable {
    @usableFromInline var storage = UniqueArray<Element?>(repeating: nil, count: 16)
    @usableFromInline var head = 0
    @usableFromInline var stored = 0

    public init() {}

    /// The number of elements waiting.
    @inlinable public var count: Int { stored }
    @inlinable public var isEmpty: Bool { stored == 0 }
    /// The oldest element, left in place; nil when empty.
    @inlinable public var first: Element? { stored > 0 ? storage[head] : nil }

    @inlinable @inline(__always)
    public mutating func push(_ element: Element) {
        if stored == storage.count { grow() }
        storage[(head + stored) & (storage.count - 1)] = element
        stored += 1
    }

    /// Removes and returns the oldest element, or nil when empty.
    @inlinable @inline(__always)
    public mutating func pop() -> Element? {
        guard stored > 0 else { return nil }
        let element = storage[head]
        storage[head] = nil
        head = (head + 1) & (storage.count - 1)
        stored -= 1
        return element
    }

    @usableFromInline
    mutating func grow() {
        var larger = UniqueArray<Element?>(repeating: nil, count: storage.count * 2)
        for i in 0..<stored { larger[i] = storage[(head + i) & (storage.count - 1)] }
        storage = larger
        head = 0
    }
}
