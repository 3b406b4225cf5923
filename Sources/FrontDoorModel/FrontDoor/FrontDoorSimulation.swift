import SimulationEngine

/// Runs one replication of a ``PreparedDesign``.
///
/// Random streams, one per purpose: arrivals (the contacts and everything about them), routing
/// (which stages apply, handoff losses, call-backs, re-contacts), absence (people's leave and
/// sickness) and one per stage for the time work takes. Two designs run with the same seed
/// therefore receive the same contacts, and the same people are away on the same days wherever
/// the teams are the same.
public enum FrontDoorSimulation {
    /// Contacts waiting for a decision beyond which a run stops as hopelessly overloaded, so that
    /// memory stays bounded whatever the design.
    public static let backlogLimit = 200_000

    public static func run(_ design: PreparedDesign, length: RunLength, seeds: SeedPlan, replication: Int) -> FrontDoorReplication {
        var state = FrontDoorState(design: design, length: length, seeds: seeds, replication: replication)
        return state.run()
    }
}

/// The random streams of a front door, one per purpose.
extension StreamPurpose {
    /// The contacts and everything about them.
    static let contacts = StreamPurpose(rawValue: 0)
    /// Which stages apply, handoff losses, call-backs and re-contacts.
    static let routing = StreamPurpose(rawValue: 1)
    /// People's leave, training and sickness.
    static let absence = StreamPurpose(rawValue: 2)
    /// The backlog waiting at the start.
    static let startingBacklog = StreamPurpose(rawValue: 3)
    /// The length of strategy discussions.
    static let strategyDiscussions = StreamPurpose(rawValue: 4)
    /// Which contacts a change in demand limited to some ratings or channels removes.
    static let demandChanges = StreamPurpose(rawValue: 5)
    /// The noise in what a decider sees of each contact's need.
    static let perception = StreamPurpose(rawValue: 6)
    /// The time work takes at the stage with the given index, one stream per stage.
    static func work(stage: Int) -> StreamPurpose { .numbered(stage, from: 16) }
}
