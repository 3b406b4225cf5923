import Foundation
import FrontDoorTestSupport
import SimulationEngine
import Testing

@testable import FrontDoorModel

/// Each child's real need, what deciders see of it, and what a wrong decision leads to.
@Suite struct DecisionQualityTests {
    /// Amber contacts only, half of them about a child in need, half referred: with noise σ the
    /// decider's view has correlation ρ = 1/√(1 + σ²) with the need.
    static func halfInNeed(noise: Double, contactsPerYear: Double = 20_000, days: Int = 365) throws -> FrontDoorFixture {
        var fixture = try FrontDoorFixture(contactsPerYear: contactsPerYear, people: 6, days: days, rag: [.amber: 1])
        fixture.design.outcomes.byRAG[RAG.amber.rawValue] = FrontDoorFixture.shares([Outcome.noFurtherAction: 0.5, .referral: 0.5])
        fixture.design.decisionQuality = DecisionQuality(
            needByRAG: Array(repeating: FrontDoorFixture.shares([Need.none: 0.5, .inNeed: 0.5]), count: 3), noise: noise)
        return fixture
    }

    @Test func withNoNoiseAndTheNeedTheTableDecidesOnEveryDecisionIsRight() throws {
        // The need table is the outcome table: red children need protection, amber ones are in
        // need, green ones half need early help.
        var fixture = try FrontDoorFixture(contactsPerYear: 20_000, people: 6)
        fixture.design.decisionQuality = DecisionQuality(
            needByRAG: [
                FrontDoorFixture.shares([Need.protection: 1]), FrontDoorFixture.shares([Need.inNeed: 1]),
                FrontDoorFixture.shares([Need.none: 0.5, .earlyHelp: 0.5])
            ], noise: 0)
        let run = try fixture.run()
        #expect(run.decided > 2_000 && run.childrenWithNeed > 1_000)
        #expect(run.childrenNeedMissed == 0 && run.childrenAssessedUnnecessarily == 0 && run.decisionsRight == run.decided)
        // Every assessment finds the child in need.
        #expect(run.childrenAssessed > 0 && run.childrenAssessedNotInNeed == 0)
    }

    @Test func errorsHappenAsOftenAsTheNoiseSays() throws {
        // A child in need is missed when the need is above the median and the view below it:
        // for a bivariate normal with correlation ρ, 1/4 − arcsin(ρ)/(2π) of children. With σ = 1,
        // ρ = 1/√2 and the chance is 1/8; an unnecessary referral is as likely. Bounds: 3.29
        // binomial standard errors.
        let run = try Self.halfInNeed(noise: 1).run()
        let n = Double(run.decided), expected = 0.25 - asin(1 / 2.0.squareRoot()) / (2 * .pi)
        let tolerance = 3.29 * (expected * (1 - expected) / n).squareRoot()
        #expect(abs(Double(run.childrenNeedMissed) / n - expected) < tolerance, "\(run.childrenNeedMissed) missed of \(run.decided)")
        #expect(abs(Double(run.childrenAssessedUnnecessarily) / n - expected) < tolerance, "\(run.childrenAssessedUnnecessarily)")
        // The noise decides which children are referred, never how many: half, as the table says.
        let referred = Double(run.childrenReferred) / n
        #expect(abs(referred - 0.5) < 3.29 * (0.25 / n).squareRoot(), "\(referred)")
    }

    @Test func whatTheDeciderKnowsChangesTheNoise() {
        var quality = DecisionQuality(needByRAG: Array(repeating: [0.5, 0, 0.5, 0], count: 3), noise: 0.8)
        quality.noiseFactors = .init(conversation: 0.5, partnerChecks: 0.75, missingInformation: 2)
        let nothing = DecisionQuality.Knowledge(conversation: false, partnerChecks: false, missingInformation: false)
        #expect(quality.noise(knowing: nothing) == 0.8)
        #expect(abs(quality.noise(knowing: .init(conversation: true, partnerChecks: true, missingInformation: false)) - 0.3) < 1e-12)
        #expect(abs(quality.noise(knowing: .init(conversation: false, partnerChecks: false, missingInformation: true)) - 1.6) < 1e-12)
        // Seen without noise, the view is the need draw itself; with noise, still uniform.
        #expect(DecisionQuality.seen(need: 0.3, perception: 1.7, noise: 0) == 0.3)
        let stream = RandomStream(seed: 4)
        let seen = (0..<20_000).map { _ in DecisionQuality.seen(need: stream.uniform(), perception: stream.gaussian(), noise: 2) }
        let below: Double = Double(seen.filter { $0 < 0.25 }.count) / 20_000
        let standardError: Double = (0.25 * 0.75 / 20_000).squareRoot()
        #expect(abs(below - 0.25) < 3.29 * standardError)
    }

