import BasicContainers
import Foundation
import SimulationEngine

/// What one replication of a ``QueueingNetwork`` measured, over [warm-up, horizon].
public struct NetworkReplication: Sendable {
    public struct StageMeasures: Sendable {
        /// Services completed.
        public var completed: Int
        /// Mean wait in the queue of the services completed.
        public var meanWaitHours: Double
        /// Busy server-hours divided by servers × the measured period.
        public var utilisation: Double
        /// Time-average number waiting in the queue.
        public var meanQueueLength: Double
        /// Work waiting or in service at the horizon.
        public var inStageAtEnd: Int
        /// Services completed and their mean wait, per priority class (class 0 first).
        public var completedByClass: [Int]
        public var meanWaitHoursByClass: [Double]
    }

    /// Arrivals during the measured period.
    public var arrived: Int
    /// Work that left the network during the measured period.
    public var completed: Int
    /// Work in the network when measuring began (after the warm-up).
    public var inNetworkAtStart: Int
    /// Work still in the network at the horizon.
    public var inNetworkAtEnd: Int
    /// Time-average amount of work in the network.
    public var meanInNetwork: Double
    /// Mean time from arrival to leaving, over the work that left.
    public var meanTimeInNetworkHours: Double
    /// Median and 90th percentile of the time in the network (from a log-linear histogram, to
    /// within 0.8%).
    public var timeInNetworkP50Hours: Double
    public var timeInNetworkP90Hours: Double
    /// The length of the measured period.
    public var measuredHours: Double
    /// Arrivals, service starts and service ends processed in [0, horizon], warm-up included.
    public var events: Int
    public var stages: [StageMeasures]
    /// The run stopped early because more than ``NetworkSimulation/inNetworkLimit`` pieces of
    /// work were in the network: it cannot keep up, and its measures cover only the time until it
    /// stopped.
    public var stoppedOverloaded = false
}

/// Runs one replication of a ``QueueingNetwork``.
///
/// Every replication draws from its own streams, seeded from the ``SeedPlan``: arrivals and
/// priority classes from one, routing from another, and each stage's service times from a stream of
/// its own. Memory grows with the work in the network at once, never with the length of the run.
///
/// ```swift
/// let result = NetworkSimulation.run(network, length: RunLength(horizonHours: 8760),
///                                    seeds: SeedPlan(baseSeed: 1), replication: 0)
/// ```
public enum NetworkSimulation {
    /// Work in the network beyond which a run stops as hopelessly overloaded, so that memory and
    /// time stay bounded whatever the network.
    public static let inNetworkLimit = 200_000

    public static func run(_ network: QueueingNetwork, length: RunLength, seeds: SeedPlan, replication: Int) -> NetworkReplication {
        var state = NetworkState(network: network, length: length, seeds: seeds, replication: replication)
        return state.run()
    }
}

/// The random streams of a network run, one per purpose.
extension StreamPurpose {
    /// Times between arrivals and the priority class of each arrival.
    static let networkArrivals = StreamPurpose(rawValue: 0)
    /// Which way work goes after each stage.
    static let networkRouting = StreamPurpose(rawValue: 1)
    /// Service times at the stage with the given index, one stream per stage.
    static func networkService(stage: Int) -> StreamPurpose { .numbered(stage, from: firstNetworkService) }
    static let firstNetworkService: UInt32 = 16
}

/// One piece of work in the network.
struct Job {
    var arrivalTime: Double
    var enteredStage: Double
    var wait = 0.0
    var stage: Int32 = -1
    var priorityClass: UInt8
}

/// The mutable state of one run. A struct with everything inline keeps the event loop free of
/// reference counting and exclusivity checks; it cannot be copied, so that its event list,
/// queues and entities are changed in place without checking whether they are shared.
struct NetworkState: EventDrivenModel, ~Copyable {
    enum EventKind: UInt32 {
        case arrival = 0
        case serviceEnd = 1
    }

    /// The changing state of a stage. What never changes during a run (service distributions,
    /// routes) is kept in flat `let` arrays beside it, so that the event loop reads it without
    /// retaining anything.
    struct StageState {
        let servers: Int
        let usesPriority: Bool
        let leavesAfterService: Bool
        var busy = 0
        var queued = 0
        var completed = 0
        var waitTotal = 0.0
        var busyServers: TimeWeightedAverage
        var queueLength: TimeWeightedAverage
    }

    let length: RunLength
    let arrivalMean: Double
    let classCumulative: [Double]
    let services: [Distribution]
    /// Routes of every origin, flattened: origin `o` (a stage index, or the stage count for
    /// arrivals) owns entries `routeStart[o] ..< routeStart[o + 1]`. A target of -1 means leaving.
    let routeStart: [Int]
    let routeTarget: [Int32]
    let routeProbability: [Double]
    let arrivalOrigin: Int
    let arrivalStream: RandomStream
    let routingStream: RandomStream
    let serviceStreams: RandomStreams

