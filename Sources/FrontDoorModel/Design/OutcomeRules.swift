import SimulationEngine

/// Probabilities of each outcome, by RAG, and what follows.
public struct OutcomeRules: Sendable {
    /// `byRAG[rag][outcome]`.
    public var byRAG: [[Double]]
    /// Tables of their own for some source groups (police notifications mostly end in advice),
    /// `bySourceGroup[group]?[rag][outcome]`, indexed by ``SourceGroup``; nil uses `byRAG`.
    public var bySourceGroup: [[[Double]]?]
    /// A multiplier on the chance of a referral (and strategy discussion) for contacts arriving by
    /// each channel, indexed by ``Channel`` — written referrals convert more than conversations.
    public var referralFactorByChannel: [Double]
    /// Probability that a referral starts a statutory assessment.
    public var assessmentStart: Double
    /// Probability that an assessment ends with no further service.
    public var assessmentNoFurtherService: Double
    /// Probability that a contact closed at the front door (no further action, advice or early
    /// help) comes back within 12 months.
    public var recontact: Double
    /// The same, after a decision changed by fatigue.
    public var recontactAfterWrongDecision: Double
    /// Probability that a referred child comes back to the front door within 12 months of the
    /// referral, when the case closed (no assessment, or an assessment with no further service)
    /// and when services followed; the child comes back with the same concern, so under the same
    /// rules is referred again — a re-referral.
    public var returnAfterReferral: (closed: Double, served: Double)

    /// Makes the value from its parts (the scenario reader does; tests may). Without
    /// `returnAfterReferral`, a closed referral comes back as often as a front-door closure, and
    /// a child with services does not.
    public init(
        byRAG: [[Double]], bySourceGroup: [[[Double]]?]? = nil, referralFactorByChannel: [Double], assessmentStart: Double,
        assessmentNoFurtherService: Double, recontact: Double, recontactAfterWrongDecision: Double,
        returnAfterReferral: (closed: Double, served: Double)? = nil
    ) {
        self.returnAfterReferral = returnAfterReferral ?? (recontact, 0)
        self.byRAG = byRAG
        self.bySourceGroup = bySourceGroup ?? SourceGroup.allCases.map { _ in nil }
        self.referralFactorByChannel = referralFactorByChannel
        self.assessmentStart = assessmentStart
        self.assessmentNoFurtherService = assessmentNoFurtherService
        self.recontact = recontact
        self.recontactAfterWrongDecision = recontactAfterWrongDecision
    }
}

extension OutcomeRules {
    /// The outcome table `[outcome]` for a contact from `group` (nil: a source with no table of
    /// its own), of `rag`, arriving by `channel`, before any deciding stage's own table or factor.
    public func table(rag: RAG, channel: Channel, group: SourceGroup?) -> [Double] {
        OutcomeRules.scaleReferrals(
            (group.flatMap { bySourceGroup[$0.rawValue] } ?? byRAG)[rag.rawValue],
            by: referralFactorByChannel[channel.rawValue])
    }

    /// An outcome table with the referral and strategy probabilities multiplied by `factor`
    /// (capped so that they stay a probability) and no further action and early help scaled to
    /// make up the rest in their own proportions.
    public static func scaleReferrals(_ table: [Double], by factor: Double) -> [Double] {
        let referral = table[Outcome.referral.rawValue] + table[Outcome.strategyDiscussion.rawValue]
        let other = 1 - referral
        guard referral > 0, factor != 1 else { return table }
        let scaled = min(1, referral * factor)
        var result = table
        for outcome in [Outcome.referral, .strategyDiscussion] { result[outcome.rawValue] *= scaled / referral }
        for outcome in [Outcome.noFurtherAction, .earlyHelp] { result[outcome.rawValue] *= other > 0 ? (1 - scaled) / other : 0 }
        return result
    }
}
