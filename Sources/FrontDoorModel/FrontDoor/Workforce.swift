import BasicContainers
import SimulationEngine

/// The people of a front door: who is at work each day (rotas, part-time days, leave, training,
/// sickness), their shifts, who is free, and who takes the next piece of work — the free person
/// of the team who has taken least work today, then the first in the team's list.
///
/// Its people and teams are kept in containers that cannot be copied, so that changing them —
/// several times for every piece of work — never checks whether their storage is shared.
struct Workforce: ~Copyable {
    struct Person {
        let team: Int
        /// This person's place in the team's list of people.
        let slot: Int
        let fte: Double
        /// This person's hours for contacts, an index into `shifts`.
        let shift: Int
        /// Working weekdays for a part-time person, one bit each (Monday the lowest); all for full time.
        let rotaDays: UInt8
        var present = false
        var onShift = false
        var busy = false
        /// When the work in hand ends.
        var busyUntil = 0.0
        var decisionsToday = 0
        var workToday = 0
        /// Decisions since the person last came back to contacts from a break, other duties or
        /// the day's start: what drives decision fatigue.
        var decisionsSinceBreak = 0
    }

    struct TeamState: ~Copyable {
        var open = false
        var presentToday = 0
        var people: [Int] = []
        /// The team's people on shift and free, by work taken today, then by place in the team:
        /// the next piece of work goes to the first.
        var free = IndexedMinHeap(capacity: 0)
    }

    /// A rota event's subject: the people coming on or going off shift at one moment.
    typealias ShiftChange = (person: Int32, on: Bool)

    let teamDesigns: [Team]
    let calendar: ServiceCalendar
    let absenceStream: RandomStream
    /// Teams whose people make or sign off decisions, whether each decides at its own stages
    /// (its people count every day they are at work; cover staff only on days they decide
    /// something), and which are managers.
    let decidingTeams: [Bool]
    let decidesOwnStages: [Bool]
    let managerTeams: [Bool]
    /// Plain values, so that reading one copies and counts nothing.
    private(set) var people = UniqueArray<Person>()
    /// Each person's days away this year (leave, training, sickness), and the year drawn: set only
    /// by ``drawAbsence(for:year:)``.
    var absent: [[Bool]] = []
    var absenceYear: [Int] = []
    private(set) var teams = UniqueArray<TeamState>()
    /// Every distinct pattern of hours for contacts, by team and ``pattern(_:of:)``.
    let shifts: [WeeklySchedule]
    /// People coming on or going off shift at one moment, in the order of their shifts, by the
    /// slot named in a rota event; `freeRotaSlots` are ready for reuse.
    private(set) var rotaChanges: [[ShiftChange]] = []
    private var freeRotaSlots: [Int32] = []
    /// Scratch space for a day's shift changes: its distinct moments and their rota slots, and
    /// each pattern of hours' intervals that day (those of `shifts[k]` at
    /// `dayIntervalStarts[k] ..< dayIntervalStarts[k + 1]`).
    private var dayShiftTimes: [Double] = []
    private var dayShiftSlots: [Int32] = []
    private var dayIntervals: [ClosedRange<Double>] = []
    private var dayIntervalStarts: [Int] = []

    init(design prepared: PreparedDesign, absenceStream: RandomStream) {
        let design = prepared.design
        teamDesigns = design.teams
        calendar = design.calendar
        self.absenceStream = absenceStream
        let deciding = design.decidingTeams
        decidingTeams = design.teams.indices.map { deciding.contains($0) }
        decidesOwnStages = design.teams.indices.map { team in design.stages.contains { $0.decides && $0.team == team } }
        managerTeams = design.teams.map { $0.decisionRole == .oversees }
        for _ in design.teams { teams.append(TeamState()) }
        var shifts: [WeeklySchedule] = []
        for (teamIndex, team) in design.teams.enumerated() {
            var patterns: [Int: Int] = [:]
            for (personIndex, fte) in team.workedPosts.enumerated() {
                // A part-time person works round(fte × 5) weekdays, staggered across the team.
                let days = fte >= 1 ? Set(0..<7) : Set((0..<max(1, Int((fte * 5).rounded()))).map { ($0 + personIndex) % 5 })
                let pattern = Self.pattern(personIndex, of: team)
                let shift: Int
                if let known = patterns[pattern] {
                    shift = known
                } else {
                    shift = shifts.count
                    patterns[pattern] = shift
                    shifts.append(prepared.workingWeeks[teamIndex][pattern].contacts)
                }
                teams[teamIndex].people.append(people.count)
                people.append(
                    Person(
                        team: teamIndex, slot: personIndex, fte: fte, shift: shift,
                        rotaDays: days.reduce(0) { $0 | UInt8(1) << $1 }))
            }
            teams[teamIndex].free = IndexedMinHeap(capacity: team.workedPosts.count)
        }
        self.shifts = shifts
        absent = Array(repeating: [], count: people.count)
        absenceYear = Array(repeating: -1, count: people.count)
    }

