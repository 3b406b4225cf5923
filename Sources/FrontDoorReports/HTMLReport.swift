import Foundation
import FrontDoorAnalysis
import FrontDoorModel

/// The self-contained HTML report of a run or comparison: a plain-English summary, charts as
/// inline SVG, the assumptions, and an appendix describing the model run in the structure of the
/// STRESS-DES reporting guideline. No scripts, no fonts or images from the network; prints on A4.
public enum HTMLReport {
    /// `standard`: the designs sized to one standard (`compare --at-standard`), which the report opens with.
    public static func render(_ comparison: DesignComparison, manifest: RunManifest, standard: StandardView? = nil) -> String {
        let designs = comparison.designs
        let names = designs.map(\.scenario.name)
        var body = "<header><h1>\(HTMLPage.escape(title(names)))</h1>"
        body +=
            "<p class=\"meta\">Made \(HTMLPage.escape(englishDate(manifest.created_utc))) by frontdoor \(HTMLPage.escape(manifest.version)) · "
            + "\(comparison.baseline.replications) replications · seed \(comparison.baseline.settings.seed)"
            + (comparison.precision.map { " · " + HTMLPage.escape($0.sentence) } ?? "") + "</p>"
            + designs.filter { !$0.scenario.changes.isEmpty }.map {
                "<p class=\"changes\"><strong>\(HTMLPage.escape($0.scenario.name))</strong> is changed from its file: \(HTMLPage.escape($0.scenario.changes.joined(separator: "; ")))</p>"
            }.joined() + "</header>"

        if let standard {
            body += section(
                "standard", "At one standard", StandardReport.html(standard.sized, targets: standard.targets, comparison: comparison))
        }
        if designs.contains(where: { !$0.outcomes[0].days.isEmpty }) {
            body += section("at-a-glance", "At a glance", atAGlance(comparison))
        }
        body += section("summary", "Summary", summary(comparison))
        let warnings = designs.flatMap { design in design.warnings.map { "\(design.scenario.name): \($0)" } }
        if !warnings.isEmpty {
            body += "<div class=\"warning\"><strong>Warning.</strong> " + warnings.map(HTMLPage.escape).joined(separator: "<br>") + "</div>"
        }
        body += section("key-figures", "Key figures", keyFigures(comparison))
        if designs.contains(where: { !$0.scenario.publishedFigures.isEmpty }) {
            body += section("published-figures", "Against published figures", publishedFigures(designs))
        }
        if designs.contains(where: { !$0.outcomes[0].days.isEmpty }) {
            let windows = ChangeWindow.windows(comparison)
            body += section("backlog", "Backlog through the year", backlog(designs, windows: windows))
            if !windows.isEmpty { body += section("changes", "During each change in demand", changeWindows(windows, designs: designs)) }
            body += section("timeliness", "Timeliness", timeliness(designs))
            body += section("time-to-decision", "Where the time to a decision goes", timeToDecision(designs))
            body += section("decisions", "Decisions per manager per working day", decisionLoad(designs))
            body += section("teams", "Waits and utilisation by team", teams(designs))
            body += section("outcomes", "Where contacts end up", outcomes(designs))
            body += section("cost", "Cost by team", cost(designs))
            if let finance = FinanceView(comparison) { body += section("budget", "Budget", BudgetView.html(finance)) }
        } else {
            body += section("stages", "Waits and utilisation by stage", networkStages(designs))
        }
        body += section("assumptions", "Assumptions", assumptions(designs))
        body += section(
            "words", "Words used in this report",
            "<dl>" + Glossary.terms.map { "<dt>\(HTMLPage.escape($0.term))</dt><dd>\(HTMLPage.escape($0.meaning))</dd>" }.joined() + "</dl>"
        )
        body += section("appendix", "Appendix: the model run (STRESS-DES)", stressDES(comparison, manifest: manifest))
        return HTMLPage.document(title: title(names), body: body)
    }

    // MARK: - Words and numbers

    static func section(_ id: String, _ heading: String, _ content: String) -> String {
        "<section id=\"\(id)\"><h2>\(HTMLPage.escape(heading))</h2>\(content)</section>"
    }

