import BasicContainers

/// The records of the entities in a model (pieces of work, contacts…), numbered from 0. Numbers
/// are reused once an entity leaves, so the pool never grows beyond the most entities alive at
/// once: memory follows the work in the system, not the length of the run.
///
/// Each number carries a token that changes whenever its entity changes state in a way that
/// overtakes timers set earlier (it is released, or it leaves a queue). An event or queue entry
/// keeps the token it was made with and is ignored when it no longer matches.
///
/// ```swift
/// var pool = EntityPool<Double>()
/// let job = pool.make(3.5)              // record 0
/// let stamp = pool.token(job)
/// pool.release(job)                     // the number is free, and `stamp` is stale
/// pool.isCurrent(job, token: stamp)     // false
/// ```
///
/// A pool cannot be copied (a model owns its own), so that changing it never checks whether its
/// storage is shared.
///
/// - Complexity: O(1) to make, look up or release (amortised).
public struct EntityPool<Record>: ~Copyable {
    @usableFromInline var records = UniqueArray<Record>()
    @usableFromInline var tokens = UniqueArray<UInt32>()
    @usableFromInline var freeList = UniqueArray<Int32>()
    @usableFromInline var liveCount = 0

    public init() {}

    /// The number of entities alive now.
    @inlinable public var live: Int { liveCount }

    /// The number of records ever allocated: the most entities alive at once.
    @inlinable public var capacity: Int { records.count }

    /// Stores a new entity and returns its number. A reused number keeps a rising token, so that
    /// no timer left by its previous entity can match the new one.
    @inlinable @inline(__always)
    public mutating func make(_ record: Record) -> Int32 {
        liveCount += 1
        if let reused = freeList.popLast() {
            records[Int(reused)] = record
            tokens[Int(reused)] &+= 1
            return reused
        }
        records.append(record)
        tokens.append(0)
        return Int32(records.count - 1)
    }

    /// Frees the entity's number for reuse; its timers and queue entries become stale.
    @inlinable @inline(__always)
    public mutating func release(_ id: Int32) {
        liveCount -= 1
        tokens[Int(id)] &+= 1
        freeList.append(id)
    }

    /// The entity's record.
    @inlinable
    public subscript(id: Int32) -> Record {
        get { records[Int(id)] }
        _modify { yield &records[Int(id)] }
    }

    /// The entity's current token.
    @inlinable
    public func token(_ id: Int32) -> UInt32 { tokens[Int(id)] }

    /// Changes the entity's token, so that its pending timers and queue entries are ignored.
    @inlinable
    public mutating func renewToken(_ id: Int32) { tokens[Int(id)] &+= 1 }

    /// The numbers of the entities alive now, in order. O(capacity): for checks, not for the
    /// event loop.
    public var liveIDs: [Int32] {
        let free = Set(freeList.indices.map { freeList[$0] })
        return (0..<Int32(records.count)).filter { !free.contains($0) }
    }

    /// Whether `token` is still the entity's token.
    @inlinable
    public func isCurrent(_ id: Int32, token: UInt32) -> Bool { tokens[Int(id)] == token }
}

extension EntityPool: Sendable where Record: Sendable {}
