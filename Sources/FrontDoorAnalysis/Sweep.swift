import FrontDoorModel

/// A grid of what-if values for one or two keys of a scenario, each point run with the same
/// seeds (common random numbers).
public struct SweepAxis: Sendable, Equatable {
    /// The dotted key path varied, such as `teams.team_managers.people`.
    public let key: String
    /// The values it takes, as written on the command line.
    public let values: [String]

    /// Reads `key.path=v1,v2,…`; commas inside brackets or braces belong to a value.
    public init(parsing text: String) throws(SweepError) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw SweepError("--vary \(text): expected key.path=value1,value2,…, such as teams.team_managers.people=1,2,3")
        }
        key = String(text[..<equals])
        var values: [String] = [], current = "", depth = 0
        for character in text[text.index(after: equals)...] {
            if character == "[" || character == "{" { depth += 1 }
            if character == "]" || character == "}" { depth -= 1 }
            if character == "," && depth == 0 {
                values.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        values.append(current.trimmingCharacters(in: .whitespaces))
        guard values.count >= 2, values.allSatisfy({ !$0.isEmpty }) else {
            throw SweepError("--vary \(text): give at least two values, separated by commas")
        }
        guard Set(values).count == values.count else { throw SweepError("--vary \(text): a value is given twice") }
        self.values = values
    }

    /// The values as numbers, when every one is a number (for a chart with a numeric axis).
    public var numericValues: [Double]? {
        let numbers = values.compactMap(Double.init)
        return numbers.count == values.count ? numbers : nil
    }
}

/// A sweep that cannot be run; the message says why.
public struct SweepError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One point of a sweep grid: the value of each axis.
public struct SweepPoint: Sendable {
    public let values: [String]

    /// A short name for the point, such as `peterborough[team_managers.people=2]`.
    public func name(base: String, axes: [SweepAxis]) -> String {
        base + "["
            + zip(axes, values).map { axis, value in "\(axis.key.split(separator: ".").suffix(2).joined(separator: "."))=\(value)" }
            .joined(separator: ",") + "]"
    }

    /// Every point of the grid, the first axis varying slowest.
    public static func grid(_ axes: [SweepAxis]) -> [SweepPoint] {
        axes.reduce([[String]()]) { partial, axis in partial.flatMap { prefix in axis.values.map { prefix + [$0] } } }
            .map(SweepPoint.init)
    }
}
