import Foundation
import FrontDoorModel
import SimulationEngine

/// A target `size` must meet: the measure's 95% interval on the right side of the value.
public typealias SizingTarget = MeasureTarget

extension MeasureTarget {
    /// Reads `MEASURE>=VALUE` or `MEASURE<=VALUE` given to `--target`.
    public init(parsing text: String) throws(SweepError) {
        do { try self.init(text) } catch { throw SweepError("--target \(text): \(error.message)") }
    }

    /// Whether the measure meets the target with confidence.
    public func isMet(by estimate: Estimate) -> Bool { isMet(low: estimate.ci95Low, high: estimate.ci95High) }
}

/// One staffing tried by the search, with what it achieved.
public struct SizingCandidate: Sendable {
    /// Posts in each sized team, in the order the teams were named.
    public let posts: [Int]
    /// Staff and agency cost a year.
    public let cost: Double
    /// Staff and agency cost a year of the sized teams alone.
    public let sizedCost: Double
    /// The targeted measures, then any others asked to be shown.
    public let measures: [MeasureSummary]
    /// The targets it misses (empty when it meets them all).
    public let missed: [SizingTarget]
    /// Why it cannot keep up with its demand, if it cannot: then it meets no target, whatever its
    /// figures say (an overloaded run's figures cover only the time before it stopped).
    public let concerns: [ExperimentResult.Concern]
    /// The step on which a contact spends most time before its decision, on average.
    public let longestStep: ExperimentResult.DecisionStep?

    /// Whether it keeps up with its demand and meets every target with confidence.
    public var meetsTargets: Bool { missed.isEmpty && concerns.isEmpty }
}

/// The answer to "what is the smallest staffing that meets these targets?".
public struct SizingResult: Sendable {
    public let teams: [String]
    public let targets: [SizingTarget]
    /// Every candidate evaluated, in the order they were tried.
    public let candidates: [SizingCandidate]
    /// The cheapest staffing found that meets every target, if any within the limit.
    public let answer: SizingCandidate?
    /// For each sized team, the staffing with one post fewer there and what it fails.
    public let nextSmaller: [SizingCandidate]
    /// When no staffing within the limit meets the targets: the most generous one tried.
    public var mostGenerous: SizingCandidate? { answer == nil ? candidates.first : nil }
    public let maximumPosts: Int
    public let replications: Int
    /// The financial year whose prices the costs are in (nil for a plain network).
    public let priceBase: FinancialYear?
    /// The sized teams' posts in the scenario as it stands, and their staff and agency cost a year.
    public let currentPosts: [Int]
    public let currentSizedCost: Double
}

/// Finds the smallest staffing of one or more teams that meets every target with confidence.
///
/// Every candidate is run with the same seeds (common random numbers), so candidates differ only
/// by their staffing. The search assumes that more posts never make a target harder to meet: it
/// first finds, for each team, the fewest posts that can meet the targets when the other teams are
/// generously staffed (a binary search), which is a lower bound for that team; then it tries the
/// staffings above those bounds in order of cost, and the first that meets every target is the
/// cheapest. That needs far fewer runs than trying every combination.
public enum Sizing {
    /// Staff and agency cost a year of a front-door scenario (0 for a plain network).
    static func staffCost(_ scenario: Scenario) -> Double {
        guard case .frontDoor(let design) = scenario.model else { return 0 }
        return StaffCosts(design).total
    }

    /// Staff and agency cost a year of `teams` of a front-door scenario, and their posts.
    static func sized(_ teams: [String], of scenario: Scenario) -> (posts: [Int], cost: Double) {
        guard case .frontDoor(let design) = scenario.model else { return (teams.map { _ in 0 }, 0) }
        let costs = StaffCosts(design).teams
        let chosen = teams.compactMap { id in costs.first { $0.id == id } }
        return (chosen.map(\.posts), chosen.reduce(0) { $0 + $1.total })
    }

