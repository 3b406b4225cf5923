import SimulationEngine

/// How decisions are made and what follows them: the outcome tables (a stage's own, or the
/// design's adjusted for each channel's referral factor), what the decider sees of the child's
/// real need, decision fatigue, assessments, and whether the child comes back as a re-contact.
struct Decisions {
    /// A decision and how it came about.
    struct Decision {
        var outcome: Outcome
        /// Fatigue turned it into the default decision.
        var changedByFatigue: Bool
    }

    /// What follows a decision.
    struct FollowUp {
        var assessment: Bool
        var noFurtherService: Bool
        var returns: Bool
        /// A child in need whose contact was closed at the front door.
        var missedNeed: Bool
    }

    let rules: OutcomeRules
    let fatigue: Fatigue?
    let quality: DecisionQuality?
    let tables: DecisionTables
    /// What a conversation finds, by stage (nil where a stage holds none).
    let conversations: [Stage.Conversation?]
    /// Draws for fatigue's default decisions.
    let stream: RandomStream

    /// Decisions by `rules` from `tables`, seeing each child's need as `quality` says (nil: no
    /// need to be right or wrong about), with `fatigue` if any, drawing from `stream`.
    init(
        rules: OutcomeRules, fatigue: Fatigue?, quality: DecisionQuality?, tables: DecisionTables,
        conversations: [Stage.Conversation?] = [], stream: RandomStream
    ) {
        self.conversations = conversations
        self.rules = rules
        self.fatigue = fatigue
        self.quality = quality
        self.tables = tables
        self.stream = stream
    }

    /// The decisions of a prepared design, drawing from `stream`.
    init(design: PreparedDesign, stream: RandomStream) {
        self.init(
            rules: design.outcomes, fatigue: design.fatigue, quality: design.decisionQuality, tables: design.decisionTables,
            conversations: design.stages.map(\.conversation), stream: stream)
    }

    /// The outcome the design's own table (no stage's table or factor, no fatigue) gives `contact`:
    /// the same draw gives the same decision here as in `decide`.
    func tableOutcome(_ contact: DemandGenerator.Arrival) -> Outcome {
        Self.outcome(need: contact.need, in: tables.channelTables[tables.index(contact)])
    }

    /// The outcome a contact's need draw falls in: every table lists the outcomes in their order.
    private static func outcome(need: Double, in table: Categorical) -> Outcome { Outcome.allCases[table.index(for: need)] }

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
    /// their last break and knows of it what `knowledge` says. The decision falls in the outcome
    /// table where what the decider sees of the child's need falls (``DecisionQuality``).
    /// Fatigue turns a decision other than the default into the default with
    /// the chance that raises the default's share by the ramp's relative increase: for a table
    /// giving the default a chance d, an increase r·d needs (r·d)/(1 − d) of the other decisions.
    func decide(
        _ contact: DemandGenerator.Arrival, atStage stage: Int, decisionsSinceBreak sinceBreak: Int,
        knowing knowledge: DecisionQuality.Knowledge
    ) -> Decision {
        let byChannel = tables.index(contact)
        let table: Categorical
        switch tables.stageTables[stage] {
        case .own(let own): table = own[contact.rag.rawValue]
        case .scaled(let scaled): table = scaled[byChannel]
        case nil: table = tables.channelTables[byChannel]
        }
        let seen =
            quality.map {
                DecisionQuality.seen(need: contact.need, perception: Double(contact.perception), noise: $0.noise(knowing: knowledge))
            } ?? contact.need
        var decision = Decision(outcome: Self.outcome(need: seen, in: table), changedByFatigue: false)
        // A conversation with the caller: the child's own draw (the one that fixes an assessment's
        // result where need is not modelled, free where it is) says whether it changes a referral.
        if knowledge.conversation, decision.outcome.isReferral, stage < conversations.count, let conversation = conversations[stage] {
            let right = Outcome.allCases[contact.realNeed.rawValue], draw = contact.followUp[1]
            if right.rawValue < decision.outcome.rawValue {
                if draw < conversation.findsLessNeed { decision.outcome = right }
            } else if right == decision.outcome && right == .referral && draw < conversation.losesNeed {
                decision.outcome = .earlyHelp
            }
        }
        if let fatigue, decision.outcome != fatigue.defaultOutcome {
            let base = table.probability(of: fatigue.defaultOutcome.rawValue)
            let increase = fatigue.defaultIncrease * fatigue.effect(afterDecisionsSinceBreak: sinceBreak) * base
            if increase > 0, stream.uniform() < min(increase / (1 - base), 1) {
                decision = Decision(outcome: fatigue.defaultOutcome, changedByFatigue: true)
            }
        }
        return decision
    }

