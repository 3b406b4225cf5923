import BasicContainers
import SimulationEngine

/// People's days away — leave, training and sickness — drawn a year at a time for each person.
extension Workforce {
    /// Draws a year of absence for one person: leave taken as whole weeks (about 60%) and single
    /// working days, training on working days, and spells of sickness starting on a working day
    /// with a geometric length (in days, weekends included).
    mutating func drawAbsence(for index: Int, year: Int) {
        let absence = teamDesigns[people[index].team].absence
        var absent = [Bool](repeating: false, count: 365)
        let firstDay = year * 365
        let workingDays = (0..<365).filter { calendar.weekday(ofDay: firstDay + $0) < 5 }
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
                if !absent[day] {
                    absent[day] = true
                    placed += 1
                }
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
                if calendar.weekday(ofDay: firstDay + day) < 5 && absenceStream.uniform() < startProbability {
                    let spell = max(1, Int((absenceStream.exponential(mean: absence.sicknessSpellDays)).rounded(.up)))
                    var counted = 0
                    while counted < spell && day < 365 {
                        absent[day] = true
                        if calendar.weekday(ofDay: firstDay + day) < 5 { counted += 1 }
                        day += 1
                    }
                } else {
                    day += 1
                }
            }
        }
        self.absent[index] = absent
        absenceYear[index] = year
    }
}
