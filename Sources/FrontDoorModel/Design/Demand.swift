import SimulationEngine

/// Where contacts come from and when.
public struct Demand: Sendable {
    public struct Source: Sendable {
        public var group: SourceGroup
        /// Share of all contacts.
        public var share: Double
        /// Probability of each channel, indexed by ``Channel``, and the choice it makes.
        public let channels: [Double]
        let channelChoice: Categorical
        /// Probability of each RAG rating, indexed by ``RAG``, and the choice it makes.
        public let rag: [Double]
        let ragChoice: Categorical
        /// Probability that a contact arrives with the information needed to decide on it.
        public var completeInformation: Double
        /// Relative volume on each weekday, Monday first.
        public var weekdayWeights: [Double]
        /// Relative volume in each hour of the day, midnight first, and the choice it makes.
        public let hourWeights: [Double]
        let hourChoice: Categorical
        /// Volume in school holidays relative to term time (schools are quiet in holidays).
        public var schoolHolidayFactor: Double
        /// Relative volume in each month, January first; nil: the design's shared weights.
        public var monthWeights: [Double]?
        /// Windows that come back every year with more (or fewer) contacts from this source.
        public var peaks: [Peak]
        /// Contacts this source sends in batches rather than as they happen; nil: as they happen.
        public var batches: Batches?

        /// Makes the value from its parts (the scenario reader does; tests may), with the choices
        /// of channel, rating and hour prepared once for every replication.
        /// - Throws: ``DistributionError`` when the channels, ratings or hours are not weights (0
        ///   or more, finite, not all 0).
        public init(
            group: SourceGroup, share: Double, channels: [Double], rag: [Double], completeInformation: Double, weekdayWeights: [Double],
            hourWeights: [Double], schoolHolidayFactor: Double, monthWeights: [Double]? = nil, peaks: [Peak] = [],
            batches: Batches? = nil
        ) throws(DistributionError) {
            channelChoice = try Categorical(weights: channels)
            ragChoice = try Categorical(weights: rag)
            hourChoice = try Categorical(weights: hourWeights)
            self.batches = batches
            self.monthWeights = monthWeights
            self.peaks = peaks
            self.group = group
            self.share = share
            self.channels = channels
            self.rag = rag
            self.completeInformation = completeInformation
            self.weekdayWeights = weekdayWeights
            self.hourWeights = hourWeights
            self.schoolHolidayFactor = schoolHolidayFactor
        }
    }

    /// How a source sends some of its contacts in batches: those by the channels and of the RAG
    /// ratings named are released at a fixed hour of each council working day, so that an
    /// incident on Saturday night reaches the front door on Monday morning (Operation Encompass:
    /// police notify schools before the next school day; weekend incidents on Monday).
    public struct Batches: Sendable {
        /// Which channels are batched, indexed by ``Channel``.
        public var channels: [Bool]
        /// Which RAG ratings are batched, indexed by ``RAG`` (reds are usually passed on at once).
        public var ratings: [Bool]
        /// Hours after midnight at which each working day's batch is released.
        public var releaseHour: Double

        /// Makes the value from its parts (the scenario reader does; tests may).
        public init(channels: [Bool], ratings: [Bool], releaseHour: Double) {
            self.channels = channels
            self.ratings = ratings
            self.releaseHour = releaseHour
        }

        /// When a contact that happened at `time` (hours from the start) reaches the front
        /// door: the first release at or after it on a working day of `calendar`.
        public func release(after time: Double, calendar: ServiceCalendar) -> Double {
            var day = Int(time / 24)
            if time > Double(day) * 24 + releaseHour { day += 1 }
            // England never has more than four days in a row without a working day.
            var skipped = 0
            while skipped < 14 && !calendar.isWorkingDay(day) {
                day += 1
                skipped += 1
            }
            return Double(day) * 24 + releaseHour
        }
    }