    @Test func partnersChecksOnMoreContactsMakeFewerWrongDecisions() throws {
        // The same contacts, seen through noise 1, or a third of it once partners have checked.
        var fixture = try Self.halfInNeed(noise: 1, contactsPerYear: 8_760, days: 180)
        fixture.design.decisionQuality?.noiseFactors.partnerChecks = 1.0 / 3
        let partners = fixture.add(try fixture.team("partners", grade: "partner", people: 4, hours: .aroundTheClock))
        var errors: [Int: [Double]] = [:]
        for share in [0.2, 1.0] {
            var checked = fixture
            checked.addBeforeDeciding(
                FrontDoorFixture.stage(
                    "checks", team: partners, kind: .checks(clockHours: [.infinity, .infinity, .infinity]),
                    time: try .exponential(mean: FrontDoorFixture.hours(minutes: 20)), appliesTo: [.amber: share]))
            errors[Int(share * 10)] = try (0..<4).map { replication in
                let run = try checked.run(replication: replication)
                return Double(run.decided - run.decisionsRight) / Double(run.decided)
            }
        }
        let few = try #require(errors[2]), all = try #require(errors[10])
        // Paired by replication: every one makes fewer wrong decisions with checks on every child.
        #expect(zip(few, all).allSatisfy { $1 < $0 - 0.03 }, "\(few) against \(all)")
    }

    @Test func aConversationFindsWhoNeedsLessAndLosesSomeWhoNeedMore() throws {
        // Every contact is referred by the table; half the children need nothing. The deciders
        // answer a phone line, so every decision follows a conversation with the caller.
        func run(findsLessNeed: Double, losesNeed: Double) throws -> FrontDoorReplication {
            var fixture = try Self.halfInNeed(noise: 0)
            fixture.design.outcomes.byRAG[RAG.amber.rawValue] = FrontDoorFixture.shares([Outcome.referral: 1])
            fixture.design.stages[0].phone = Stage.PhoneLine(
                patience: try .exponential(mean: 100), callBackProbability: 0, callBackDelay: try .fixed(1),
                channels: Channel.allCases.map { _ in true })
            fixture.design.stages[0].conversation = Stage.Conversation(findsLessNeed: findsLessNeed, losesNeed: losesNeed)
            return try fixture.run()
        }
        let clear = try run(findsLessNeed: 1, losesNeed: 0)
        #expect(clear.decided > 5_000 && clear.childrenNeedMissed == 0 && clear.childrenAssessedUnnecessarily == 0)
        #expect(clear.decisionsRight == clear.decided)
        // Half found, a fifth lost: of the children with no need, half are still assessed; of
        // those in need, a fifth are closed. Bounds: 3.29 binomial standard errors.
        let some = try run(findsLessNeed: 0.5, losesNeed: 0.2)
        let withNeed = Double(some.childrenWithNeed), without = Double(some.decided - some.childrenWithNeed)
        let lost = Double(some.childrenNeedMissed) / withNeed, kept = Double(some.childrenAssessedUnnecessarily) / without
        #expect(abs(lost - 0.2) < 3.29 * (0.2 * 0.8 / withNeed).squareRoot(), "\(lost)")
        #expect(abs(kept - 0.5) < 3.29 * (0.25 / without).squareRoot(), "\(kept)")
    }

    @Test func aReferralOfAChildNotInNeedIsSometimesClosedBeforeAnAssessment() throws {
        // Everyone is referred; half the children are not in need, and 40% of their referrals are
        // closed before an assessment: 20% of referrals end with no further action, none of a
        // child in need.
        var fixture = try Self.halfInNeed(noise: 0)
        fixture.design.outcomes.byRAG[RAG.amber.rawValue] = FrontDoorFixture.shares([Outcome.referral: 1])
        fixture.design.decisionQuality?.notInNeedClosedBeforeAssessment = 0.4
        let run = try fixture.run()
        let referred = Double(run.childrenReferred), closed = Double(run.childrenReferred - run.childrenAssessed) / referred
        #expect(abs(closed - 0.2) < 3.29 * (0.2 * 0.8 / referred).squareRoot(), "\(closed)")
        #expect(run.childrenAssessed - run.childrenAssessedUnnecessarily == run.childrenWithNeed)
    }

