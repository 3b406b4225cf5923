import FrontDoorModel
import QueueingNetworkModel
import SimulationEngine

/// A scenario: a described piece of work to simulate, read from a file and validated.
///
/// Load one with ``ScenarioLoader``; simulate one replication with ``simulate(replication:seeds:)``.
public struct Scenario: Sendable {
    /// What is simulated: a plain queueing network (such as the reference workload), or a
    /// front door with its calendar, demand, teams and decisions.
    public enum Model: Sendable {
        case network(QueueingNetwork, stageIDs: [String])
        case frontDoor(PreparedDesign)
    }

    /// The scenario's short name, used in reports and output folder names.
    public let name: String
    /// A sentence or two saying what the scenario represents.
    public let summary: String
    /// The file it was read from.
    public let file: String
    /// Every file read, the scenario's own first, then the files it extends.
    public let files: [String]
    public let model: Model
    public let length: RunLength
    /// Published figures the scenario is meant to reproduce, which its report sets beside the
    /// model's own.
    public let publishedFigures: [PublishedFigure]
    /// What the service aims for (decided within 3 working days ≥ 85%…), which reports judge
    /// every design against.
    public let targets: [MeasureTarget]
    /// Changes laid over the files on the command line or by a what-if (`teams.screeners.people=20`),
    /// which reports show beside the design's name.
    public let changes: [String]
    /// Which teams `compare --at-standard` may size to the shared standard, and the most posts it
    /// tries in any one; nil when the design gives none (it is then run as staffed only).
    public let sizing: SizingPlan?
    /// Plausible lows and highs for values the scenario assumes, each with its reason.
    public let ranges: [AssumptionRange]

    /// Makes a scenario from its parts (the scenario reader does).
    public init(
        name: String, summary: String, file: String, files: [String], model: Model, length: RunLength,
        publishedFigures: [PublishedFigure] = [], targets: [MeasureTarget] = [], changes: [String] = [], sizing: SizingPlan? = nil,
        ranges: [AssumptionRange] = []
    ) {
        self.ranges = ranges
        self.changes = changes
        self.sizing = sizing
        self.publishedFigures = publishedFigures
        self.targets = targets
        self.name = name
        self.summary = summary
        self.file = file
        self.files = files
        self.model = model
        self.length = length
    }

    /// The teams a design lets `compare --at-standard` size (`sizing: {teams: [screeners,
    /// team_managers], max_posts: 40}`), so that every design is staffed to one standard rather
    /// than by assumption.
    public struct SizingPlan: Sendable, Equatable {
        public let teams: [String]
        public let maximumPosts: Int

        public init(teams: [String], maximumPosts: Int) {
            precondition(!teams.isEmpty && maximumPosts >= 1, "at least one team, and at least one post")
            self.teams = teams
            self.maximumPosts = maximumPosts
        }
    }

    /// A published figure for one of the scenario's measures, in the measure's unit, and where it
    /// comes from: "22.6% of referrals were re-referrals (DfE children in need census 2024-25)".
    public struct PublishedFigure: Sendable, Hashable {
        public let measure: MeasureID
        public let value: Double
        public let source: String

        public init(measure: MeasureID, value: Double, source: String) {
            self.measure = measure
            self.value = value
            self.source = source
        }
    }

    /// Whether the scenario is a plain queueing network rather than a front door.
    public var isNetwork: Bool {
        if case .network = model { return true }
        return false
    }

    /// The same scenario under another name (a point of a sweep, a candidate staffing).
    public func renamed(_ newName: String) -> Scenario {
        Scenario(
            name: newName, summary: summary, file: file, files: files, model: model, length: length, publishedFigures: publishedFigures,
            targets: targets, changes: changes, sizing: sizing, ranges: ranges)
    }

    /// The measures that `--precision` watches and reports open with.
    public var headlineMeasures: [MeasureID] {
        switch model {
        case .network(_, let stageIDs): return [MeasureID(.contactsCompleted)] + stageIDs.map { MeasureID.stage($0).utilisation }
        case .frontDoor:
            return [
                MeasureID(.decidedWithin3WorkingDays), MeasureID(.backlogMean), MeasureID(.decisionsPerManagerDayMean),
                MeasureID(.assessmentsStarted)
            ]
        }
    }

