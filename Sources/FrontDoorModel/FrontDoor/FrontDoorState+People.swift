import Foundation
import SimulationEngine

/// People: their days, rotas, shifts and absence.
extension FrontDoorState {
    mutating func startDay(_ day: Int, at now: Double) {
        // Yesterday's decisions count only if yesterday was measured from its start: the end of
        // the warm-up switches measuring on before the first measured midnight is processed.
        if day > 0 && Double(day - 1) * 24 >= length.warmUpHours { recordDeciderDay() }
        if measuring && now < length.horizonHours { result.days.append(.init(day: day)) }
        let calendar = design.calendar
        for index in people.indices {
            let team = design.teams[people[index].team]
            if day / 365 != people[index].absenceYear { drawAbsence(for: index, year: day / 365) }
            let weekday = calendar.weekday(ofDay: day)
            let opens = !team.schedule.openIntervals(onDay: day).isEmpty
            people[index].present = opens && people[index].rotaDays.contains(weekday) && !people[index].absent[day % 365]
            people[index].decisionsToday = 0
            people[index].workToday = 0
            updateAvailability(of: index)
        }
        for teamIndex in teams.indices {
            let present = teams[teamIndex].people.filter { people[$0].present }.count
            teams[teamIndex].presentToday = present
            for interval in design.teams[teamIndex].schedule.openIntervals(onDay: day) {
                events.schedule(at: interval.lowerBound, kind: EventKind.teamOpens.rawValue, subject: Int32(teamIndex))
                events.schedule(at: interval.upperBound, kind: EventKind.teamCloses.rawValue, subject: Int32(teamIndex))
            }
        }
        scheduleShifts(onDay: day)
        // The day's contacts are known at its start: they wait in the event list's sorted lane.
        var batch: [(time: Double, kind: UInt32, subject: Int32)] = []
        let waitingAtStart = day == 0 ? generator.startingBacklog(using: initialStream) : []
        for arrival in waitingAtStart + generator.contacts(onDay: day, using: arrivals) {
            batch.append((arrival.time, EventKind.arrival.rawValue, makeContact(arrival)))
        }
        let bucket = day % recontactBuckets.count
        for arrival in recontactBuckets[bucket] {
            batch.append((arrival.time, EventKind.recontact.rawValue, makeContact(arrival)))
        }
        recontactBuckets[bucket].removeAll(keepingCapacity: true)
        events.schedule(batch: batch)
        if calendar.isWorkingDay(day) {
            events.schedule(at: calendar.office.openIntervals(onDay: day).last!.upperBound, kind: EventKind.officeCloses.rawValue, subject: Int32(day))
        }
        events.schedule(at: now + 24, kind: EventKind.dayStart.rawValue, subject: Int32(day + 1))
    }

    /// Schedules the day's shift changes of the people at work: one event for each moment at
    /// which someone comes on or goes off shift, handling them in the order of their shifts.
    mutating func scheduleShifts(onDay day: Int) {
        dayShiftChanges.removeAll(keepingCapacity: true)
        for index in people.indices where people[index].present {
            shifts[people[index].shift].forEachOpenInterval(onDay: day) { interval in
                dayShiftChanges.append((interval.lowerBound, dayShiftChanges.count, Int32(index), true))
                dayShiftChanges.append((interval.upperBound, dayShiftChanges.count, Int32(index), false))
                // Only hours inside the measured window [end of warm-up, horizon) are available:
                // a day that starts at the horizon adds nothing.
                let low = max(interval.lowerBound, length.warmUpHours), high = min(interval.upperBound, length.horizonHours)
                if high > low { result.teamAvailableHours[people[index].team] += high - low }
            }
        }
        dayShiftChanges.sort { ($0.time, $0.order) < ($1.time, $1.order) }
        var start = 0
        while start < dayShiftChanges.count {
            var end = start + 1
            while end < dayShiftChanges.count && dayShiftChanges[end].time == dayShiftChanges[start].time { end += 1 }
            let batch = dayShiftChanges[start..<end].map { (person: $0.person, on: $0.on) }
            let slot: Int32
            if let reused = freeRotaSlots.popLast() {
                slot = reused
                rotaChanges[Int(slot)] = batch
            } else {
                slot = Int32(rotaChanges.count)
                rotaChanges.append(batch)
            }
            events.schedule(at: dayShiftChanges[start].time, kind: EventKind.rotaChange.rawValue, subject: slot)
            start = end
        }
    }

