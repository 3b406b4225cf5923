import SimulationEngine

/// What one replication of a front-door design measured over the measured period (after the
/// warm-up). Counts are totals over that period; ``FrontDoorMeasures`` turns them into measures.
public struct FrontDoorReplication: Sendable {
    public var measuredHours = 0.0
    public var received = 0
    public var receivedBySource: [Int] = []
    public var recontacts = 0
    public var decided = 0
    public var outcomes = [Int](repeating: 0, count: Outcome.allCases.count)
    /// Decisions, and referrals (strategy discussions included), by demand source.
    public var decidedBySource: [Int] = []
    public var referredBySource: [Int] = []
    /// Timeliness, counted on the cohort of contacts received in the measured period whose
    /// deadline falls inside the run: how many there were (`due…`), and how many of them were
    /// decided by the deadline. A contact not decided by then is late, decided later or never.
    public var dueWithin1 = 0
    public var decidedWithin1 = 0
    public var dueWithin3 = 0
    public var decidedWithin3 = 0
    /// The same for 4 working hours, by RAG.
    public var dueWithin4HoursByRAG = [Int](repeating: 0, count: RAG.allCases.count)
    public var within4HoursByRAG = [Int](repeating: 0, count: RAG.allCases.count)
    public var timeToDecision = QuantileHistogram()
    public var backlog = RunningStatistics()
    public var backlogHistogram = QuantileHistogram()
    public var backlogMax = 0
    /// Backlog at the close of every working day of the run, warm-up included, for checking
    /// whether the warm-up was long enough and whether the backlog grows; how many of those days
    /// fell in the warm-up; and how many closed at least a year before the run's end.
    public var backlogSeries: [Int] = []
    public var warmUpWorkingDays = 0
    public var workingDaysAYearBeforeEnd = 0
    /// Per calendar day of the measured period: contacts received, contacts decided, and the
    /// backlog at the close of the day (nil on days that are not working days).
    public var days: [DayRecord] = []

    public struct DayRecord: Sendable, Equatable {
        public var day: Int
        public var received = 0
        public var decided = 0
        public var backlog: Int?
        /// Children referred by the day's decisions.
        public var childrenReferred = 0
        /// Of the contacts received that day, those in the 3-working-day timeliness cohort, and
        /// of them the ones decided within 3 working days.
        public var dueWithin3 = 0
        public var decidedWithin3 = 0
    }
    /// Decisions made or signed off by one manager on one working day they were at work.
    public var managerDays = RunningStatistics()
    public var managerDayHistogram = QuantileHistogram()
    public var managerDayMax = 0
    /// Per team whose people decide or sign off: person-days at work, and their decisions.
    public var teamDecisionDays: [Int] = []
    public var teamDecisions: [Int] = []
    /// Strategy discussions decided on in the measured period and due within the run; of those,
    /// held by their due time; held in the measured period, and their total wait (hours).
    public var discussionsDue = 0
    public var discussionsOnTime = 0
    public var discussionsHeld = 0
    public var discussionWaitHours = 0.0
    public var decisionsAtFullFatigue = 0
    public var decisionsChangedByFatigue = 0
    public var handoffs = 0
    public var informationRequests = 0
    /// Contacts that waited for consent, a call-back or a partner's information.
    public var slowWaits = 0
    /// Contacts received in a batch, and the hours from their incident to their receipt.
    public var batched = 0
    public var batchDelayHours = 0.0
    public var phoneAttempts = 0
    public var phoneAbandoned = 0
    public var lostCallers = 0
    public var checksOutOfTime = 0
    public var assessmentsStarted = 0
    public var assessmentsNoFurtherService = 0
    /// Counted per child, as the children in need census counts: children in the contacts
    /// received; children referred (strategy discussions included), of them re-referred within
    /// 12 months of an earlier referral and taken to a strategy discussion; children whose
    /// assessment started, and of them assessed as not in need (no further service).
    public var childrenInContacts = 0
    /// Contacts about a child whose case is open, passed to the allocated worker undecided.
    public var passedToAllocatedWorker = 0
    public var childrenReferred = 0
    public var childrenRereferred = 0
    public var childrenInStrategyDiscussions = 0
    public var childrenAssessed = 0
    public var childrenAssessedNotInNeed = 0
    /// Where the design models the quality of decisions, counted per child decided on: children
    /// in need (protection included), those of them whose contact was closed at the front door
    /// (a missed need), children assessed who were not in need (an unnecessary assessment), and
    /// decisions that matched the child's real need.
    public var childrenWithNeed = 0
    public var childrenNeedMissed = 0
    public var childrenAssessedUnnecessarily = 0
    public var decisionsRight = 0
    /// Per team: person-hours busy and person-hours available.
    public var teamBusyHours: [Double] = []
    public var teamAvailableHours: [Double] = []
    /// Per stage: completed pieces of work and total wait (hours).
    public var stageCompleted: [Int] = []
    public var stageWaitHours: [Double] = []
    /// Per stage: elapsed hours from the start of a piece of work to its end (work paused
    /// between shifts included).
    public var stageWorkElapsedHours: [Double] = []
    /// Elapsed hours contacts spent waiting between steps: for a handoff to be picked up, for
    /// missing information, and (the slow ones) for consent, a call-back or a partner.
    public var handoffDelayHours = 0.0
    public var informationDelayHours = 0.0
    public var slowDelayHours = 0.0
    /// Contacts received and not yet decided when the run stopped, and how many of them were
    /// received in the measured period.
    public var undecidedAtEnd = 0
    public var measuredUndecidedAtEnd = 0
    /// The run stopped early because the backlog passed ``FrontDoorSimulation/backlogLimit``:
    /// the design cannot keep up, and its measures cover only the time until it stopped.
    public var stoppedOverloaded = false
    public var events = 0
}
