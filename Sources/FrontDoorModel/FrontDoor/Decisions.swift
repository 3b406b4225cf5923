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

    /// Whether a decision by someone who has made `sinceBreak` decisions since their last break
    /// is at the top of the fatigue ramp.
    func isAtFullFatigue(after sinceBreak: Int) -> Bool {
        fatigue.map { sinceBreak >= $0.rampDecisions } ?? false
    }

    /// How much longer a decision takes after `sinceBreak` decisions since a break.
    func timeFactor(after sinceBreak: Int) -> Double {
        guard let fatigue else { return 1 }
        return 1 + fatigue.timeIncrease * fatigue.effect(afterDecisionsSinceBreak: sinceBreak)
    }

    /// The decision at `stage` on a contact, by someone who has made `sinceBreak` decisions since
    /// their last break. Fatigue turns a decision other than the default into the default with
    /// the chance that raises the default's share by the ramp's relative increase: for a table
    /// giving the default a chance d, an increase r·d needs (r·d)/(1 − d) of the other decisions.
    func decide(_ contact: DemandGenerator.Arrival, atStage stage: Int, decisionsSinceBreak sinceBreak: Int) -> Decision {
        let table = stageTables[stage]?[contact.rag.rawValue] ?? channelTables[contact.rag.rawValue][contact.channel.rawValue]
        var decision = Decision(outcome: Outcome(rawValue: table.index(for: contact.need))!, changedByFatigue: false)
        if let fatigue, decision.outcome != fatigue.defaultOutcome, fatigue.defaultOutcome.rawValue < table.count {
            let base = table.probability(of: fatigue.defaultOutcome.rawValue)
            let increase = fatigue.defaultIncrease * fatigue.effect(afterDecisionsSinceBreak: sinceBreak) * base
            if increase > 0, stream.uniform() < min(increase / (1 - base), 1) {
                decision = Decision(outcome: fatigue.defaultOutcome, changedByFatigue: true)
            }
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
