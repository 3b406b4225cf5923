import FrontDoorModel
import FrontDoorTestSupport
import ScenarioFiles
import ScenarioModel
import Testing

@testable import FrontDoorReports

/// Tables on a terminal stay readable however narrow it is: a measure whose full label does not
/// fit is shown by its short label, whole, and no two rows read alike.
@Suite struct TerminalTableTests {
    static let shipped = [
        "mash", "cads", "norfolk-before", "integrated-front-door", "integrated-front-door-before", "peterborough", "typical-council"
    ]

    @Test func everyShippedMeasureHasAShortLabelOfAtMost36UniqueCharacters() throws {
        for name in Self.shipped {
            let measures = try ScenarioLoader.load(path: packageRoot + "/Scenarios/\(name).yaml").measures
            let labels = measures.map(\.id.shortLabel)
            for (measure, label) in zip(measures, labels) {
                #expect(label.count <= 36 && !label.isEmpty, "\(name): \(measure.name) is shortened to '\(label)' (\(label.count))")
            }
            #expect(Set(labels).count == labels.count, "\(name): two measures share a short label")
        }
        // A name too long to fit is cut so that the label still does.
        let long = MeasureID.team(String(repeating: "x", count: 50)).utilisation.shortLabel
        #expect(long.count == 36 && long.hasSuffix("… busy"), "\(long)")
    }

    /// The first column of each row of a table (its label as shown).
    static func labels(_ table: String) -> [String] {
        let lines = table.components(separatedBy: "\n")
        guard let rule = lines.firstIndex(where: { $0.hasPrefix("---") }) else { return [] }
        let width = lines[rule].prefix { $0 == "-" }.count
        return lines[(rule + 1)...].prefix { !$0.isEmpty }.map { String($0.prefix(width)).trimmingCharacters(in: .whitespaces) }
    }

    @Test(arguments: [80, 100])
    func noTwoRowsReadAlikeOnANarrowTerminal(columns: Int) throws {
        let layout = TerminalLayout(width: columns, allMeasures: true)
        let comparison = ReportFixture.comparison
        for table in [ComparisonTable.render(comparison, layout: layout), SummaryTable.render(comparison.baseline, layout: layout)] {
            let labels = Self.labels(table)
            #expect(labels.count >= 20)
            #expect(Set(labels).count == labels.count, "\(labels.filter { label in labels.filter { $0 == label }.count > 1 })")
            #expect(!labels.contains { $0.hasSuffix("…") }, "a label was cut: \(labels.filter { $0.hasSuffix("…") })")
        }
    }

    @Test func aWideTerminalShowsTheFullLabels() {
        let table = ComparisonTable.render(ReportFixture.comparison, layout: TerminalLayout(width: nil, allMeasures: true))
        let full = ReportFixture.comparison.baseline.summaries.map(\.definition.label)
        #expect(Self.labels(table).filter { full.contains($0) }.count >= full.count / 2)
    }
}

/// A chart's row labels are shown whole: the label column widens to fit, and a label longer than
/// half the chart breaks onto two lines rather than being cut.
@Suite struct ChartLabelTests {
    /// The words shown for each row label of `svg`, its lines joined.
    static func shown(_ svg: String) -> [String] {
        svg.components(separatedBy: "class=\"label\">").dropFirst().map { element in
            let body = element.components(separatedBy: "</text>")[0]
            let visible = body.replacing(/<title>[^<]*<\/title>/, with: "")
            return visible.replacing(/<[^>]*>/, with: " ").split(separator: " ").joined(separator: " ")
        }
    }

    @Test func longDesignNamesAreShownWholeInEveryKindOfChart() {
        let names = ["mash", "integrated-front-door-before", "integrated-front-door-before@standard"]
        let intervals = SVGChart.intervals(
            names.enumerated().map { (label: $1, mean: 0.5, low: 0.4, high: 0.6, colour: $0) }, maximum: 1,
            format: Figures.reportPercent, title: "t", compact: true)
        let bars = SVGChart.bars(names.enumerated().map { (label: $1, value: 10, colour: $0) }, format: Figures.report, title: "t")
        for svg in [intervals, bars] {
            let shown = Self.shown(svg)
            #expect(!svg.contains("…"))
            #expect(shown.count == 3)
            // Broken lines read as the whole label with a space where it was broken.
            #expect(shown.map { $0.replacingOccurrences(of: " ", with: "") } == names, "\(shown)")
        }
    }
}

/// The few terms a committee must learn are explained once, the same in the report and the guide.
@Suite struct GlossaryTests {
    @Test func theReportAndTheGuideExplainTheSameTermsInTheSameWords() throws {
        let html = ReportFixture.html
        #expect(html.contains("<section id=\"words\"><h2>Words used in this report</h2><dl>"))
        let guide = try String(contentsOfFile: packageRoot + "/docs/guides/reading-the-report.md", encoding: .utf8)
        for (term, meaning) in Glossary.terms {
            #expect(html.contains("<dt>\(HTMLPage.escape(term))</dt><dd>\(HTMLPage.escape(meaning))</dd>"))
            #expect(guide.contains("- **\(term)**: \(meaning)\n"), "the guide does not explain \(term) as the report does")
        }
        // Every term the report still uses to a committee is among them.
        for word in ["MSER-5", "95% interval", "too close to call", "notional"] {
            #expect(Glossary.terms.contains { $0.term.contains(word) || word.contains($0.term) }, "\(word)")
        }
    }
}

extension ChartLabelTests {
    @Test func ticksThatWouldOverlapAreLeftOut() {
        let band = SVGChart.Band(name: "mash", points: [(x: 0, mean: 1, low: 1, high: 1), (x: 100, mean: 2, low: 2, high: 2)])
        let svg = SVGChart.bands(
            [band], ticks: [(x: 0, label: "£1,526k"), (x: 1, label: "£1,567k"), (x: 50, label: "£1,988k"), (x: 100, label: "£4,701k")],
            yLabel: "share", title: "t")
        #expect(svg.contains(">£1,526k<") && !svg.contains(">£1,567k<") && svg.contains(">£1,988k<") && svg.contains(">£4,701k<"))
    }
}
