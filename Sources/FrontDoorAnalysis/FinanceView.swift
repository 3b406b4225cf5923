import FrontDoorModel

/// The budget of every design of a comparison beside its baseline, as a finance officer reads
/// one: posts and pay by team, then each financial year's cash costs (staff, agency, one-off) and
/// notional downstream costs, the change against the baseline, bridging, and the net position
/// over the years, all at the designs' price base.
///
/// ```swift
/// let view = FinanceView(comparison)
/// view.designs[1].change?.first?.cash   // the first year's extra cash cost against the baseline
/// ```
public struct FinanceView: Sendable {
    /// One financial year of one design (or of a change between designs).
    public struct Year: Sendable {
        public let year: FinancialYear
        /// Salaries and on-costs, without the enhancement.
        public let pay: Double
        /// Extended-hours enhancements, with their on-costs.
        public let enhancements: Double
        /// Agency premium on vacant posts covered by agency staff.
        public let agency: Double
        /// Hours people from outside the front door spent covering its work, at their hourly cost.
        public let informalCover: Double
        /// Hours the council's shared services (the emergency duty team, the contact centre) spent
        /// on the front door's contacts, at their hourly cost.
        public let sharedServices: Double
        public let oneOff: Double
        /// The time of the posts partner agencies pay for: not the council's cash.
        public let partners: Double
        /// Notional downstream costs: capacity used elsewhere, not cash.
        public let assessments: Double
        public let s47Enquiries: Double
        public let earlyHelp: Double

        /// Cash: pay, enhancements, agency, informal cover, shared services and one-off costs.
        public var cash: Double { pay + enhancements + agency + informalCover + sharedServices + oneOff }
        /// Notional downstream costs together.
        public var downstream: Double { assessments + s47Enquiries + earlyHelp }

        func minus(_ other: Year) -> Year {
            Year(
                year: year, pay: pay - other.pay, enhancements: enhancements - other.enhancements, agency: agency - other.agency,
                informalCover: informalCover - other.informalCover, sharedServices: sharedServices - other.sharedServices,
                oneOff: oneOff - other.oneOff, partners: partners - other.partners, assessments: assessments - other.assessments,
                s47Enquiries: s47Enquiries - other.s47Enquiries,
                earlyHelp: earlyHelp - other.earlyHelp)
        }
    }

    /// One design's budget.
    public struct Design: Sendable {
        public let scenario: String
        public let priceBase: FinancialYear
        public let costs: StaffCosts
        public let years: [Year]
        /// The change against the baseline, year by year; nil for the baseline itself.
        public let change: [Year]?
        /// The one-off funding that bridges the first months of an increase in staff and agency
        /// cost against the baseline (part of the first year's change, not on top of it).
        public let bridging: Double?
        public let bridgingMonths: Double
        /// Teams paid for posts on which the model gives no contacts.
        public let idleTeams: [String]
        /// The design cannot keep up with its demand: its costs are not sustainable.
        public let piling: Bool

        /// The change in cash over all the years, one-off costs included.
        public var netCashChange: Double? { change?.reduce(0) { $0 + $1.cash } }
        /// The change in notional downstream cost over all the years.
        public var netDownstreamChange: Double? { change?.reduce(0) { $0 + $1.downstream } }
    }

    /// Front-door designs only, the baseline first.
    public let designs: [Design]
    /// Whether there is a baseline to compare with (more than one design).
    public var hasBaseline: Bool { designs.count > 1 }
    /// The price bases of the designs, when they differ (then no change is computed).
    public let mixedPriceBases: [FinancialYear]

    /// Nil when no design is a front door.
    public init?(_ comparison: DesignComparison) {
        let frontDoors: [(ExperimentResult, PreparedDesign)] = comparison.designs.compactMap { result in
            guard case .frontDoor(let design) = result.scenario.model else { return nil }
            return (result, design)
        }
        guard !frontDoors.isEmpty else { return nil }
        let bases = Set(frontDoors.map { $0.1.costs.priceYear })
        mixedPriceBases = bases.count > 1 ? bases.sorted() : []
        let yearCount = frontDoors.reduce(0) { max($0, $1.1.costs.budget.years) }
        let firstYear = FinancialYear(containing: frontDoors[0].1.calendar.startDate)
        let (baselineResult, baselineDesign) = frontDoors[0]
        let allCosts = frontDoors.map { StaffCosts($0.1) }
        let baselineYears = Self.years(baselineResult, baselineDesign, costs: allCosts[0], baseline: nil, from: firstYear, count: yearCount)
        var views: [Design] = []
        for (index, (result, design)) in frontDoors.enumerated() {
            let isBaseline = index == 0
            let costs = allCosts[index]
            let years =
                isBaseline
                ? baselineYears
                : Self.years(result, design, costs: costs, baseline: baselineResult, from: firstYear, count: yearCount)
            let change = isBaseline || !mixedPriceBases.isEmpty ? nil : zip(years, baselineYears).map { $0.minus($1) }
            let months = design.costs.budget.bridgingMonths
            let increase = change.map { max(0, $0[0].pay + $0[0].enhancements + $0[0].agency + $0[0].informalCover) }
            views.append(
                Design(
                    scenario: result.scenario.name, priceBase: design.costs.priceYear, costs: costs, years: years, change: change,
                    bridging: increase.map { $0 * months / 12 }, bridgingMonths: months, idleTeams: result.paidTeamsWithoutWork,
                    piling: !result.concerns.isEmpty))
        }
        designs = views
    }

    /// A design's years: staff costs the same each year (at constant prices), one-off costs in
    /// the first, and downstream costs moving from the baseline's level to the design's own over
    /// its phase-in years.
    static func years(
        _ result: ExperimentResult, _ design: PreparedDesign, costs: StaffCosts, baseline: ExperimentResult?,
        from first: FinancialYear, count: Int
    ) -> [Year] {
        let unit = design.costs.downstream
        func volumes(_ result: ExperimentResult) -> [Double] {
            [MeasureID(.assessmentsStarted), MeasureID(.strategyDiscussions), MeasureID(.earlyHelpDecisions)].map { result[$0]?.mean ?? 0 }
        }
        let after = volumes(result)
        let before = baseline.map(volumes) ?? after
        let phaseIn = design.costs.budget.phaseInYears
        return (0..<count).map { index in
            let share = phaseIn > 0 ? min(1, Double(index + 1) / phaseIn) : 1
            let volume = zip(before, after).map { $0 + ($1 - $0) * share }
            return Year(
                year: first.advanced(by: index), pay: costs.staff - costs.enhancements, enhancements: costs.enhancements,
                agency: costs.agency,
                informalCover: result[.informalCoverCost]?.mean ?? 0, sharedServices: result[.sharedServicesCost]?.mean ?? 0,
                oneOff: index == 0 ? design.costs.oneOff : 0, partners: costs.partners, assessments: volume[0] * unit.assessment,
                s47Enquiries: volume[1] * unit.s47Enquiry, earlyHelp: volume[2] * unit.earlyHelpEpisode)
        }
    }
}
