import Foundation
import FrontDoorModel
import SimulationEngine
internal import Yams

/// A value read from a scenario file, with where it came from, so that every error can name the
/// file, line and key. Readers state the keys they accept; anything else is an error with a
/// suggestion when a known key is close.
struct YAMLValue {
    let node: Node
    let file: String
    /// The dotted key path of this value.
    let path: String
    /// The same key in the files this one extends, nearest first. A mapping here is read as the
    /// merge of them all: a key in a nearer file replaces the same key further down, and nested
    /// mappings merge key by key, while each value keeps the file it came from for its errors.
    var underlying: [YAMLValue] = []

    /// Parses a whole file.
    static func parse(_ text: String, file: String) throws(ScenarioError) -> YAMLValue {
        try checkAliases(text, file: file)
        do {
            guard let root = try compose(text) else {
                throw ScenarioError(file: file, message: "the file is empty; expected a scenario")
            }
            var budget = maximumValues
            guard count(root, within: &budget) else {
                throw ScenarioError(
                    file: file,
                    message: "the file expands to more than \(plain(Double(maximumValues))) values (through YAML aliases); "
                        + "a scenario needs a few thousand at most")
            }
            return YAMLValue(node: root, file: file, path: "")
        } catch let error as ScenarioError {
            throw error
        } catch let error as YamlError {
            throw Self.describe(error, file: file, text: text)
        } catch {
            throw ScenarioError(file: file, message: "could not be read as YAML: \(error)")
        }
    }

