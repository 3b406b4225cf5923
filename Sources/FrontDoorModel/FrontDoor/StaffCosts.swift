import SimulationEngine

/// Staff costs of a design for a year, from its teams and pay (they do not vary by replication).
/// Every figure of staff cost shown anywhere comes from here.
public struct StaffCosts: Sendable {
    /// One team's pay bill.
    public struct Team: Sendable {
        public let id: String
        public let role: String
        public let grade: String
        /// Posts in the establishment, of which `vacant` are empty and unpaid.
        public let posts: Int
        public let vacant: Int
        /// FTE of the filled posts.
        public let fte: Double
        /// Full-time salary of the grade.
        public let salary: Double
        /// Salaries of the filled posts.
        public let salaries: Double
        /// Employer's on-costs on those salaries.
        public let onCosts: Double
        /// Extended-hours enhancement on pay for hours outside Monday–Friday 08:00–18:00.
        public let enhancement: Double
        /// The agency premium on the posts covered by agency staff.
        public let agencyPremium: Double

        /// Salaries, on-costs and enhancement.
        public var staff: Double { salaries + onCosts + enhancement }
        /// Everything: staff and the agency premium.
        public var total: Double { staff + agencyPremium }
    }

    /// Per team, in the design's team order.
    public let teams: [Team]
    /// Salaries, on-costs and extended-hours enhancements.
    public let staff: Double
    /// The agency premium on vacant posts covered by agency staff.
    public let agency: Double
    /// Staff and agency together: what the front door's pay bill is.
    public var total: Double { staff + agency }

    public init(_ design: FrontDoorDesign) {
        let costs = design.costs
        teams = design.teams.map { team in
            let salary = costs.salaries[team.grade] ?? 0
            let fte = team.filledPosts.reduce(0, +)
            let salaries = fte * salary
            let onCosts = salaries * costs.onCostRate
            return Team(id: team.id, role: team.role, grade: team.grade, posts: team.people.count, vacant: team.vacantPosts, fte: fte,
                        salary: salary, salaries: salaries, onCosts: onCosts,
                        enhancement: (salaries + onCosts) * StaffCosts.shareOutsideStandardHours(team.schedule) * costs.extendedHoursEnhancement,
                        agencyPremium: salaries * team.agencyShare * costs.agencyPremium)
        }
        staff = teams.reduce(0) { $0 + $1.staff }
        agency = teams.reduce(0) { $0 + $1.agencyPremium }
    }

    /// The share of a team's weekly hours outside Monday–Friday 08:00–18:00, which attract an
    /// enhancement.
    static func shareOutsideStandardHours(_ schedule: WeeklySchedule) -> Double {
        var outside = 0.0
        for (weekday, intervals) in schedule.intervals.enumerated() {
            for interval in intervals {
                let length = interval.upperBound - interval.lowerBound
                if weekday >= 5 { outside += length; continue }
                let inside = max(0, min(interval.upperBound, 18) - max(interval.lowerBound, 8))
                outside += length - inside
            }
        }
        return outside / schedule.hoursPerWeek
    }
}
