import SimulationEngine

/// Delays and risks between steps.
public struct FlowRules: Sendable {
    /// Delay when work moves between teams (hours).
    public var handoffDelay: Distribution
    /// Probability that information is lost in a handoff and must be asked for again.
    public var handoffInformationLoss: Double
    /// Time waiting for missing information (hours).
    public var informationWait: Distribution
    /// By RAG, the share of contacts that wait — in calendar time, occupying nobody — for
    /// consent, a referrer's call-back or a partner's information, at the first stage that asks
    /// for missing information; and how long (hours).
    public var slowShare: [Double]
    public var slowWait: Distribution
    /// By RAG, whether contacts take the immediate path: to the front of every queue (even
    /// where a stage serves in order of arrival), with no wait for missing information, slow
    /// information or a handoff first — information is gathered alongside — and worked to
    /// completion once started, not left for a break, other duties or the next day.
    public var immediate: [Bool]

    /// Makes the value from its parts (the scenario reader does; tests may).
    public init(
        handoffDelay: Distribution, handoffInformationLoss: Double, informationWait: Distribution,
        slowShare: [Double] = [0, 0, 0], slowWait: Distribution = .zero, immediate: [Bool] = [false, false, false]
    ) {
        self.handoffDelay = handoffDelay
        self.handoffInformationLoss = handoffInformationLoss
        self.informationWait = informationWait
        self.slowShare = slowShare
        self.slowWait = slowWait
        self.immediate = immediate
    }
}
