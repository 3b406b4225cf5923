/// A scenario file that cannot be used, with where the problem is and what was expected.
///
/// Printed as `file:line:column: key.path: message`, the form editors and terminals link to.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    /// The dotted path of the key at fault, such as `stages.triage.servers`; nil for the whole file.
    public let key: String?
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        if let key, !key.isEmpty { return "\(place): \(key): \(message)" }
        return "\(place): \(message)"
    }
}