    /// YAML read into nodes without typing its plain values. Yams's default rules type them with
    /// regular expressions, which load the ICU library's code and data (about 1.5 MB of memory)
    /// and take a seventh of the instructions of `check` on the MASH; the reader asks each value
    /// for the type its key needs instead (numbers are read from the text either way; see
    /// ``bool()``).
    static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .basic)
    }

    /// The most values a file may expand to, aliases included: far above any scenario (a few
    /// thousand), and small enough to read in a moment.
    static let maximumValues = 100_000

    /// YAML aliases are limited before anything is expanded: an alias used as a key (which makes
    /// the parser compare ever larger copies), or more than a thousand aliases, is refused.
    static func checkAliases(_ text: String, file: String) throws(ScenarioError) {
        guard text.contains("*") else { return }
        // Only what YAML reads as structure counts: comments and quoted text are left out.
        let quoted = try? NSRegularExpression(pattern: #""(\\.|[^"\\])*"|'[^']*'"#)
        let text = ScenarioLoader.lines(of: text).map { line -> String in
            let content = String(ScenarioLoader.splitComment(line).content)
            return quoted?.stringByReplacingMatches(in: content, range: NSRange(content.startIndex..., in: content), withTemplate: "''")
                ?? content
        }.joined(separator: "\n")
        let alias = #"(^|[\s\[\{,])\*[^\s\[\]\{\},:]+"#
        guard let aliases = try? NSRegularExpression(pattern: alias, options: [.anchorsMatchLines]),
            let keys = try? NSRegularExpression(pattern: alias + #"\s*:(\s|$)|\?\s*\[?\s*\*"#, options: [.anchorsMatchLines])
        else { return }
        let whole = NSRange(text.startIndex..., in: text)
        if let key = keys.firstMatch(in: text, range: whole) {
            let line = text[..<(Range(key.range, in: text)?.lowerBound ?? text.startIndex)].filter { $0 == "\n" }.count + 1
            throw ScenarioError(file: file, line: line, message: "a YAML alias (*name) cannot be used as a key")
        }
        let count = aliases.numberOfMatches(in: text, range: whole)
        guard count <= 1_000 else {
            throw ScenarioError(file: file, message: "the file uses \(count) YAML aliases (*name); a scenario may use at most 1,000")
        }
    }

    /// Counts the values of a node, aliases expanded, stopping once `budget` is spent.
    static func count(_ node: Node, within budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let sequence):
            for child in sequence where !count(child, within: &budget) { return false }
        case .mapping(let mapping):
            for (key, value) in mapping where !count(key, within: &budget) || !count(value, within: &budget) { return false }
        }
        return true
    }

    /// A one-key layer from a command-line override such as `teams.team_managers.people=2`: the
    /// value is read as YAML (a number, text, `[a, b]` or `{k: v}`), and errors name the override
    /// as the command-line option that gave it.
    static func override(_ text: String, option: String) throws(ScenarioError) -> YAMLValue {
        let source = "\(option) \(text)"
        guard let equals = text.firstIndex(of: "=") else {
            throw ScenarioError(file: source, message: "expected key.path=value, such as teams.team_managers.people=2")
        }
        let keys = text[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !keys.isEmpty, keys.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else {
            throw ScenarioError(file: source, message: "expected a dotted key path before '=', such as demand.contacts_per_year")
        }
        let valueText = String(text[text.index(after: equals)...])
        var node: Node
        do {
            guard let parsed = try compose(valueText.isEmpty ? "''" : valueText) else {
                throw ScenarioError(file: source, key: keys.joined(separator: "."), message: "expected a value after '='")
            }
            node = parsed
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw ScenarioError(file: source, key: keys.joined(separator: "."), message: "the value is not valid YAML")
        }
        for key in keys.reversed() { node = .mapping(Node.Mapping([(Node(key, Tag(.implicit, .basic)), node)])) }
        return YAMLValue(node: node, file: source, path: "")
    }

    func error(_ message: String) -> ScenarioError {
        // An override is one line typed on the command line: its key path says where.
        let fromCommandLine = file.hasPrefix("--")
        return ScenarioError(
            file: file, line: fromCommandLine ? nil : node.mark?.line, column: fromCommandLine ? nil : node.mark?.column,
            key: path, message: message)
    }

    /// What the value looks like, for messages: `'four'`, `a list`, `a mapping`.
    var shown: String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return "a mapping of keys"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: Scalars

    func string() throws(ScenarioError) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else { throw error("expected some text, found \(shown)") }
        return scalar.string
    }

    func number(_ expected: String = "a number", where valid: (Double) -> Bool = { _ in true }) throws(ScenarioError) -> Double {
        guard case .scalar = node, let value = node.float, value.isFinite, valid(value) else {
            throw error("expected \(expected), found \(shown)")
        }
        return value
    }

    /// A number that must also stay within `limit`, the documented range that keeps a run finite
    /// in time and memory: "1e+19 is more than the limit of 10,000 people".
    func number(_ expected: String, atMost limit: Double, _ what: String, where valid: (Double) -> Bool) throws(ScenarioError) -> Double {
        let value = try number(expected, where: valid)
        guard value <= limit else { throw error("\(Self.plain(value)) is more than the limit of \(Self.amount(limit, what))") }
        return value
    }

    /// An amount with its unit: "10,000 people", "£1,000,000 a year".
    static func amount(_ x: Double, _ unit: String) -> String {
        unit.isEmpty ? plain(x) : unit.hasPrefix("£") ? "£" + plain(x) + unit.dropFirst() : plain(x) + " " + unit
    }

    /// A whole number of `minimum` or more, and at most `limit`.
    func wholeNumber(atLeast minimum: Int, atMost limit: Int, _ what: String) throws(ScenarioError) -> Int {
        if case .scalar = node, let value = node.float, value.isFinite, value > Double(limit) {
            throw error("\(Self.plain(value)) is more than the limit of \(Self.amount(Double(limit), what))")
        }
        return try wholeNumber(atLeast: minimum)
    }

    /// A number as people write it: whole numbers with thousands separators, others briefly.
    static func plain(_ x: Double) -> String {
        guard x == x.rounded(), abs(x) < 1e15 else { return String(format: "%g", x) }
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.numberStyle = .decimal
        return formatter.string(from: NSNumber(value: x)) ?? String(format: "%.0f", x)
    }

    func nonNegativeNumber() throws(ScenarioError) -> Double {
        try number("a number of 0 or more") { $0 >= 0 }
    }

    func probability() throws(ScenarioError) -> Double {
        try number("a probability between 0 and 1") { $0 >= 0 && $0 <= 1 }
    }

    func wholeNumber(atLeast minimum: Int) throws(ScenarioError) -> Int {
        guard case .scalar = node, let value = node.int, value >= minimum else {
            throw error("expected a whole number of \(minimum) or more, found \(shown)")
        }
        return value
    }

    func bool() throws(ScenarioError) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Self.booleans[scalar.string] else {
            throw error("expected true or false, found \(shown)")
        }
        return value
    }

    /// The words YAML 1.1 reads as true or false when they are not quoted (Yams's default rule).
    static let booleans: [String: Bool] = [
        "true": true, "True": true, "TRUE": true, "yes": true, "Yes": true, "YES": true, "on": true, "On": true, "ON": true,
        "false": false, "False": false, "FALSE": false, "no": false, "No": false, "NO": false, "off": false, "Off": false, "OFF": false
    ]

    func choice<T>(_ options: KeyValuePairs<String, T>) throws(ScenarioError) -> T {
        try choice(options.map { ($0.key, $0.value) })
    }

    func choice<T>(_ options: [(String, T)]) throws(ScenarioError) -> T {
        let text = try string()
        if let match = options.first(where: { $0.0 == text }) { return match.1 }
        throw error(
            "expected one of \(options.map { "'\($0.0)'" }.joined(separator: ", ")), found '\(text)'"
                + suggestion(for: text, among: options.map(\.0)))
    }

    // MARK: Collections

    /// The entries of a mapping, merged with the files it extends (their key order first), after
    /// checking every key is one of `allowed`.
    func mapping(allowed: [String]? = nil) throws(ScenarioError) -> YAMLMapping {
        var entries: [(key: String, value: YAMLValue)] = []
        var setBy: [String: Int] = [:]
        // Deepest file first, so that keys keep the order the base scenario gives them.
        let layers = underlying.reversed().filter { if case .mapping = $0.node { return true } else { return false } } + [self]
        for (layerIndex, layer) in layers.enumerated() {
            guard case .mapping(let mapping) = layer.node else { throw layer.error("expected a mapping of keys, found \(layer.shown)") }
            for (keyNode, valueNode) in mapping {
                let keyValue = YAMLValue(node: keyNode, file: layer.file, path: layer.path)
                guard case .scalar(let scalar) = keyNode else { throw keyValue.error("keys must be plain text") }
                let key = scalar.string
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                if let allowed, !allowed.contains(key) {
                    throw YAMLValue(node: keyNode, file: layer.file, path: childPath)
                        .error(
                            "unknown key; expected one of \(allowed.joined(separator: ", "))" + Self.keySuggestion(for: key, among: allowed)
                        )
                }
                var value = YAMLValue(node: valueNode, file: layer.file, path: childPath)
                // A key that is one of alternatives (horizon_days or horizon_hours…) replaces the
                // others where a deeper file set them.
                if let group = Self.alternatives.first(where: { $0.contains(key) }) {
                    entries.removeAll { $0.key != key && group.contains($0.key) && (setBy[$0.key] ?? layerIndex) < layerIndex }
                }
                setBy[key] = layerIndex
                if let existing = entries.firstIndex(where: { $0.key == key }) {
                    // Nested mappings merge key by key, except a distribution, which is replaced whole.
                    if case .mapping(let nearer) = valueNode, case .mapping = entries[existing].value.node,
                        !nearer.keys.contains(where: { $0.string == "distribution" })
                    {
                        value.underlying = [entries[existing].value] + entries[existing].value.underlying
                    }
                    entries[existing].value = value
                } else {
                    entries.append((key, value))
                }
            }
        }
        return YAMLMapping(owner: self, entries: entries)
    }

    /// Keys that are alternatives to one another: a file that sets one replaces the others set by
    /// the files it extends.
    /// Words people write for a key by another name, and the keys they mean.
    static let synonyms: [String: [String]] = [
        "vacancies": ["vacant_posts", "vacancy_rate"], "vacancy": ["vacant_posts", "vacancy_rate"], "staff": ["people"], "fte": ["people"],
        "wte": ["people"], "headcount": ["people"], "posts": ["people"], "opening_hours": ["hours"], "shifts": ["hours"],
        "agency": ["agency_cover"], "role_in_decisions": ["decision_role"], "warmup_days": ["warm_up_days"], "warmup": ["warm_up_days"],
        "horizon": ["horizon_days"], "duration_days": ["horizon_days"], "volume": ["contacts_per_year"], "contacts": ["contacts_per_year"],
        "seasonality": ["month_weights"], "months": ["month_weights"], "siblings": ["children_per_contact"]
    ]

    /// " (did you mean 'x'?)" for a mistyped key, or one written by another name.
    static func keySuggestion(for key: String, among allowed: [String]) -> String {
        let close = suggestion(for: key, among: allowed)
        guard close.isEmpty, let meant = synonyms[key.lowercased()]?.first(where: allowed.contains) else { return close }
        return " (did you mean '\(meant)'?)"
    }

    static let alternatives: [Set<String>] = [
        ["horizon_days", "horizon_hours"], ["warm_up_days", "warm_up_hours"], ["minutes", "hours"],
        ["per_hour", "per_day", "per_year"], ["service_hours", "service_minutes"]
    ]

    func list() throws(ScenarioError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw error("expected a list, found \(shown)") }
        return sequence.enumerated().map { YAMLValue(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    func numbers(_ read: (YAMLValue) throws(ScenarioError) -> Double) throws(ScenarioError) -> [Double] {
        var values: [Double] = []
        for item in try list() { values.append(try read(item)) }
        return values
    }

    // MARK: Implementation details

    private static func describe(_ error: YamlError, file: String, text: String) -> ScenarioError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = mark.line >= 1 && mark.line <= lines.count ? lines[mark.line - 1] : ""
            let plain =
                problem.hasPrefix("Maximum nesting level")
                ? "lists and mappings are nested too deeply (more than 1,000 levels); a scenario needs a handful"
                : problem.contains("tab") || line.prefix { $0 == " " || $0 == "\t" }.contains("\t")
                    ? "a tab character in the indentation; indent with spaces" : problem
            return ScenarioError(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(plain)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ScenarioError(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "the key \(duplicates.joined(separator: ", ")) appears more than once in one mapping")
        case .reader(let problem, _, _, _):
            return ScenarioError(file: file, message: "not readable as text: \(problem)")
        default:
            return ScenarioError(file: file, message: "could not be read as YAML: \(error)")
        }
    }
}

/// The entries of a YAML mapping, looked up by key.
struct YAMLMapping {
    let owner: YAMLValue
    let entries: [(key: String, value: YAMLValue)]

    subscript(key: String) -> YAMLValue? { entries.first { $0.key == key }?.value }

    func required(_ key: String, _ expected: String) throws(ScenarioError) -> YAMLValue {
        guard let value = self[key] else { throw owner.error("missing the key '\(key)' (\(expected))") }
        return value
    }

    /// Exactly one of several alternative keys, such as `mean_hours` or `mean_minutes`.
    func oneOf(_ keys: [String], _ expected: String) throws(ScenarioError) -> (key: String, value: YAMLValue) {
        let present = entries.filter { keys.contains($0.key) }
        guard present.count == 1 else {
            throw owner.error(
                present.isEmpty
                    ? "missing \(keys.map { "'\($0)'" }.joined(separator: " or ")) (\(expected))"
                    : "give only one of \(present.map { "'\($0.key)'" }.joined(separator: " and "))")
        }
        return present[0]
    }
}
