import Foundation
import FrontDoorModel
import QueueingNetworkModel
import ScenarioModel
import SimulationEngine

/// Reads scenario files.
///
/// ```swift
/// let scenario = try ScenarioLoader.load(path: "Scenarios/benchmarks/tandem.yaml")
/// ```
public enum ScenarioLoader {
    /// Reads and validates the scenario file at `path`, with any files it `extends`, and then
    /// any `key.path=value` overrides laid over it in order (as `--set` gives them).
    ///
    /// - Throws: ``ScenarioError`` naming the file, line and key of the first problem found.
    public static func load(path: String, overrides: [String] = []) throws(ScenarioError) -> Scenario {
        try ScenarioDocument.load(path: path, overrides: overrides.map { text throws(ScenarioError) in try ScenarioOverride(text) })
            .scenario()
    }

    /// Reads and validates scenario text; `file` is the name used in error messages, and the
    /// folder against which an `extends` path is resolved.
    public static func parse(_ text: String, file: String, overrides: [String] = []) throws(ScenarioError) -> Scenario {
        try ScenarioDocument.parse(text, file: file).applying(overrides.map { text throws(ScenarioError) in try ScenarioOverride(text) })
            .scenario()
    }

    /// The scenario a document describes.
    static func read(_ document: ScenarioDocument) throws(ScenarioError) -> Scenario {
        let root = document.root
        let isFrontDoor = try root.mapping().entries.contains { $0.key == "teams" }
        let mapping = try root.mapping(
            allowed: isFrontDoor ? FrontDoorLoader.rootKeys : ["extends", "scenario", "description", "run", "arrivals", "stages", "ranges"])
        let nameValue = try mapping.required("scenario", "the scenario's short name")
        let name = try nameValue.string()
        // The name becomes the default output folder, Output/<name>: it must stay a plain name.
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard name.count <= 100, name.allSatisfy(allowed.contains), name.first != "." else {
            throw nameValue.error(
                "a scenario's name is up to 100 letters, digits, '-', '_' and '.' (not first), such as mash-lockdown; found '\(name)'")
        }
        let summary = try mapping["description"]?.string() ?? ""
        let length = try readRunLength(try mapping.required("run", "how long to simulate"))
        let model: Scenario.Model
        if isFrontDoor {
            model = .frontDoor(
                try FrontDoorLoader.read(mapping, length: length, assumptions: document.assumptions, forecasts: document.forecasts))
        } else {
            model = try readNetwork(mapping)
        }
        // Figures and targets name measures, which the model defines.
        let measures = {
            Scenario(name: name, summary: summary, file: document.file, files: document.files, model: model, length: length).measures
        }
        return Scenario(
            name: name, summary: summary, file: document.file, files: document.files, model: model, length: length,
            publishedFigures: try mapping["published_figures"].map { v throws(ScenarioError) in
                try readPublishedFigures(v, measures: measures().map(\.id))
            } ?? [],
            targets: try mapping["targets"].map { v throws(ScenarioError) in try readTargets(v, measures: measures()) } ?? [],
            changes: document.changes,
            sizing: try mapping["sizing"].map { v throws(ScenarioError) in try readSizingPlan(v, model: model) },
            ranges: try mapping["ranges"].map { v throws(ScenarioError) in try readRanges(v, in: document) } ?? [])
    }

    /// `ranges: {key.path: {low: 0.33, high: 0.75, why: "…"}}`: each for a number the scenario
    /// gives, containing it (unless a `--set` changed it), with a reason.
    static func readRanges(_ value: YAMLValue, in document: ScenarioDocument) throws(ScenarioError) -> [AssumptionRange] {
        var ranges: [AssumptionRange] = []
        for (path, entry) in try value.mapping().entries {
            let range = try entry.mapping(allowed: ["low", "high", "why"])
            let low = try range.required("low", "the lowest plausible value").number("a number")
            let high = try range.required("high", "the highest plausible value").number("a number")
            guard low < high else {
                throw entry.error("the low end (\(YAMLValue.plain(low))) must be below the high end (\(YAMLValue.plain(high)))")
            }
            let whyValue = try range.required("why", "the reason the value could lie anywhere in the range")
            let why = try whyValue.string()
            guard why.contains(where: { !$0.isWhitespace }) else { throw whyValue.error("say why the value could lie in this range") }
            var node = document.root
            for step in path.split(separator: ".").map(String.init) {
                guard let next = try node.mapping()[step] else {
                    throw entry.error("the scenario has no value at '\(path)' (no '\(step)' there); a range names a value as --set does")
                }
                node = next
            }
            guard case .scalar = node.node, let given = Double(try node.string()) else {
                throw entry.error("the value at '\(path)' is \(node.shown), not a number: a range is for a number")
            }
            // A value changed on the command line (or by a sweep) may lie outside its range.
            if !node.file.hasPrefix("--") && !(low...high).contains(given) {
                throw entry.error(
                    "the range \(YAMLValue.plain(low)) to \(YAMLValue.plain(high)) does not contain the scenario's value, "
                        + "\(YAMLValue.plain(given))")
            }
            let line = entry.node.mark.map { ":\($0.line)" } ?? ""
            ranges.append(
                AssumptionRange(
                    path: path, low: low, high: high, value: given, why: why,
                    place: (entry.file as NSString).lastPathComponent + line))
        }
        return ranges
    }

