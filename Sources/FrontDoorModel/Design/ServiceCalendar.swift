import SimulationEngine

/// The calendar of a scenario: its start date, bank holidays, school holidays and the council's
/// standard working day, against which working days are counted.
public struct ServiceCalendar: Sendable {
    public let startDate: CivilDate
    /// Day numbers (from the start date) that are bank holidays.
    public let bankHolidays: Set<Int>
    /// Day numbers that fall in school holidays.
    public let schoolHolidays: Set<Int>
    /// The council's working day, Monday to Friday outside bank holidays, for counting working
    /// days and hours (default 09:00–17:00).
    public let office: WeeklySchedule
    /// Hours in one working day of `office`.
    public let hoursPerWorkingDay: Double
    /// Whether each day of the run and a fortnight after it is a working day, looked up rather
    /// than worked out for every batched contact.
    private let workingDays: [Bool]
    /// `schoolHolidays` as a table by day number, looked up without hashing for every source
    /// and day of demand.
    private let schoolHolidayDays: [Bool]

    public init(
        startDate: CivilDate, days: Int, officeOpen: Double = 9, officeClose: Double = 17,
        schoolHolidayRanges: [ClosedRange<CivilDate>]? = nil
    ) throws(ScheduleError) {
        self.startDate = startDate
        var holidays = Set<Int>()
        let start = startDate.dayNumber
        for year in startDate.year...(startDate.adding(days: days).year + 1) {
            for date in EnglishCalendar.bankHolidays(year: year) where date.dayNumber >= start {
                holidays.insert(date.dayNumber - start)
            }
        }
        bankHolidays = holidays
        var school = Set<Int>()
        for day in 0...days {
            let date = startDate.adding(days: day)
            let inHoliday =
                schoolHolidayRanges.map { ranges in ranges.contains { $0.contains(date) } }
                ?? EnglishCalendar.isSchoolHolidayInEnglishPattern(date)
            if inHoliday { school.insert(day) }
        }
        schoolHolidays = school
        schoolHolidayDays = (0...days).map { school.contains($0) }
        office = try WeeklySchedule(intervals: .weekdays(officeOpen, officeClose), firstWeekday: startDate.weekday, closedDays: holidays)
        hoursPerWorkingDay = officeClose - officeOpen
        let office = office
        workingDays = (0...(days + 14)).map { office.weekday(ofDay: $0) < 5 && !holidays.contains($0) }
    }

    public func date(ofDay day: Int) -> CivilDate { startDate.adding(days: day) }
    /// Whether a day falls in the school holidays (those of the run's days: none outside them).
    public func isSchoolHoliday(_ day: Int) -> Bool { schoolHolidayDays.indices.contains(day) && schoolHolidayDays[day] }
    public func weekday(ofDay day: Int) -> Int { office.weekday(ofDay: day) }
    /// A council working day: a weekday that is not a bank holiday.
    public func isWorkingDay(_ day: Int) -> Bool {
        workingDays.indices.contains(day) ? workingDays[day] : weekday(ofDay: day) < 5 && !bankHolidays.contains(day)
    }
}
