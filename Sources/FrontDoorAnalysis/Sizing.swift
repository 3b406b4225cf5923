import Foundation
import FrontDoorModel
import ScenarioModel
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

    /// Of the targets it does not meet with confidence, those whose 95% interval spans the target:
    /// too close to call, so more replications could settle them either way.
    public var tooCloseToCall: [SizingTarget] {
        missed.filter { target in
            measures.first { $0.id == target.measure }.map { !target.isMissed(low: $0.ci95Low, high: $0.ci95High) } ?? false
        }
    }

    /// The targets it misses with confidence: its whole interval on the wrong side.
    public var clearlyMissed: [SizingTarget] {
        let close = tooCloseToCall
        return missed.filter { !close.contains($0) }
    }

    /// Its verdict in a word or three: "yes", "no", "too close to call" (it misses nothing with
    /// confidence, but its interval spans a target) or "no: cannot keep up".
    public var verdict: String {
        if !concerns.isEmpty { return "no: cannot keep up" }
        if missed.isEmpty { return "yes" }
        return clearlyMissed.isEmpty ? "too close to call" : "no"
    }
}

extension SizingCandidate {
    /// A staffing's candidate from its run: its cost, the targeted and `shown` measures, the
    /// targets it misses, and whether it keeps up. Every target's measure must be in the
    /// scenario's catalogue (`Sizing.run` checks before it searches).
    init(_ result: ExperimentResult, posts: [Int], teams: [String], targets: [SizingTarget], shown: [MeasureID]) {
        let targeted = targets.map(\.measure)
        let measures = (targeted + shown.filter { !targeted.contains($0) }).compactMap { result[$0] }
        self.init(
            posts: posts, cost: Sizing.staffCost(result.scenario), sizedCost: Sizing.sized(teams, of: result.scenario).cost,
            measures: measures,
            missed: targets.filter { target in
                // A target whose measure the run lacks cannot be said to be met.
                guard let summary = measures.first(where: { $0.id == target.measure }) else { return true }
                return !target.isMet(by: summary.estimate)
            },
            concerns: result.concerns, longestStep: result.stepsToDecision.max { $0.hours < $1.hours })
    }
}

