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

        init(_ summary: MeasureSummary) {
            name = summary.definition.name
            label = summary.definition.label
            unit = summary.definition.unit.rawValue
            mean = summary.mean
            ci95_low = summary.ci95Low
            ci95_high = summary.ci95High
            n = summary.n
        }
    }

    let scenario: String
    let seed: UInt32
    let replications: Int
    let events: Int
    let wall_seconds: Double
    let warnings: [String]
    let measures: [Measure]

    public init(_ result: ExperimentResult) {
        scenario = result.scenario.name
        seed = result.settings.seed
        replications = result.replications
        events = result.events
        wall_seconds = result.wallSeconds
        warnings = result.warnings
        measures = result.summaries.map(Measure.init)
    }

    /// The JSON text, one object, keys in a fixed order.
    public func text() throws -> String { try encodeJSON(self) }
}

/// The machine-readable summary of a comparison, as printed by `frontdoor compare --json`:
/// `{"baseline", "seed", "replications", "precision", "designs": [run objects],
/// "differences": [{"scenario", "baseline", "measures": [...]}]}`, where each difference is the
/// design minus the baseline, paired by replication.
public struct ComparisonJSON: Encodable {
    struct Difference: Encodable {
        let scenario: String
        let baseline: String
        let measures: [RunJSON.Measure]
    }

    let baseline: String
    let seed: UInt32
    let replications: Int
    let precision: String?
    let designs: [RunJSON]
    let differences: [Difference]

    public init(_ comparison: DesignComparison) {
        baseline = comparison.baseline.scenario.name
        seed = comparison.baseline.settings.seed
        replications = comparison.baseline.replications
        precision = comparison.precision?.sentence
        designs = comparison.designs.map(RunJSON.init)
        differences = zip(comparison.designs, comparison.differences).dropFirst().map {
            Difference(scenario: $0.0.scenario.name, baseline: comparison.baseline.scenario.name, measures: $0.1.map(RunJSON.Measure.init))
        }
    }

    public func text() throws -> String { try encodeJSON(self) }
}

/// The JSON of a run (one design) or a comparison (several).
public func summaryJSON(_ comparison: DesignComparison) throws -> String {
    comparison.designs.count == 1 ? try RunJSON(comparison.baseline).text() : try ComparisonJSON(comparison).text()
}

private func encodeJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
