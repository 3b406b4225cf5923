import Foundation
import FrontDoorModel
import SimulationEngine

/// Teams: people and posts, hours and shifts, absence.
extension FrontDoorLoader {
    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// A person's working day: hours worked, the break, and the share of time for other duties.
    struct WorkingDay {
        var hoursPerDay: Double
        var breakHours: Double
        var otherDutiesShare: Double
        /// A 37-hour week over five days (NJC Green Book, domain §3.5), with the 36 minutes of a
        /// 9-to-5 day that leaves for lunch, and a fifth of the time for supervision, meetings,
        /// quality assurance, admin and learning — an assumption: the evidence gives productive
        /// days (§3.5) but not the share of a day spent away from contacts.
        static let standard = WorkingDay(hoursPerDay: 7.4, breakHours: 0.6, otherDutiesShare: 0.2)
    }

    static let workingDayKeys = ["hours_per_day", "break_minutes", "other_duties_share"]

    /// The working-day keys of a team or of `default_working_day`, each falling back on `fallback`.
    static func readWorkingDay(_ map: YAMLMapping, default fallback: WorkingDay) throws(ScenarioError) -> WorkingDay {
        WorkingDay(
            hoursPerDay: try map["hours_per_day"]?.number("hours worked in a day, from 1 to 24") { $0 >= 1 && $0 <= 24 }
                ?? fallback.hoursPerDay,
            breakHours: try map["break_minutes"].map { v throws(ScenarioError) in
                try v.number("minutes of break in a day, from 0 to 180") { $0 >= 0 && $0 <= 180 } / 60
            }
                ?? fallback.breakHours,
            otherDutiesShare: try map["other_duties_share"]?.number("a share of working time from 0 to 0.9") { $0 >= 0 && $0 <= 0.9 }
                ?? fallback.otherDutiesShare)
    }

    static func readTeam(
        _ id: String, _ value: YAMLValue, calendar: ServiceCalendar, defaultAbsence: Team.Absence,
        defaultDay: WorkingDay
    ) throws(ScenarioError) -> Team {
        let team = try value.mapping(
            allowed: [
                "role", "grade", "people", "vacant_posts", "hours", "late_shift_share", "absence",
                "vacancy_rate", "agency_cover", "decision_role", "informal_cover", "shared_service"
            ] + workingDayKeys)
        let peopleValue = try team.required("people", "how many people, or a list of their FTEs")
        var people: [Double]
        if case .scalar = peopleValue.node {
            let count = try peopleValue.number(
                "a number of people of 0 or more (a fraction is a part-time post)",
                atMost: Double(Limits.peoplePerTeam), "people"
            ) { $0 >= 0 }
            people = Array(repeating: 1, count: Int(count))
            if count > Double(Int(count)) { people.append(count - Double(Int(count))) }
        } else {
            people = try peopleValue.numbers { v throws(ScenarioError) in try v.number("an FTE above 0 and at most 1") { $0 > 0 && $0 <= 1 }
            }
            guard people.count <= Limits.peoplePerTeam else {
                throw peopleValue.error(
                    "\(people.count) posts is more than the limit of \(YAMLValue.amount(Double(Limits.peoplePerTeam), "people"))")
            }
        }
        let vacancies = try readVacancies(team, posts: people.count)
        let hoursValue = try team.required("hours", "when the team works, such as {weekdays: \"09:00-17:00\"}")
        let hours = try hoursValue.mapping(allowed: ["weekdays", "weekends", "every_day", "bank_holidays"] + weekdayNames)
        var intervals: [[ClosedRange<Double>]] = Array(repeating: [], count: 7)
        for (key, entry) in hours.entries where key != "bank_holidays" {
            let ranges = try readHours(entry)
            let days: [Int] =
                key == "weekdays"
                ? Array(0..<5)
                : key == "weekends" ? [5, 6] : key == "every_day" ? Array(0..<7) : weekdayNames.firstIndex(of: key).map { [$0] } ?? []
            for day in days { intervals[day] = ranges }
        }
        let worksBankHolidays =
            try hours["bank_holidays"].map { v throws(ScenarioError) in try v.choice(["open": true, "closed": false]) } ?? false
        let schedule: WeeklySchedule
        do throws(ScheduleError) {
            schedule = try WeeklySchedule(
                intervals: intervals, firstWeekday: calendar.startDate.weekday,
                closedDays: worksBankHolidays ? [] : calendar.bankHolidays)
        } catch {
            throw hoursValue.error(error.message == "the schedule is never open" ? "the team has no hours of work" : error.message)
        }
        let absence = try team["absence"].map(readAbsence) ?? defaultAbsence
        let decisionRole = try team["decision_role"]?.choice(Team.DecisionRole.allCases.map { ($0.rawValue, $0) }) ?? .decides
        let day = try readWorkingDay(team, default: defaultDay)
        let costing = try readCosting(team, defaultDay: defaultDay)
        return Team(
            id: id, role: try team["role"]?.string() ?? id,
            grade: try team.required("grade", "the pay grade, one of the grades under costs.salaries").string(),
            decisionRole: decisionRole, costing: costing, people: people, vacancies: vacancies,
            agencyCover: try team["agency_cover"]?.probability() ?? 0, schedule: schedule,
            hoursPerDay: day.hoursPerDay, breakHours: day.breakHours, otherDutiesShare: day.otherDutiesShare,
            lateShiftShare: try team["late_shift_share"]?.probability() ?? 0.5,
            absence: absence)
    }

