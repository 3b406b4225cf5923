import BasicContainers
import SimulationEngine

/// A person's working week: early and late shifts, break sittings, and other duties first or last in the day.
extension Workforce {
    /// Whether person `k` of a team works the late shift: spreads `share` of the team evenly.
    static func isLate(_ k: Int, share: Double) -> Bool {
        Int((Double(k + 1) * share).rounded(.down)) > Int((Double(k) * share).rounded(.down))
    }

    /// Which working day person `k` of a team has: an early or late shift, which of three break
    /// sittings, and whether other duties come first or last in the day.
    static func pattern(_ k: Int, of team: Team) -> Int { (isLate(k, share: team.lateShiftShare) ? 6 : 0) + k % 6 }

    /// How many working days ``pattern(_:of:)`` tells apart.
    static let patternCount = 12

    /// A person's paid hours and, within them, their hours on contacts.
    typealias WorkingWeek = (paid: WeeklySchedule, contacts: WeeklySchedule)

    /// A person's week: the hours they are paid for (their shift less its break) and, within
    /// them, the hours they work on contacts (less their other duties). Within each opening of
    /// the team a person works `hoursPerDay` with a break in the middle — from the opening (an
    /// early shift) or to the close (a late one) when the team is open longer; in a shorter
    /// opening, all of it, the break shortened to what is left over the day's hours.
    /// - Throws: ``ScheduleError`` if the pieces are not a schedule (the design's checks rule
    ///   that out for a team with a working day of 1 to 24 hours and a break of 0 or more).
    static func workingWeek(of team: Team, pattern: Int) throws(ScheduleError) -> WorkingWeek {
        let late = pattern >= 6, sitting = Double(pattern % 3) - 1, dutiesFirst = pattern % 2 == 0
        var paid: [[ClosedRange<Double>]] = [], contacts: [[ClosedRange<Double>]] = []
        for day in team.schedule.intervals {
            var paidDay: [ClosedRange<Double>] = [], contactDay: [ClosedRange<Double>] = []
            for open in day {
                let window = min(open.upperBound - open.lowerBound, team.hoursPerDay + team.breakHours)
                let start = late ? open.upperBound - window : open.lowerBound, end = start + window
                let pause = max(0, window - team.hoursPerDay)
                var pieces = [start...end]
                if pause > 0 {
                    let low = min(max(start, start + window / 2 - pause / 2 + sitting * pause), end - pause)
                    pieces = [start...low, (low + pause)...end].filter { $0.upperBound - $0.lowerBound > 1e-9 }
                }
                paidDay += pieces
                let duties = team.otherDutiesShare * pieces.reduce(0) { $0 + $1.upperBound - $1.lowerBound }
                contactDay += trim(pieces, hours: duties, fromStart: dutiesFirst)
            }
            paid.append(paidDay)
            contacts.append(contactDay)
        }
        return (
            try WeeklySchedule(intervals: paid, firstWeekday: team.schedule.firstWeekday, closedDays: team.schedule.closedDays),
            try WeeklySchedule(intervals: contacts, firstWeekday: team.schedule.firstWeekday, closedDays: team.schedule.closedDays)
        )
    }

    /// `pieces` less `hours` taken from the start (or the end).
    static func trim(_ pieces: [ClosedRange<Double>], hours: Double, fromStart: Bool) -> [ClosedRange<Double>] {
        var remaining = hours
        var kept: [ClosedRange<Double>] = []
        for piece in fromStart ? pieces : pieces.reversed() {
            let length = piece.upperBound - piece.lowerBound
            if remaining >= length - 1e-9 {
                remaining -= length
                continue
            }
            kept.append(fromStart ? (piece.lowerBound + remaining)...piece.upperBound : piece.lowerBound...(piece.upperBound - remaining))
            remaining = 0
        }
        return fromStart ? kept : kept.reversed()
    }
}
