/// Hours of work in a week, day by day, with closed days (holidays) taken out: the engine's notion
/// of "working time". Time is in hours from midnight at the start of day 0; day 0 is `firstWeekday`.
///
/// Work done to a schedule only progresses while the schedule is open, so a job needing 3 working
/// hours that starts at 16:00 on a 9–17 schedule finishes at 11:00 the next open day.
///
/// ```swift
/// let office = try WeeklySchedule(intervals: .weekdays(9, 17), firstWeekday: 0, closedDays: [])
/// office.add(workingHours: 3, to: 16)   // 35.0: 11:00 on day 1
/// ```
public struct WeeklySchedule: Sendable {
    /// Open intervals for each weekday, Monday (0) to Sunday (6), in hours after midnight
    /// (an interval may end after 24 to run past midnight, up to 48).
    public let intervals: [[ClosedRange<Double>]]
    /// The weekday of day 0 (Monday = 0).
    public let firstWeekday: Int
    /// Days (numbered from day 0) on which the schedule is closed, such as bank holidays.
    public let closedDays: Set<Int>
    /// `closedDays` as a table by day number, for lookups in the event loop without hashing.
    @usableFromInline let closedTable: [Bool]

    public init(intervals: [[ClosedRange<Double>]], firstWeekday: Int, closedDays: Set<Int>) throws(ScheduleError) {
        guard intervals.count == 7 else { throw ScheduleError("a weekly schedule needs 7 days, Monday to Sunday") }
        guard (0..<7).contains(firstWeekday) else { throw ScheduleError("the first weekday must be 0 (Monday) to 6 (Sunday)") }
        for (day, ranges) in intervals.enumerated() {
            var previousEnd = -Double.infinity
            for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                guard range.lowerBound >= 0, range.upperBound <= 48, range.lowerBound < range.upperBound else {
                    throw ScheduleError("hours on weekday \(day) must run forwards within the day (0 to 48 hours), not \(range)")
                }
                guard range.lowerBound >= previousEnd else { throw ScheduleError("hours on weekday \(day) overlap") }
                previousEnd = range.upperBound
            }
        }
        let sorted = intervals.map { $0.sorted { $0.lowerBound < $1.lowerBound } }
        for day in 0..<7 {
            // Hours past midnight belong to the next day, whose own hours must start after them.
            guard let last = sorted[day].last, last.upperBound > 24, let next = sorted[(day + 1) % 7].first else { continue }
            guard next.lowerBound >= last.upperBound - 24 else {
                throw ScheduleError("hours on weekday \(day) run past midnight into the hours of weekday \((day + 1) % 7)")
            }
        }
        self.intervals = sorted
        self.firstWeekday = firstWeekday
        self.closedDays = closedDays
        var table = [Bool](repeating: false, count: (closedDays.filter { $0 >= 0 }.max() ?? -1) + 1)
        for day in closedDays where day >= 0 { table[day] = true }
        closedTable = table
        guard hoursPerWeek > 0 else { throw ScheduleError("the schedule is never open") }
    }

    /// Open hours in a week without closed days.
    public var hoursPerWeek: Double {
        intervals.joined().reduce(0) { $0 + $1.upperBound - $1.lowerBound }
    }

    /// The weekday (Monday = 0) of a day number.
    @inlinable @inline(__always)
    public func weekday(ofDay day: Int) -> Int { ((day % 7) + 7 + firstWeekday) % 7 }

    /// Whether the schedule is closed all day (a closed day such as a bank holiday).
    @inlinable @inline(__always)
    public func isClosed(day: Int) -> Bool { day >= 0 && day < closedTable.count && closedTable[day] }

    /// The open intervals of one day, in absolute hours; none on a closed day.
    public func openIntervals(onDay day: Int) -> [ClosedRange<Double>] {
        var result: [ClosedRange<Double>] = []
        forEachOpenInterval(onDay: day) { result.append($0) }
        return result
    }

    /// Calls `body` with each open interval of one day, in absolute hours, without allocating.
    @inlinable @inline(__always)
    public func forEachOpenInterval(onDay day: Int, _ body: (ClosedRange<Double>) -> Void) {
        if isClosed(day: day) { return }
        let base = Double(day) * 24
        for interval in intervals[weekday(ofDay: day)] { body((base + interval.lowerBound)...(base + interval.upperBound)) }
    }

    /// Whether the schedule is open at `time`.
    @inlinable
    public func isOpen(at time: Double) -> Bool {
        let day = Int((time / 24).rounded(.down))
        var open = false
        // Intervals of the previous day may run past midnight.
        for candidate in (day - 1)...day {
            forEachOpenInterval(onDay: candidate) { if $0.lowerBound <= time && time < $0.upperBound { open = true } }
        }
        return open
    }

    /// The earliest time at or after `time` when the schedule is open.
    public func nextOpening(atOrAfter time: Double) -> Double {
        add(workingHours: 0, to: time)
    }

    /// The time at which `hours` of work started at `time` ends, counting only open time.
    @inlinable
    public func add(workingHours hours: Double, to time: Double) -> Double {
        var remaining = hours
        var day = Int((time / 24).rounded(.down)) - 1
        // The schedule is open at least once a week, so this ends within ⌈hours / weekly hours⌉ + 1
        // weeks; the closed-day set is finite, so it cannot close forever. (The intervals are
        // read in place rather than through `forEachOpenInterval`: this runs for every piece of
        // work.)
        while true {
            if !isClosed(day: day) {
                let base = Double(day) * 24
                for interval in intervals[weekday(ofDay: day)] {
                    let upper = base + interval.upperBound
                    guard upper > time else { continue }
                    let start = max(base + interval.lowerBound, time)
                    let available = upper - start
                    if remaining <= available { return start + remaining }
                    remaining -= available
                }
            }
            day += 1
        }
    }

    /// The latest time from which `hours` of open time still end by `end`: a piece of work
    /// that must take `hours` of open time and be done by `end` has to start by then.
    ///
    /// ```swift
    /// // Monday to Friday 09:00–17:00; the end of Wednesday's day is 2 × 24 + 17 = 65.
    /// schedule.latestStart(workingHours: 16, endingBy: 65)   // 17.0, Monday at 17:00
    /// ```
    public func latestStart(workingHours hours: Double, endingBy end: Double) -> Double {
        guard hours > 0 else { return end }
        var remaining = hours
        var day = Int((end / 24).rounded(.down))
        // Walks back from `end` through the open intervals, latest first (the days' intervals do
        // not overlap, and one running past midnight ends before the next day's first opens);
        // the schedule is open every week, so this ends.
        while true {
            for interval in openIntervals(onDay: day).reversed() where interval.lowerBound < end {
                let high = min(interval.upperBound, end)
                if remaining <= high - interval.lowerBound { return high - remaining }
                remaining -= high - interval.lowerBound
            }
            day -= 1
        }
    }

    /// Open hours between two times.
    @inlinable
    public func workingHours(from start: Double, to end: Double) -> Double {
        guard end > start else { return 0 }
        var total = 0.0
        let lastDay = Int((end / 24).rounded(.down))
        var day = Int((start / 24).rounded(.down)) - 1
        while day <= lastDay {
            forEachOpenInterval(onDay: day) { interval in
                let low = max(interval.lowerBound, start), high = min(interval.upperBound, end)
                if high > low { total += high - low }
            }
            day += 1
        }
        return total
    }
}

extension Array where Element == [ClosedRange<Double>] {
    /// The same hours Monday to Friday, closed at weekends.
    public static func weekdays(_ open: Double, _ close: Double) -> [[ClosedRange<Double>]] {
        (0..<7).map { $0 < 5 ? [open...close] : [] }
    }
}

/// A schedule that cannot be used; the message says why.
public struct ScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
