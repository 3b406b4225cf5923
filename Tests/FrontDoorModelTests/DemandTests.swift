import FrontDoorTestSupport
import SimulationEngine
import Testing

@testable import FrontDoorModel

/// Seasonality by source and batched notifications.
@Suite struct DemandTests {
    static func calendar() throws -> ServiceCalendar {
        // 1 April 2025 is a Tuesday; Good Friday 2026 is 3 April, Easter Monday 6 April.
        try ServiceCalendar(startDate: CivilDate(year: 2025, month: 4, day: 1)!, days: 400)
    }

    @Test func aYearlyWindowMayRunOverTheNewYear() {
        let festive = Demand.Peak(name: "festive", from: (12, 17), to: (1, 4), factor: 1.25)
        #expect(festive.contains(CivilDate(year: 2025, month: 12, day: 17)!) && festive.contains(CivilDate(year: 2026, month: 1, day: 4)!))
        #expect(festive.contains(CivilDate(year: 2025, month: 12, day: 31)!) && festive.contains(CivilDate(year: 2026, month: 1, day: 1)!))
        #expect(
            !festive.contains(CivilDate(year: 2025, month: 12, day: 16)!) && !festive.contains(CivilDate(year: 2026, month: 1, day: 5)!))
        let september = Demand.Peak(name: "september", from: (9, 1), to: (9, 30), factor: 1.2)
        #expect(
            september.contains(CivilDate(year: 2025, month: 9, day: 15)!) && !september.contains(CivilDate(year: 2025, month: 10, day: 1)!))
    }

    @Test func aBatchIsReleasedAtTheNextWorkingMorning() throws {
        let calendar = try Self.calendar()
        let batches = Demand.Batches(channels: [true, true, true, true, true], ratings: [false, true, true], releaseHour: 8)
        // Day 0 is Tuesday 1 April 2025.
        #expect(batches.release(after: 7, calendar: calendar) == 8) // before the release: the same morning
        #expect(batches.release(after: 8, calendar: calendar) == 8) // at it
        #expect(batches.release(after: 10, calendar: calendar) == 24 + 8) // after it: Wednesday morning
        #expect(batches.release(after: 4 * 24 + 22, calendar: calendar) == 6 * 24 + 8) // Saturday night: Monday morning
        // Thursday 2 April 2026 (day 366) after 08:00: Good Friday and Easter Monday are bank holidays, so Tuesday 7 April.
        #expect(calendar.date(ofDay: 366) == CivilDate(year: 2026, month: 4, day: 2)!)
        #expect(batches.release(after: 366 * 24 + 12, calendar: calendar) == 371 * 24 + 8)
    }

    @Test func peaksAndTheSourcesOwnMonthsShapeTheExpectedVolume() throws {
        let calendar = try Self.calendar()
        let flat = Array(repeating: 1.0, count: 7)
        let police = try Demand.Source(
            group: .police, share: 0.5, channels: [0, 0, 0, 1, 0], rag: [0, 0, 1], completeInformation: 1, weekdayWeights: flat,
            hourWeights: Array(repeating: 1, count: 24), schoolHolidayFactor: 1, monthWeights: Array(repeating: 1, count: 12),
            peaks: [Demand.Peak(name: "festive", from: (12, 17), to: (1, 4), factor: 1.25)])
        var others = police
        others.group = .health
        others.monthWeights = nil
        others.peaks = []
        var months = Array(repeating: 1.0, count: 12)
        months[7] = 0.5 // August at half for sources that follow the shared months
        let demand = try Demand(
            contactsPerYear: 36_500, sources: [police, others], monthWeights: months, overdispersion: 0, trendPerYear: 0,
            shocks: [], startingBacklog: 0)
        let generator = DemandGenerator(demand: demand, calendar: calendar, children: nil, sources: try Categorical(weights: [0.5, 0.5]))
        // 10 and 20 December 2025 are both Wednesdays; 10 August a Sunday, 10 October a Friday.
        let december10 = CivilDate(year: 2025, month: 12, day: 10)!.dayNumber - calendar.startDate.dayNumber
        #expect(abs(generator.expected(source: 0, day: december10 + 10) / generator.expected(source: 0, day: december10) - 1.25) < 1e-12)
        #expect(generator.expected(source: 1, day: december10 + 10) == generator.expected(source: 1, day: december10))
        let august = CivilDate(year: 2025, month: 8, day: 10)!.dayNumber - calendar.startDate.dayNumber
        let october = CivilDate(year: 2025, month: 10, day: 10)!.dayNumber - calendar.startDate.dayNumber
        #expect(generator.expected(source: 0, day: august) == generator.expected(source: 0, day: october)) // its own flat months
        #expect(abs(generator.expected(source: 1, day: august) / generator.expected(source: 1, day: october) - 0.5) < 1e-12)
        // Each source still brings its share of the year.
        for source in 0..<2 {
            let year = (0..<365).reduce(0.0) { $0 + generator.expected(source: source, day: $1) }
            #expect(abs(year - 18_250) < 1e-6)
        }
    }

    /// The day-to-day multiplier is prepared with the demand: an overdispersion that cannot make
    /// one is refused there, never switched off in a replication.
    @Test func demandPreparesItsDayToDayMultiplierOrRefusesTheOverdispersion() throws {
        func demand(_ overdispersion: Double) throws(DistributionError) -> Demand {
            try Demand(
                contactsPerYear: 1_000, sources: [], monthWeights: Array(repeating: 1, count: 12), overdispersion: overdispersion,
                trendPerYear: 0, shocks: [], startingBacklog: 0)
        }
        #expect(try demand(0).dayMultiplier == nil)
        let multiplier = try #require(try demand(0.3).dayMultiplier)
        #expect(abs(multiplier.mean - 1) < 1e-12 && abs(multiplier.variance - 0.09) < 1e-12)
        for wrong in [-0.1, .nan, .infinity] { #expect(throws: DistributionError.self) { try demand(wrong) } }
    }

    /// A source prepares its choices of channel, rating and hour when it is made, so one with
    /// weights that cannot make a choice is refused there, never trapped in a replication.
    @Test func aSourceWithWeightsThatCannotChooseIsRefusedWhenMade() {
        func source(channels: [Double] = [0, 0, 0, 1, 0], rag: [Double] = [0, 0, 1], hours: [Double] = Array(repeating: 1, count: 24))
            throws(DistributionError) -> Demand.Source
        {
            try Demand.Source(
                group: .police, share: 1, channels: channels, rag: rag, completeInformation: 1,
                weekdayWeights: Array(repeating: 1, count: 7),
                hourWeights: hours, schoolHolidayFactor: 1)
        }
        #expect(throws: Never.self) { try source() }
        #expect(throws: DistributionError.self) { try source(channels: [0, 0, 0, 0, 0]) }
        #expect(throws: DistributionError.self) { try source(rag: [0.5, -0.1, 0.6]) }
        #expect(throws: DistributionError.self) { try source(hours: Array(repeating: .nan, count: 24)) }
    }

}

