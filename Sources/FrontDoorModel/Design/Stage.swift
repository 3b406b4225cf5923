import SimulationEngine

/// A step of the pathway.
public struct Stage: Sendable {
    public enum Kind: Sendable {
        /// Work by a team: a queue, then a person's time.
        case work
        /// Multi-agency checks by partners: a queue and a person's time, bounded by the RAG
        /// clock — a check not started within the clock is abandoned and the contact moves on.
        case checks(clockHours: [Double])
    }

    public struct PhoneLine: Sendable {
        /// How long a caller waits before giving up.
        public var patience: Distribution
        /// Probability that a caller who gave up calls again.
        public var callBackProbability: Double
        /// Time until the call back.
        public var callBackDelay: Distribution
        /// Channels whose contacts are callers on this line (others, such as police
        /// notifications, wait in the queue without giving up), indexed by ``Channel``.
        public var channels: [Bool]

        /// Makes the value from its parts (the scenario reader does; tests may).
        public init(patience: Distribution, callBackProbability: Double, callBackDelay: Distribution, channels: [Bool]) {
            self.patience = patience
            self.callBackProbability = callBackProbability
            self.callBackDelay = callBackDelay
            self.channels = channels
        }
    }

    /// What a conversation with the referrer finds, at a stage that decides during the call
    /// (Norfolk's CADS: "the outcome is agreed during the call"), in designs that model each
    /// child's real need. Where the outcome table would refer a child, or take them to a strategy
    /// discussion, and their real need calls for less, talking it through finds the decision their
    /// need calls for (advice, early help or a referral); and some children in need whom the
    /// table would rightly refer are talked out of it, to early help.
    public struct Conversation: Sendable, Equatable {
        /// The chance that talking it through finds that a child needs less than the table's
        /// referral or strategy discussion, and decides what their need calls for.
        public var findsLessNeed: Double
        /// The chance that a child in need whom the table would rightly refer is not referred
        /// after the conversation: a needed referral lost.
        public var losesNeed: Double

        public init(findsLessNeed: Double, losesNeed: Double) {
            self.findsLessNeed = findsLessNeed
            self.losesNeed = losesNeed
        }
    }

    public var id: String
    public var kind: Kind
    public var team: Int
    /// Team whose people take this work on days when nobody in `team` is at work.
    public var coverTeam: Int?
    /// Time per contact in working hours, before the channel and RAG factors.
    public var time: Distribution
    public var channelFactors: [Double]
    public var ragFactors: [Double]
    /// Probability, by RAG, that a contact goes through this stage (otherwise it skips it).
    public var appliesTo: [Double]
    /// The source groups whose contacts go through this stage, indexed by ``SourceGroup``.
    public var sources: [Bool]
    /// Only contacts arriving while the council's office is closed go through it (an emergency
    /// duty team).
    public var outOfHoursOnly: Bool
    /// Contacts are served most urgent first; otherwise in order of arrival.
    public var byPriority: Bool
    /// The decision on the contact is made here.
    public var decides: Bool
    /// Outcome probabilities for decisions made here, `[rag][outcome]`, when they differ from
    /// the design's (an early-help hub decides among early help and advice).
    public var outcomes: [[Double]]?
    /// The chance of a referral (strategy discussions included) when this stage decides, relative
    /// to the design's outcome table: below 1 where a conversation with the referrer finds who is
    /// best placed to help (Norfolk's CADS). 1 leaves the table as it is.
    public var referralFactor: Double
    /// What a conversation with the caller finds before the decision, if the stage holds one.
    public var conversation: Conversation?
    /// Contacts missing information wait for it here before the work starts.
    public var asksForMissingInformation: Bool
    public var phone: PhoneLine?
    /// The shared task whose time (with its channel and RAG factors, and any scaling) this stage
    /// takes; nil for a time of the stage's own.
    public var task: TaskReference?

    /// Makes the value from its parts (the scenario reader does; tests may).
    public init(
        id: String, kind: Kind, team: Int, coverTeam: Int?, time: Distribution, channelFactors: [Double], ragFactors: [Double],
        appliesTo: [Double], sources: [Bool], outOfHoursOnly: Bool, byPriority: Bool, decides: Bool, outcomes: [[Double]]?,
        referralFactor: Double = 1, conversation: Conversation? = nil, asksForMissingInformation: Bool, phone: PhoneLine?,
        task: TaskReference? = nil
    ) {
        self.conversation = conversation
        self.id = id
        self.task = task
        self.kind = kind
        self.team = team
        self.coverTeam = coverTeam
        self.time = time
        self.channelFactors = channelFactors
        self.ragFactors = ragFactors
        self.appliesTo = appliesTo
        self.sources = sources
        self.outOfHoursOnly = outOfHoursOnly
        self.byPriority = byPriority
        self.decides = decides
        self.outcomes = outcomes
        self.referralFactor = referralFactor
        self.asksForMissingInformation = asksForMissingInformation
        self.phone = phone
    }
}
