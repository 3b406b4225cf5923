import SimulationEngine

/// A strategy discussion (Working Together 2023): after a decision to hold one, people from
/// several teams — social care, police, health — meet at once, in the order the decisions were
/// made, as soon as all of them are free, for `time` hours. It should be held within
/// `withinWorkingDays` of the decision.
public struct StrategyDiscussion: Sendable {
    /// How many people a discussion needs from a team.
    public struct Participant: Sendable, Equatable {
        public var team: Int
        public var people: Int
        public init(team: Int, people: Int) {
            self.team = team
            self.people = people
        }
    }

    public var participants: [Participant]
    /// Length of the meeting (hours).
    public var time: Distribution
    public var withinWorkingDays: Double
    /// The shared task whose time the meeting takes; nil for a time of its own.
    public var task: TaskReference?

    /// Makes the value from its parts (the scenario reader does; tests may).
    public init(participants: [Participant], time: Distribution, withinWorkingDays: Double, task: TaskReference? = nil) {
        self.participants = participants
        self.task = task
        self.time = time
        self.withinWorkingDays = withinWorkingDays
    }
}
