import BasicContainers

/// A min-priority queue over the items `0 ..< capacity`, each present at most once with an
/// integer key, ordered by (key, item): of two items with the same key, the lower-numbered one
/// comes first. Unlike a plain heap, an item can be removed or re-keyed wherever it is.
///
/// ```swift
/// var free = IndexedMinHeap(capacity: 3)
/// free.insert(2, key: 0)
/// free.insert(1, key: 0)
/// free.first                  // 1: the same key, a lower number
/// free.insert(1, key: 5)      // re-keyed
/// free.first                  // 2
/// ```
///
/// It cannot be copied, so that changing it never checks whether its storage is shared.
///
/// - Complexity: O(log n) to insert, re-key or remove; O(1) for ``first``.
public struct IndexedMinHeap: ~Copyable, Sendable {
    /// The entries, each `key << 32 | item`, so that one integer comparison orders them by
    /// (key, item).
    private var heap: UniqueArray<UInt64>
    /// Where each item sits in `heap`, or -1 when it is absent.
    private var position: UniqueArray<Int32>

    public init(capacity: Int) {
        precondition(capacity >= 0 && capacity <= Int(Int32.max), "an indexed heap holds 0 to 2^31 − 1 items")
        heap = UniqueArray(capacity: capacity)
        position = UniqueArray(repeating: -1, count: capacity)
    }

    /// The item with the least (key, item), if any.
    @inline(__always)
    public var first: Int? { heap.isEmpty ? nil : Int(heap[0] & 0xffff_ffff) }

    public var count: Int { heap.count }

    public func contains(_ item: Int) -> Bool { position[item] >= 0 }

    /// Adds `item` with `key` (0 to 2^32 − 1), or gives it that key if it is already present.
    public mutating func insert(_ item: Int, key: Int) {
        precondition(key >= 0 && key <= Int(UInt32.max), "an indexed heap's keys run from 0 to 2^32 − 1")
        let entry = UInt64(key) << 32 | UInt64(item)
        let at = Int(position[item])
        if at >= 0 {
            let old = heap[at]
            heap[at] = entry
            if entry < old { siftUp(at) } else if entry > old { siftDown(at) }
        } else {
            heap.append(entry)
            siftUp(heap.count - 1)
        }
        checkInvariants()
    }

    /// Removes `item` if it is present.
    public mutating func remove(_ item: Int) {
        let at = Int(position[item])
        guard at >= 0 else { return }
        position[item] = -1
        let last = heap.removeLast()
        if at < heap.count {
            heap[at] = last
            siftUp(at)
            siftDown(Int(position[Int(last & 0xffff_ffff)]))
        }
        checkInvariants()
    }

    /// Moves the entry at `start` up past the entries it precedes, keeping `position` in step.
    private mutating func siftUp(_ start: Int) {
        var child = start
        let entry = heap[child]
        while child > 0 {
            let parent = (child - 1) >> 1
            let above = heap[parent]
            guard entry < above else { break }
            place(above, at: child)
            child = parent
        }
        place(entry, at: child)
    }

    /// Moves the entry at `start` down past the entries that precede it, keeping `position` in
    /// step.
    private mutating func siftDown(_ start: Int) {
        var parent = start
        let entry = heap[parent], count = heap.count
        while true {
            var child = 2 * parent + 1
            if child >= count { break }
            if child + 1 < count && heap[child + 1] < heap[child] { child += 1 }
            let below = heap[child]
            guard below < entry else { break }
            place(below, at: parent)
            parent = child
        }
        place(entry, at: parent)
    }

    /// Puts `entry` at `slot` of the heap and records where its item now is.
    @inline(__always)
    private mutating func place(_ entry: UInt64, at slot: Int) {
        heap[slot] = entry
        position[Int(entry & 0xffff_ffff)] = Int32(slot)
    }

    @inline(__always)
    private func checkInvariants() {
        #if DEBUG
            for at in heap.indices {
                let entry = heap[at]
                assert(position[Int(entry & 0xffff_ffff)] == Int32(at), "position index out of step")
                if at > 0 { assert(entry >= heap[(at - 1) >> 1], "heap order broken") }
            }
        #endif
    }
}