    /// Sizes `teams` of `base` (a front door) against `targets`, trying at most `maximumPosts` in
    /// any one team.
    ///
    /// - Throws: ``SweepError`` when a target names a measure the scenario does not have, or a
    ///   candidate staffing does not fit a team (such as fewer posts than its vacant ones).
    /// `shown` measures are reported for every staffing tried beside the targets'.
    public static func run(_ base: Scenario, teams: [String], targets: [SizingTarget], maximumPosts: Int, settings: ExperimentSettings,
                           shown: [MeasureID] = [], progress: (any ProgressObserver)? = nil) throws(SweepError) -> SizingResult {
        let current = sized(teams, of: base)
        func scenario(_ posts: [Int]) throws(SweepError) -> Scenario {
            do {
                return try base.applying(zip(teams, posts).map { DesignEdit.posts(team: $0, count: $1) })
                    .renamed(base.name + "[" + zip(teams, posts).map { "\($0)=\($1)" }.joined(separator: ",") + "]")
            } catch {
                throw SweepError(error.message)
            }
        }
        // A share is a number from 0 to 1: 85 for 85% would be a target nothing can meet.
        for target in targets {
            if let problem = target.problem(among: base.measures) { throw SweepError("--target \(target.text): \(problem)") }
        }
        let priceBase: FinancialYear? = { if case .frontDoor(let design) = base.model { return design.costs.priceYear } else { return nil } }()
        var evaluated: [[Int]: SizingCandidate] = [:]
        var order: [SizingCandidate] = []
        func evaluate(_ posts: [Int]) throws(SweepError) -> SizingCandidate {
            if let known = evaluated[posts] { return known }
            let design = try scenario(posts)
            let result = Experiment.run(design, settings: settings, progress: progress)
            // Every target's measure is in the scenario's catalogue (checked before the search).
            let targeted = targets.map(\.measure)
            let measures = (targeted + shown.filter { !targeted.contains($0) }).compactMap { result[$0] }
            let missed = targets.filter { target in !target.isMet(by: measures.first { $0.id == target.measure }!.estimate) }
            let candidate = SizingCandidate(posts: posts, cost: staffCost(design), sizedCost: sized(teams, of: design).cost, measures: measures, missed: missed,
                                            concerns: result.concerns, longestStep: result.stepsToDecision.max { $0.hours < $1.hours })
            evaluated[posts] = candidate
            order.append(candidate)
            return candidate
        }

        // A team keeps a number of vacant posts, so it has at least that many (and at least one); a
        // vacancy rate scales with the posts.
        let fewest = teams.map { id -> Int in
            guard case .frontDoor(let design) = base.model, let team = design.teams.first(where: { $0.id == id }),
                  case .posts(let vacant) = team.vacancies else { return 1 }
            return max(1, vacant)
        }
        // Lower bounds: the fewest posts in each team that can meet the targets at all.
        var lower: [Int] = []
        for index in teams.indices {
            var generous = Array(repeating: maximumPosts, count: teams.count)
            guard try evaluate(generous).meetsTargets else {
                return SizingResult(teams: teams, targets: targets, candidates: order, answer: nil, nextSmaller: [],
                                    maximumPosts: maximumPosts, replications: settings.replications, priceBase: priceBase,
                                    currentPosts: current.posts, currentSizedCost: current.cost)
            }
            var low = min(fewest[index], maximumPosts), high = maximumPosts
            while low < high {
                let middle = (low + high) / 2
                generous[index] = middle
                if try evaluate(generous).meetsTargets { high = middle } else { low = middle + 1 }
            }
            lower.append(low)
        }

        // Every staffing at or above the bounds, cheapest first. Staff cost is linear in each
        // team's posts, so it is known from the scenario without running it.
        let baseCost = try staffCost(scenario(lower))
        var unitCost: [Double] = []
        for index in teams.indices {
            var more = lower
            more[index] += 1
            unitCost.append(try staffCost(scenario(more)) - baseCost)
        }
        func cost(_ posts: [Int]) -> Double { zip(zip(posts, lower), unitCost).reduce(baseCost) { $0 + Double($1.0.0 - $1.0.1) * $1.1 } }
        var grid: [[Int]] = [[]]
        for index in teams.indices { grid = grid.flatMap { prefix in (lower[index]...maximumPosts).map { prefix + [$0] } } }
        grid.sort { a, b in cost(a) != cost(b) ? cost(a) < cost(b) : a.lexicographicallyPrecedes(b) }
        var answer: SizingCandidate?
        for posts in grid {
            let candidate = try evaluate(posts)
            if candidate.meetsTargets { answer = candidate; break }
        }
        var smaller: [SizingCandidate] = []
        if let answer {
            for index in teams.indices where answer.posts[index] > fewest[index] {
                var fewer = answer.posts
                fewer[index] -= 1
                smaller.append(try evaluate(fewer))
            }
        }
        return SizingResult(teams: teams, targets: targets, candidates: order, answer: answer, nextSmaller: smaller.filter { !$0.meetsTargets },
                            maximumPosts: maximumPosts, replications: settings.replications, priceBase: priceBase,
                                    currentPosts: current.posts, currentSizedCost: current.cost)
    }
}
