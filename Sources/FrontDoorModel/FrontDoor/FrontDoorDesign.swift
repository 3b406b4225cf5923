import SimulationEngine

/// Everything a front-door scenario describes: the calendar, the demand, the teams and their
/// people, the pathway of work, the decisions and their outcomes, and the costs: a description
/// that any caller may build or change. ``PreparedDesign`` checks it and makes it ready to run;
/// ``FrontDoorSimulation`` runs the prepared design.
public struct FrontDoorDesign: Sendable {
    public var calendar: ServiceCalendar
    public var demand: Demand
    public var teams: [Team]
    public var stages: [Stage]
    public var outcomes: OutcomeRules
    public var flow: FlowRules
    public var fatigue: Fatigue?
    /// The meeting that follows a decision to hold a strategy discussion, if the design models one.
    public var strategyDiscussion: StrategyDiscussion?
    public var costs: Costs
    /// Every value in the scenario marked `# assumption`, with its key path, for the report.
    public var assumptions: [String]
    /// Every value in the scenario marked `# forecast` — taken from a forecast, not from evidence
    /// of what happened — with its key path and what it drives, for the report to list beside the
    /// figures.
    public var forecasts: [String]

    /// Makes the value from its parts (the scenario reader does; tests may).
    public init(
        calendar: ServiceCalendar, demand: Demand, teams: [Team], stages: [Stage], outcomes: OutcomeRules, flow: FlowRules,
        fatigue: Fatigue?,
        strategyDiscussion: StrategyDiscussion? = nil, costs: Costs, assumptions: [String], forecasts: [String] = []
    ) {
        self.forecasts = forecasts
        self.calendar = calendar
        self.demand = demand
        self.teams = teams
        self.stages = stages
        self.outcomes = outcomes
        self.flow = flow
        self.fatigue = fatigue
        self.strategyDiscussion = strategyDiscussion
        self.costs = costs
        self.assumptions = assumptions
    }
}

extension FrontDoorDesign {
    /// The teams whose people make or sign off decisions: those of deciding stages, and their
    /// cover teams.
    public var decidingTeams: Set<Int> {
        Set(stages.filter(\.decides).flatMap { [$0.team] + ($0.coverTeam.map { [$0] } ?? []) })
    }
}

/// The calendar of a scenario: its start date, bank holidays, school holidays and the council's
/// standard working day, against which working days are counted.
public struct ServiceCalendar: Sendable {
    public let startDate: CivilDate
    /// Day numbers (from the start date) that are bank holidays.
    public let bankHolidays: Set<Int>
    /// Day numbers that fall in school holidays.
    public let schoolHolidays: Set<Int>
    /// The council's working day, Monday to Friday outside bank holidays, for counting working
    /// days and hours (default 09:00–17:00).
    public let office: WeeklySchedule
    /// Hours in one working day of `office`.
    public let hoursPerWorkingDay: Double
    /// Whether each day of the run and a fortnight after it is a working day, looked up rather
    /// than worked out for every batched contact.
    private let workingDays: [Bool]
    /// `schoolHolidays` as a table by day number, looked up without hashing for every source
    /// and day of demand.
    private let schoolHolidayDays: [Bool]

    public init(
        startDate: CivilDate, days: Int, officeOpen: Double = 9, officeClose: Double = 17,
        schoolHolidayRanges: [ClosedRange<CivilDate>]? = nil
    ) throws(ScheduleError) {
        self.startDate = startDate
        var holidays = Set<Int>()
        let start = startDate.dayNumber
        for year in startDate.year...(startDate.adding(days: days).year + 1) {
            for date in EnglishCalendar.bankHolidays(year: year) where date.dayNumber >= start {
                holidays.insert(date.dayNumber - start)
            }
        }
        bankHolidays = holidays
        var school = Set<Int>()
        for day in 0...days {
            let date = startDate.adding(days: day)
            let inHoliday =
                schoolHolidayRanges.map { ranges in ranges.contains { $0.contains(date) } }
                ?? EnglishCalendar.isSchoolHolidayInEnglishPattern(date)
            if inHoliday { school.insert(day) }
        }
        schoolHolidays = school
        schoolHolidayDays = (0...days).map { school.contains($0) }
        office = try WeeklySchedule(intervals: .weekdays(officeOpen, officeClose), firstWeekday: startDate.weekday, closedDays: holidays)
        hoursPerWorkingDay = officeClose - officeOpen
        let office = office
        workingDays = (0...(days + 14)).map { office.weekday(ofDay: $0) < 5 && !holidays.contains($0) }
    }

