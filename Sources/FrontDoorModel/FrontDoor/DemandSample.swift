import SimulationEngine

/// A new contact as the demand model draws it, without simulating the front door: for writing
/// synthetic extracts whose true demand is known.
public struct SampledContact: Sendable {
    /// Day from the scenario's start date, and hours into it, when it happened (a contact its
    /// source sends in a batch reaches the front door later).
    public let day: Int
    public let hour: Double
    public let group: SourceGroup
    public let rag: RAG
    /// Whether the design's outcome table makes it a referral (a strategy discussion included).
    public let referred: Bool
    /// For a referral: whether an assessment starts, and whether it ends with no further service.
    public let assessed: Bool
    public let noFurtherService: Bool
}

extension PreparedDesign {
    /// The new contacts of the first `days` days, in time order within each day, drawn from
    /// `stream`, each with the outcome the design's table gives it (before any fatigue).
    public func sampleContacts(days: Int, stream: RandomStream, _ body: (SampledContact) -> Void) {
        let generator = DemandGenerator(self)
        // The front door's own decisions, whose stream (drawn only for fatigue) is never used here.
        let decisions = Decisions(design: self, stream: stream)
        for day in 0..<days {
            for arrival in generator.contacts(onDay: day, using: stream).sorted(by: { $0.time < $1.time }) {
                let referred = decisions.tableOutcome(arrival).isReferral
                let assessed = referred && arrival.followUp[0] < design.outcomes.assessmentStart
                body(
                    SampledContact(
                        day: day, hour: arrival.time - Double(day) * 24, group: design.demand.sources[arrival.source].group,
                        rag: arrival.rag,
                        referred: referred, assessed: assessed,
                        noFurtherService: assessed && arrival.followUp[1] < design.outcomes.assessmentNoFurtherService))
            }
        }
    }
}
