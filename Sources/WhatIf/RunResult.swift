import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorReports

/// A what-if's figures beside the design's own: each headline measure's mean and 95% interval
/// for both, and their paired difference; the backlog through the year; the warnings.
public struct RunResult: Codable, Sendable {
    public struct Interval: Codable, Sendable {
        let mean: Double
        let low: Double
        let high: Double

        init(_ summary: MeasureSummary) {
            mean = summary.mean
            low = summary.ci95Low
            high = summary.ci95High
        }
    }

    public struct Row: Codable, Sendable {
        let name: String
        let label: String
        let unit: String
        let start: Interval
        let whatIf: Interval
        let difference: Interval
    }

    public struct Backlog: Codable, Sendable {
        let dates: [String]
        let start: [Double?]
        let whatIf: [Double?]
    }

    let design: String
    let replications: Int
    let rows: [Row]
    let backlog: Backlog
    let warnings: [String]

    /// The measures shown, in order.
    static let shown: [MeasureID] = [
        MeasureID(.decidedWithin3WorkingDays), MeasureID(.redDecidedWithin4WorkingHours), MeasureID(.backlogMean),
        MeasureID(.decisionsPerManagerDayMean), MeasureID(.decisionsPerManagerDayP95), MeasureID(.assessmentsStarted),
        MeasureID(.assessmentsUnnecessary), MeasureID(.childrenNeedMissed), MeasureID(.contactsReceived), MeasureID(.staffCost),
        MeasureID(.agencyCost)
    ]

    init(_ comparison: DesignComparison) {
        let (start, whatIf) = (comparison.designs[0], comparison.designs[1])
        design = start.scenario.name
        replications = start.replications
        rows = Self.shown.compactMap { id in
            guard let a = start[id], let b = whatIf[id], let d = comparison.differences[1].first(where: { $0.id == id }) else { return nil }
            return Row(
                name: a.definition.name, label: a.definition.label, unit: a.definition.unit.rawValue, start: Interval(a),
                whatIf: Interval(b), difference: Interval(d))
        }
        let before = DailyBands(start).days, after = DailyBands(whatIf).days
        backlog = Backlog(
            dates: before.map { $0.date.iso }, start: before.map { $0.backlog?.mean },
            whatIf: after.map { $0.backlog?.mean })
        warnings = start.warnings.map { "As it is: \($0)" } + whatIf.warnings.map { "What if: \($0)" }
    }
}