    public func date(ofDay day: Int) -> CivilDate { startDate.adding(days: day) }
    /// Whether a day falls in the school holidays (those of the run's days: none outside them).
    public func isSchoolHoliday(_ day: Int) -> Bool { schoolHolidayDays.indices.contains(day) && schoolHolidayDays[day] }
    public func weekday(ofDay day: Int) -> Int { office.weekday(ofDay: day) }
    /// A council working day: a weekday that is not a bank holiday.
    public func isWorkingDay(_ day: Int) -> Bool {
        workingDays.indices.contains(day) ? workingDays[day] : weekday(ofDay: day) < 5 && !bankHolidays.contains(day)
    }
}

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

/// A team: people with a grade, hours of work and absence.
public struct Team: Sendable {
    public struct Absence: Sendable {
        /// Annual leave, working days a year for a full-time person.
        public var leaveDays: Double
        /// Share of working days lost to sickness.
        public var sicknessRate: Double
        /// Mean length of a spell of sickness, working days.
        public var sicknessSpellDays: Double
        /// Training days a year.
        public var trainingDays: Double
        public static let none = Absence(leaveDays: 0, sicknessRate: 0, sicknessSpellDays: 1, trainingDays: 0)

        /// Makes the value from its parts (the scenario reader does; tests may).
        public init(leaveDays: Double, sicknessRate: Double, sicknessSpellDays: Double, trainingDays: Double) {
            self.leaveDays = leaveDays
            self.sicknessRate = sicknessRate
            self.sicknessSpellDays = sicknessSpellDays
            self.trainingDays = trainingDays
        }
    }

    /// What a team's people do about decisions.
    public enum DecisionRole: String, Sendable, CaseIterable {
        /// Practitioners who make decisions themselves (a CADS social worker agreeing the outcome
        /// in the call, an early-help hub, the emergency duty team).
        case decides
        /// Practitioners who recommend a decision that a manager signs off: they may not decide.
        case recommends
        /// Managers, who make decisions or sign off practitioners' recommendations: their load is
        /// the decisions-per-manager-day measure.
        case oversees
    }

    public var id: String
    public var role: String
    public var grade: String
    public var decisionRole: DecisionRole
    /// How the team's time is paid for.
    public enum Costing: Sendable, Equatable {
        /// Posts on the front door's establishment: their pay is its pay bill.
        case establishment
        /// People from outside the front door (such as a service manager) who only cover a stage
        /// when its own team is all away, informally: not on the front door's establishment, their
        /// hours on its contacts are costed at their grade's hourly cost instead.
        case informalCover
        /// A council service the front door shares with other work (the emergency duty team, the
        /// corporate contact centre): its people are on its own rota, and the hours they spend on
        /// the front door's contacts are costed at their grade's hourly cost over a full-time week
        /// of `paidHoursPerWeek` (with the extended-hours enhancement on the share of their rota
        /// outside Monday–Friday 08:00–18:00).
        case sharedService(paidHoursPerWeek: Double)
    }

    public var costing: Costing
    /// Whether the team only covers a stage informally when its own team is all away.
    public var informalCover: Bool { costing == .informalCover }
    /// Full-time equivalent of each post in the establishment.
    public var people: [Double]
    /// How many posts have no permanent holder: a number of posts, or a share of the posts.
    public enum Vacancies: Sendable, Equatable {
        case posts(Int)
        case rate(Double)
    }

