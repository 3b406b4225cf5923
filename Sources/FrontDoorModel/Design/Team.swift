import SimulationEngine

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