    var events = EventList(capacity: 256)
    var stages = UniqueArray<StageState>()
    /// One queue per stage and priority class, at `stage * classCount + class`.
    var queues = UniqueArray<RingBuffer<Int32>>()
    let classCount: Int
    /// Completed services and total wait per stage and priority class, at `stage * classCount + class`.
    var classCompleted: [Int]
    var classWaitTotal: [Double]
    var entities = EntityPool<Job>()

    var arrived = 0
    var completed = 0
    var inNetworkAtStart = 0
    var eventCount = 0
    var inNetwork: TimeWeightedAverage
    var timeInNetwork = RunningStatistics()
    var timeInNetworkHistogram = QuantileHistogram()

    init(network: QueueingNetwork, length: RunLength, seeds: SeedPlan, replication: Int) {
        self.length = length
        arrivalMean = 1 / network.arrivalsPerHour
        services = network.stages.map(\.service)
        let origins = network.stages.map(\.routes) + [network.entry]
        var starts = [0]
        for routes in origins { starts.append(starts[starts.count - 1] + routes.count) }
        routeStart = starts
        routeTarget = origins.flatMap { $0.map { Int32($0.stage ?? -1) } }
        routeProbability = origins.flatMap { $0.map(\.probability) }
        arrivalOrigin = network.stages.count
        var running = 0.0
        classCumulative = network.priorityClassProbabilities.map {
            running += $0
            return running
        }
        classCount = network.priorityClassProbabilities.count
        arrivalStream = RandomStream(seed: seeds.seed(replication: replication, purpose: .networkArrivals))
        routingStream = RandomStream(seed: seeds.seed(replication: replication, purpose: .networkRouting))
        serviceStreams = RandomStreams(
            network.stages.indices.map {
                RandomStream(seed: seeds.seed(replication: replication, purpose: .networkService(stage: $0)))
            })
        for stage in network.stages {
            stages.append(
                StageState(
                    servers: stage.servers, usesPriority: stage.discipline == .priority, leavesAfterService: stage.routes.isEmpty,
                    busyServers: TimeWeightedAverage(), queueLength: TimeWeightedAverage()))
        }
        for _ in 0..<network.stages.count * classCount { queues.append(RingBuffer()) }
        classCompleted = Array(repeating: 0, count: network.stages.count * classCount)
        classWaitTotal = Array(repeating: 0, count: network.stages.count * classCount)
        inNetwork = TimeWeightedAverage()
    }

    mutating func run() -> NetworkReplication {
        events.schedule(at: arrivalStream.exponential(mean: arrivalMean), kind: EventKind.arrival.rawValue, subject: 0)
        let (_, stoppedAt) = run(length)
        var result = measures(at: stoppedAt)
        result.stoppedOverloaded = stoppedAt < length.horizonHours
        return result
    }

    /// Stops a run that can no longer keep up.
    var mustStop: Bool { entities.live > NetworkSimulation.inNetworkLimit }

    mutating func handle(_ event: Event) {
        if event.kind == EventKind.arrival.rawValue {
            arrive(at: event.time)
        } else {
            finishService(of: event.subject, at: event.time)
        }
    }

    // MARK: Events

    @inline(__always)
    mutating func arrive(at now: Double) {
        eventCount += 1
        arrived += 1
        events.schedule(at: now + arrivalStream.exponential(mean: arrivalMean), kind: EventKind.arrival.rawValue, subject: 0)
        let priorityClass = classCount == 1 ? 0 : Distribution.firstIndex(atLeast: arrivalStream.uniform(), in: classCumulative)
        let entity = entities.make(Job(arrivalTime: now, enteredStage: now, priorityClass: UInt8(priorityClass)))
        inNetwork.set(inNetwork.value + 1, at: now)
        send(entity, from: arrivalOrigin, at: now)
    }

    @inline(__always)
    mutating func finishService(of entity: Int32, at now: Double) {
        eventCount += 1
        let stage = Int(entities[entity].stage)
        let wait = entities[entity].wait
        stages[stage].completed += 1
        stages[stage].waitTotal += wait
        if classCount > 1 {
            let slot = stage * classCount + Int(entities[entity].priorityClass)
            classCompleted[slot] += 1
            classWaitTotal[slot] += wait
        }
        if let next = takeNext(from: stage, at: now) {
            // A server moves straight on to the next piece of work: the busy count is unchanged.
            startService(of: next, at: stage, now: now)
        } else {
            stages[stage].busy -= 1
            stages[stage].busyServers.set(Double(stages[stage].busy), at: now)
        }
        if stages[stage].leavesAfterService {
            leave(entity, at: now)
        } else {
            send(entity, from: stage, at: now)
        }
    }

