import Foundation
import FrontDoorModel
import ScenarioModel
import SimulationEngine

/// One design staffed to the shared standard: the cheapest staffing of the teams it marks as
/// sizable (`sizing:` in its scenario) that meets every target with confidence, with no team
/// more than ``Standard/utilisationCeiling`` busy.
public struct DesignAtStandard: Sendable {
    /// The design as its scenario staffs it.
    public let design: Scenario
    /// The search; nil when the design marks no team as sizable (it is then shown as staffed).
    public let sizing: SizingResult?
    /// The design at the standard, named `<name>@standard`; nil when no staffing within its
    /// limits meets the standard (or it marks no team as sizable).
    public let standard: Scenario?
    /// The standard's staffing with one post more in each sized team in turn, run in full: what
    /// the next post in each team would buy, for the frontier.
    public let beyond: [SizingCandidate]

    /// Every staffing run in full: the search's, then those beyond the answer.
    public var staffingsRun: [SizingCandidate] { (sizing?.candidates ?? []) + beyond }

    /// The target that binds: at the answer, the one with least room to spare; without an
    /// answer, the first the most generous staffing misses, with its estimate there.
    public var binding: (target: SizingTarget, measure: MeasureSummary)? {
        guard let sizing else { return nil }
        if let answer = sizing.answer { return sizing.binding(at: answer) }
        guard let most = sizing.mostGenerous, let missed = most.missed.first,
            let measure = most.measures.first(where: { $0.id == missed.measure })
        else { return nil }
        return (missed, measure)
    }
}

/// Sizes designs to one standard, so that they are compared as each would need to be staffed
/// to give the same service rather than as staffed by assumption.
///
/// ```swift
/// let sized = try Standard.run([mash, cads], targets: mash.targets, settings: .init(replications: 20, seed: 1, jobs: 2))
/// print(sized.map { $0.standard?.name ?? "cannot meet the standard" })
/// ```
public enum Standard {
    /// The busiest any team may be at the standard: above it, queues grow long with small
    /// changes in demand.
    public static let utilisationCeiling = 0.85

    /// The standard for one design: the shared targets, and every team of the design at most
    /// ``utilisationCeiling`` busy (a target like any other).
    public static func targets(_ shared: [SizingTarget], for design: Scenario) -> [SizingTarget] {
        guard case .frontDoor(let model) = design.model else { return shared }
        let ceilings = model.teams.map {
            MeasureTarget(share: MeasureID.team($0.id).utilisation, atLeast: false, value: utilisationCeiling)
        }
        return shared + ceilings.filter { !shared.contains($0) }
    }

    /// Sizes each design's sizable teams to the standard on the same seeds.
    ///
    /// - Throws: ``SweepError`` when a target names a measure a design does not have.
    public static func run(
        _ designs: [Scenario], targets shared: [SizingTarget], settings: ExperimentSettings,
        progress: (any ProgressObserver)? = nil
    ) throws(SweepError) -> [DesignAtStandard] {
        var sized: [DesignAtStandard] = []
        for design in designs {
            guard let plan = design.sizing else {
                sized.append(DesignAtStandard(design: design, sizing: nil, standard: nil, beyond: []))
                continue
            }
            let standardTargets = targets(shared, for: design)
            let result = try Sizing.run(
                design, teams: plan.teams, targets: standardTargets, maximumPosts: plan.maximumPosts,
                settings: settings, progress: progress)
            func staffed(_ posts: [Int], _ name: String) throws(SweepError) -> Scenario {
                do {
                    return try design.applying(zip(plan.teams, posts).map { DesignEdit.posts(team: $0, count: $1) }).renamed(name)
                } catch {
                    throw SweepError(error.message)
                }
            }
            var standard: Scenario?
            var beyond: [SizingCandidate] = []
            if let answer = result.answer {
                standard = try staffed(answer.posts, design.name + "@standard")
                let run = Set(result.candidates.map(\.posts))
                for index in plan.teams.indices where answer.posts[index] < plan.maximumPosts {
                    var posts = answer.posts
                    posts[index] += 1
                    guard !run.contains(posts) else { continue }
                    let outcome = Experiment.run(try staffed(posts, design.name + "+1"), settings: settings, progress: progress)
                    beyond.append(SizingCandidate(outcome, posts: posts, teams: plan.teams, targets: standardTargets, shown: []))
                }
            }
            sized.append(DesignAtStandard(design: design, sizing: result, standard: standard, beyond: beyond))
        }
        return sized
    }
}

extension SizingResult {
    /// The target that binds at `candidate`, and the candidate's estimate of its measure: at the
    /// answer, of the targets a staffing with one post fewer fails to meet, the one with least
    /// room to spare there (relative to the target's value); elsewhere, or where no smaller
    /// staffing fails on a target (only by not keeping up), the one with least room of all.
    public func binding(at candidate: SizingCandidate) -> (target: SizingTarget, measure: MeasureSummary)? {
        let failed = candidate.posts == answer?.posts ? nextSmaller.flatMap(\.missed) : []
        let candidates = failed.isEmpty ? targets : targets.filter { failed.contains($0) }
        return candidates.compactMap { target -> (SizingTarget, MeasureSummary, Double)? in
            guard let m = candidate.measures.first(where: { $0.id == target.measure }) else { return nil }
            let room = target.atLeast ? m.ci95Low - target.value : target.value - m.ci95High
            return (target, m, room / max(abs(target.value), 1e-9))
        }.min { $0.2 < $1.2 }.map { ($0.0, $0.1) }
    }
}

extension Standard {
    /// Of the designs named, those whose cash a year is lowest on average in `comparison` (more
    /// than one when they cost the same to the pound), and the share of paired replications in
    /// which they are cheaper than every other.
    public static func cheapest(_ comparison: DesignComparison, among names: [String]) -> (names: [String], share: Double)? {
        let columns = names.compactMap { name -> (String, [Double])? in
            comparison.designs.first { $0.scenario.name == name }?.column(MeasureID(.cashCost)).map { (name, $0) }
        }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }
        guard let lowest = columns.map({ mean($0.1) }).min(), let n = columns.first?.1.count, n > 0 else { return nil }
        let best = columns.filter { abs(mean($0.1) - lowest) < 0.5 }
        let others = columns.filter { column in !best.contains { $0.0 == column.0 } }
        let wins = (0..<n).filter { i in others.allSatisfy { other in best.allSatisfy { $0.1[i] < other.1[i] } } }.count
        return (best.map(\.0), Double(wins) / Double(n))
    }
}
