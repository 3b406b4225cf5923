/// A first-in-first-out queue of contacts in a growable ring buffer. Each entry carries the
/// contact's token at the time it joined, so a contact that leaves the queue early (a caller who
/// gives up, a check that runs out of time) is removed by changing its token, and its stale entry
/// is skipped when it reaches the front.
struct ContactQueue {
    private var storage = [UInt64](repeating: 0, count: 16)
    private var head = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func push(_ contact: Int32, token: UInt32) {
        if count == storage.count { grow() }
        storage[(head + count) & (storage.count - 1)] = UInt64(UInt32(bitPattern: contact)) | UInt64(token) << 32
        count += 1
    }

    /// The oldest entry whose token still matches, dropping stale ones on the way.
    mutating func pop(isCurrent: (Int32, UInt32) -> Bool) -> Int32? {
        while count > 0 {
            let entry = storage[head]
            head = (head + 1) & (storage.count - 1)
            count -= 1
            let contact = Int32(bitPattern: UInt32(truncatingIfNeeded: entry))
            if isCurrent(contact, UInt32(entry >> 32)) { return contact }
        }
        return nil
    }

    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: storage.count * 2)
        for i in 0..<count { larger[i] = storage[(head + i) & (storage.count - 1)] }
        storage = larger
        head = 0
    }
}
