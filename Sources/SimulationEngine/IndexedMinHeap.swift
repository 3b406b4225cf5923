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
    private var heap: [Int32] = []
    /// Where each item sits in `heap`, or -1 when it is absent.
    private var position: [Int32]
    private var key: [Int]

    public init(capacity: Int) {
        position = Array(repeating: -1, count: capacity)
        key = Array(repeating: 0, count: capacity)
    }

    /// The item with the least (key, item), if any.
    @inline(__always)
    public var first: Int? { heap.first.map(Int.init) }

    public var count: Int { heap.count }

    public func contains(_ item: Int) -> Bool { position[item] >= 0 }

    /// Adds `item` with `key`, or gives it that key if it is already present.
    public mutating func insert(_ item: Int, key newKey: Int) {
        if position[item] >= 0 {
            let old = key[item]
            key[item] = newKey
            if newKey < old { siftUp(Int(position[item])) } else if newKey > old { siftDown(Int(position[item])) }
            return
        }
        key[item] = newKey
        heap.append(Int32(item))
        position[item] = Int32(heap.count - 1)
        siftUp(heap.count - 1)
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
            position[Int(last)] = Int32(at)
            siftUp(at)
            siftDown(Int(position[Int(last)]))
        }
        checkInvariants()
    }

    @inline(__always)
    private func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let ka = key[Int(a)], kb = key[Int(b)]
        return ka < kb || (ka == kb && a < b)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        let item = heap[child]
        while child > 0 {
            let parent = (child - 1) >> 1
            guard precedes(item, heap[parent]) else { break }
            heap[child] = heap[parent]
            position[Int(heap[child])] = Int32(child)
            child = parent
        }
        heap[child] = item
        position[Int(item)] = Int32(child)
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let item = heap[parent]
        while true {
            var child = 2 * parent + 1
            if child >= heap.count { break }
            if child + 1 < heap.count && precedes(heap[child + 1], heap[child]) { child += 1 }
            guard precedes(heap[child], item) else { break }
            heap[parent] = heap[child]
            position[Int(heap[parent])] = Int32(parent)
            parent = child
        }
        heap[parent] = item
        position[Int(item)] = Int32(parent)
    }

    /// In debug builds, checks the heap order and the position index after every change.
    @inline(__always)
    private func checkInvariants() {
        #if DEBUG
        for (at, item) in heap.enumerated() {
            assert(position[Int(item)] == Int32(at), "position index out of step")
            if at > 0 { assert(!precedes(item, heap[(at - 1) >> 1]), "heap order broken") }
        }
        #endif
    }
}
