import FrontDoorModel

/// Day-by-day means across replications with 95% intervals: contacts received and decided, and
/// the backlog at the close of each working day (for charts and `daily.csv`).
public struct DailyBands: Sendable {
    public struct Day: Sendable {
        public let date: CivilDate
        public let isWorkingDay: Bool
        public let received: Estimate?
        public let decided: Estimate?
        public let backlog: Estimate?
    }

    public let days: [Day]

    public init(_ design: ExperimentResult) {
        let series = design.outcomes.map(\.days)
        let length = series.map(\.count).min() ?? 0
        days = (0..<length).map { index in
            let today = series.map { $0[index] }
            let backlogs = today.compactMap(\.backlog).map(Double.init)
            return Day(
                date: today[0].date, isWorkingDay: backlogs.count == today.count,
                received: Estimate(today.map { Double($0.received) }),
                decided: Estimate(today.map { Double($0.decided) }),
                backlog: backlogs.count == today.count ? Estimate(backlogs) : nil)
        }
    }
}
