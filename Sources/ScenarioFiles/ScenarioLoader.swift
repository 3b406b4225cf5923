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
            allowed: isFrontDoor ? FrontDoorLoader.rootKeys : ["extends", "scenario", "description", "run", "arrivals", "stages"])
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
            sizing: try mapping["sizing"].map { v throws(ScenarioError) in try readSizingPlan(v, model: model) })
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

    /// The largest scenario file read: far above any real scenario, and small enough that reading
    /// one can never exhaust memory.
    static let maximumFileBytes = 4 << 20

    /// The text of a scenario file; anything but a readable regular file of UTF-8 text under
    /// ``maximumFileBytes`` is refused with a plain message (a folder, a device or a pipe is never
    /// read, so it cannot block).
    static func readText(_ path: String) throws(ScenarioError) -> String {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: (path as NSString).resolvingSymlinksInPath)
        } catch {
            throw ScenarioError(file: path, message: "no such file")
        }
        switch attributes[.type] as? FileAttributeType {
        case .typeRegular?: break
        case .typeDirectory?: throw ScenarioError(file: path, message: "is a folder; give the path of a scenario file (.yaml)")
        default:
            throw ScenarioError(
                file: path, message: "is not a regular file (a device, pipe or socket); give the path of a scenario file (.yaml)")
        }
        if let size = attributes[.size] as? Int, size > maximumFileBytes {
            throw ScenarioError(
                file: path,
                message: String(
                    format: "is %.1f MB; a scenario file is at most %d MB", Double(size) / 1_048_576,
                    maximumFileBytes / 1_048_576))
        }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioError(
                file: path,
                message: FileManager.default.isReadableFile(atPath: path)
                    ? "could not be read as UTF-8 text" : "cannot be read (no permission)")
        }
    }

    /// The values a chain of files marks as assumptions and as forecasts, each key once (the
    /// extending file's note where both mark it).
    struct MarkedNotes {
        var assumptions: [String]
        var forecasts: [String]
    }

    /// Parses a file and the chain of files it extends; the result reads as their merge.
    static func readChain(_ text: String, file: String, seen: [String]) throws(ScenarioError) -> (YAMLValue, [String], MarkedNotes) {
        var root = try YAMLValue.parse(text, file: file)
        var files = [file]
        var notes = MarkedNotes(
            assumptions: self.notes(marked: "assumption", in: text, file: file),
            forecasts: self.notes(marked: "forecast", in: text, file: file))
        guard case .mapping = root.node else { throw root.error("expected a scenario: a mapping of keys such as scenario, run and stages") }
        if let extendsValue = try root.mapping()["extends"] {
            let relative = try extendsValue.string()
            let base =
                relative.hasPrefix("/")
                ? relative
                : ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(relative)
            let standard = (base as NSString).standardizingPath
            guard !(seen + [(file as NSString).standardizingPath]).contains(standard) else {
                throw extendsValue.error("'\(relative)' extends this file again: the chain of extends goes round in a circle")
            }
            let baseText: String
            do { baseText = try readText(base) } catch {
                throw extendsValue.error("cannot read '\(relative)' (looked for \(base)): \(error.message)")
            }
            let (baseRoot, baseFiles, baseNotes) = try readChain(baseText, file: base, seen: seen + [(file as NSString).standardizingPath])
            root.underlying = [baseRoot] + baseRoot.underlying
            files += baseFiles
            func merged(_ own: [String], _ inherited: [String]) -> [String] {
                func key(_ note: String) -> Substring { note.range(of: " (").map { note[..<$0.lowerBound] } ?? note[...] }
                let keys = Set(own.map(key))
                return own + inherited.filter { !keys.contains(key($0)) }
            }
            notes = MarkedNotes(
                assumptions: merged(notes.assumptions, baseNotes.assumptions), forecasts: merged(notes.forecasts, baseNotes.forecasts))
        }
        return (root, files, notes)
    }

    /// Every key marked `# <word>` (`# assumption`, `# forecast`), as "key.path (file:line): the
    /// comment". The mark is a comment that starts with the word; one on a line of its own (with
    /// the comment lines that follow it) belongs to the next key.
    static func notes(marked word: String, in text: String, file: String) -> [String] {
        var notes: [String] = []
        var stack: [(indent: Int, key: String)] = []
        var pending: String?
        let name = (file as NSString).lastPathComponent
        for (number, line) in lines(of: text).enumerated() {
            let (content, comment) = splitComment(line)
            let indent = line.utf8.prefix { $0 == UInt8(ascii: " ") }.count
            let trimmed = trimmingBlanks(content)
            let marked = comment.flatMap { c -> String? in
                guard c.lowercased().hasPrefix(word) else { return nil }
                return c.dropFirst(word.count).trimmingCharacters(in: CharacterSet(charactersIn: " :—-,"))
            }
            guard let colon = trimmed.utf8.firstIndex(of: UInt8(ascii: ":")), !trimmed.hasPrefix("-") else {
                if trimmed.isEmpty, let marked {
                    pending = marked
                } else if trimmed.isEmpty, let earlier = pending, let comment {
                    pending = earlier + (earlier.isEmpty ? "" : " ") + comment
                } else {
                    pending = nil
                }
                continue
            }
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            stack.append((indent, String(trimmed[..<colon])))
            guard let note = marked ?? pending else { continue }
            pending = nil
            let path = stack.map(\.key).joined(separator: ".")
            notes.append("\(path) (\(name):\(number + 1))" + (note.isEmpty ? "" : ": \(note)"))
        }
        return notes
    }

    /// The lines of a file, as YAML counts them (a line feed ends one; a carriage return before
    /// it is not part of the line).
    static func lines(of text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { bytes in
            let line = Substring(bytes)
            return line.utf8.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
    }

    /// `text` without the spaces and tabs (YAML's blanks) at either end.
    static func trimmingBlanks(_ text: Substring) -> Substring {
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else { return "" }
        return text[first...last]
    }

    /// A YAML line split into its content and its comment (the text after a `#` that starts the
    /// line or follows a space, outside quotes). Every character that matters is ASCII, so the
    /// line is read byte by byte.
    static func splitComment(_ line: Substring) -> (content: Substring, comment: String?) {
        var quote: UInt8?
        var previous = UInt8(ascii: " ")
        let bytes = line.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let c = bytes[index]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: "#") && previous == UInt8(ascii: " ") {
                return (line[..<index], String(trimmingBlanks(line[bytes.index(after: index)...])))
            }
            previous = c
            bytes.formIndex(after: &index)
        }
        return (line, nil)
    }

    static func readNetwork(_ root: YAMLMapping) throws(ScenarioError) -> Scenario.Model {
        let stagesValue = try root.required("stages", "the stages work passes through")
        let stageEntries = try stagesValue.mapping().entries
        guard !stageEntries.isEmpty else { throw stagesValue.error("expected at least one stage") }
        let stageIDs = stageEntries.map(\.key)
        for id in stageIDs where id == exitName {
            throw stagesValue.error("'\(exitName)' is reserved for leaving the network; choose another stage id")
        }

        let arrivals = try root.required("arrivals", "how work arrives")
            .mapping(allowed: ["per_hour", "per_day", "per_year", "pattern", "to", "priority_classes"])
        if let pattern = arrivals["pattern"] { _ = try pattern.choice(["poisson": ()]) }
        let rate = try arrivals.oneOf(["per_hour", "per_day", "per_year"], "the average arrival rate")
        let hoursPerUnit = rate.key == "per_year" ? 8760.0 : rate.key == "per_day" ? 24 : 1
        let perHour =
            try rate.value.number("a rate above 0", atMost: Limits.arrivalsPerHour * hoursPerUnit, "arrivals") { $0 > 0 } / hoursPerUnit
        let entry = try readRoutes(try arrivals.required("to", "the stage arrivals go to first"), stageIDs: stageIDs)
        var classes = [1.0]
        if let classValue = arrivals["priority_classes"] {
            classes = try classValue.mapping().entries.map { entry throws(ScenarioError) in try entry.value.probability() }
            guard !classes.isEmpty else { throw classValue.error("expected at least one priority class") }
            let total = classes.reduce(0, +)
            guard abs(total - 1) < 1e-9 else {
                throw classValue.error("the class probabilities must add up to 1, not \(String(format: "%.6g", total))")
            }
        }

        var stages: [QueueingNetwork.Stage] = []
        for (id, value) in stageEntries {
            let stage = try value.mapping(allowed: ["servers", "service_hours", "service_minutes", "queue", "next"])
            let service = try stage.oneOf(["service_hours", "service_minutes"], "how long one piece of work takes")
            stages.append(
                QueueingNetwork.Stage(
                    name: id,
                    servers: try stage.required("servers", "how many people work at this stage at once").wholeNumber(atLeast: 1),
                    service: try readDistribution(service.value, hoursPerUnit: service.key == "service_minutes" ? 1.0 / 60 : 1),
                    discipline: try stage["queue"]?.choice(["first_come_first_served": .firstComeFirstServed, "priority": .priority])
                        ?? .firstComeFirstServed,
                    routes: try stage["next"].map { value throws(ScenarioError) in try readRoutes(value, stageIDs: stageIDs) } ?? []))
        }

        do {
            let network = try QueueingNetwork(
                arrivalsPerHour: perHour, entry: entry, stages: stages,
                priorityClassProbabilities: classes)
            return .network(network, stageIDs: stageIDs)
        } catch {
            throw stagesValue.error(error.message)
        }
    }

    // MARK: - Implementation details

    /// The routing target that means "leaves the network".
    static let exitName = "leave"

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

    /// A route is a stage id (or `leave`), or a mapping from stage ids to probabilities.
    static func readRoutes(_ value: YAMLValue, stageIDs: [String]) throws(ScenarioError) -> [QueueingNetwork.Route] {
        func target(_ id: String, at place: YAMLValue) throws(ScenarioError) -> Int? {
            if id == exitName { return nil }
            guard let index = stageIDs.firstIndex(of: id) else {
                throw place.error(
                    "no stage is called '\(id)'; expected one of \((stageIDs + [exitName]).joined(separator: ", "))"
                        + suggestion(for: id, among: stageIDs + [exitName]))
            }
            return index
        }
        if case .scalar = value.node {
            return [QueueingNetwork.Route(to: try target(try value.string(), at: value), probability: 1)]
        }
        var routes: [QueueingNetwork.Route] = []
        for (key, probability) in try value.mapping().entries {
            routes.append(.init(to: try target(key, at: probability), probability: try probability.probability()))
        }
        guard !routes.isEmpty else { throw value.error("expected at least one destination") }
        let total = routes.reduce(0) { $0 + $1.probability }
        guard abs(total - 1) < 1e-9 else { throw value.error("the probabilities must add up to 1, not \(String(format: "%.6g", total))") }
        return routes
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
