import Foundation
import FrontDoorAnalysis

/// The machine-readable summary of a run, as printed by `frontdoor run --json`.
///
/// Shape: `{"scenario", "seed", "replications", "events", "wall_seconds", "warnings": [text],
/// "measures": [{"name", "label", "unit", "mean", "ci95_low", "ci95_high", "n"}]}`.
public struct RunJSON: Encodable {
    struct Measure: Encodable {
        let name: String
        let label: String
        let unit: String
        let mean: Double
        let ci95_low: Double
        let ci95_high: Double
        let n: Int
    }

    let scenario: String
    let seed: UInt64
    let replications: Int
    let events: Int
    let wall_seconds: Double
    let warnings: [String]
    let measures: [Measure]

    public init(_ result: ExperimentResult) {
        scenario = result.scenario.name
        seed = result.settings.seed
        replications = result.settings.replications
        events = result.events
        wall_seconds = result.wallSeconds
        warnings = result.warnings
        measures = result.summaries.map {
            Measure(name: $0.definition.name, label: $0.definition.label, unit: $0.definition.unit,
                    mean: $0.mean, ci95_low: $0.ci95Low, ci95_high: $0.ci95High, n: $0.n)
        }
    }

    /// The JSON text, one object, keys in a fixed order.
    public func text() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