@Suite struct LimitedChangeTests {
    @Test func aChangeLimitedToGreenNotificationsRemovesOnlyThemAndKeepsTheRest() throws {
        var fixture = try FrontDoorFixture(contactsPerYear: 36_500)
        fixture.design.demand.sources[0] = try FrontDoorFixture.source(
            channels: [.phone: 0.5, .policeNotification: 0.5], rag: [.red: 0.2, .amber: 0.3, .green: 0.5])
        let base = try fixture.prepared()
        var edited = base.design
        edited.demand.shocks = [
            Demand.Shock(
                name: "demand_management", firstDay: 0, lastDay: 59, factors: [.police: 0],
                ratings: [false, false, true], channels: Channel.allCases.map { $0 == .policeNotification })
        ]
        let changed = try PreparedDesign(edited)
        let before = DemandGenerator(base)
        let after = DemandGenerator(changed)
        var kept = 0, removed = 0
        for day in 0..<30 {
            let all = before.contacts(onDay: day, using: RandomStream(seed: UInt32(day)))
            let left = after.contacts(onDay: day, using: RandomStream(seed: UInt32(day)), changes: RandomStream(seed: 7))
            let expected = all.filter { !($0.rag == .green && $0.channel == .policeNotification) }
            // The same contacts, with the same draws, less the green notifications.
            #expect(left.map(\.time) == expected.map(\.time) && left.map(\.need) == expected.map(\.need))
            kept += left.count
            removed += all.count - left.count
        }
        #expect(kept > 0 && removed > 0)
    }
}