    // MARK: Days and shifts

    /// Reports yesterday's decisions by each person who makes or signs off decisions and was at
    /// work: by team, and for managers together.
    func recordDecisionDays(into recorder: inout FrontDoorRecorder) {
        for index in people.indices {
            let person = people[index]
            guard decidingTeams[person.team] && person.present, decidesOwnStages[person.team] || person.decisionsToday > 0 else { continue }
            recorder.decisionDay(team: person.team, manager: managerTeams[person.team], decisions: person.decisionsToday)
        }
    }

    /// Who is at work today, and the day's openings and shift changes as events.
    mutating func startDay(
        _ day: Int, events: inout EventList, opens: UInt32, closes: UInt32, rotaChange: UInt32,
        recorder: inout FrontDoorRecorder
    ) {
        // Worked out once a day for each team, not for each person.
        let weekday = calendar.weekday(ofDay: day)
        let openToday = teamDesigns.map { !$0.schedule.openIntervals(onDay: day).isEmpty }
        for index in people.indices {
            if day / 365 != absenceYear[index] { drawAbsence(for: index, year: day / 365) }
            people[index].present =
                openToday[people[index].team] && people[index].rotaDays & (1 << weekday) != 0 && !absent[index][day % 365]
            people[index].decisionsToday = 0
            people[index].workToday = 0
            updateAvailability(of: index)
        }
        for teamIndex in teams.indices {
            teams[teamIndex].presentToday = teams[teamIndex].people.reduce(0) { $0 + (people[$1].present ? 1 : 0) }
            for interval in teamDesigns[teamIndex].schedule.openIntervals(onDay: day) {
                events.schedule(at: interval.lowerBound, kind: opens, subject: Int32(teamIndex))
                events.schedule(at: interval.upperBound, kind: closes, subject: Int32(teamIndex))
            }
        }
        scheduleShifts(onDay: day, events: &events, kind: rotaChange, recorder: &recorder)
    }

    mutating func setOpen(_ team: Int, _ open: Bool) { teams[team].open = open }

    /// Schedules the day's shift changes of the people at work: one event for each moment at
    /// which someone comes on or goes off shift, handled in the order of their shifts.
    private mutating func scheduleShifts(onDay day: Int, events: inout EventList, kind: UInt32, recorder: inout FrontDoorRecorder) {
        // Each pattern of hours' intervals today, worked out once for all who share it.
        dayIntervals.removeAll(keepingCapacity: true)
        dayIntervalStarts.removeAll(keepingCapacity: true)
        for shift in shifts.indices {
            dayIntervalStarts.append(dayIntervals.count)
            shifts[shift].forEachOpenInterval(onDay: day) { dayIntervals.append($0) }
        }
        dayIntervalStarts.append(dayIntervals.count)
        // The day's distinct moments, in order (a handful: people share patterns of hours).
        dayShiftTimes.removeAll(keepingCapacity: true)
        for index in people.indices where people[index].present {
            let shift = people[index].shift
            for k in dayIntervalStarts[shift]..<dayIntervalStarts[shift + 1] {
                let interval = dayIntervals[k]
                Self.insertDistinct(interval.lowerBound, into: &dayShiftTimes)
                Self.insertDistinct(interval.upperBound, into: &dayShiftTimes)
                recorder.onShift(team: people[index].team, for: interval)
            }
        }
        for time in dayShiftTimes {
            let slot: Int32
            if let reused = freeRotaSlots.popLast() {
                slot = reused
            } else {
                slot = Int32(rotaChanges.count)
                rotaChanges.append([])
            }
            dayShiftSlots.append(slot)
            events.schedule(at: time, kind: kind, subject: slot)
        }
        // Each moment's changes in the order of the people and of their hours.
        for index in people.indices where people[index].present {
            let shift = people[index].shift
            for k in dayIntervalStarts[shift]..<dayIntervalStarts[shift + 1] {
                let interval = dayIntervals[k]
                rotaChanges[Int(dayShiftSlots[Self.position(of: interval.lowerBound, in: dayShiftTimes)])]
                    .append((Int32(index), true))
                rotaChanges[Int(dayShiftSlots[Self.position(of: interval.upperBound, in: dayShiftTimes)])]
                    .append((Int32(index), false))
            }
        }
        dayShiftSlots.removeAll(keepingCapacity: true)
    }