    public var vacancies: Vacancies
    /// The share of the vacant posts covered by agency staff (who work them, at a premium); the
    /// rest are empty: nobody works them, nobody is paid.
    public var agencyCover: Double
    /// Posts with no permanent holder (the last ones listed); a rate gives the nearest whole number.
    public var vacantPosts: Int {
        switch vacancies {
        case .posts(let count): return min(count, people.count)
        case .rate(let rate): return Int((Double(people.count) * rate).rounded())
        }
    }
    /// Vacant posts covered by agency staff, to the nearest whole post.
    public var agencyPosts: Int { Int((Double(vacantPosts) * agencyCover).rounded()) }
    /// Vacant posts that nobody works.
    public var emptyPosts: Int { vacantPosts - agencyPosts }
    /// The posts people work, permanent and agency, by FTE (agency last).
    public var workedPosts: [Double] { Array(people.dropLast(emptyPosts)) }
    /// The team's opening hours.
    public var schedule: WeeklySchedule
    /// Hours each person works in a day, breaks not included (7.4 for a 37-hour week; from 1 to 24). Where the
    /// team is open longer than that and a break, people work early and late shifts in turn.
    public var hoursPerDay: Double
    /// An unpaid break in the middle of each person's day, in hours, taken in three sittings
    /// so that the team is never all away at once.
    public var breakHours: Double
    /// The share of each person's working hours spent on supervision, meetings, quality
    /// assurance, admin and learning rather than contacts: the first hours of the day for half
    /// the team, the last for the other half (at most 0.9, so that some time is left for contacts).
    public var otherDutiesShare: Double
    /// The share of people on the late shift when there are shifts (the rest work early).
    public var lateShiftShare: Double
    public var absence: Absence