    /// People come on shift (and look for work) or go off it, in the order of their shifts.
    mutating func changeShifts(slot: Int, at now: Double) {
        for change in rotaChanges[slot] {
            let person = Int(change.person)
            people[person].onShift = change.on
            updateAvailability(of: person)
            if change.on { dispatch(person, at: now) }
        }
        rotaChanges[slot].removeAll()
        freeRotaSlots.append(Int32(slot))
    }

    /// Draws a year of absence for one person: leave taken as whole weeks (about 60%) and single
    /// working days, training on working days, and spells of sickness starting on a working day
    /// with a geometric length (in days, weekends included).
    mutating func drawAbsence(for index: Int, year: Int) {
        let absence = design.teams[people[index].team].absence
        var absent = [Bool](repeating: false, count: 365)
        let firstDay = year * 365
        let workingDays = (0..<365).filter { design.calendar.weekday(ofDay: firstDay + $0) < 5 }
        let fte = min(people[index].fte, 1)
        var leave = Int((absence.leaveDays * fte).rounded())
        let weeks = leave * 3 / 5 / 5
        for _ in 0..<weeks {
            let start = Int(absenceStream.uniform() * 52) * 7
            for day in start..<min(start + 7, 365) where !absent[day] {
                absent[day] = true
            }
        }
        leave -= weeks * 5
        func randomWorkingDays(_ count: Int) {
            var placed = 0, tries = 0
            while placed < count && tries < 10_000 {
                tries += 1
                let day = workingDays[Int(absenceStream.uniform() * Double(workingDays.count))]
                if !absent[day] { absent[day] = true; placed += 1 }
            }
        }
        randomWorkingDays(leave)
        randomWorkingDays(Int((absence.trainingDays * fte).rounded()))
        if absence.sicknessRate > 0 {
            // A spell starts on a working day with probability rate / mean length, so that the
            // expected share of working days lost is the sickness rate.
            let startProbability = absence.sicknessRate / absence.sicknessSpellDays
            var day = 0
            while day < 365 {
                if design.calendar.weekday(ofDay: firstDay + day) < 5 && absenceStream.uniform() < startProbability {
                    let spell = max(1, Int((absenceStream.exponential(mean: absence.sicknessSpellDays)).rounded(.up)))
                    var counted = 0
                    while counted < spell && day < 365 {
                        absent[day] = true
                        if design.calendar.weekday(ofDay: firstDay + day) < 5 { counted += 1 }
                        day += 1
                    }
                } else {
                    day += 1
                }
            }
        }
        people[index].absent = absent
        people[index].absenceYear = year
    }

    /// Whether person `k` of a team works the late shift: spreads `share` of the team evenly.
    static func isLate(_ k: Int, share: Double) -> Bool {
        Int((Double(k + 1) * share).rounded(.down)) > Int((Double(k) * share).rounded(.down))
    }

    /// A person's hours: the team's opening hours, or, where the team opens for longer than a
    /// shift, an early shift (from opening) or a late one (to closing) within each opening.
    static func shift(of team: Team, late: Bool) -> WeeklySchedule {
        guard let shift = team.shiftHours else { return team.schedule }
        let intervals = team.schedule.intervals.map { day in
            day.map { open in
                open.upperBound - open.lowerBound <= shift ? open
                    : late ? (open.upperBound - shift)...open.upperBound : open.lowerBound...(open.lowerBound + shift)
            }
        }
        // The intervals are sub-ranges of a valid schedule, so they are valid too.
        return try! WeeklySchedule(intervals: intervals, firstWeekday: team.schedule.firstWeekday, closedDays: team.schedule.closedDays)
    }
}
