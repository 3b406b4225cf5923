import Testing

@testable import SimulationEngine

@Suite struct IndexedMinHeapTests {
    @Test func tiesGoToTheLowerNumberedItem() {
        var heap = IndexedMinHeap(capacity: 4)
        heap.insert(3, key: 1)
        heap.insert(2, key: 1)
        heap.insert(1, key: 2)
        #expect(heap.first == 2)
        heap.insert(2, key: 5)
        #expect(heap.first == 3)
        heap.remove(3)
        #expect(heap.first == 1)
    }

    @Test func agreesWithASortedListUnderRandomInsertsRekeysAndRemovals() {
        let stream = RandomStream(seed: 11)
        var heap = IndexedMinHeap(capacity: 50)
        var model: [Int: Int] = [:]
        for _ in 0..<20_000 {
            let item = Int(stream.uniform() * 50)
            if stream.uniform() < 0.4 {
                heap.remove(item)
                model[item] = nil
            } else {
                let key = Int(stream.uniform() * 6)
                heap.insert(item, key: key)
                model[item] = key
            }
            let expected = model.min { ($0.value, $0.key) < ($1.value, $1.key) }?.key
            #expect(heap.first == expected)
            #expect(heap.count == model.count)
        }
    }
}
