import SimulationEngine

/// How good the front door's decisions are: every child has a real ``Need``, hidden from the
/// front door, and a decision is made on what the decider sees of it, which is the need blurred
/// by noise. Less noise, fewer wrong decisions; the noise is less when the decider has spoken with
/// the referrer or has the partners' checks, and more when information is missing.
///
/// The mechanism: a contact's need draw `u` (uniform, the one its decision has always been drawn
/// from) becomes `z = Φ⁻¹(u)`; the decider sees `(z + σ·ε) / √(1 + σ²)`, with ε a standard normal
/// draw of the contact's own and σ the noise; the decision is the outcome table's at `Φ` of what is
/// seen, so a design refers as often as its table says whatever the noise, and the noise decides
/// only *which* children. The child's real need is the need table's at `u`. With no noise and a
/// need table equal to the outcome table, every decision is right.
///
/// ```swift
/// var quality = DecisionQuality(needByRAG: [[0, 0.1, 0.5, 0.4], [0.3, 0.4, 0.3, 0], [0.6, 0.3, 0.1, 0]], noise: 0.5)
/// quality.noiseFactors.conversation = 0.6   // a conversation with the referrer sees more clearly
/// ```
public struct DecisionQuality: Sendable, Equatable {
    /// Factors on the noise by what the decider knows: each below 1 sees more clearly.
    public struct NoiseFactors: Sendable, Equatable {
        /// The contact was a call answered on a phone line: a conversation with the referrer
        /// rather than a form.
        public var conversation: Double
        /// Partner agencies' checks on the child were done before the decision (not abandoned at
        /// their clock).
        public var partnerChecks: Double
        /// The decision was made with information missing that nobody asked for.
        public var missingInformation: Double

        public init(conversation: Double = 1, partnerChecks: Double = 1, missingInformation: Double = 1) {
            self.conversation = conversation
            self.partnerChecks = partnerChecks
            self.missingInformation = missingInformation
        }
    }

    /// The share of contacts of each real need, `needByRAG[rag][need]`, indexed by ``RAG`` and
    /// ``Need``.
    public var needByRAG: [[Double]]
    /// Tables of their own for some source groups, `needBySourceGroup[group]?[rag][need]`,
    /// indexed by ``SourceGroup``; nil uses `needByRAG`.
    public var needBySourceGroup: [[[Double]]?]
    /// σ: the noise in what a decider sees of a child's need, in standard deviations of the
    /// need itself (0: sees it exactly).
    public var noise: Double
    public var noiseFactors: NoiseFactors
    /// The chance that a child in need whose contact was closed at the front door (a missed
    /// need) comes back within 12 months; it comes back one RAG rating more urgent.
    public var missedNeedReturn: Double
    /// The chance that a missed child in need comes back needing protection.
    public var missedNeedEscalation: Double
    /// The chance that the social worker who takes a referral of a child who is not in need sees
    /// it and closes it before an assessment starts: a referral ending with no further action.
    /// Every other referral is assessed.
    public var notInNeedClosedBeforeAssessment: Double

    public init(
        needByRAG: [[Double]], needBySourceGroup: [[[Double]]?]? = nil, noise: Double, noiseFactors: NoiseFactors = NoiseFactors(),
        missedNeedReturn: Double = 0, missedNeedEscalation: Double = 0, notInNeedClosedBeforeAssessment: Double = 0
    ) {
        self.notInNeedClosedBeforeAssessment = notInNeedClosedBeforeAssessment
        self.needByRAG = needByRAG
        self.needBySourceGroup = needBySourceGroup ?? SourceGroup.allCases.map { _ in nil }
        self.noise = noise
        self.noiseFactors = noiseFactors
        self.missedNeedReturn = missedNeedReturn
        self.missedNeedEscalation = missedNeedEscalation
    }

    /// What the decider knows of a contact when deciding.
    public struct Knowledge: Sendable, Equatable {
        public var conversation: Bool
        public var partnerChecks: Bool
        public var missingInformation: Bool

        public init(conversation: Bool, partnerChecks: Bool, missingInformation: Bool) {
            self.conversation = conversation
            self.partnerChecks = partnerChecks
            self.missingInformation = missingInformation
        }
    }

    /// The noise in a decision made knowing `knowledge`.
    public func noise(knowing knowledge: Knowledge) -> Double {
        var noise = self.noise
        if knowledge.conversation { noise *= noiseFactors.conversation }
        if knowledge.partnerChecks { noise *= noiseFactors.partnerChecks }
        if knowledge.missingInformation { noise *= noiseFactors.missingInformation }
        return noise
    }

    /// Where in its outcome table a decision falls, for a child whose need draw is `need`, seen
    /// through `noise` with the child's own normal draw `perception`: uniform on (0, 1) over
    /// children whatever the noise.
    public static func seen(need: Double, perception: Double, noise: Double) -> Double {
        guard noise > 0 else { return need }
        return StandardNormal.cdf((StandardNormal.quantile(need) + noise * perception) / (1 + noise * noise).squareRoot())
    }
}