    mutating func warmUpEnded(at now: Double) {
        arrived = 0
        completed = 0
        inNetworkAtStart = entities.live
        inNetwork.restart(at: now)
        timeInNetwork = RunningStatistics()
        timeInNetworkHistogram = QuantileHistogram()
        classCompleted = classCompleted.map { _ in 0 }
        classWaitTotal = classWaitTotal.map { _ in 0 }
        for index in stages.indices {
            stages[index].completed = 0
            stages[index].waitTotal = 0
            stages[index].busyServers.restart(at: now)
            stages[index].queueLength.restart(at: now)
        }
    }

    // MARK: Movement

    @inline(__always)
    mutating func send(_ entity: Int32, from origin: Int, at now: Double) {
        let first = routeStart[origin], end = routeStart[origin + 1]
        var target = routeTarget[end - 1]
        if end - first > 1 {
            // A draw is taken only where there is a choice, so adding a one-way route elsewhere
            // leaves every other routing draw unchanged.
            var u = routingStream.uniform()
            for route in first..<end {
                if u < routeProbability[route] {
                    target = routeTarget[route]
                    break
                }
                u -= routeProbability[route]
            }
        }
        if target >= 0 { enter(entity, stage: Int(target), at: now) } else { leave(entity, at: now) }
    }

    @inline(__always)
    mutating func enter(_ entity: Int32, stage: Int, at now: Double) {
        entities[entity].stage = Int32(stage)
        entities[entity].enteredStage = now
        if stages[stage].busy < stages[stage].servers {
            stages[stage].busy += 1
            stages[stage].busyServers.set(Double(stages[stage].busy), at: now)
            startService(of: entity, at: stage, now: now)
        } else {
            let queue = stages[stage].usesPriority ? stage * classCount + Int(entities[entity].priorityClass) : stage * classCount
            queues[queue].push(entity)
            stages[stage].queued += 1
            stages[stage].queueLength.set(Double(stages[stage].queued), at: now)
        }
    }

    @inline(__always)
    mutating func startService(of entity: Int32, at stage: Int, now: Double) {
        eventCount += 1
        entities[entity].wait = now - entities[entity].enteredStage
        let duration = serviceStreams.sample(services[stage], from: stage)
        events.schedule(at: now + duration, kind: EventKind.serviceEnd.rawValue, subject: entity)
    }

    @inline(__always)
    mutating func takeNext(from stage: Int, at now: Double) -> Int32? {
        guard stages[stage].queued > 0 else { return nil }
        let first = stage * classCount
        let last = stages[stage].usesPriority ? first + classCount - 1 : first
        for queue in first...last {
            guard let next = queues[queue].pop() else { continue }
            stages[stage].queued -= 1
            stages[stage].queueLength.set(Double(stages[stage].queued), at: now)
            return next
        }
        preconditionFailure("stage queue count out of step with its queues")
    }

    @inline(__always)
    mutating func leave(_ entity: Int32, at now: Double) {
        completed += 1
        let duration = now - entities[entity].arrivalTime
        timeInNetwork.add(duration)
        timeInNetworkHistogram.add(duration)
        inNetwork.set(inNetwork.value - 1, at: now)
        entities.release(entity)
    }

    // MARK: Results

    func measures(at horizon: Double) -> NetworkReplication {
        let measured = horizon - min(length.warmUpHours, horizon)
        return NetworkReplication(
            arrived: arrived,
            completed: completed,
            inNetworkAtStart: inNetworkAtStart,
            inNetworkAtEnd: entities.live,
            meanInNetwork: inNetwork.average(upTo: horizon),
            meanTimeInNetworkHours: timeInNetwork.mean,
            timeInNetworkP50Hours: timeInNetworkHistogram.quantile(0.5) ?? 0,
            timeInNetworkP90Hours: timeInNetworkHistogram.quantile(0.9) ?? 0,
            measuredHours: measured,
            events: eventCount,
            stages: stages.indices.map { index in
                let stage = stages[index]
                let slots = (index * classCount)..<((index + 1) * classCount)
                // With one class the per-class figures are the stage's own (not tracked separately).
                let byClass = classCount == 1 ? [stage.completed] : Array(classCompleted[slots])
                let waitByClass = classCount == 1 ? [stage.waitTotal] : Array(classWaitTotal[slots])
                return NetworkReplication.StageMeasures(
                    completed: stage.completed,
                    meanWaitHours: stage.completed > 0 ? stage.waitTotal / Double(stage.completed) : 0,
                    utilisation: measured > 0 ? stage.busyServers.integral(upTo: horizon) / (Double(stage.servers) * measured) : 0,
                    meanQueueLength: stage.queueLength.average(upTo: horizon),
                    inStageAtEnd: stage.busy + stage.queued,
                    completedByClass: byClass,
                    meanWaitHoursByClass: zip(waitByClass, byClass).map { $1 > 0 ? $0 / Double($1) : 0 })
            })
    }
}