    /// Each change's window: what each design received, referred, decided in time and held waiting
    /// over those dates, with the paired difference from the baseline.
    static func changeWindows(_ windows: [ChangeWindow], designs: [ExperimentResult]) -> String {
        var html = ""
        for window in windows {
            html +=
                "<h3>\(HTMLPage.escape(window.name.replacingOccurrences(of: "_", with: " "))): \(HTMLPage.escape(window.from.description)) to \(HTMLPage.escape(window.to.description))</h3>"
            html += "<table><thead><tr><th>Over these dates</th>"
            for (index, design) in designs.enumerated() {
                html +=
                    "<th>\(HTMLPage.escape(design.scenario.name))"
                    + (design.concerns.isEmpty ? "" : "<br><span class=\"flag\">cannot keep up: work is piling up</span>") + "</th>"
                if index > 0 { html += "<th>difference from \(HTMLPage.escape(designs[0].scenario.name))</th>" }
            }
            html += "</tr></thead><tbody>"
            for figure in window.figures {
                let share = figure.quantity == .decidedWithin3WorkingDays
                func text(_ x: Double) -> String { share ? String(format: "%.1f%%", x * 100) : Figures.report(x) }
                func difference(_ x: Double) -> String {
                    (x < 0 ? "−" : "+") + (share ? String(format: "%.1f points", abs(x) * 100) : Figures.report(abs(x)))
                }
                html += "<tr><td>\(HTMLPage.escape(figure.quantity.rawValue))</td>"
                for (index, value) in figure.values.enumerated() {
                    html +=
                        "<td>\(HTMLPage.escape(text(value.mean)))<br><span class=\"ci\">\(HTMLPage.escape(value.n < 2 ? "one replication" : text(value.ci95Low) + " to " + text(value.ci95High)))</span></td>"
                    if index > 0, let d = figure.differences[index] {
                        let relative =
                            !share && figure.values[0].mean > 0
                            ? String(format: " (%+.1f%%)", 100 * d.mean / figure.values[0].mean).replacingOccurrences(of: "-", with: "−")
                            : ""
                        html +=
                            "<td>\(HTMLPage.escape(difference(d.mean) + relative))<br><span class=\"ci\">\(HTMLPage.escape(difference(d.ci95Low))) to \(HTMLPage.escape(difference(d.ci95High)))</span></td>"
                    }
                }
                html += "</tr>"
            }
            html += "</tbody></table>"
        }
        return html
            + "<p class=\"note\">Totals over the window's measured days, means across replications with 95% intervals. Differences are paired: "
            + "every design saw the same contacts in each replication. A share decided within 3 working days counts the contacts received in the window.</p>"
    }

    /// Each design's published figures beside the model's, with its interval and the difference.
    static func publishedFigures(_ designs: [ExperimentResult]) -> String {
        func exact(_ x: Double, _ definition: MeasureDefinition) -> String {
            definition.unit == .fraction ? String(format: "%.1f%%", x * 100) : value(x, definition)
        }
        var html =
            "<table><thead><tr><th>Design</th><th>Measure</th><th>Published figure</th><th>This model (95% interval)</th>"
            + "<th>Difference</th><th>Source</th></tr></thead><tbody>"
        for design in designs {
            for figure in design.scenario.publishedFigures {
                guard let m = design[figure.measure] else { continue }
                let differenceText = signed(m.mean - figure.value, m.definition)
                html +=
                    "<tr><td>\(HTMLPage.escape(design.scenario.name))</td><td>\(HTMLPage.escape(m.definition.label))</td>"
                    + "<td>\(HTMLPage.escape(exact(figure.value, m.definition)))</td>"
                    + "<td>\(HTMLPage.escape(exact(m.mean, m.definition)))<br><span class=\"ci\">\(HTMLPage.escape(m.n < 2 ? "one replication" : exact(m.ci95Low, m.definition) + " to " + exact(m.ci95High, m.definition)))</span></td>"
                    + "<td>\(HTMLPage.escape(differenceText))</td><td>\(HTMLPage.escape(figure.source))</td></tr>"
            }
        }
        return html + "</tbody></table><p class=\"note\">The figures each scenario names as the published ones it should reproduce. "
            + "A design changed by a what-if keeps its baseline's figures, so a difference there is the change, not an error.</p>"
    }

    static func title(_ names: [String]) -> String {
        names.count == 1 ? "Front door simulation: \(names[0])" : "Front door comparison: \(names.joined(separator: ", "))"
    }

    static func value(_ x: Double, _ definition: MeasureDefinition, points: Bool = false) -> String {
        // Differences of identical figures can come out as ±1e-17; they are nothing.
        let x = abs(x) < 1e-9 ? 0 : x
        switch definition.unit {
        case .fraction: return points ? String(format: "%.1f points", x * 100) : Figures.reportPercent(x)
        case .pounds, .poundsAYear: return Figures.money(x)
        case .hours: return Figures.duration(x)
        default: return Figures.report(x)
        }
    }

    static func signed(_ x: Double, _ definition: MeasureDefinition) -> String {
        let text = definition.unit == .fraction ? String(format: "%.1f points", abs(x) * 100) : value(abs(x), definition)
        return (x < 0 ? "−" : "+") + text
    }

    static func interval(_ m: MeasureSummary) -> String {
        m.n < 2 ? "one replication" : "\(value(m.ci95Low, m.definition)) to \(value(m.ci95High, m.definition))"
    }

    static func shortLabel(_ family: MeasureID.Family) -> String {
        [
            .decidedWithin1WorkingDay: "within 1 working day", .decidedWithin3WorkingDays: "within 3 working days",
            .redDecidedWithin4WorkingHours: "reds within 4 working hours"
        ][family] ?? family.rawValue
    }

    static func monthName(_ date: CivilDate) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][date.month - 1]
    }

    /// "2026-11-23T05:10:00Z" as "23 November 2026".
    static func englishDate(_ iso: String) -> String {
        CivilDate(iso: String(iso.prefix(10)))?.description ?? iso
    }
}