    /// Makes the value from its parts (the scenario reader does; tests may).
    public init(
        id: String, role: String, grade: String, decisionRole: DecisionRole = .decides, costing: Costing = .establishment,
        people: [Double], vacancies: Vacancies = .posts(0),
        agencyCover: Double = 0, schedule: WeeklySchedule, hoursPerDay: Double = 24, breakHours: Double = 0, otherDutiesShare: Double = 0,
        lateShiftShare: Double = 0.5, absence: Absence
    ) {
        self.id = id
        self.role = role
        self.grade = grade
        self.decisionRole = decisionRole
        self.costing = costing
        self.people = people
        self.vacancies = vacancies
        self.agencyCover = agencyCover
        self.schedule = schedule
        self.hoursPerDay = hoursPerDay
        self.breakHours = breakHours
        self.otherDutiesShare = otherDutiesShare
        self.lateShiftShare = lateShiftShare
        self.absence = absence
    }
}

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
        referralFactor: Double = 1, asksForMissingInformation: Bool, phone: PhoneLine?, task: TaskReference? = nil
    ) {
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

/// Probabilities of each outcome, by RAG, and what follows.
public struct OutcomeRules: Sendable {
    /// `byRAG[rag][outcome]`.
    public var byRAG: [[Double]]
    /// Tables of their own for some source groups (police notifications mostly end in advice),
    /// `bySourceGroup[group]?[rag][outcome]`, indexed by ``SourceGroup``; nil uses `byRAG`.
    public var bySourceGroup: [[[Double]]?]
    /// A multiplier on the chance of a referral (and strategy discussion) for contacts arriving by
    /// each channel, indexed by ``Channel`` — written referrals convert more than conversations.
    public var referralFactorByChannel: [Double]
    /// Probability that a referral starts a statutory assessment.
    public var assessmentStart: Double
    /// Probability that an assessment ends with no further service.
    public var assessmentNoFurtherService: Double
    /// Probability that a contact closed at the front door (no further action, advice or early
    /// help) comes back within 12 months.
    public var recontact: Double
    /// The same, after a decision changed by fatigue.
    public var recontactAfterWrongDecision: Double
    /// Probability that a referred child comes back to the front door within 12 months of the
    /// referral, when the case closed (no assessment, or an assessment with no further service)
    /// and when services followed; the child comes back with the same concern, so under the same
    /// rules is referred again — a re-referral.
    public var returnAfterReferral: (closed: Double, served: Double)

    /// Makes the value from its parts (the scenario reader does; tests may). Without
    /// `returnAfterReferral`, a closed referral comes back as often as a front-door closure, and
    /// a child with services does not.
    public init(
        byRAG: [[Double]], bySourceGroup: [[[Double]]?]? = nil, referralFactorByChannel: [Double], assessmentStart: Double,
        assessmentNoFurtherService: Double, recontact: Double, recontactAfterWrongDecision: Double,
        returnAfterReferral: (closed: Double, served: Double)? = nil
    ) {
        self.returnAfterReferral = returnAfterReferral ?? (recontact, 0)
        self.byRAG = byRAG
        self.bySourceGroup = bySourceGroup ?? SourceGroup.allCases.map { _ in nil }
        self.referralFactorByChannel = referralFactorByChannel
        self.assessmentStart = assessmentStart
        self.assessmentNoFurtherService = assessmentNoFurtherService
        self.recontact = recontact
        self.recontactAfterWrongDecision = recontactAfterWrongDecision
    }
}

extension OutcomeRules {
    /// The outcome table `[outcome]` for a contact from `group` (nil: a source with no table of
    /// its own), of `rag`, arriving by `channel`, before any deciding stage's own table or factor.
    public func table(rag: RAG, channel: Channel, group: SourceGroup?) -> [Double] {
        OutcomeRules.scaleReferrals(
            (group.flatMap { bySourceGroup[$0.rawValue] } ?? byRAG)[rag.rawValue],
            by: referralFactorByChannel[channel.rawValue])
    }

    /// An outcome table with the referral and strategy probabilities multiplied by `factor`
    /// (capped so that they stay a probability) and no further action and early help scaled to
    /// make up the rest in their own proportions.
    public static func scaleReferrals(_ table: [Double], by factor: Double) -> [Double] {
        let referral = table[Outcome.referral.rawValue] + table[Outcome.strategyDiscussion.rawValue]
        let other = 1 - referral
        guard referral > 0, factor != 1 else { return table }
        let scaled = min(1, referral * factor)
        var result = table
        for outcome in [Outcome.referral, .strategyDiscussion] { result[outcome.rawValue] *= scaled / referral }
        for outcome in [Outcome.noFurtherAction, .earlyHelp] { result[outcome.rawValue] *= other > 0 ? (1 - scaled) / other : 0 }
        return result
    }
}

/// A strategy discussion (Working Together 2023): after a decision to hold one, people from
/// several teams — social care, police, health — meet at once, in the order the decisions were
/// made, as soon as all of them are free, for `time` hours. It should be held within
/// `withinWorkingDays` of the decision.
public struct StrategyDiscussion: Sendable {
    /// How many people a discussion needs from a team.
    public struct Participant: Sendable, Equatable {
        public var team: Int
        public var people: Int
        public init(team: Int, people: Int) {
            self.team = team
            self.people = people
        }
    }

    public var participants: [Participant]
    /// Length of the meeting (hours).
    public var time: Distribution
    public var withinWorkingDays: Double
    /// The shared task whose time the meeting takes; nil for a time of its own.
    public var task: TaskReference?

    /// Makes the value from its parts (the scenario reader does; tests may).
    public init(participants: [Participant], time: Distribution, withinWorkingDays: Double, task: TaskReference? = nil) {
        self.participants = participants
        self.task = task
        self.time = time
        self.withinWorkingDays = withinWorkingDays
    }
}

/// Delays and risks between steps.
public struct FlowRules: Sendable {
    /// Delay when work moves between teams (hours).
    public var handoffDelay: Distribution
    /// Probability that information is lost in a handoff and must be asked for again.
    public var handoffInformationLoss: Double
    /// Time waiting for missing information (hours).
    public var informationWait: Distribution
    /// By RAG, the share of contacts that wait — in calendar time, occupying nobody — for
    /// consent, a referrer's call-back or a partner's information, at the first stage that asks
    /// for missing information; and how long (hours).
    public var slowShare: [Double]
    public var slowWait: Distribution
    /// By RAG, whether contacts take the immediate path: to the front of every queue (even
    /// where a stage serves in order of arrival), with no wait for missing information, slow
    /// information or a handoff first — information is gathered alongside — and worked to
    /// completion once started, not left for a break, other duties or the next day.
    public var immediate: [Bool]

    /// Makes the value from its parts (the scenario reader does; tests may).
    public init(
        handoffDelay: Distribution, handoffInformationLoss: Double, informationWait: Distribution,
        slowShare: [Double] = [0, 0, 0], slowWait: Distribution = .zero, immediate: [Bool] = [false, false, false]
    ) {
        self.handoffDelay = handoffDelay
        self.handoffInformationLoss = handoffInformationLoss
        self.informationWait = informationWait
        self.slowShare = slowShare
        self.slowWait = slowWait
        self.immediate = immediate
    }
}

/// The optional decision-fatigue model, off unless a scenario asks for it. Its effect ramps up
/// with the decisions a person has made since they last came back to contacts (from a break, or
/// the start of the day), reaching its full size after `rampDecisions`: then the default decision
/// is `defaultIncrease` more likely than the outcome table makes it (a relative change: 0.225 turns
/// a 30% chance of the default into 36.75%), and each decision takes `timeIncrease` longer.
///
/// The evidence (domain §4.3) supports at most a Linder-size effect (about +20–25% in default
/// decisions over a four-hour session); a larger one is allowed but flagged by
/// ``exceedsEvidence``.
///
/// ```swift
/// let fatigue = Fatigue.linder                      // the largest effect the evidence supports
/// fatigue.effect(afterDecisionsSinceBreak: 8)       // 0.5: half-way up the ramp
/// ```
public struct Fatigue: Sendable, Equatable {
    /// The relative increase in the chance of the default decision at the top of the ramp.
    public var defaultIncrease: Double
    /// The relative increase in the time a decision takes at the top of the ramp.
    public var timeIncrease: Double
    /// Decisions since a break after which the effect is at its full size (at least 1).
    public var rampDecisions: Int
    public var defaultOutcome: Outcome

    /// Makes the value from its parts (the scenario reader does; tests may).
    public init(defaultIncrease: Double, timeIncrease: Double, rampDecisions: Int, defaultOutcome: Outcome) {
        self.defaultIncrease = defaultIncrease
        self.timeIncrease = timeIncrease
        self.rampDecisions = rampDecisions
        self.defaultOutcome = defaultOutcome
    }

    /// The largest relative increase in default decisions the evidence supports (Linder et al.
    /// 2014: about 20–25% over a four-hour session; domain §4.3).
    public static let evidenceLimit = 0.25

    /// A Linder-size effect (an assumption built on domain §4.3): default decisions 22.5% more
    /// likely (the middle of Linder's 20–25%) after 16 decisions since a break — Linder's
    /// four-hour session at about four 15-minute visits an hour — and decisions 10% slower (an
    /// assumption: no study measures the time).
    public static let linder = Fatigue(defaultIncrease: 0.225, timeIncrease: 0.1, rampDecisions: 16, defaultOutcome: .referral)
    /// Half a Linder-size effect, for a sensitivity test between none and `linder`.
    public static let modest = Fatigue(defaultIncrease: 0.1125, timeIncrease: 0.05, rampDecisions: 16, defaultOutcome: .referral)
    /// The presets by name, from the smallest effect up; `none` is no fatigue at all.
    public static let presets: [(name: String, fatigue: Fatigue?)] = [("none", nil), ("modest", modest), ("linder", linder)]

    /// How far up the ramp a decision is, from 0 (the first after a break) to 1.
    public func effect(afterDecisionsSinceBreak decisions: Int) -> Double {
        min(Double(decisions) / Double(rampDecisions), 1)
    }

    /// Whether the effect is larger than the evidence supports.
    public var exceedsEvidence: Bool { defaultIncrease > Self.evidenceLimit }
}
