import SimulationEngine

/// How decisions are made and what follows them: the outcome tables (a stage's own, or the
/// design's adjusted for each channel's referral factor), decision fatigue, assessments, and
/// whether the child comes back as a re-contact.
struct Decisions {
    /// A decision and how it came about.
    struct Decision {
        var outcome: Outcome
        /// Fatigue turned it into the default decision.
        var changedByFatigue: Bool
    }

    let rules: OutcomeRules
    let fatigue: Fatigue?
    /// Per stage, its own outcome tables where it has them: `[stage]?[rag]`.
    let stageTables: [[Categorical]?]
    /// The design's outcome tables adjusted for each channel's referral factor: `[rag][channel]`.
    let channelTables: [[Categorical]]
    /// Draws for fatigue's default decisions.
    let stream: RandomStream

    /// Decisions by `rules`, with `fatigue` if any, at stages with their own outcome tables
    /// (`stageOutcomes[stage]?[rag][outcome]`, nil for a stage that uses the design's).
    init(rules: OutcomeRules, fatigue: Fatigue?, stageOutcomes: [[[Double]]?], stream: RandomStream) {
        self.rules = rules
        self.fatigue = fatigue
        // The loader refuses tables with no outcome, so every table here has some weight.
        stageTables = stageOutcomes.map { $0?.map { try! Categorical(weights: $0) } }
        channelTables = rules.byRAG.map { table in
            rules.referralFactorByChannel.map { try! Categorical(weights: OutcomeRules.scaleReferrals(table, by: $0)) }
        }
        self.stream = stream
    }

    init(design: FrontDoorDesign, stream: RandomStream) {
        self.init(rules: design.outcomes, fatigue: design.fatigue, stageOutcomes: design.stages.map(\.outcomes), stream: stream)
    }

    /// Whether a decision-maker who has made `decisionsToday` is past the fatigue threshold.
    func isTired(after decisionsToday: Int) -> Bool {
        fatigue.map { decisionsToday >= $0.threshold } ?? false
    }

    /// How much longer a decision takes after `decisionsToday` decisions.
    func timeFactor(after decisionsToday: Int) -> Double {
        guard let fatigue, decisionsToday >= fatigue.threshold else { return 1 }
        return fatigue.timeFactor
    }

    /// The decision at `stage` on a contact, by someone who has made `decisionsToday` today.
    func decide(_ contact: DemandGenerator.Arrival, atStage stage: Int, decisionsToday: Int) -> Decision {
        let table = stageTables[stage]?[contact.rag.rawValue] ?? channelTables[contact.rag.rawValue][contact.channel.rawValue]
        var decision = Decision(outcome: Outcome(rawValue: table.index(for: contact.need))!, changedByFatigue: false)
        if let fatigue, decisionsToday >= fatigue.threshold,
           stream.uniform() < fatigue.defaultProbability && decision.outcome != fatigue.defaultOutcome {
            decision = Decision(outcome: fatigue.defaultOutcome, changedByFatigue: true)
        }
        return decision
    }

    /// What follows a decision: whether an assessment starts (and ends with no further service),
    /// and whether the case closes and the child comes back, and after how long (years).
    func followUp(_ decision: Decision, for contact: DemandGenerator.Arrival)
        -> (assessment: Bool, noFurtherService: Bool, returnsAfterYears: Double?) {
        let outcome = decision.outcome
        var closed = outcome == .noFurtherAction || outcome == .earlyHelp
        var assessment = false, noService = false
        if outcome == .referral || outcome == .strategyDiscussion, contact.followUp[0] < rules.assessmentStart {
            assessment = true
            noService = contact.followUp[1] < rules.assessmentNoFurtherService
            closed = noService
        }
        let comeBack = decision.changedByFatigue ? rules.recontactAfterWrongDecision : rules.recontact
        return (assessment, noService, closed && contact.followUp[2] < comeBack ? contact.followUp[3] : nil)
    }
}