    /// Inserts `time` into the sorted `times` unless it is there already.
    private static func insertDistinct(_ time: Double, into times: inout [Double]) {
        let at = position(of: time, in: times)
        if at == times.count || times[at] != time { times.insert(time, at: at) }
    }

    /// The first place in the sorted `times` whose time is not before `time`.
    private static func position(of time: Double, in times: [Double]) -> Int {
        var low = 0, high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < time { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A person comes back to contacts (from the day's start, a break or other duties) or
    /// leaves them.
    mutating func setOnShift(_ person: Int, _ on: Bool) {
        people[person].onShift = on
        if on { people[person].decisionsSinceBreak = 0 }
        updateAvailability(of: person)
    }

    /// The shift changes of a rota slot have all been made; the slot can be reused.
    mutating func release(rotaSlot slot: Int) {
        rotaChanges[slot].removeAll(keepingCapacity: true)
        freeRotaSlots.append(Int32(slot))
    }

    // MARK: Work

    /// A person free to take work at a stage of `team` now: on shift and not busy; from the
    /// `cover` team when none of the stage's own team is at work today.
    @inline(__always)
    func freePerson(team: Int, cover: Int?) -> Int? {
        var team = team
        if teams[team].presentToday == 0, let cover { team = cover }
        return teams[team].free.first.map { teams[team].people[$0] }
    }

    /// Whether a person is on shift and free for work.
    @inline(__always)
    func isFree(_ person: Int) -> Bool { people[person].onShift && !people[person].busy }

    /// The person starts `hours` of work at `now`; returns when it ends: in the person's hours
    /// for contacts, or, `toCompletion`, straight through (urgent work is not left for a break,
    /// other duties or the next day).
    mutating func startWork(_ person: Int, hours: Double, at now: Double, toCompletion: Bool = false) -> Double {
        people[person].busy = true
        people[person].workToday += 1
        updateAvailability(of: person)
        let end = toCompletion ? now + hours : shifts[people[person].shift].add(workingHours: hours, to: now)
        people[person].busyUntil = end
        return end
    }

    mutating func finishWork(_ person: Int) {
        people[person].busy = false
        updateAvailability(of: person)
    }

    mutating func countDecision(by person: Int) {
        people[person].decisionsToday += 1
        people[person].decisionsSinceBreak += 1
    }

    /// Per person still at work when the run stops at `time`, the busy hours that fall after it.
    func busyHours(after time: Double) -> [(team: Int, hours: Double)] {
        people.indices.compactMap { index in
            let person = people[index]
            guard person.busy && person.busyUntil > time else { return nil }
            return (person.team, shifts[person.shift].workingHours(from: time, to: person.busyUntil))
        }
    }

    /// How many people are busy: at work on a contact or in a strategy discussion.
    var busyCount: Int { people.indices.reduce(0) { $0 + (people[$1].busy ? 1 : 0) } }

    /// Keeps the person's place among the team's free people in step with their shift, work
    /// and work taken today.
    private mutating func updateAvailability(of person: Int) {
        let team = people[person].team, slot = people[person].slot
        if people[person].onShift && !people[person].busy {
            teams[team].free.insert(slot, key: people[person].workToday)
        } else {
            teams[team].free.remove(slot)
        }
    }
}
