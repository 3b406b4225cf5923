/// The records of work in the network, as parallel arrays indexed by entity number. Numbers are
/// reused once work leaves, so the pool never grows beyond the most work in the network at once.
struct EntityPool {
    var arrivalTime: [Double] = []
    var enteredStage: [Double] = []
    var wait: [Double] = []
    var stage: [Int32] = []
    var priorityClass: [UInt8] = []
    private var freeList: [Int32] = []
    /// The number of entities in use.
    private(set) var live = 0

    @inline(__always)
    mutating func make(arrivedAt time: Double, priorityClass cls: Int) -> Int32 {
        live += 1
        if let reused = freeList.popLast() {
            arrivalTime[Int(reused)] = time
            priorityClass[Int(reused)] = UInt8(cls)
            return reused
        }
        arrivalTime.append(time)
        enteredStage.append(time)
        wait.append(0)
        stage.append(-1)
        priorityClass.append(UInt8(cls))
        return Int32(arrivalTime.count - 1)
    }

    @inline(__always)
    mutating func free(_ entity: Int32) {
        live -= 1
        freeList.append(entity)
    }

    /// The number of entity records ever allocated (the high-water mark of work in the network).
    var capacity: Int { arrivalTime.count }
}

/// A first-in-first-out queue of entity numbers in a growable ring buffer.
struct EntityQueue {
    private var storage = [Int32](repeating: 0, count: 16)
    private var head = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    mutating func push(_ entity: Int32) {
        if count == storage.count { grow() }
        storage[(head + count) & (storage.count - 1)] = entity
        count += 1
    }

    @inline(__always)
    mutating func pop() -> Int32 {
        let entity = storage[head]
        head = (head + 1) & (storage.count - 1)
        count -= 1
        return entity
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: storage.count * 2)
        for i in 0..<count { larger[i] = storage[(head + i) & (storage.count - 1)] }
        storage = larger
        head = 0
    }
}