    /// What follows a decision: whether an assessment starts (and ends with no further service),
    /// and whether the child comes back within 12 months — after a case closed at the front door,
    /// or after a referral (more often when the case closed than when services followed). Where
    /// the design models the quality of decisions, a referral of a child with no need may be
    /// closed before an assessment, an assessment finds the child in need when the child is, and a
    /// child in need whose contact was closed is a missed need, who comes back as often as
    /// ``DecisionQuality/missedNeedReturn`` says.
    func followUp(_ decision: Decision, for contact: DemandGenerator.Arrival) -> FollowUp {
        let comeBack: Double
        var assessment = false, noService = false, missed = false
        if decision.outcome.isReferral {
            if let quality {
                assessment = contact.realNeed.isInNeed || contact.followUp[0] >= quality.notInNeedClosedBeforeAssessment
            } else {
                assessment = contact.followUp[0] < rules.assessmentStart
            }
            noService =
                assessment && (quality == nil ? contact.followUp[1] < rules.assessmentNoFurtherService : !contact.realNeed.isInNeed)
            comeBack = !assessment || noService ? rules.returnAfterReferral.closed : rules.returnAfterReferral.served
        } else if let quality {
            missed = contact.realNeed.isInNeed
            comeBack = missed ? quality.missedNeedReturn : rules.recontact
        } else {
            comeBack = decision.changedByFatigue ? rules.recontactAfterWrongDecision : rules.recontact
        }
        return FollowUp(assessment: assessment, noFurtherService: noService, returns: contact.followUp[2] < comeBack, missedNeed: missed)
    }
}

/// The outcome tables decisions draw from, built once for a design and shared by its
/// replications: a stage's own, or the design's adjusted for each channel's referral factor.
struct DecisionTables: Sendable {
    /// A stage's outcome tables where they differ from the design's.
    enum StageTables: Sendable {
        /// Its own, by RAG.
        case own([Categorical])
        /// The design's, adjusted for each channel's referral factor and the stage's: by RAG × channel.
        case scaled([Categorical])
    }

    /// Per stage, nil where it decides by the design's tables.
    let stageTables: [StageTables?]
    /// The design's outcome tables adjusted for each channel's referral factor, one set for the
    /// design and one for each source group with its own: `[(set × RAG + rag) × channels + channel]`.
    let channelTables: [Categorical]
    /// The set of tables each demand source's contacts are decided by.
    let tableSet: [Int]

    /// Tables by `rules` at stages with their own outcome tables (`stageOutcomes[stage]?[rag][outcome]`,
    /// nil for a stage that uses the design's) or their own referral factors
    /// (`stageReferralFactors[stage]`, 1 for none; all 1 when nil), for demand sources of
    /// `sourceGroups` (by ``SourceGroup`` raw value; nil: one source, no group tables).
    /// - Throws: ``DistributionError`` for a table with no weight.
    init(rules: OutcomeRules, stageOutcomes: [[[Double]]?], stageReferralFactors: [Double]? = nil, sourceGroups: [Int]? = nil)
        throws(DistributionError)
    {
        let groupsWithTables = SourceGroup.allCases.filter { rules.bySourceGroup[$0.rawValue] != nil }
        tableSet = (sourceGroups ?? [0]).map { group in groupsWithTables.firstIndex { $0.rawValue == group }.map { $0 + 1 } ?? 0 }
        func tables(factor: Double) throws(DistributionError) -> [Categorical] {
            var result: [Categorical] = []
            for group in [nil] + groupsWithTables {
                for rag in RAG.allCases {
                    for channel in Channel.allCases {
                        let table = rules.table(rag: rag, channel: channel, group: group)
                        result.append(try Categorical(weights: OutcomeRules.scaleReferrals(table, by: factor)))
                    }
                }
            }
            return result
        }
        let factors = stageReferralFactors ?? stageOutcomes.map { _ in 1 }
        var stageTables: [StageTables?] = []
        for (own, factor) in zip(stageOutcomes, factors) {
            if let own {
                stageTables.append(.own(try own.map { weights throws(DistributionError) in try Categorical(weights: weights) }))
            } else {
                stageTables.append(factor == 1 ? nil : .scaled(try tables(factor: factor)))
            }
        }
        self.stageTables = stageTables
        channelTables = try tables(factor: 1)
    }

    /// The tables of `design`.
    init(_ design: FrontDoorDesign) throws(DistributionError) {
        try self.init(
            rules: design.outcomes, stageOutcomes: design.stages.map(\.outcomes), stageReferralFactors: design.stages.map(\.referralFactor),
            sourceGroups: design.demand.sources.map(\.group.rawValue))
    }

    /// Where `contact`'s table is in `channelTables` (and in a stage's scaled tables).
    func index(_ contact: DemandGenerator.Arrival) -> Int {
        (tableSet[contact.source] * RAG.allCases.count + contact.rag.rawValue) * Channel.allCases.count + contact.channel.rawValue
    }
}
