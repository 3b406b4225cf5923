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
/// - Complexity: O(log n) to insert, re-key or remove; O(1) for ``first``.
public struct IndexedMinHeap: Sendable {
    /// The entries, each `key << 32 | item`, so that one integer comparison orders them by
    /// (key, item).
    private var heap: [UInt64] = []
    /// Where each item sits in `heap`, or -1 when it is absent.
    private var position: [Int32]

    public init(capacity: Int) {
        precondition(capacity <= Int(Int32.max), "an indexed heap holds at most 2^31 − 1 items")
        position = Array(repeating: -1, count: capacity)
    }

    /// The item with the least (key, item), if any.
    @inline(__always)
    public var first: Int? { heap.first.map { Int($0 & 0xffff_ffff) } }

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
        heap.withUnsafeMutableBufferPointer { heap in
            position.withUnsafeMutableBufferPointer { position in
                var child = start
                let entry = heap[child]
                while child > 0 {
                    let parent = (child - 1) >> 1
                    guard entry < heap[parent] else { break }
                    heap[child] = heap[parent]
                    position[Int(heap[child] & 0xffff_ffff)] = Int32(child)
                    child = parent
                }
                heap[child] = entry
                position[Int(entry & 0xffff_ffff)] = Int32(child)
            }
        }
    }

    /// Moves the entry at `start` down past the entries that precede it, keeping `position` in
    /// step.
    private mutating func siftDown(_ start: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            position.withUnsafeMutableBufferPointer { position in
                var parent = start
                let entry = heap[parent]
                while true {
                    var child = 2 * parent + 1
                    if child >= heap.count { break }
                    if child + 1 < heap.count && heap[child + 1] < heap[child] { child += 1 }
                    guard heap[child] < entry else { break }
                    heap[parent] = heap[child]
                    position[Int(heap[parent] & 0xffff_ffff)] = Int32(parent)
                    parent = child
                }
                heap[parent] = entry
                position[Int(entry & 0xffff_ffff)] = Int32(parent)
            }
        }
    }

    /// In debug builds, checks the heap order and the position index after every change.
    @inline(__always)
    private func checkInvariants() {
        #if DEBUG
        for (at, entry) in heap.enumerated() {
            assert(position[Int(entry & 0xffff_ffff)] == Int32(at), "position index out of step")
            if at > 0 { assert(entry >= heap[(at - 1) >> 1], "heap order broken") }
        }
        #endif
    }
}
