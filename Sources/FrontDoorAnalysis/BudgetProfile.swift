import FrontDoorModel

/// The budget of a design, for finance: pay by team, the position against the base budget, and a
/// multi-year profile in which the change in downstream assessments builds up over the stated
/// phase-in period (against the comparison's baseline design).
public struct BudgetProfile: Sendable {
    public struct Year: Sendable {
        public let year: Int
        public let staff: Double
        public let oneOff: Double
        public let bridging: Double
        public let downstream: Double
        /// Staff and one-off costs plus downstream assessments (bridging is part of these, found
        /// from one-off funds).
        public var total: Double { staff + oneOff + downstream }
    }

    public let scenario: String
    public let costs: StaffCosts
    public let budget: Budget?
    public let oneOff: Double
    public let years: [Year]

    /// Staff and agency cost a year above the base budget, if there is one.
    public var changeFromBase: Double? { budget?.change(staffCost: costs.total) }
    /// The one-off funding that bridges the increase, if there is a base budget.
    public var bridging: Double? { budget?.bridging(staffCost: costs.total) }

    /// The budget of `design`; `baseline` (another design run on the same demand) sets where the
    /// downstream cost starts before the change builds up. Nil for a plain queueing network.
    public init?(_ design: ExperimentResult, baseline: ExperimentResult?) {
        guard case .frontDoor(let frontDoor) = design.scenario.model else { return nil }
        scenario = design.scenario.name
        costs = StaffCosts(frontDoor)
        budget = frontDoor.costs.budget
        oneOff = frontDoor.costs.oneOff
        let after = design[.downstreamCost]?.mean ?? 0
        let before = baseline.flatMap { $0.scenario.name == design.scenario.name ? nil : $0[.downstreamCost]?.mean } ?? after
        let phaseIn = budget?.phaseInYears ?? 0
        let staff = costs.total
        let bridging = budget?.bridging(staffCost: staff) ?? 0
        years = (1...(budget?.years ?? 1)).map { [oneOff] year in
            let share = phaseIn > 0 ? min(1, Double(year) / phaseIn) : 1
            return Year(year: year, staff: staff, oneOff: year == 1 ? oneOff : 0,
                        bridging: year == 1 ? bridging : 0, downstream: before + (after - before) * share)
        }
    }
}
