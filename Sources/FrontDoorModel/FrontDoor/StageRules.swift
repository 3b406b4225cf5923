/// The stages' rules as the event loop reads them for each contact: plain values in flat arrays
/// by stage (and by stage and RAG rating or channel), so that reading one copies nothing — no
/// stage record with its distributions and tables is copied out for a single flag. Made once a
/// replication from the design's ``Stage``s, whose durations are sampled from there.
struct StageRules {
    let count: Int
    let team: [Int]
    /// The team that takes the work on days when nobody in the stage's team is at work.
    let coverTeam: [Int?]
    let outOfHoursOnly: [Bool]
    let byPriority: [Bool]
    let decides: [Bool]
    let asksForMissingInformation: [Bool]
    /// Partner checks: a contact not started within the clock for its RAG rating moves on.
    let hasChecksClock: [Bool]
    /// By `stage × 3 + rag`: the checks clock (hours), the chance a contact goes through the
    /// stage, and the factor on the time its work takes.
    let checksClock: [Double]
    let appliesTo: [Double]
    let ragFactors: [Double]
    /// By `stage × channels + channel`: the factor on the time the work takes, and whether
    /// contacts of the channel are callers on the stage's phone line (never without one).
    let channelFactors: [Double]
    let isCaller: [Bool]
    /// By `stage × source groups + group`: whether the group's contacts go through the stage.
    let takesSourceGroup: [Bool]
    /// The stages each team works, latest in the pathway first (finishing work frees the queue),
    /// at `worked[workedFrom[team] ..< workedFrom[team + 1]]`; and those it covers when their own
    /// team is all away, likewise.
    let worked: [Int]
    let workedFrom: [Int]
    let covered: [Int]
    let coveredFrom: [Int]

    init(_ stages: [Stage], teams: Int) {
        count = stages.count
        team = stages.map(\.team)
        coverTeam = stages.map(\.coverTeam)
        outOfHoursOnly = stages.map(\.outOfHoursOnly)
        byPriority = stages.map(\.byPriority)
        decides = stages.map(\.decides)
        asksForMissingInformation = stages.map(\.asksForMissingInformation)
        hasChecksClock = stages.map { if case .checks = $0.kind { true } else { false } }
        checksClock = stages.flatMap { stage -> [Double] in
            if case .checks(let hours) = stage.kind { return hours }
            return RAG.allCases.map { _ in 0 }
        }
        appliesTo = stages.flatMap(\.appliesTo)
        ragFactors = stages.flatMap(\.ragFactors)
        channelFactors = stages.flatMap(\.channelFactors)
        isCaller = stages.flatMap { $0.phone?.channels ?? Channel.allCases.map { _ in false } }
        takesSourceGroup = stages.flatMap(\.sources)
        let latestFirst = Array(stages.indices.reversed())
        let worked = (0..<teams).map { team in latestFirst.filter { stages[$0].team == team } }
        let covered = (0..<teams).map { team in latestFirst.filter { stages[$0].coverTeam == team } }
        self.worked = worked.flatMap { $0 }
        self.covered = covered.flatMap { $0 }
        workedFrom = worked.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        coveredFrom = covered.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        precondition(
            [checksClock, appliesTo, ragFactors].allSatisfy { $0.count == count * RAG.allCases.count }
                && channelFactors.count == count * Channel.allCases.count && isCaller.count == count * Channel.allCases.count
                && takesSourceGroup.count == count * SourceGroup.allCases.count,
            "a stage's tables do not match its ratings, channels or source groups")
    }
}
