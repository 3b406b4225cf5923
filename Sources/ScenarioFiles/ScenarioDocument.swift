import FrontDoorModel
import ScenarioModel
import SimulationEngine

/// A scenario file read once: its text merged with the files it extends and any overrides, not yet
/// turned into a model. A sweep or a what-if lays overrides over one document for each of its
/// points without reading any file again.
///
/// ```swift
/// let document = try ScenarioDocument.load(path: "Scenarios/peterborough.yaml")
/// let two = try document.applying([try ScenarioOverride("teams.team_managers.people=2")]).scenario()
/// ```
public struct ScenarioDocument {
    /// The merged tree: the scenario's own file, over the files it extends, under the overrides.
    let root: YAMLValue
    /// The scenario's own file, and every file read (its own first).
    public let file: String
    public let files: [String]
    /// Every value marked `# assumption`, and every override, as "key.path (where): note".
    let assumptions: [String]
    /// Every value marked `# forecast` (taken from a forecast, not evidence of what happened), as
    /// "key.path (file:line): note".
    let forecasts: [String]
    /// The overrides laid over the files, as written (`teams.screeners.people=20`).
    var changes: [String] = []

    /// Reads the scenario file at `path` and the files it extends, then lays `overrides` over it.
    public static func load(path: String, overrides: [ScenarioOverride] = []) throws(ScenarioError) -> ScenarioDocument {
        try parse(try ScenarioLoader.readText(path), file: path).applying(overrides)
    }

    /// Reads scenario text; `file` names it in errors and locates the files it extends.
    public static func parse(_ text: String, file: String) throws(ScenarioError) -> ScenarioDocument {
        let (root, files, notes) = try ScenarioLoader.readChain(text, file: file, seen: [])
        return ScenarioDocument(root: root, file: file, files: files, assumptions: notes.assumptions, forecasts: notes.forecasts)
    }

    /// The same document with `overrides` laid over it in order, each recorded as an assumption.
    ///
    /// - Throws: ``ScenarioError`` for an override that sets a key of a team, stage or source the
    ///   scenario does not have (a typo would otherwise start a new one), with a suggestion.
    public func applying(_ overrides: [ScenarioOverride]) throws(ScenarioError) -> ScenarioDocument {
        var root = root
        var assumptions = assumptions
        var changes = changes
        for override in overrides {
            try override.checkNamesSomethingThere(in: root)
            var layer = override.layer
            layer.underlying = [root] + root.underlying
            root = layer
            assumptions.append("\(override.key) (set on the command line): \(override.text)")
            changes.append(override.text)
        }
        return ScenarioDocument(root: root, file: file, files: files, assumptions: assumptions, forecasts: forecasts, changes: changes)
    }

    /// The scenario the document describes, validated.
    ///
    /// - Throws: ``ScenarioError`` naming the file, line and key of the first problem found.
    public func scenario() throws(ScenarioError) -> Scenario { try ScenarioLoader.read(self) }

    /// The source groups its `demand.sources` names, its own and those of the files it extends:
    /// what a part-file of shared demand (`Scenarios/shared/demand.yaml`) gives, with no teams.
    ///
    /// - Throws: ``ScenarioError`` when it names no sources, or a name that is not a source group.
    public func demandSourceGroups() throws(ScenarioError) -> [SourceGroup] {
        let demand = try root.mapping().required("demand", "where contacts come from, with its sources")
        let sources = try demand.mapping().required("sources", "the sources of contacts, by name").mapping(
            allowed: SourceGroup.allCases.map(\.name))
        guard !sources.entries.isEmpty else { throw sources.owner.error("expected at least one source") }
        return SourceGroup.allCases.filter { sources[$0.name] != nil }
    }
}

/// One value set over a scenario, such as `teams.team_managers.people=2` from `--set` or a point
/// of a sweep: a dotted key path and a YAML value (a number, text, `[a, b]` or `{k: v}`).
public struct ScenarioOverride {
    /// The dotted key path.
    public let key: String
    /// The override as written, `key=value`.
    public let text: String
    let option: String
    let layer: YAMLValue

    /// Reads `key.path=value`; errors name it as given by `option`.
    public init(_ text: String, option: String = "--set") throws(ScenarioError) {
        layer = try YAMLValue.override(text, option: option)
        self.text = text
        self.option = option
        key = String(text.split(separator: "=", maxSplits: 1).first ?? "")
    }

    /// The named collections whose members an override may change but not start by a key of
    /// theirs: a new team or stage needs a whole mapping (`teams.duty={…}`).
    static let collections: [(path: [String], what: String)] = [
        (["teams"], "team"), (["stages"], "stage"), (["demand", "sources"], "source")
    ]

    /// Throws when the override sets a key of a member of a named collection that `root` lacks.
    func checkNamesSomethingThere(in root: YAMLValue) throws(ScenarioError) {
        let parts = key.split(separator: ".").map(String.init)
        for (path, what) in Self.collections where parts.count > path.count + 1 && Array(parts.prefix(path.count)) == path {
            var node: YAMLValue? = root
            for step in path { node = try node?.mapping()[step] }
            guard let members = try node?.mapping().entries.map(\.key) else { continue }
            let name = parts[path.count]
            guard !members.contains(name) else { continue }
            throw ScenarioError(
                file: "\(option) \(text)", key: parts.prefix(path.count + 1).joined(separator: "."),
                message: "the scenario has no \(what) called '\(name)'; its \(what)s are \(members.joined(separator: ", "))"
                    + suggestion(for: name, among: members))
        }
    }

    /// The override setting `key` to `value` (YAML text); errors name it as given by `option`.
    public init(key: String, value: String, option: String) throws(ScenarioError) {
        try self.init(key + "=" + value, option: option)
    }
}