    /// How the team is paid for: on the establishment (the default); `informal_cover: true`, by
    /// the hour of cover; `shared_service: true`, by the hour spent on contacts, over a full-time
    /// week of the council's standard working day (`default_working_day`).
    static func readCosting(_ team: YAMLMapping, defaultDay: WorkingDay) throws(ScenarioError) -> Team.Costing {
        let informal = try team["informal_cover"]?.bool() ?? false, shared = try team["shared_service"]?.bool() ?? false
        if informal && shared, let key = team["shared_service"] {
            throw key.error("a team covers informally or is a shared council service, not both")
        }
        return informal ? .informalCover : shared ? .sharedService(paidHoursPerWeek: defaultDay.hoursPerDay * 5) : .establishment
    }

    /// Posts with no permanent holder: `vacant_posts`, or a `vacancy_rate` of the posts.
    static func readVacancies(_ team: YAMLMapping, posts: Int) throws(ScenarioError) -> Team.Vacancies {
        if let rate = team["vacancy_rate"] {
            if team["vacant_posts"] != nil { throw rate.error("give vacant_posts or vacancy_rate, not both") }
            return .rate(try rate.probability())
        }
        let vacant = try team["vacant_posts"]?.wholeNumber(atLeast: 0, atMost: Limits.peoplePerTeam, "posts") ?? 0
        if vacant > posts, let value = team["vacant_posts"] {
            throw value.error("a team of \(posts) posts cannot have \(vacant) vacant")
        }
        return .posts(vacant)
    }

    static func readAbsence(_ value: YAMLValue) throws(ScenarioError) -> Team.Absence {
        let a = try value.mapping(allowed: ["leave_days", "sickness_rate", "sickness_spell_days", "training_days"])
        return Team.Absence(
            leaveDays: try a["leave_days"]?.number("a number of days from 0 to 100") { $0 >= 0 && $0 <= 100 } ?? 0,
            sicknessRate: try a["sickness_rate"]?.number("a share of days between 0 and 0.5") { $0 >= 0 && $0 <= 0.5 } ?? 0,
            sicknessSpellDays: try a["sickness_spell_days"]?.number("a number of days, 1 or more") { $0 >= 1 } ?? 1,
            trainingDays: try a["training_days"]?.number("a number of days from 0 to 50") { $0 >= 0 && $0 <= 50 } ?? 0)
    }
}