    /// `["decided_within_3wd >= 85%", "decisions_per_manager_day.p95 <= 45"]`, for measures the scenario has.
    static func readTargets(_ value: YAMLValue, measures: [MeasureDefinition]) throws(ScenarioError) -> [MeasureTarget] {
        var targets: [MeasureTarget] = []
        for item in try value.list() {
            let text = try item.string()
            let target: MeasureTarget
            do throws(MeasureTarget.Problem) { target = try MeasureTarget(text) } catch { throw item.error(error.message) }
            if let problem = target.problem(among: measures) { throw item.error(problem) }
            targets.append(target)
        }
        return targets
    }

    /// `sizing: {teams: [screeners, team_managers], max_posts: 40}`: teams of the design, each once.
    static func readSizingPlan(_ value: YAMLValue, model: Scenario.Model) throws(ScenarioError) -> Scenario.SizingPlan {
        guard case .frontDoor(let design) = model else { throw value.error("only a front door's teams can be sized") }
        let plan = try value.mapping(allowed: ["teams", "max_posts"])
        let list = try plan.required("teams", "the teams --at-standard may size, such as [screeners, team_managers]")
        let ids = design.teams.map(\.id)
        var teams: [String] = []
        for item in try list.list() {
            let id = try item.string()
            guard ids.contains(id) else {
                throw item.error(
                    "no team is called '\(id)'; expected one of \(ids.joined(separator: ", "))" + suggestion(for: id, among: ids))
            }
            guard !teams.contains(id) else { throw item.error("team '\(id)' is named twice") }
            teams.append(id)
        }
        guard !teams.isEmpty else { throw list.error("expected at least one team") }
        let most = try plan.required("max_posts", "the most posts to try in any one team, such as 40")
            .wholeNumber(atLeast: 1, atMost: Limits.peoplePerTeam, "posts")
        return Scenario.SizingPlan(teams: teams, maximumPosts: most)
    }

    /// `measure.name: {value: 0.226, source: "…"}`, for measures the scenario has.
    static func readPublishedFigures(_ value: YAMLValue, measures: [MeasureID]) throws(ScenarioError) -> [Scenario.PublishedFigure] {
        var figures: [Scenario.PublishedFigure] = []
        for (name, entry) in try value.mapping().entries {
            let id: MeasureID
            do throws(MeasureID.Unknown) { id = try MeasureID.named(name, among: measures) } catch {
                throw entry.error(error.message)
            }
            let figure = try entry.mapping(allowed: ["value", "source"])
            figures.append(
                Scenario.PublishedFigure(
                    measure: id,
                    value: try figure.required("value", "the published figure, in the measure's unit (a share as 0.226)").number(
                        "a number"),
                    source: try figure.required("source", "where the figure is published").string()))
        }
        return figures
    }

    // MARK: - Implementation details

    static func readRunLength(_ value: YAMLValue) throws(ScenarioError) -> RunLength {
        let run = try value.mapping(allowed: ["horizon_days", "horizon_hours", "warm_up_days", "warm_up_hours"])
        let horizon = try run.oneOf(["horizon_days", "horizon_hours"], "how long to simulate")
        let horizonHours =
            horizon.key == "horizon_days"
            ? try horizon.value.number("a number of days above 0", atMost: Limits.horizonDays, "days") { $0 > 0 } * 24
            : try horizon.value.number("a number of hours above 0", atMost: Limits.horizonDays * 24, "hours") { $0 > 0 }
        var warmUpHours = 0.0
        if let warmUp = run["warm_up_days"] ?? run["warm_up_hours"] {
            let warmUpKey = try run.oneOf(["warm_up_days", "warm_up_hours"], "the warm-up period").key
            warmUpHours = try warmUp.nonNegativeNumber() * (warmUpKey == "warm_up_days" ? 24 : 1)
            guard warmUpHours < horizonHours else { throw warmUp.error("the warm-up must be shorter than the horizon") }
        }
        return RunLength(horizonHours: horizonHours, warmUpHours: warmUpHours)
    }

