import SimulationEngine
import Testing

/// The kernel's weekly working-time schedule on its own: hours that run past midnight, and
/// schedules it refuses. (Calendars of real dates and bank holidays are the front door's, and
/// tested with it.)
@Suite struct WeeklyScheduleTests {
    @Test func overnightHoursRunPastMidnight() throws {
        let night = try WeeklySchedule(intervals: Array(repeating: [17...33], count: 7), firstWeekday: 0, closedDays: [])
        #expect(night.isOpen(at: 24 + 3)) // 03:00 on day 1 is in day 0's shift
        #expect(!night.isOpen(at: 12))
        #expect(night.add(workingHours: 10, to: 20) == 30)
        #expect(night.latestStart(workingHours: 10, endingBy: 30) == 20)
        // A whole night's work done by 17:00 on day 1 starts when day 0's night starts.
        #expect(night.latestStart(workingHours: 16, endingBy: 24 + 17) == 17)
        // 00:00–09:00 from the night before, 17:00–09:00 of day 0, and 17:00–24:00 of day 1.
        #expect(night.workingHours(from: 0, to: 48) == 9 + 16 + 7)
    }

    @Test func badSchedulesAreRejected() {
        #expect(throws: ScheduleError.self) {
            try WeeklySchedule(intervals: Array(repeating: [], count: 7), firstWeekday: 0, closedDays: [])
        }
        #expect(throws: ScheduleError.self) {
            try WeeklySchedule(intervals: Array(repeating: [9...17, 16...18], count: 7), firstWeekday: 0, closedDays: [])
        }
        #expect(throws: ScheduleError.self) { try WeeklySchedule(intervals: [[9...17]], firstWeekday: 0, closedDays: []) }
        // Friday's night running into Saturday's day: the person would go off shift at 09:00 on
        // Saturday, in the middle of Saturday's hours, and those hours would count twice.
        #expect(throws: ScheduleError.self) {
            try WeeklySchedule(
                intervals: [[17...33], [17...33], [17...33], [17...33], [17...33], [0...24], [0...24]], firstWeekday: 0, closedDays: [])
        }
        #expect(
            (try? WeeklySchedule(
                intervals: [[0...9, 17...33], [17...33], [17...33], [17...33], [17...24], [0...24], [0...24]], firstWeekday: 0,
                closedDays: []))?.hoursPerWeek == 128)
    }
}
