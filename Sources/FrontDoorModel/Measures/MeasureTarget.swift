import SimulationEngine

/// A target on one measure, written `decided_within_3wd >= 85%` or `decisions_per_manager_day.p95 <= 45`:
/// a scenario's `targets`, or `size --target`. A value ending in % is a percentage (85% is 0.85).
///
/// ```swift
/// let target = try MeasureTarget("decided_within_3wd >= 85%")   // .decidedWithin3WorkingDays, at least 0.85
/// ```
public struct MeasureTarget: Sendable, Hashable, CustomStringConvertible {
    public let measure: MeasureID
    /// Whether the measure should be at least (or else at most) the value.
    public let atLeast: Bool
    public let value: Double
    /// The target as written, for messages.
    public let text: String

    /// Why a target cannot be read or used.
    public struct Problem: Error, Sendable {
        public let message: String
    }

    /// Reads `MEASURE>=VALUE` or `MEASURE<=VALUE`.
    public init(_ text: String) throws(Problem) {
        let compact = text.replacingOccurrences(of: " ", with: "")
        for (symbol, atLeast) in [(">=", true), ("<=", false)] {
            guard let range = compact.range(of: symbol) else { continue }
            let written = compact[range.upperBound...]
            let percent = written.hasSuffix("%")
            guard let number = Double(percent ? written.dropLast() : written), !compact[..<range.lowerBound].isEmpty else { break }
            let name = String(compact[..<range.lowerBound])
            guard let measure = MeasureID(name: name) else {
                let names = MeasureID.Family.allCases.filter { !$0.hasSubject }.map(\.rawValue)
                throw Problem(
                    message:
                        "no measure is called \(name)\(suggestion(for: name, among: names)); `frontdoor run` lists every measure's name")
            }
            guard number.isFinite else { throw Problem(message: "the value must be a finite number") }
            self.measure = measure
            self.atLeast = atLeast
            self.value = percent ? number / 100 : number
            self.text = text
            return
        }
        throw Problem(message: "expected MEASURE>=VALUE or MEASURE<=VALUE, such as decided_within_3wd>=85%")
    }

    /// A target on a share, written as a percentage: `team.screeners.utilisation <= 85%`.
    public init(share measure: MeasureID, atLeast: Bool, value: Double) {
        self.measure = measure
        self.atLeast = atLeast
        self.value = value
        let percent = value * 100
        text = "\(measure.name) \(atLeast ? ">=" : "<=") \(percent == percent.rounded() ? String(Int(percent)) : String(percent))%"
    }

    public var description: String { "\(measure) \(atLeast ? "≥" : "≤") \(value)" }

    /// What is wrong with the target for a scenario with `measures`: a measure it lacks, or a
    /// share outside 0 to 1 (`>=85` meant as 85%); nil when nothing is.
    public func problem(among measures: [MeasureDefinition]) -> String? {
        do throws(MeasureID.Unknown) { _ = try MeasureID.named(measure.name, among: measures.map(\.id)) } catch {
            return error.message
        }
        guard measures.first(where: { $0.id == measure })?.unit == .fraction, !(0...1).contains(value) else { return nil }
        return "\(measure.name) is a share from 0 to 1"
            + (value > 1 && value <= 100 ? String(format: "; did you mean %g (or %g%%)?", value / 100, value) : "")
    }

    /// Whether an estimate whose 95% interval runs from `low` to `high` meets the target with
    /// confidence: its whole interval on the right side.
    public func isMet(low: Double, high: Double) -> Bool { atLeast ? low >= value : high <= value }

    /// Whether it misses with confidence: its whole interval on the wrong side.
    public func isMissed(low: Double, high: Double) -> Bool { atLeast ? high < value : low > value }
}