    /// A distribution is a plain number (always that value) or a mapping naming the distribution
    /// and its parameters. `hoursPerUnit` converts the file's unit to hours.
    static func readDistribution(_ value: YAMLValue, hoursPerUnit scale: Double) throws(ScenarioError) -> Distribution {
        let distribution = try readUncheckedDistribution(value, hoursPerUnit: scale)
        // A duration that averages more than a year, or spreads far wider than its average, keeps
        // a run going for ever or draws nonsense (a huge spread makes nearly every draw 0).
        let unit = scale == 1 ? "hours" : "minutes"
        guard distribution.mean <= Limits.durationHours else {
            throw value.error(
                "a mean of \(YAMLValue.plain(distribution.mean / scale)) \(unit) is more than the limit of a year "
                    + "(\(YAMLValue.amount(Limits.durationHours / scale, unit)))")
        }
        let spread = distribution.variance.squareRoot()
        guard spread <= Limits.spreadPerMean * distribution.mean || spread == 0 else {
            let shown = spread.isFinite ? "of \(YAMLValue.plain(spread / scale)) \(unit) " : ""
            throw value.error(
                "a standard deviation \(shown)is more than \(YAMLValue.plain(Limits.spreadPerMean)) times "
                    + "the mean (\(YAMLValue.plain(distribution.mean / scale)) \(unit))")
        }
        return distribution
    }

    static func readUncheckedDistribution(_ value: YAMLValue, hoursPerUnit scale: Double) throws(ScenarioError) -> Distribution {
        do {
            if case .scalar = value.node { return try .fixed(try value.nonNegativeNumber() * scale) }
            let names = ["exponential", "lognormal", "gamma", "uniform", "triangular", "fixed", "empirical"]
            let spec = try value.mapping(allowed: ["distribution", "mean", "sd", "min", "mode", "max", "value", "values", "weights"])
            let kindValue = try spec.required("distribution", "one of \(names.joined(separator: ", "))")
            let kind = try kindValue.string()
            let expected: [String: [String]] = [
                "exponential": ["mean"], "lognormal": ["mean", "sd"], "gamma": ["mean", "sd"], "uniform": ["min", "max"],
                "triangular": ["min", "mode", "max"], "fixed": ["value"], "empirical": ["values", "weights"]
            ]
            guard let parameters = expected[kind] else {
                throw kindValue.error(
                    "unknown distribution '\(kind)'; expected one of \(names.joined(separator: ", "))"
                        + suggestion(for: kind, among: names))
            }
            for (key, extra) in spec.entries where key != "distribution" && !parameters.contains(key) {
                throw extra.error("a \(kind) distribution takes \(parameters.joined(separator: ", ")), not '\(key)'")
            }
            func parameter(_ key: String) throws(ScenarioError) -> Double {
                try spec.required(key, "the \(kind) distribution's \(key)").number() * scale
            }
            switch kind {
            case "exponential": return try .exponential(mean: try parameter("mean"))
            case "lognormal": return try .lognormal(mean: try parameter("mean"), standardDeviation: try parameter("sd"))
            case "gamma": return try .gamma(mean: try parameter("mean"), standardDeviation: try parameter("sd"))
            case "uniform": return try .uniform(lower: try parameter("min"), upper: try parameter("max"))
            case "triangular": return try .triangular(lower: try parameter("min"), mode: try parameter("mode"), upper: try parameter("max"))
            case "fixed": return try .fixed(try parameter("value"))
            default:
                let values = try spec.required("values", "the table's values").numbers { v throws(ScenarioError) in try v.number() * scale }
                let weights = try spec.required("weights", "one weight per value").numbers { v throws(ScenarioError) in
                    try v.nonNegativeNumber()
                }
                return try .empirical(values: values, weights: weights)
            }
        } catch let error as DistributionError {
            throw value.error(error.message)
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw value.error("\(error)")
        }
    }
}
