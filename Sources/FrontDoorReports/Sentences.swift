import Foundation
import FrontDoorAnalysis

// The plain-English sentences about results, for the terminal, JSON and the report. Analysis
// returns data; every sentence a person reads is written here.

extension PrecisionReport {
    /// What a precision target reached, in one sentence.
    public var sentence: String {
        met ? String(format: "Every headline measure is within ±%.1f%% of its mean (95%% interval) after %d replications (widest ±%.1f%%).",
                     target * 100, replications, worst * 100)
            : String(format: "After the maximum of %d replications, %@ %@ still wider than ±%.1f%% (widest ±%.1f%%).",
                     replications, unmet.map { "\($0.scenario) \($0.measure)" }.joined(separator: ", "), unmet.count == 1 ? "is" : "are", target * 100, worst * 100)
    }
}

extension WarmUpCheck {
    /// Whether the warm-up was long enough, and if not what to set.
    public var sentence: String {
        isLongEnough
            ? "The warm-up of \(warmUpWorkingDays) working days was long enough: MSER-5 on the daily backlog puts the end of the start-up effect at working day \(truncationWorkingDays)."
            : "The warm-up of \(warmUpWorkingDays) working days may be too short: MSER-5 on the daily backlog puts the end of the start-up effect at working day \(truncationWorkingDays); set warm_up_days to at least \(suggestedDays)."
    }
}

extension ExperimentResult {
    /// Plain-English warnings about the results: a design that cannot keep up with its demand, or
    /// one that assumes more decision fatigue than the evidence supports.
    public var warnings: [String] {
        var fatigue: [String] = []
        if case .frontDoor(let design) = scenario.model, let effect = design.fatigue, effect.exceedsEvidence {
            fatigue = ["The scenario assumes default decisions \(ScenarioDescription.percent(effect.defaultIncrease)) more likely when tired. "
                       + ScenarioDescription.fatigueWarning]
        }
        return fatigue + concerns.map { concern in
            switch concern {
            case .stoppedOverloaded(let share):
                String(format: "%.0f%% of replications stopped early with over 200,000 contacts not yet dealt with: "
                       + "this design is overloaded and its figures describe only the time before it stopped.", share * 100)
            case .backlogGrowing(let growth):
                String(format: "The backlog grows by about %.1f contacts a working day (95%% interval %.1f to %.1f): "
                       + "this design cannot keep up with its demand, and a longer run would show a larger backlog.",
                       growth.mean, growth.ci95Low, growth.ci95High)
            }
        }
    }
}

extension SizingResult {
    /// Why the answer is the answer, in words; `money` writes an amount in pounds.
    public func explanation(money: (Double) -> String) -> String {
        guard let answer else {
            return "No staffing up to \(maximumPosts) posts in each team meets every target with confidence."
        }
        var text = "The smallest staffing that meets every target with confidence is \(describe(answer.posts)) "
            + "(\(money(answer.cost)) a year in staff and agency cost)."
        for smaller in nextSmaller where !smaller.concerns.isEmpty {
            text += " With \(describe(smaller.posts)) the front door cannot keep up with its demand."
        }
        for smaller in nextSmaller where smaller.concerns.isEmpty {
            text += " With \(describe(smaller.posts)) it misses " + smaller.missed.map { target in
                let m = smaller.measures.first { $0.id == target.measure }
                return "\(target)" + (m.map { String(format: " (%.3g, 95%% interval %.3g to %.3g)", $0.mean, $0.ci95Low, $0.ci95High) } ?? "")
            }.joined(separator: " and ") + "."
        }
        return text
    }

    func describe(_ posts: [Int]) -> String {
        zip(teams, posts).map { "\($1) in \($0)" }.joined(separator: ", ")
    }
}
