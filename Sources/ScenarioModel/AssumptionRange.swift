/// A plausible low and high for a value a scenario assumes, with the reason: the values to try
/// in its place (with `--set` or `sweep`) to see whether the answer depends on it.
///
/// ```yaml
/// ranges:
///   stages.screen.hours.mean: {low: 0.33, high: 0.75, why: "20 to 45 minutes across the seeds"}
/// ```
public struct AssumptionRange: Sendable, Equatable {
    /// The value's key path, as `--set` names it.
    public let path: String
    public let low: Double
    public let high: Double
    /// The value the scenario gives, which the range contains.
    public let value: Double
    /// Why the value could lie anywhere from `low` to `high`.
    public let why: String
    /// Where the range is written, `file:line`.
    public let place: String

    public init(path: String, low: Double, high: Double, value: Double, why: String, place: String) {
        self.path = path
        self.low = low
        self.high = high
        self.value = value
        self.why = why
        self.place = place
    }
}
