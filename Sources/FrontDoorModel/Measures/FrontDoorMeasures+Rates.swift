import SimulationEngine

/// The arithmetic some measures share: a share of a count, and how fast the backlog grows.
extension FrontDoorMeasures {
    static func share(_ part: Int, of whole: Int) -> Double { whole > 0 ? Double(part) / Double(whole) : 0 }

    /// Working days averaged at each end when the growth of the backlog compares days a year apart.
    static let growthWindow = 20

    /// How much the backlog grows a working day. The mean backlog of the last 20 working days is
    /// compared with that of the 20 working days ending a year earlier, so that the seasons and the
    /// Christmas backlog cancel: a least-squares slope over one measured year climbs towards
    /// January whatever the staffing. A run too short for two windows a year apart takes the slope
    /// over its measured days; a run stopped as overloaded (perhaps before its warm-up ended), the
    /// slope over every working day it ran.
    static func backlogGrowth(_ run: FrontDoorReplication) -> Double {
        let series = run.backlogSeries, earlierEnd = run.workingDaysAYearBeforeEnd
        if run.stoppedOverloaded { return slope(series[...]) }
        guard earlierEnd >= growthWindow, series.count - earlierEnd >= growthWindow else {
            return slope(series[min(run.warmUpWorkingDays, series.count)...])
        }
        func mean(_ days: ArraySlice<Int>) -> Double { Double(days.reduce(0, +)) / Double(days.count) }
        let later = mean(series[(series.count - growthWindow)...]), earlier = mean(series[(earlierEnd - growthWindow)..<earlierEnd])
        return (later - earlier) / Double(series.count - earlierEnd)
    }

    /// The growth of the backlog over a year as a number of working days' decisions: how many
    /// more days' work a contact arriving at the end of the year finds waiting than one at its
    /// start. A working day's decisions are at least one, so that a front door deciding nothing
    /// still gets a finite figure.
    static func backlogGrowthInDaysOfWork(_ run: FrontDoorReplication) -> Double {
        let days = run.backlogSeries.count - run.warmUpWorkingDays
        guard days > 0 else { return 0 }
        let decisionsADay = max(1, Double(run.decided) / Double(days))
        return backlogGrowth(run) * run.perYear(days) / decisionsADay
    }

    /// The least-squares slope of a series against its index (0 for fewer than two points).
    static func slope(_ series: ArraySlice<Int>) -> Double {
        let n = Double(series.count)
        guard series.count > 1 else { return 0 }
        let meanX = (n - 1) / 2
        let meanY = Double(series.reduce(0, +)) / n
        var numerator = 0.0, denominator = 0.0
        for (x, y) in zip(0..., series) {
            numerator += (Double(x) - meanX) * (Double(y) - meanY)
            denominator += (Double(x) - meanX) * (Double(x) - meanX)
        }
        return numerator / denominator
    }
}
