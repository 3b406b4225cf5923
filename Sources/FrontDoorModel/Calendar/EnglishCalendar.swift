/// Bank holidays in England and Wales, and the English pattern of school holidays.
public enum EnglishCalendar {
    /// Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm).
    public static func easterSunday(year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(known: year, month, day)
    }

    /// The bank holidays of England and Wales in a year: New Year's Day, Good Friday, Easter
    /// Monday, the early May, spring and summer bank holidays, Christmas Day and Boxing Day, each
    /// moved to a substitute weekday when it falls at a weekend, and the one-off changes proclaimed
    /// since 2012.
    public static func bankHolidays(year: Int) -> [CivilDate] {
        let easter = easterSunday(year: year)
        var days: [CivilDate] = [
            substitute(CivilDate(known: year, 1, 1)),
            easter.adding(days: -2),
            easter.adding(days: 1)
        ]
        if let moved = movedEarlyMay[year] { days.append(moved) } else { days.append(firstMonday(of: 5, year: year)) }
        if let moved = movedSpring[year] { days.append(moved) } else { days.append(lastMonday(of: 5, year: year)) }
        days.append(lastMonday(of: 8, year: year))
        let christmas = CivilDate(known: year, 12, 25)
        switch christmas.weekday {
        case 5: // Saturday: Monday 27 and Tuesday 28
            days += [christmas.adding(days: 2), christmas.adding(days: 3)]
        case 6: // Sunday: Boxing Day on Monday 26, Christmas substitute on Tuesday 27
            days += [christmas.adding(days: 1), christmas.adding(days: 2)]
        case 4: // Friday: Boxing Day (Saturday) moves to Monday 28
            days += [christmas, christmas.adding(days: 3)]
        default:
            days += [christmas, christmas.adding(days: 1)]
        }
        days += extraBankHolidays[year] ?? []
        return days.sorted()
    }

    /// Whether a date falls in the English pattern of school holidays: Christmas (20 December to
    /// 3 January), February half-term (the week from the Monday on or after 12 February), Easter
    /// (Monday before Good Friday to the Friday after Easter Monday), May half-term (the week of
    /// the spring bank holiday), summer (22 July to 2 September) and October half-term (the week
    /// from the last Monday in October). Local dates differ by a few days; scenarios may list
    /// their own.
    public static func isSchoolHolidayInEnglishPattern(_ date: CivilDate) -> Bool {
        let year = date.year
        let md = date.month * 100 + date.day
        if md >= 1220 || md <= 103 { return true }
        if md >= 722 && md <= 902 { return true }
        let february = mondayOnOrAfter(CivilDate(known: year, 2, 12))
        if date >= february && date <= february.adding(days: 4) { return true }
        let easter = easterSunday(year: year)
        if date >= easter.adding(days: -6) && date <= easter.adding(days: 5) { return true }
        let spring = movedSpring[year] ?? lastMonday(of: 5, year: year)
        let springMonday = mondayOnOrAfter(spring.adding(days: -spring.weekday))
        if date >= springMonday && date <= springMonday.adding(days: 4) { return true }
        let october = lastMonday(of: 10, year: year)
        return date >= october && date <= october.adding(days: 4)
    }

    // MARK: - Implementation details

    /// One-off moves and extra days proclaimed by royal proclamation.
    static let movedEarlyMay: [Int: CivilDate] = [
        2020: CivilDate(known: 2020, 5, 8) // VE Day 75th anniversary
    ]
    static let movedSpring: [Int: CivilDate] = [
        2012: CivilDate(known: 2012, 6, 4), // Diamond Jubilee
        2022: CivilDate(known: 2022, 6, 2) // Platinum Jubilee
    ]
    static let extraBankHolidays: [Int: [CivilDate]] = [
        2012: [CivilDate(known: 2012, 6, 5)],
        2022: [CivilDate(known: 2022, 6, 3), CivilDate(known: 2022, 9, 19)],
        2023: [CivilDate(known: 2023, 5, 8)] // Coronation
    ]

    static func substitute(_ date: CivilDate) -> CivilDate {
        switch date.weekday {
        case 5: return date.adding(days: 2)
        case 6: return date.adding(days: 1)
        default: return date
        }
    }

    static func firstMonday(of month: Int, year: Int) -> CivilDate {
        mondayOnOrAfter(CivilDate(known: year, month, 1))
    }

    static func lastMonday(of month: Int, year: Int) -> CivilDate {
        let last = CivilDate(known: year, month, CivilDate.daysIn(month: month, year: year))
        return last.adding(days: -last.weekday)
    }

    static func mondayOnOrAfter(_ date: CivilDate) -> CivilDate {
        date.adding(days: (7 - date.weekday) % 7)
    }
}
