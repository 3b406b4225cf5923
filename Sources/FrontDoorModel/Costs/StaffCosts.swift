import SimulationEngine

/// Staff costs of a design for a year, at its price base, from its teams, their rotas and pay
/// (they do not vary by replication). Every figure of staff cost shown anywhere comes from here.
public struct StaffCosts: Sendable {
    /// One team's pay bill.
    public struct Team: Sendable {
        public let id: String
        public let role: String
        public let grade: String
        /// Posts in the establishment; `vacant` have no permanent holder, and of those `agency`
        /// are covered by agency staff (the rest are empty and unpaid).
        public let posts: Int
        public let vacant: Int
        public let agency: Int
        /// FTE of the posts people work, permanent and agency.
        public let fte: Double
        /// Full-time salary of the grade.
        public let salary: Double
        /// Salaries of the posts people work.
        public let salaries: Double
        /// The enhancement on pay for the hours the rota has people work outside Monday–Friday
        /// 08:00–18:00.
        public let enhancement: Double
        /// The share of the team's worked hours that attract the enhancement.
        public let enhancedShare: Double
        /// Employer's on-costs on salaries and enhancement.
        public let onCosts: Double
        /// The agency premium on the vacant posts covered by agency staff.
        public let agencyPremium: Double
        /// For a team paid by the hour it spends on contacts (informal cover, a shared council
        /// service; no pay bill here): the cost of an hour of their time, salary, enhancement and
        /// on-costs over a full-time year's paid hours (a working week over 365.25 / 7 weeks).
        public let hourlyCost: Double
        /// Whether the hours are those of a council service shared with other work.
        public let sharedService: Bool
        /// Posts partner agencies pay for: priced as partners' time, not in the council's cash.
        public let paidByPartners: Bool

        /// Salaries, enhancement and on-costs.
        public var staff: Double { salaries + enhancement + onCosts }
        /// Everything: staff and the agency premium.
        public var total: Double { staff + agencyPremium }
    }

    /// Per team, in the design's team order.
    public let teams: [Team]
    /// Salaries, on-costs and extended-hours enhancements of the council's own teams.
    public let staff: Double
    /// The extended-hours enhancements (part of `staff`).
    public let enhancements: Double
    /// The agency premium on vacant posts covered by agency staff, in the council's own teams.
    public let agency: Double
    /// The pay bill of the teams partner agencies pay for: their time, not the council's cash.
    public let partners: Double
    /// Staff and agency together: what the front door's pay bill is.
    public var total: Double { staff + agency }

    public init(_ prepared: PreparedDesign) {
        let costs = prepared.costs
        teams = zip(prepared.teams, prepared.workingWeeks).map { team, weeks in
            let salary = costs.salaries[team.grade] ?? 0
            func byTheHour(paidHoursPerWeek: Double, enhancedShare: Double, shared: Bool) -> Team {
                let pay = salary * (1 + enhancedShare * costs.extendedHoursEnhancement)
                return Team(
                    id: team.id, role: team.role, grade: team.grade, posts: 0, vacant: 0, agency: 0, fte: 0, salary: salary, salaries: 0,
                    enhancement: 0, enhancedShare: enhancedShare, onCosts: 0, agencyPremium: 0,
                    hourlyCost: (pay + costs.onCosts.onCosts(onPay: pay)) / (paidHoursPerWeek * 365.25 / 7), sharedService: shared,
                    paidByPartners: costs.paidByPartners.contains(team.grade))
            }
            switch team.costing {
            case .establishment: break
            case .informalCover:
                return byTheHour(
                    paidHoursPerWeek: weeks[0].paid.hoursPerWeek, enhancedShare: 0, shared: false)
            case .sharedService(let hours):
                // The hours used fall across the service's opening, so its share outside standard
                // hours is that of the opening.
                return byTheHour(paidHoursPerWeek: hours, enhancedShare: StaffCosts.shareOutsideStandardHours(team.schedule), shared: true)
            }
            let worked = team.workedPosts
            let permanent = worked.count - team.agencyPosts
            var salaries = 0.0, enhancement = 0.0, onCosts = 0.0, agencyPremium = 0.0, enhancedHours = 0.0, hours = 0.0
            var shares: [Int: Double] = [:]
            for (index, fte) in worked.enumerated() {
                let pay = fte * salary
                let pattern = Workforce.pattern(index, of: team)
                let share = shares[pattern] ?? StaffCosts.shareOutsideStandardHours(weeks[pattern].paid)
                shares[pattern] = share
                let extra = pay * share * costs.extendedHoursEnhancement
                salaries += pay
                enhancement += extra
                onCosts += costs.onCosts.onCosts(onPay: pay + extra)
                if index >= permanent { agencyPremium += pay * (costs.agencyPremium[team.grade] ?? 0) }
                enhancedHours += fte * share
                hours += fte
            }
            return Team(
                id: team.id, role: team.role, grade: team.grade, posts: team.people.count, vacant: team.vacantPosts,
                agency: team.agencyPosts,
                fte: hours, salary: salary, salaries: salaries, enhancement: enhancement,
                enhancedShare: hours > 0 ? enhancedHours / hours : 0,
                onCosts: onCosts, agencyPremium: agencyPremium, hourlyCost: 0, sharedService: false,
                paidByPartners: costs.paidByPartners.contains(team.grade))
        }
        let own = teams.filter { !$0.paidByPartners }
        staff = own.reduce(0) { $0 + $1.staff }
        enhancements = own.reduce(0) { $0 + $1.enhancement }
        agency = own.reduce(0) { $0 + $1.agencyPremium }
        partners = teams.filter(\.paidByPartners).reduce(0) { $0 + $1.total }
    }

    /// The share of the weekly hours of a person's shift that fall outside Monday–Friday
    /// 08:00–18:00 (an interval running past midnight counts on the day it runs into).
    static func shareOutsideStandardHours(_ schedule: WeeklySchedule) -> Double {
        var outside = 0.0
        for (weekday, intervals) in schedule.intervals.enumerated() {
            for interval in intervals {
                for dayOffset in 0..<2 {
                    let base = Double(24 * dayOffset)
                    let lower = max(interval.lowerBound, base) - base, upper = min(interval.upperBound, base + 24) - base
                    guard upper > lower else { continue }
                    let inside = (weekday + dayOffset) % 7 >= 5 ? 0 : max(0, min(upper, 18) - max(lower, 8))
                    outside += upper - lower - inside
                }
            }
        }
        return outside / schedule.hoursPerWeek
    }
}