    /// A window of the year, from one month and day to another (it may run over the new year, as
    /// 17 December to 4 January does), in which a source's volume is multiplied by a factor every
    /// year: the September return to school, the police's festive rise.
    public struct Peak: Sendable {
        public var name: String
        /// First and last days of the window as (month, day).
        public var from: (month: Int, day: Int)
        public var to: (month: Int, day: Int)
        public var factor: Double

        /// Makes the value from its parts (the scenario reader does; tests may).
        public init(name: String, from: (month: Int, day: Int), to: (month: Int, day: Int), factor: Double) {
            self.name = name
            self.from = from
            self.to = to
            self.factor = factor
        }

        /// Whether `date` falls in the window (either end included).
        public func contains(_ date: CivilDate) -> Bool {
            let key = date.month * 100 + date.day, first = from.month * 100 + from.day, last = to.month * 100 + to.day
            return first <= last ? (first...last).contains(key) : key >= first || key <= last
        }
    }

    /// A named change in demand over a window of dates, such as a lockdown.
    public struct Shock: Sendable {
        public var name: String
        public var firstDay: Int
        public var lastDay: Int
        /// Multiplier for each source group present; groups not listed are unchanged.
        public var factors: [SourceGroup: Double]
        /// The RAG ratings and channels it changes, indexed by ``RAG`` and ``Channel``; nil for
        /// all. A change limited to some removes contacts (its factors are at most 1): police
        /// demand management stops low-level notifications, not every police contact.
        public var ratings: [Bool]?
        public var channels: [Bool]?

        /// Whether it changes every contact of the groups it names.
        public var isWholeSource: Bool { ratings == nil && channels == nil }

        /// Makes the value from its parts (the scenario reader does; tests may).
        public init(
            name: String, firstDay: Int, lastDay: Int, factors: [SourceGroup: Double], ratings: [Bool]? = nil, channels: [Bool]? = nil
        ) {
            self.ratings = ratings
            self.channels = channels
            self.name = name
            self.firstDay = firstDay
            self.lastDay = lastDay
            self.factors = factors
        }
    }

    /// Contacts in a year, before trend and shocks.
    public var contactsPerYear: Double
    public var sources: [Source]
    /// Relative volume in each month, January first.
    public var monthWeights: [Double]
    /// Coefficient of variation of a day-to-day multiplier shared by all sources (0: Poisson).
    public let overdispersion: Double
    /// That multiplier, prepared once: gamma with mean 1 and the coefficient of variation, nil at 0.
    public let dayMultiplier: Distribution?
    /// Growth per year (0.05 = 5% more each year), compounding daily.
    public var trendPerYear: Double
    public var shocks: [Shock]
    /// Probability that a contact is about 1, 2, 3… children (a sibling group), one child first;
    /// `[1]` when every contact is about one child.
    public var childrenPerContact: [Double] = [1]
    /// Share of new contacts about a child whose case is already open: the front door records
    /// them and passes them to the allocated worker, with no decision.
    public var openCaseShare = 0.0
    /// Children living in the council's area, for rates per 10,000 children (nil: not given).
    public var childPopulation: Double?
    /// Contacts already waiting when the run starts, drawn from the same mix as new contacts; an
    /// alternative (or addition) to a warm-up for starting from a known backlog.
    public var startingBacklog: Int

    /// Makes the value from its parts (the scenario reader does; tests may).
    /// - Throws: ``DistributionError`` when `overdispersion` is negative or not finite.
    public init(
        contactsPerYear: Double, sources: [Source], monthWeights: [Double], overdispersion: Double, trendPerYear: Double, shocks: [Shock],
        startingBacklog: Int
    ) throws(DistributionError) {
        self.contactsPerYear = contactsPerYear
        self.sources = sources
        self.monthWeights = monthWeights
        self.overdispersion = overdispersion
        dayMultiplier = overdispersion == 0 ? nil : try .gamma(mean: 1, standardDeviation: overdispersion)
        self.trendPerYear = trendPerYear
        self.shocks = shocks
        self.startingBacklog = startingBacklog
    }
}
