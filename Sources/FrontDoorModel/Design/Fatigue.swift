import SimulationEngine

/// The optional decision-fatigue model, off unless a scenario asks for it. Its effect ramps up
/// with the decisions a person has made since they last came back to contacts (from a break, or
/// the start of the day), reaching its full size after `rampDecisions`: then the default decision
/// is `defaultIncrease` more likely than the outcome table makes it (a relative change: 0.225 turns
/// a 30% chance of the default into 36.75%), and each decision takes `timeIncrease` longer.
///
/// The evidence (domain §4.3) supports at most a Linder-size effect (about +20–25% in default
/// decisions over a four-hour session); a larger one is allowed but flagged by
/// ``exceedsEvidence``.
///
/// ```swift
/// let fatigue = Fatigue.linder                      // the largest effect the evidence supports
/// fatigue.effect(afterDecisionsSinceBreak: 8)       // 0.5: half-way up the ramp
/// ```
public struct Fatigue: Sendable, Equatable {
    /// The relative increase in the chance of the default decision at the top of the ramp.
    public var defaultIncrease: Double
    /// The relative increase in the time a decision takes at the top of the ramp.
    public var timeIncrease: Double
    /// Decisions since a break after which the effect is at its full size (at least 1).
    public var rampDecisions: Int
    public var defaultOutcome: Outcome

    /// Makes the value from its parts (the scenario reader does; tests may).
    public init(defaultIncrease: Double, timeIncrease: Double, rampDecisions: Int, defaultOutcome: Outcome) {
        self.defaultIncrease = defaultIncrease
        self.timeIncrease = timeIncrease
        self.rampDecisions = rampDecisions
        self.defaultOutcome = defaultOutcome
    }

    /// The largest relative increase in default decisions the evidence supports (Linder et al.
    /// 2014: about 20–25% over a four-hour session; domain §4.3).
    public static let evidenceLimit = 0.25

    /// A Linder-size effect (an assumption built on domain §4.3): default decisions 22.5% more
    /// likely (the middle of Linder's 20–25%) after 16 decisions since a break — Linder's
    /// four-hour session at about four 15-minute visits an hour — and decisions 10% slower (an
    /// assumption: no study measures the time).
    public static let linder = Fatigue(defaultIncrease: 0.225, timeIncrease: 0.1, rampDecisions: 16, defaultOutcome: .referral)
    /// Half a Linder-size effect, for a sensitivity test between none and `linder`.
    public static let modest = Fatigue(defaultIncrease: 0.1125, timeIncrease: 0.05, rampDecisions: 16, defaultOutcome: .referral)
    /// The presets by name, from the smallest effect up; `none` is no fatigue at all.
    public static let presets: [(name: String, fatigue: Fatigue?)] = [("none", nil), ("modest", modest), ("linder", linder)]

    /// How far up the ramp a decision is, from 0 (the first after a break) to 1.
    public func effect(afterDecisionsSinceBreak decisions: Int) -> Double {
        min(Double(decisions) / Double(rampDecisions), 1)
    }

    /// Whether the effect is larger than the evidence supports.
    public var exceedsEvidence: Bool { defaultIncrease > Self.evidenceLimit }
}
