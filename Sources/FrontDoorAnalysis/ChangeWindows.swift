import FrontDoorModel
import ScenarioModel

/// What happened over the window of each change in demand (a lockdown, a surge) that falls in the
/// measured period, for every design of a comparison over the same dates, with the paired
/// difference from the baseline — so that a three-month shock, invisible in annual averages,
/// shows in figures of its own.
public struct ChangeWindow: Sendable {
    /// One quantity over the window.
    public struct Figure: Sendable {
        public enum Quantity: String, Sendable, CaseIterable {
            case received = "Contacts received"
            case childrenReferred = "Children referred"
            case decidedWithin3WorkingDays = "Share of contacts decided within 3 working days"
            case backlog = "Contacts waiting at close of day, on average"
        }
        public let quantity: Quantity
        /// Per design, in the comparison's order.
        public let values: [Estimate]
        /// Per design after the baseline, the paired difference from it (nil for the baseline).
        public let differences: [Estimate?]
    }

    /// The change's name and the first and last days of its window inside the measured period.
    public let name: String
    public let from: CivilDate
    public let to: CivilDate
    public let figures: [Figure]

    /// The windows of every change any design of `comparison` makes, named once each (the first
    /// design to name it gives its dates).
    public static func windows(_ comparison: DesignComparison) -> [ChangeWindow] {
        var seen = Set<String>()
        var windows: [ChangeWindow] = []
        for design in comparison.designs {
            guard case .frontDoor(let frontDoor) = design.scenario.model else { continue }
            for shock in frontDoor.demand.shocks where seen.insert(shock.name).inserted {
                let dates = frontDoor.calendar.date(ofDay: shock.firstDay)...frontDoor.calendar.date(ofDay: shock.lastDay)
                if let window = ChangeWindow(name: shock.name, dates: dates, comparison) {
                    windows.append(window)
                }
            }
        }
        return windows
    }

    /// The figures over `dates`, or nil when no measured day falls in them.
    init?(name: String, dates: ClosedRange<CivilDate>, _ comparison: DesignComparison) {
        // Per design, per replication, the records of the measured days in the window.
        let records = comparison.designs.map { design in design.outcomes.map { $0.days.filter { dates.contains($0.date) } } }
        guard let first = records.first?.first?.first, let last = records.first?.first?.last else { return nil }
        self.name = name
        from = first.date
        to = last.date
        func value(_ quantity: Figure.Quantity, _ window: [DayValues]) -> Double {
            switch quantity {
            case .received: return Double(window.reduce(0) { $0 + $1.received })
            case .childrenReferred: return Double(window.reduce(0) { $0 + $1.childrenReferred })
            case .decidedWithin3WorkingDays:
                let due = window.reduce(0) { $0 + $1.dueWithin3 }
                return due > 0 ? Double(window.reduce(0) { $0 + $1.decidedWithin3 }) / Double(due) : 0
            case .backlog:
                let closes = window.compactMap(\.backlog)
                return closes.isEmpty ? 0 : Double(closes.reduce(0, +)) / Double(closes.count)
            }
        }
        figures = Figure.Quantity.allCases.map { quantity in
            let perDesign = records.map { $0.map { value(quantity, $0) } }
            let bounds: ClosedRange<Double>? = quantity == .decidedWithin3WorkingDays ? 0...1 : nil
            return Figure(
                quantity: quantity, values: perDesign.map { Estimate($0, within: bounds) },
                differences: perDesign.indices.map { index in
                    index == 0 ? nil : Estimate(zip(perDesign[index], perDesign[0]).map { $0 - $1 })
                })
        }
    }
}
