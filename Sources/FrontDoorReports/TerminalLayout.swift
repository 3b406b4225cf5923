import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import ScenarioModel

/// How a table is laid out on a terminal: which measures it shows and how wide it may be.
public struct TerminalLayout: Sendable {
    /// The widest line, in characters; nil for no limit.
    public let width: Int?
    /// Every measure, rather than the headline ones of a front door.
    public let allMeasures: Bool

    public init(width: Int?, allMeasures: Bool) {
        self.width = width
        self.allMeasures = allMeasures
    }

    /// No limit, every measure: for files and pipes.
    public static let full = TerminalLayout(width: nil, allMeasures: true)

    /// The measures a front door's table shows by default.
    static let headline: Set<MeasureID.Family> = [
        .contactsReceived, .decidedWithin1WorkingDay, .decidedWithin3WorkingDays, .redDecidedWithin4WorkingHours,
        .backlogMean, .backlogGrowthPerDay, .decisionsPerManagerDayMean, .decisionsPerManagerDayP95, .decisionsPerDeciderDayMean,
        .conversionReferral, .assessmentsStarted, .assessmentsUnnecessary, .childrenNeedMissed, .rereferralRate, .cashCost,
        .partnersTimeCost, .downstreamCost, .teamUtilisation
    ]

    /// Whether the table shows `id` of a scenario.
    func shows(_ id: MeasureID, of scenario: Scenario) -> Bool {
        allMeasures || scenario.isNetwork || Self.headline.contains(id.family)
    }

    /// The line saying what is left out, if anything.
    func omitted(shown: Int, of total: Int) -> [String] {
        shown < total ? ["", "\(shown) headline measures of \(total); --all shows every one, --wide ignores the terminal's width."] : []
    }

    /// `rows` laid out in columns: the first left-aligned, the others right-aligned. Where the
    /// width leaves the first column too narrow for a row's full label, the row's short label
    /// (`shortLabels`, one a row) stands in for it, whole: the column is never narrower than the
    /// short labels, so that no two rows read alike. Without short labels, a label is cut (with …).
    func lines(header: [String], rows: [[String]], shortLabels: [String]? = nil) -> [String] {
        var widths = header.indices.map { column in rows.reduce(header[column].count) { max($0, $1[column].count) } }
        if let width {
            let others = widths.dropFirst().reduce(0, +) + 2 * (widths.count - 1)
            let shortest = shortLabels.map { labels in labels.reduce(header[0].count) { max($0, $1.count) } } ?? 16
            widths[0] = max(min(widths[0], width - others), min(shortest, widths[0]))
        }
        func line(_ cells: [String], short: String?) -> String {
            cells.enumerated().map { index, cell in
                guard index == 0 else { return cell.leftPadding(to: widths[index]) }
                var fitted = cell.count > widths[0] ? short ?? cell : cell
                if fitted.count > widths[0] { fitted = String(fitted.prefix(widths[0] - 1)) + "…" }
                return fitted.padding(toLength: widths[0], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return [line(header, short: nil), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
            + rows.indices.map { line(rows[$0], short: shortLabels?[$0]) }
    }

    /// A value in its unit: a share as a percentage, money as £ with separators in whole pounds,
    /// other numbers as `Figures.table(_:)` writes them.
    static func format(_ value: Double, _ unit: MeasureUnit) -> String {
        if unit == .fraction { return Figures.tablePercent(value) }
        return unit.isMoney ? Figures.money(value) : Figures.table(value)
    }

    /// A difference in its unit, with its sign: shares in percentage points, +£1,234, −0.25.
    static func signed(_ value: Double, _ unit: MeasureUnit) -> String {
        if unit == .fraction {
            let points = (value * 1000).rounded() / 10
            return (points > 0 ? "+" : points < 0 ? "−" : "") + String(format: "%.1f pts", abs(points))
        }
        let text =
            unit.isMoney ? (value.rounded() > 0 ? "+" : "") + Figures.money(value) : (value >= 0 ? "+" : "") + Figures.table(value)
        return text.replacingOccurrences(of: "-", with: "−")
    }

}
