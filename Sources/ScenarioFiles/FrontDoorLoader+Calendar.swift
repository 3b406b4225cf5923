import Foundation
import FrontDoorModel
import SimulationEngine

/// The calendar: start date, office hours, school holidays; dates and clock times.
extension FrontDoorLoader {
    static func readCalendar(_ value: YAMLValue?, start: CivilDate, days: Int) throws(ScenarioError) -> ServiceCalendar {
        var open = 9.0, close = 17.0
        var ranges: [ClosedRange<CivilDate>]?
        if let value {
            let calendar = try value.mapping(allowed: ["office_hours", "school_holidays"])
            if let hours = calendar["office_hours"] {
                guard let range = try readHours(hours).first, try readHours(hours).count == 1 else {
                    throw hours.error("expected one range of hours, such as \"09:00-17:00\"")
                }
                guard range.upperBound <= 24 else {
                    throw hours.error("office hours must end after they start on the same day, such as \"09:00-17:00\"")
                }
                (open, close) = (range.lowerBound, range.upperBound)
            }
            if let school = calendar["school_holidays"] {
                if case .scalar = school.node {
                    _ = try school.choice(["english": ()])
                } else {
                    var list: [ClosedRange<CivilDate>] = []
                    for item in try school.list() {
                        let entry = try item.mapping(allowed: ["from", "to"])
                        let from = try readDate(try entry.required("from", "the first day of the holiday"))
                        let to = try readDate(try entry.required("to", "the last day of the holiday"))
                        guard from <= to else { throw item.error("the holiday ends (\(to)) before it starts (\(from))") }
                        list.append(from...to)
                    }
                    ranges = list
                }
            }
        }
        do throws(ScheduleError) {
            return try ServiceCalendar(startDate: start, days: days, officeOpen: open, officeClose: close, schoolHolidayRanges: ranges)
        } catch {
            // Only office hours from the file can be wrong; the defaults (09:00–17:00) are valid.
            guard let value else { preconditionFailure("the default office hours were rejected: \(error.message)") }
            throw value.error(error.message)
        }
    }

    static func readDate(_ value: YAMLValue) throws(ScenarioError) -> CivilDate {
        guard let date = CivilDate(iso: try value.string()) else {
            throw value.error("expected a date written as year-month-day, such as 2025-04-01")
        }
        return date
    }

    /// "09:00-17:00", or several joined by commas; "08:00-22:00" or "17:00-09:00" (overnight).
    static func readHours(_ value: YAMLValue) throws(ScenarioError) -> [ClosedRange<Double>] {
        let text = try value.string()
        var ranges: [ClosedRange<Double>] = []
        for part in text.split(separator: ",") {
            let ends = part.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2, let from = clock(ends[0]), let to = clock(ends[1]), from != to else {
                throw value.error("expected hours written as \"09:00-17:00\", found '\(text)'")
            }
            ranges.append(from...(to > from ? to : to + 24))
        }
        return ranges
    }

    static func clock(_ text: String) -> Double? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440
        else { return nil }
        return Double(h) + Double(m) / 60
    }
}
