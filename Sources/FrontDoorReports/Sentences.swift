import Foundation
import FrontDoorAnalysis
import FrontDoorModel

// The plain-English sentences about results, for the terminal, JSON and the report. Analysis
// returns data; every sentence a person reads is written here.

extension PrecisionReport {
    /// What a precision target reached, in one sentence.
    public var sentence: String {
        met
            ? String(
                format: "Every headline measure is within ±%.1f%% of its mean (95%% interval) after %d replications (widest ±%.1f%%).",
                target * 100, replications, worst * 100)
            : String(
                format: "After the maximum of %d replications, %@ %@ still wider than ±%.1f%% (widest ±%.1f%%).",
                replications, unmet.map { "\($0.scenario) \($0.measure)" }.joined(separator: ", "), unmet.count == 1 ? "is" : "are",
                target * 100, worst * 100)
    }
}

extension WarmUpCheck {
    /// Whether the warm-up was long enough, and if not what to set.
    public var sentence: String {
        isLongEnough
            ? "The warm-up of \(warmUpWorkingDays) working days, left out of every figure, was long enough: the daily backlog had settled by working day \(truncationWorkingDays) (by the MSER-5 test)."
            : "The warm-up of \(warmUpWorkingDays) working days, left out of every figure, may be too short: the daily backlog settled only at working day \(truncationWorkingDays) (by the MSER-5 test); set warm_up_days to at least \(suggestedDays)."
    }
}

extension ExperimentResult {
    /// Plain-English warnings about the results: a design that cannot keep up with its demand, or
    /// one that assumes more decision fatigue than the evidence supports.
    public var warnings: [String] {
        var fatigue: [String] = []
        if case .frontDoor(let design) = scenario.model, let effect = design.fatigue, effect.exceedsEvidence {
            fatigue = [
                "The scenario assumes default decisions \(Figures.prosePercent(effect.defaultIncrease)) more likely when tired. "
                    + ScenarioDescription.fatigueWarning
            ]
        }
        return fatigue
            + concerns.map { concern in
                switch concern {
                case .stoppedOverloaded(let share):
                    String(
                        format: "%.0f%% of replications stopped early with over 200,000 contacts not yet dealt with: "
                            + "this design is overloaded and its figures describe only the time before it stopped.", share * 100)
                case .backlogGrowing(let growth, let days):
                    String(
                        format: "The backlog grows by about %.1f contacts a working day (95%% interval %.1f to %.1f), %.1f working days' "
                            + "decisions a year: this design is falling behind its demand, so its figures get worse with the length of the run "
                            + "(a longer run shows a larger backlog and later decisions).",
                        growth.mean, growth.ci95Low, growth.ci95High, days.mean)
                }
            }
    }
}

extension SizingResult {
    /// Why the answer is the answer, in words; `money` writes an amount in pounds.
    public func explanation(money: (Double) -> String) -> String {
        guard let answer else {
            var text = "No staffing up to \(maximumPosts) posts in each team meets every target with confidence."
            if let most = mostGenerous {
                if !most.concerns.isEmpty { text += " Even with \(describe(most.posts)) the front door cannot keep up with its demand." }
                if !most.missed.isEmpty { text += " Even with \(describe(most.posts)) it misses " + misses(in: most) + "." }
                if let step = most.longestStep {
                    text +=
                        " There, a contact spends longest \(Self.words(step.kind)) (\(String(format: "%.1f", step.hours)) hours on average before its "
                        + "decision): look at that step, or at staffing its team, rather than at more posts in \(teams.joined(separator: " and "))."
                }
            }
            return text
        }
        var text =
            "The smallest staffing that meets every target with confidence is \(describe(answer.posts)) "
            + "(\(money(answer.cost)) a year in staff and agency cost)."
        // The target a smaller staffing fails binds the answer.
        if targets.count > 1, let binding = binding(at: answer) {
            text +=
                " The binding target is \(binding.target): its 95% interval there runs "
                + String(format: "%.3g to %.3g.", binding.measure.ci95Low, binding.measure.ci95High)
        }
        for smaller in nextSmaller where !smaller.concerns.isEmpty {
            text += " With \(describe(smaller, against: answer)) the front door cannot keep up with its demand."
        }
        for smaller in nextSmaller where smaller.concerns.isEmpty {
            let clear = smaller.clearlyMissed, close = smaller.tooCloseToCall
            text +=
                " With \(describe(smaller, against: answer)) it "
                + [
                    clear.isEmpty ? nil : "misses " + misses(clear, in: smaller),
                    close.isEmpty ? nil : "is too close to call on " + misses(close, in: smaller)
                ]
                .compactMap { $0 }.joined(separator: " and ") + "."
        }
        if nextSmaller.contains(where: { $0.concerns.isEmpty && !$0.tooCloseToCall.isEmpty }) {
            text +=
                " The smaller staffing's interval spans a target, so more replications could change this answer: run again with "
                + (precision.map { "a tighter --precision than \(Figures.prose($0)), or a higher --max-replications." }
                    ?? "--precision 0.01, or with more than \(replications) replications.")
        }
        return text
    }

    /// A smaller staffing's posts beside the answer's: those it has in common, then any it has
    /// more of, "6 in team_managers, 19 in screeners" or "6 in team_managers (even with 20 in screeners)".
    func describe(_ smaller: SizingCandidate, against answer: SizingCandidate) -> String {
        let more = teams.indices.filter { smaller.posts[$0] > answer.posts[$0] }
        let rest = describe(smaller.posts, teams: teams.indices.filter { !more.contains($0) })
        return more.isEmpty ? rest : rest + " (even with " + describe(smaller.posts, teams: more) + ")"
    }

    /// Targets a candidate does not meet (all it misses, by default), each with its figure.
    func misses(_ targets: [SizingTarget]? = nil, in candidate: SizingCandidate) -> String {
        (targets ?? candidate.missed).map { target in
            let m = candidate.measures.first { $0.id == target.measure }
            return "\(target)" + (m.map { String(format: " (%.3g, 95%% interval %.3g to %.3g)", $0.mean, $0.ci95Low, $0.ci95High) } ?? "")
        }.joined(separator: " and ")
    }

    /// A step to a decision in words: "queueing for screen".
    public static func words(_ kind: ExperimentResult.DecisionStep.Kind) -> String {
        switch kind {
        case .queue(let stage): return "waiting for the \(stage.replacingOccurrences(of: "_", with: " ")) step to start"
        case .work(let stage): return "in the \(stage.replacingOccurrences(of: "_", with: " ")) step, from the start to the end of its work"
        case .handoff: return "waiting for handoffs between teams to be picked up"
        case .information: return "waiting for missing information"
        case .slow: return "waiting for consent, a call-back or a partner's information"
        }
    }

    /// The posts of the teams at `indices` (default: every team), "6 in team_managers, 19 in screeners".
    func describe(_ posts: [Int], teams indices: [Int]? = nil) -> String {
        (indices ?? Array(teams.indices)).map { "\(posts[$0]) in \(teams[$0])" }.joined(separator: ", ")
    }
}