    /// Everything this scenario measures, in the order ``simulate(replication:seeds:)`` returns values.
    public var measures: [MeasureDefinition] {
        switch model {
        case .network(_, let stageIDs): return NetworkMeasures.catalogue(stageIDs: stageIDs).definitions
        case .frontDoor(let design): return design.measureCatalogue.definitions
        }
    }

    /// Runs one replication and returns one value per entry of ``measures``, and the number of
    /// events the engine processed.
    public func simulate(replication: Int, seeds: SeedPlan) -> ReplicationOutcome {
        switch model {
        case .network(let network, let stageIDs):
            let run = NetworkSimulation.run(network, length: length, seeds: seeds, replication: replication)
            return ReplicationOutcome(values: NetworkMeasures.catalogue(stageIDs: stageIDs).values(run), events: run.events)
        case .frontDoor(let design):
            let run = FrontDoorSimulation.run(design, length: length, seeds: seeds, replication: replication)
            let calendar = design.design.calendar
            return ReplicationOutcome(
                values: design.measureCatalogue.values(run), events: run.events,
                days: run.days.map {
                    DayValues(
                        date: calendar.date(ofDay: $0.day), received: $0.received, decided: $0.decided, backlog: $0.backlog,
                        childrenReferred: $0.childrenReferred, dueWithin3: $0.dueWithin3, decidedWithin3: $0.decidedWithin3)
                },
                backlogSeries: run.backlogSeries.map(Double.init), warmUpObservations: run.warmUpWorkingDays)
        }
    }
}

/// What one replication produced: one value per measure, the engine's event count, and for a
/// front door the day-by-day record.
public struct ReplicationOutcome: Sendable {
    public let values: [Double]
    public let events: Int
    /// Each calendar day of the measured period (empty for a plain network).
    public let days: [DayValues]
    /// The backlog at the close of every working day, warm-up included, and how many of those
    /// observations fall in the warm-up: the series on which the warm-up is checked.
    public let backlogSeries: [Double]
    public let warmUpObservations: Int

    public init(values: [Double], events: Int, days: [DayValues] = [], backlogSeries: [Double] = [], warmUpObservations: Int = 0) {
        self.values = values
        self.events = events
        self.days = days
        self.backlogSeries = backlogSeries
        self.warmUpObservations = warmUpObservations
    }
}

/// One calendar day of a front door: contacts received and decided, and the backlog at the close
/// of the day (nil when it is not a working day).
///
/// A run keeps one for every measured day of every replication, so it is stored in 28 bytes
/// (the date as its day number, every count as a 32-bit integer, no backlog as −1) rather than
/// 80: a thousand replications of a year keep 10 MB of days, not 29 MB. The scenario reader's
/// limits keep a day's counts far below 2³¹ (at most 10,000 contacts an hour at 100 times the
/// demand, 20 children a contact); a count beyond it would be stored as 2³¹ − 1.
public struct DayValues: Sendable, Equatable {
    private let dayNumber: Int32
    private let storedReceived: Int32
    private let storedDecided: Int32
    private let storedBacklog: Int32
    private let storedChildrenReferred: Int32
    private let storedDueWithin3: Int32
    private let storedDecidedWithin3: Int32

    public var date: CivilDate { CivilDate(dayNumber: Int(dayNumber)) }
    public var received: Int { Int(storedReceived) }
    public var decided: Int { Int(storedDecided) }
    public var backlog: Int? { storedBacklog < 0 ? nil : Int(storedBacklog) }
    /// Children referred by the day's decisions.
    public var childrenReferred: Int { Int(storedChildrenReferred) }
    /// Of the contacts received that day, those in the 3-working-day timeliness cohort, and of
    /// them the ones decided within 3 working days.
    public var dueWithin3: Int { Int(storedDueWithin3) }
    public var decidedWithin3: Int { Int(storedDecidedWithin3) }

    public init(
        date: CivilDate, received: Int, decided: Int, backlog: Int?, childrenReferred: Int = 0, dueWithin3: Int = 0, decidedWithin3: Int = 0
    ) {
        dayNumber = Int32(clamping: date.dayNumber)
        storedReceived = Int32(clamping: received)
        storedDecided = Int32(clamping: decided)
        storedBacklog = backlog.map { Int32(clamping: $0) } ?? -1
        storedChildrenReferred = Int32(clamping: childrenReferred)
        storedDueWithin3 = Int32(clamping: dueWithin3)
        storedDecidedWithin3 = Int32(clamping: decidedWithin3)
    }
}
