import BasicContainers
import SimulationEngine

/// The strategy discussions of a replication: those waiting, oldest first, and the meetings in
/// progress with the people in them. A discussion starts when everyone it needs is free at once;
/// its people are busy until it ends. A design without a rule for them has none: nothing waits,
/// and no team is needed.
struct StrategyDiscussions: ~Copyable {
    /// A discussion waiting to be held: when it was decided on, when it is due, and whether its
    /// timeliness is counted (decided while measuring, due within the run).
    struct Waiting {
        var decidedAt: Double
        var due: Double
        var counted: Bool
    }

    /// A discussion that has just started.
    struct Started {
        var slot: Int32
        var ends: Double
        var hours: Double
        var waited: Double
        var counted: Bool
        var onTime: Bool
    }

    let rule: StrategyDiscussion?
    let stream: RandomStream?
    /// How many people of each team a discussion needs (0: the team takes no part).
    let needed: [Int]
    private var waiting = RingBuffer<Waiting>()
    /// The people in each meeting in progress, by slot.
    private var meetings = EntityPool<[Int]>()
    /// People in meetings now.
    private(set) var peopleInMeetings = 0

    init(rule: StrategyDiscussion?, teams: Int, stream: @autoclosure () -> RandomStream) {
        self.rule = rule
        self.stream = rule.map { _ in stream() }
        needed = (0..<teams).map { team in rule?.participants.first { $0.team == team }?.people ?? 0 }
    }

    /// Whether a free person of `team` waits for the oldest discussion rather than take other
    /// work: it needs every free person of the team, and every team it needs is open now with
    /// enough people at work today (so nobody waits for a team that is all away, or has gone
    /// home for the evening while the waiting team works on).
    @inline(__always)
    func holds(team: Int, teams: borrowing UniqueArray<Workforce.TeamState>) -> Bool {
        !waiting.isEmpty && needed[team] > 0 && teams[team].free.count <= needed[team]
            && (rule?.participants.allSatisfy { teams[$0.team].open && teams[$0.team].presentToday >= $0.people } ?? false)
    }

    /// Discussions decided on and not yet held.
    var waitingCount: Int { waiting.count }

    /// A discussion decided on at `now`, due at `due`.
    mutating func request(at now: Double, due: Double, counted: Bool) {
        waiting.push(Waiting(decidedAt: now, due: due, counted: counted))
    }

    /// Starts the oldest waiting discussion if everyone it needs is free at `now`.
    mutating func startNext(_ workforce: inout Workforce, at now: Double) -> Started? {
        guard let next = waiting.first, let rule, let stream,
            rule.participants.allSatisfy({ workforce.teams[$0.team].free.count >= $0.people })
        else { return nil }
        _ = waiting.pop()
        let hours = rule.time.sample(using: stream)
        var people: [Int] = []
        for participant in rule.participants {
            for _ in 0..<participant.people {
                // Everyone it needs was found free above.
                guard let person = workforce.freePerson(team: participant.team, cover: nil) else { break }
                _ = workforce.startWork(person, hours: hours, at: now, toCompletion: true)
                people.append(person)
            }
        }
        peopleInMeetings += people.count
        let slot = meetings.make(people)
        return Started(
            slot: slot, ends: now + hours, hours: hours, waited: now - next.decidedAt, counted: next.counted, onTime: now <= next.due)
    }

    /// The meeting in `slot` ends: its people, now free.
    mutating func end(slot: Int32, _ workforce: inout Workforce) -> [Int] {
        let people = meetings[slot]
        meetings.release(slot)
        peopleInMeetings -= people.count
        for person in people { workforce.finishWork(person) }
        return people
    }
}