    @Test func aMissedChildComesBackMoreUrgentSometimesNeedingProtection() throws {
        var fixture = try FrontDoorFixture(days: 400)
        fixture.design.decisionQuality = DecisionQuality(
            needByRAG: Array(repeating: FrontDoorFixture.shares([Need.inNeed: 1]), count: 3), noise: 0, missedNeedReturn: 1,
            missedNeedEscalation: 0.3)
        let design = try fixture.prepared()
        var arrivals = Arrivals(
            design: design, days: 400, stream: RandomStream(seed: 1), backlogStream: RandomStream(seed: 2),
            recontactStream: RandomStream(seed: 3), changesStream: RandomStream(seed: 5), perceptionStream: RandomStream(seed: 6))
        var child = DecisionTests.contact(need: 0.5, followUp: [0, 0, 0, 0.5])
        child.realNeed = .inNeed
        for _ in 0..<1_000 { arrivals.comeBack(child, referred: false, missed: true, now: 24) }
        var back: [DemandGenerator.Arrival] = []
        for day in 2...400 { arrivals.contacts(onDay: day, room: 0) { if $0.isRecontact { back.append($0) } } }
        #expect(back.count == 1_000 && back.allSatisfy { $0.rag == .red })
        let protection = Double(back.filter { $0.realNeed == .protection }.count) / 1_000
        #expect(abs(protection - 0.3) < 3.29 * (0.3 * 0.7 / 1_000).squareRoot(), "\(protection)")
        // Held back by no batch meant for ambers: a missed child comes back red at once, even
        // from a source that sends its ambers in a morning batch.
        var batched = fixture
        batched.design.demand.sources[0].batches = Demand.Batches(
            channels: Channel.allCases.map { _ in true }, ratings: [false, true, true], releaseHour: 8)
        var batchedArrivals = Arrivals(
            design: try batched.prepared(), days: 400, stream: RandomStream(seed: 1), backlogStream: RandomStream(seed: 2),
            recontactStream: RandomStream(seed: 3), changesStream: RandomStream(seed: 5), perceptionStream: RandomStream(seed: 6))
        for _ in 0..<50 { batchedArrivals.comeBack(child, referred: false, missed: true, now: 24) }
        var reds: [DemandGenerator.Arrival] = []
        for day in 2...400 { batchedArrivals.contacts(onDay: day, room: 0) { if $0.isRecontact { reds.append($0) } } }
        #expect(reds.count == 50 && reds.allSatisfy { $0.rag == .red && $0.time == $0.incidentTime })
        // A child whose need was not missed comes back as it was.
        arrivals.comeBack(child, referred: false, now: 24)
        var again: [DemandGenerator.Arrival] = []
        for day in 2...400 { arrivals.contacts(onDay: day, room: 0) { if $0.isRecontact { again.append($0) } } }
        #expect(again.count == 1 && again[0].rag == .amber && again[0].realNeed == .inNeed)
    }

    @Test func aMissedChildInNeedIsCountedAndComesBack() throws {
        // Every child is in need and nobody is referred: every decision misses a need, and with
        // a certain return every child closed comes back (one rating more urgent) within the year.
        var fixture = try FrontDoorFixture(contactsPerYear: 2_000, days: 200, rag: [.green: 1])
        fixture.design.outcomes.byRAG[RAG.green.rawValue] = FrontDoorFixture.shares([Outcome.noFurtherAction: 1])
        fixture.design.decisionQuality = DecisionQuality(
            needByRAG: Array(repeating: FrontDoorFixture.shares([Need.inNeed: 1]), count: 3), noise: 0.5, missedNeedReturn: 1)
        let run = try fixture.run()
        #expect(run.childrenWithNeed == run.decided && run.childrenNeedMissed > 1_000)
        // Those who came back came back amber, and ambers are referred: rightly, this time.
        #expect(run.recontacts > 200 && run.childrenReferred > 0 && run.childrenReferred <= run.recontacts)
        #expect(run.childrenNeedMissed + run.childrenReferred == run.childrenWithNeed && run.decisionsRight == run.childrenReferred)
    }
}
