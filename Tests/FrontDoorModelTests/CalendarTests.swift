import SimulationEngine
import Testing

@testable import FrontDoorModel

@Suite struct CalendarTests {
    func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test(arguments: [
        (2000, "2000-04-23"), (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20"),
        (2026, "2026-04-05"), (2038, "2038-04-25")
    ])
    func easterSundayOnKnownDates(year: Int, expected: String) {
        #expect(EnglishCalendar.easterSunday(year: year) == date(expected))
    }

    @Test func bankHolidaysOf2025() {
        let expected = ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"]
        #expect(EnglishCalendar.bankHolidays(year: 2025) == expected.map(date))
    }

    @Test func substituteDaysAndProclaimedChanges() {
        // 2022: New Year's Day on a Saturday, the Platinum Jubilee, the Queen's funeral, Christmas on a Sunday.
        let expected2022 = [
            "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
            "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"
        ]
        #expect(EnglishCalendar.bankHolidays(year: 2022) == expected2022.map(date))
        // 2027: Christmas on a Saturday, Boxing Day on a Sunday.
        #expect(EnglishCalendar.bankHolidays(year: 2027).suffix(2) == ["2027-12-27", "2027-12-28"].map(date))
        // 2026: Boxing Day on a Saturday moves to Monday 28 December.
        #expect(EnglishCalendar.bankHolidays(year: 2026).suffix(2) == ["2026-12-25", "2026-12-28"].map(date))
        // 2020: the early May bank holiday moved to Friday 8 May for VE Day.
        #expect(EnglishCalendar.bankHolidays(year: 2020).contains(date("2020-05-08")))
        #expect(!EnglishCalendar.bankHolidays(year: 2020).contains(date("2020-05-04")))
        #expect(EnglishCalendar.bankHolidays(year: 2023).contains(date("2023-05-08")))
    }

    @Test func englishSchoolHolidayPattern() {
        for holiday in ["2025-08-15", "2025-10-28", "2025-12-24", "2026-01-02", "2026-02-17", "2026-04-02", "2026-05-26", "2026-07-30"] {
            #expect(EnglishCalendar.isSchoolHolidayInEnglishPattern(date(holiday)), "\(holiday)")
        }
        for term in ["2025-09-10", "2025-11-12", "2026-01-14", "2026-03-10", "2026-06-17", "2026-07-14"] {
            #expect(!EnglishCalendar.isSchoolHolidayInEnglishPattern(date(term)), "\(term)")
        }
    }

    @Test func civilDatesRoundTripAndKnowTheirWeekday() {
        #expect(date("2025-04-01").weekday == 1) // a Tuesday
        #expect(date("1970-01-01").weekday == 3) // a Thursday
        #expect(date("2024-02-29").adding(days: 1) == date("2024-03-01"))
        for n in stride(from: -100_000, to: 100_000, by: 997) { #expect(CivilDate(dayNumber: n).dayNumber == n) }
        #expect(CivilDate(iso: "2025-02-29") == nil)
        #expect(CivilDate(iso: "25-02-01") == nil)
        #expect(date("2025-04-01").description == "1 April 2025")
    }

    @Test func workingTimeSkipsEveningsWeekendsAndBankHolidays() throws {
        // Day 0 is Thursday 17 April 2025; Good Friday (18), Easter Monday (21) and the early May
        // bank holiday (5 May, day 18) are bank holidays.
        let calendar = try ServiceCalendar(startDate: date("2025-04-17"), days: 30)
        let office = calendar.office
        #expect(calendar.bankHolidays.filter { $0 < 30 }.sorted() == [1, 4, 18])
        // Three working hours from 16:00 on Thursday end at 11:00 on Tuesday 22 April (day 5).
        #expect(office.add(workingHours: 3, to: 16) == 5 * 24 + 11)
        #expect(office.workingHours(from: 16, to: 5 * 24 + 11) == 3)
        #expect(office.isOpen(at: 10) && !office.isOpen(at: 24 + 10) && !office.isOpen(at: 20))
        #expect(office.nextOpening(atOrAfter: 17) == 5 * 24 + 9)
        // The latest start for 3 working hours ending by 11:00 on Tuesday 22 April is 16:00 on
        // Thursday (across the Easter weekend); for 2 hours, 09:00 on Tuesday.
        #expect(office.latestStart(workingHours: 3, endingBy: 5 * 24 + 11) == 16)
        #expect(office.latestStart(workingHours: 2, endingBy: 5 * 24 + 11) == 5 * 24 + 9)
        #expect(calendar.isWorkingDay(0) && !calendar.isWorkingDay(1) && !calendar.isWorkingDay(2) && calendar.isWorkingDay(5))
    }
}
