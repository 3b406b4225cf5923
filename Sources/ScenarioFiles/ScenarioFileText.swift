/// A scenario file written for a person to read and run again: comment lines, then keys set by
/// their dotted paths and nested as the reader reads them, each value with an optional comment.
/// What the what-if page saves and what calibration writes are built with it, so that every file
/// the tool writes is one the reader reads back to the same values.
///
/// ```swift
/// var file = ScenarioFileText(header: ["A what-if saved from `frontdoor serve`."])
/// file.set("extends", to: "../mash.yaml")
/// file.set("teams.screeners.people", to: "20", comment: "two more than now")
/// file.text
/// // # A what-if saved from `frontdoor serve`.
/// // extends: ../mash.yaml
/// //
/// // teams:
/// //   screeners:
/// //     people: 20   # two more than now
/// ```
public struct ScenarioFileText: Sendable {
    /// A key: its value (nil for a mapping), the comment after it, the comment lines before it
    /// and its own keys, in the order they were set.
    private struct Key: Sendable {
        var value: String?
        var comment: String?
        var notes: [String] = []
        var keys: [(name: String, key: Key)] = []

        /// Changes the key at `path` below this one, making the keys on the way.
        mutating func change(_ path: ArraySlice<Substring>, _ body: (inout Key) -> Void) {
            guard let first = path.first else { return body(&self) }
            let name = String(first)
            if let index = keys.firstIndex(where: { $0.name == name }) {
                keys[index].key.change(path.dropFirst(), body)
            } else {
                var key = Key()
                key.change(path.dropFirst(), body)
                keys.append((name, key))
            }
        }
    }

    private var root = Key()
    private let header: [String]
    private var footer: [String] = []

    /// A file that opens with `header`, one comment line each (without the `#`).
    public init(header: [String] = []) { self.header = header }

    /// Sets the key at `path` (`teams.screeners.people`) to `value`, written as it is (a number,
    /// a flow list or mapping, a quoted string), with `comment` after it.
    public mutating func set(_ path: String, to value: String, comment: String? = nil) {
        root.change(path.split(separator: ".")[...]) {
            $0.value = value
            $0.comment = comment
        }
    }

    /// Comment lines written before the key at `path` (which may be a mapping set later).
    public mutating func note(_ lines: [String], before path: String) {
        root.change(path.split(separator: ".")[...]) { $0.notes += lines }
    }

    /// Comment lines written at the end of the file.
    public mutating func end(with lines: [String]) { footer += lines }

    /// The file's text, ending with a newline.
    public var text: String {
        var lines = header.map { "# " + $0 }
        func emit(_ key: Key, indent: String) {
            for (name, child) in key.keys {
                if indent.isEmpty && !child.keys.isEmpty && !lines.isEmpty { lines.append("") }
                lines += child.notes.map { "\(indent)# \($0)" }
                if child.keys.isEmpty {
                    lines.append("\(indent)\(name): \(child.value ?? "{}")" + (child.comment.map { "   # \($0)" } ?? ""))
                } else {
                    lines.append("\(indent)\(name):" + (child.comment.map { "   # \($0)" } ?? ""))
                    emit(child, indent: indent + "  ")
                }
            }
        }
        emit(root, indent: "")
        if !footer.isEmpty { lines += [""] + footer.map { "# " + $0 } }
        return lines.joined(separator: "\n") + "\n"
    }
}