/// The answer to "what is the smallest staffing that meets these targets?".
public struct SizingResult: Sendable {
    public let teams: [String]
    public let targets: [SizingTarget]
    /// Every staffing run in full, in the order they were run.
    public let candidates: [SizingCandidate]
    /// Staffings only screened (run with `screenReplications` to guide the search), never in full.
    public let screened: Int
    /// The replications of a screen; nil when the search ran every staffing in full.
    public let screenReplications: Int?
    /// The cheapest staffing found that meets every target, if any within the limit.
    public let answer: SizingCandidate?
    /// For each sized team, a staffing with one post fewer there than the answer that misses a
    /// target: the answer less that post, or a staffing run with as many posts there and at least
    /// as many elsewhere (which shows the same, since more posts never make a target harder to
    /// meet).
    public let nextSmaller: [SizingCandidate]
    /// When no staffing within the limit meets the targets: the most generous one, every team at
    /// the limit.
    public var mostGenerous: SizingCandidate? {
        answer == nil ? candidates.first { $0.posts.allSatisfy { $0 == maximumPosts } } : nil
    }
    public let maximumPosts: Int
    public let replications: Int
    /// The precision each staffing was run to (`--precision`), if any.
    public var precision: Double? = nil
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
///
/// With 10 or more replications a staffing (and no precision target), each binary search is first
/// made on a screen: a fifth of the replications (at least 3), judged by the interval the full
/// number would give with the spread the screen shows. The screen only says where to look: each
/// team's bound is then confirmed in full (one post fewer misses the targets, or the search goes
/// on below it in full), and every staffing in the answer, in the table and in the explanation is
/// run in full. Replication `i` has the same seeds however many
/// are run, so a screened staffing run in full later reuses the screen's replications.
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
        // Posts partner agencies pay for are not the council's cost.
        return (chosen.map(\.posts), chosen.filter { !$0.paidByPartners }.reduce(0) { $0 + $1.total })
    }

    /// The replications a screen runs for a search of `settings`, or nil when the search runs
    /// every staffing in full (fewer than 10 replications, or a precision target, which decides
    /// the replications from all of them).
    public static func screenReplications(_ settings: ExperimentSettings) -> Int? {
        settings.precision == nil && settings.replications >= 10 ? max(3, settings.replications / 5) : nil
    }

    /// The smallest value in `low...high` for which `meets` holds, given that it holds at `high`
    /// and, as posts are added, never stops holding once it does.
    static func firstMeeting(from low: Int, to high: Int, _ meets: (Int) throws(SweepError) -> Bool) throws(SweepError) -> Int {
        var low = low, high = high
        while low < high {
            let middle = (low + high) / 2
            if try meets(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The fewest posts in `least...most` of one team (the others generously staffed) that can
    /// meet the targets: found by a binary search on `looksAble`, given that `most` does; when
    /// that is a screen (`screened`), confirmed by `meets`, in full: one post fewer must miss the
    /// targets, or the search goes on below it in full. A bound the screen sets too low is kept:
    /// it costs only runs, since the staffings above the bounds are then tried in order of cost.
    static func lowerBound(
        from least: Int, to most: Int, screened: Bool, looksAble: (Int) throws(SweepError) -> Bool,
        meets: (Int) throws(SweepError) -> Bool
    ) throws(SweepError) -> Int {
        let bound = try firstMeeting(from: least, to: most, looksAble)
        guard screened, bound > least, try meets(bound - 1) else { return bound }
        return try firstMeeting(from: least, to: bound - 1, meets)
    }

    /// Sizes `teams` of `base` (a front door) against `targets`, trying at most `maximumPosts` in
    /// any one team.
    ///
    /// - Throws: ``SweepError`` when a target names a measure the scenario does not have, or a
    ///   candidate staffing does not fit a team (such as fewer posts than its vacant ones).
    /// `shown` measures are reported for every staffing run in full beside the targets'. With
    /// `screening` off, every staffing the search looks at is run in full.
    public static func run(
        _ base: Scenario, teams: [String], targets: [SizingTarget], maximumPosts: Int, settings: ExperimentSettings,
        shown: [MeasureID] = [], screening: Bool = true, progress: (any ProgressObserver)? = nil
    ) throws(SweepError) -> SizingResult {
        let current = sized(teams, of: base)
        let screen = screening ? screenReplications(settings) : nil
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
        let priceBase: FinancialYear? = {
            if case .frontDoor(let design) = base.model { return design.costs.priceYear } else { return nil }
        }()
        let seeds = SeedPlan(baseSeed: settings.seed)
        // The replications run so far for each staffing, in replication order.
        var runs: [[Int]: [ReplicationOutcome]] = [:]
        func replicate(_ posts: [Int], _ count: Int) throws(SweepError) -> ExperimentResult {
            let design = try scenario(posts)
            let started = DispatchTime.now()
            var outcomes = runs[posts] ?? []
            progress?.expect(count - outcomes.count)
            outcomes += Experiment.replicate(
                design, seeds: seeds, first: outcomes.count, count: count - outcomes.count, jobs: settings.jobs,
                progress: progress)
            progress?.finish()
            runs[posts] = outcomes
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            return Comparison.assemble([design], settings: settings, outcomes: [outcomes], seconds: [seconds]).designs[0]
        }
        var evaluated: [[Int]: SizingCandidate] = [:]
        var order: [SizingCandidate] = []
        // A staffing run in full.
        func evaluate(_ posts: [Int]) throws(SweepError) -> SizingCandidate {
            if let known = evaluated[posts] { return known }
            let result =
                screen == nil
                ? Experiment.run(try scenario(posts), settings: settings, progress: progress)
                : try replicate(posts, settings.replications)
            let candidate = SizingCandidate(result, posts: posts, teams: teams, targets: targets, shown: shown)
            evaluated[posts] = candidate
            order.append(candidate)
            return candidate
        }
        // Whether a staffing looks able to meet every target: run in full already, or judged from
        // the screen by the interval the full replications would give with the spread it shows.
        func looksAble(_ posts: [Int]) throws(SweepError) -> Bool {
            if let known = evaluated[posts] { return known.meetsTargets }
            guard let screen else { return try evaluate(posts).meetsTargets }
            let result = try replicate(posts, screen)
            guard result.concerns.isEmpty else { return false }
            return targets.allSatisfy { target in
                // Targets name measures of the scenario, so each has a summary.
                guard let estimate = result[target.measure]?.estimate else { return false }
                let half = Estimate.halfWidth(standardDeviation: estimate.standardDeviation, n: settings.replications)
                return target.isMet(low: estimate.mean - half, high: estimate.mean + half)
            }
        }
        func result(answer: SizingCandidate?, nextSmaller: [SizingCandidate]) -> SizingResult {
            SizingResult(
                teams: teams, targets: targets, candidates: order, screened: runs.keys.filter { evaluated[$0] == nil }.count,
                screenReplications: screen, answer: answer, nextSmaller: nextSmaller, maximumPosts: maximumPosts,
                replications: settings.replications, precision: settings.precision, priceBase: priceBase, currentPosts: current.posts,
                currentSizedCost: current.cost)
        }

        // A team keeps a number of vacant posts, so it has at least that many (and at least one); a
        // vacancy rate scales with the posts.
        let fewest = teams.map { id -> Int in
            guard case .frontDoor(let design) = base.model, let team = design.teams.first(where: { $0.id == id }),
                case .posts(let vacant) = team.vacancies
            else { return 1 }
            return max(1, vacant)
        }
        // The most generous staffing must meet the targets, or none does.
        let generous = Array(repeating: maximumPosts, count: teams.count)
        if try !looksAble(generous), try !evaluate(generous).meetsTargets { return result(answer: nil, nextSmaller: []) }
        // Lower bounds: the fewest posts in each team that can meet the targets at all.
        var lower: [Int] = []
        for index in teams.indices {
            var staffing = generous
            lower.append(
                try lowerBound(
                    from: min(fewest[index], maximumPosts), to: maximumPosts, screened: screen != nil,
                    looksAble: { posts throws(SweepError) in
                        staffing[index] = posts
                        return try looksAble(staffing)
                    },
                    meets: { posts throws(SweepError) in
                        staffing[index] = posts
                        return try evaluate(staffing).meetsTargets
                    }))
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
            if candidate.meetsTargets {
                answer = candidate
                break
            }
        }
        var smaller: [SizingCandidate] = []
        if let answer {
            for index in teams.indices where answer.posts[index] > fewest[index] {
                var fewer = answer.posts
                fewer[index] -= 1
                // A staffing run already with as many posts here and at least as many elsewhere
                // that misses a target shows that one post fewer here misses it too (more posts
                // never make a target harder to meet): the closest such is shown, not run again.
                let proof =
                    evaluated[fewer]
                    ?? order.filter { run in
                        !run.meetsTargets && run.posts[index] == fewer[index] && zip(run.posts, fewer).allSatisfy { $0 >= $1 }
                    }.min { $0.posts.reduce(0, +) < $1.posts.reduce(0, +) }
                if let proof { smaller.append(proof) } else { smaller.append(try evaluate(fewer)) }
            }
        }
        return result(answer: answer, nextSmaller: smaller.filter { !$0.meetsTargets })
    }
}
