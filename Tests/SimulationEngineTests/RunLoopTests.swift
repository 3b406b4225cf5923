import Testing

@testable import SimulationEngine

@Suite struct RunLoopTests {
    @Test func handlesEventsUpToAndIncludingTheHorizon() {
        var ticker = Ticker()
        ticker.events.schedule(at: 0, kind: 0, subject: 0)
        let outcome = ticker.run(RunLength(horizonHours: 10, warmUpHours: 2.5))
        #expect(outcome.events == 11 && outcome.stoppedAt == 10)
        #expect(ticker.handled == (0...10).map(Double.init))
        #expect(ticker.warmUpEndedAt == [2.5])
    }

    @Test func aModelCanStopItsRunEarly() {
        var ticker = Ticker(stopAfter: 4)
        ticker.events.schedule(at: 0, kind: 0, subject: 0)
        let outcome = ticker.run(RunLength(horizonHours: 10))
        #expect(outcome.events == 4 && outcome.stoppedAt == 4)
    }

    @Test func theWarmUpEndsEvenWhenNoEventFollowsIt() {
        var ticker = Ticker()
        let outcome = ticker.run(RunLength(horizonHours: 10, warmUpHours: 5))
        #expect(outcome.events == 0)
        #expect(ticker.warmUpEndedAt == [5])
    }
}

/// A model that counts its events, schedules one an hour and can be told to stop.
private struct Ticker: EventDrivenModel, ~Copyable {
    var events = EventList()
    var handled: [Double] = []
    var warmUpEndedAt: [Double] = []
    var stopAfter = Int.max

    mutating func handle(_ event: Event) {
        handled.append(event.time)
        events.schedule(at: event.time + 1, kind: 0, subject: 0)
    }
    mutating func warmUpEnded(at time: Double) { warmUpEndedAt.append(time) }
    var mustStop: Bool { handled.count >= stopAfter }
}
