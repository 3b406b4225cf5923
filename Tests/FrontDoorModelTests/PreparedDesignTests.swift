import FrontDoorTestSupport
import SimulationEngine
import Testing

@testable import FrontDoorModel

/// A design changed through the library's API is checked when it is prepared: what would stop a
/// run part-way is refused with a message naming the part, never trapped in a replication.
@Suite struct PreparedDesignTests {
    static func base() throws -> FrontDoorDesign { try FrontDoorFixture().design }

    /// The message preparing `design` with `change` made gives, or nil if it is accepted.
    static func refusal(_ change: (inout FrontDoorDesign) throws -> Void) throws -> String? {
        var design = try base()
        try change(&design)
        do {
            _ = try PreparedDesign(design)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func theFixtureAsItIsIsPrepared() throws {
        #expect(try Self.refusal { _ in } == nil)
    }

    @Test func aStageOfATeamThatDoesNotExistIsRefused() throws {
        let message = try Self.refusal { $0.stages[0].team = 7 }
        #expect(message?.contains("its team is not one of the design's") == true)
        #expect(try Self.refusal { $0.stages[0].coverTeam = -1 }?.contains("cover team") == true)
    }

    @Test func tablesOfTheWrongShapeAreRefused() throws {
        #expect(try Self.refusal { $0.stages[0].channelFactors = [1] }?.contains("a factor for each") == true)
        #expect(try Self.refusal { $0.outcomes.byRAG = [[1, 0, 0, 0]] }?.contains("the outcomes") == true)
        #expect(try Self.refusal { $0.flow.immediate = [] }?.contains("the flow") == true)
        #expect(try Self.refusal { $0.demand.sources[0].weekdayWeights = [1, 1] }?.contains("weekday") == true)
    }

    @Test func anOutcomeTableWithNoWeightIsRefused() throws {
        let message = try Self.refusal { $0.outcomes.byRAG[1] = [0, 0, 0, 0] }
        #expect(message?.contains("must be weights") == true)
    }

    @Test func valuesOutOfTheirRangeAreRefused() throws {
        #expect(try Self.refusal { $0.teams[0].hoursPerDay = 30 }?.contains("1 to 24 hours") == true)
        #expect(try Self.refusal { $0.teams[0].otherDutiesShare = 1 }?.contains("other duties") == true)
        #expect(try Self.refusal { $0.outcomes.recontact = 1.5 }?.contains("from 0 to 1") == true)
        #expect(try Self.refusal { $0.demand.contactsPerYear = .nan }?.contains("contacts a year") == true)
        #expect(
            try Self.refusal {
                $0.fatigue = Fatigue(defaultIncrease: 0.2, timeIncrease: 0, rampDecisions: 0, defaultOutcome: .referral)
            }?.contains("fatigue") == true)
    }

    @Test func aPathwayThatCanLeaveAContactUndecidedIsRefused() throws {
        let message = try Self.refusal { $0.stages[$0.stages.count - 1].appliesTo = [1, 0.5, 1] }
        #expect(message?.contains("no contact leaves undecided") == true)
    }

    @Test func aStrategyDiscussionOfATeamThatDoesNotExistIsRefused() throws {
        let message = try Self.refusal {
            $0.strategyDiscussion = StrategyDiscussion(
                participants: [.init(team: 9, people: 1)], time: try .exponential(mean: 1), withinWorkingDays: 1)
        }
        #expect(message?.contains("strategy discussion") == true)
    }

    @Test func aPreparedDesignReadsItsDescriptionAndIsPreparedAgainAfterAChange() throws {
        let prepared = try PreparedDesign(try Self.base())
        var design = prepared.design
        design.teams[0].people = Array(repeating: 1, count: 5)
        let changed = try PreparedDesign(design)
        #expect(changed.teams[0].people.count == 5 && prepared.teams[0].people.count != 5)
        // Its shifts were laid out again for the team's new establishment.
        #expect(changed.workingWeeks.count == changed.teams.count && changed.workingWeeks[0].count == Workforce.patternCount)
    }
}
