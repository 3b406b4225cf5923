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
        body += section("appendix", "Appendix: the model run (STRESS-DES)", stressDES(comparison, manifest: manifest))
        return HTMLPage.document(title: title(names), body: body)
    }

    // MARK: - Sections

    /// The measures the opening screen shows, in its order.
    static let glanceMeasures: [MeasureID] = [
        .decidedWithin3WorkingDays, .redDecidedWithin4WorkingHours, .backlogMean, .decisionsPerManagerDayP95,
        .decisionsPerDeciderDayMean,
        .assessmentsStarted, .cashCost, .downstreamCost
    ].map(MeasureID.init)

    /// One screen: each headline measure for every design — mean, 95% interval and the spread
    /// across replications — against the scenario's targets, then the targets in words.
    static func atAGlance(_ comparison: DesignComparison) -> String {
        let designs = comparison.designs
        let targets = designs.flatMap(\.scenario.targets).reduce(into: [MeasureTarget]()) { if !$0.contains($1) { $0.append($1) } }
        var html = "<div class=\"glance\">"
        for id in glanceMeasures {
            let summaries = designs.map { $0[id] }
            guard let definition = summaries.compactMap({ $0?.definition }).first else { continue }
            var rows: [(label: String, mean: Double, low: Double, high: Double, colour: Int)] = []
            var spreads: [(low: Double, high: Double)] = []
            for (index, design) in designs.enumerated() {
                guard let m = design[id], let values = design.column(id) else { continue }
                rows.append(((design.concerns.isEmpty ? "" : "⚠ ") + design.scenario.name, m.mean, m.ci95Low, m.ci95High, index))
                spreads.append((values.min() ?? m.mean, values.max() ?? m.mean))
            }
            let target = targets.first { $0.measure == id }
            let top = definition.unit == .fraction ? 1 : SVGChart.niceCeiling(max(spreads.map(\.high).max() ?? 1, target?.value ?? 0, 1e-9))
            html +=
                "<figure><figcaption>\(HTMLPage.escape(definition.label))"
                + (target.map { " — target \($0.atLeast ? "at least" : "at most") \(value($0.value, definition))" } ?? "") + "</figcaption>"
                + SVGChart.intervals(
                    rows, maximum: top, format: { value($0, definition) }, title: definition.label, spreads: spreads,
                    target: target.map { ($0.value, "target \(value($0.value, definition))") }, compact: true,
                    tickFormat: definition.unit.isMoney ? { "£" + SVGChart.short($0) } : nil)
                + "</figure>"
        }
        html +=
            "</div><p class=\"note\">Dots are averages across replications, thick lines their 95% intervals, thin lines the lowest to the "
            + "highest replication" + (targets.isEmpty ? "." : "; dashed lines are the targets.")
            + (designs.contains { !$0.concerns.isEmpty }
                ? " ⚠: the design cannot keep up with its demand; its figures are not a fair picture." : "") + "</p>"
        guard !targets.isEmpty else {
            return html + "<p>The scenario sets no targets (the key <code>targets</code>), so no design is judged against one.</p>"
        }
        html +=
            "<table><thead><tr><th>Target</th>" + designs.map { "<th>\(HTMLPage.escape($0.scenario.name))</th>" }.joined()
            + "</tr></thead><tbody>"
        for target in targets {
            guard let definition = designs.compactMap({ $0[target.measure]?.definition }).first else { continue }
            html +=
                "<tr><td>\(HTMLPage.escape(definition.label)) \(target.atLeast ? "at least" : "at most") \(HTMLPage.escape(value(target.value, definition)))</td>"
            for design in designs {
                guard let m = design[target.measure] else {
                    html += "<td>n/a</td>"
                    continue
                }
                html += "<td>\(verdict(target, m, keepsUp: design.concerns.isEmpty))</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// "meets", "misses by 16.0 points", "too close to call", or "cannot keep up", with the figure.
    static func verdict(_ target: MeasureTarget, _ m: MeasureSummary, keepsUp: Bool) -> String {
        let figure = "\(HTMLPage.escape(value(m.mean, m.definition))) (\(HTMLPage.escape(interval(m))))"
        guard keepsUp else { return "<span class=\"flag\">cannot keep up: work is piling up</span>" }
        if target.isMet(low: m.ci95Low, high: m.ci95High) { return "meets: \(figure)" }
        let gap = abs(m.mean - target.value)
        let by = m.definition.unit == .fraction ? String(format: "%.1f points", gap * 100) : value(gap, m.definition)
        if target.isMissed(low: m.ci95Low, high: m.ci95High) {
            return "<span class=\"flag\">misses by \(HTMLPage.escape(by))</span>: \(figure)"
        }
        return "too close to call (the interval spans the target): \(figure)"
    }

    static func summary(_ comparison: DesignComparison) -> String {
        let base = comparison.baseline
        var items: [String] = []
        let key: [MeasureID] = [
            .decidedWithin3WorkingDays, .redDecidedWithin4WorkingHours, .backlogMean, .decisionsPerManagerDayP95,
            .assessmentsStarted, .cashCost, .downstreamCost
        ].map(MeasureID.init)
        // An input taken from a forecast is not a result: the figures it drives say what was forecast.
        // Designs from one file (a design and the design at the standard) are named together.
        var forecasts: [(names: [String], values: [String])] = []
        for design in comparison.designs {
            guard case .frontDoor(let model) = design.scenario.model, !model.forecasts.isEmpty else { continue }
            if let index = forecasts.firstIndex(where: { $0.values == model.forecasts }) {
                forecasts[index].names.append(design.scenario.name)
            } else {
                forecasts.append(([design.scenario.name], model.forecasts))
            }
        }
        for (names, values) in forecasts {
            items.append(
                "<strong>\(HTMLPage.escape(names.joined(separator: " and ")))</strong> \(names.count == 1 ? "takes" : "take") "
                    + "\(values.count == 1 ? "a value" : "\(values.count) values") from a forecast, not from evidence of what happened, so the "
                    + "figures it drives repeat the forecast rather than show a result: "
                    + values.map(HTMLPage.escape).joined(separator: "; ") + "."
            )
        }
        // A design that cannot keep up gets no claims: its figures describe a front door falling
        // behind (or only the time before it stopped), and would read as better than they are.
        for design in comparison.designs where !design.concerns.isEmpty {
            items.append(
                "<strong>\(HTMLPage.escape(design.scenario.name)) cannot keep up with its demand</strong>: "
                    + design.warnings.map(HTMLPage.escape).joined(separator: " ")
                    + " Its figures below are not a fair picture of the service.")
        }
        if comparison.designs.count == 1 {
            var seen = Set<MeasureID>()
            for id in key + base.scenario.headlineMeasures where base.concerns.isEmpty && seen.insert(id).inserted {
                guard let m = base[id] else { continue }
                items.append(statement(design: base.scenario.name, m))
            }
        } else {
            for (design, differences) in zip(comparison.designs, comparison.differences).dropFirst()
            where design.concerns.isEmpty && base.concerns.isEmpty {
                for id in key {
                    guard let mine = design[id], let theirs = base[id], let difference = differences.first(where: { $0.id == id }) else {
                        continue
                    }
                    items.append(
                        sentence(design: design.scenario.name, base: base.scenario.name, mine: mine, theirs: theirs, difference: difference)
                    )
                }
            }
        }
        // Why: the step to a decision whose time changes most against the baseline.
        for (design, differences) in zip(comparison.designs, comparison.differences).dropFirst()
        where design.concerns.isEmpty && base.concerns.isEmpty {
            if let why = largestStepChange(differences) {
                items.append("<strong>\(HTMLPage.escape(design.scenario.name))</strong>: " + why)
            }
        }
        // The start-up check for every design: a what-if can need a longer warm-up than its baseline.
        for design in comparison.designs {
            guard let check = WarmUpCheck(design) else { continue }
            items.append(HTMLPage.escape(comparison.designs.count > 1 ? "\(design.scenario.name): \(check.sentence)" : check.sentence))
        }
        return "<ul class=\"summary\">" + items.map { "<li>\($0)</li>" }.joined() + "</ul>"
    }

    /// The step to a decision whose hours per contact differ most from the baseline's, in words,
    /// when that difference is clear: where a design gains or loses its time.
    static func largestStepChange(_ differences: [MeasureSummary]) -> String? {
        guard
            let largest = differences.filter({ ExperimentResult.DecisionStep.Kind($0.id) != nil }).max(by: { abs($0.mean) < abs($1.mean) }),
            let kind = ExperimentResult.DecisionStep.Kind(largest.id), largest.ci95Low > 0 || largest.ci95High < 0
        else { return nil }
        let step = SizingResult.words(kind)
        return
            "the time to a decision changes most \(HTMLPage.escape(step)): \(largest.mean < 0 ? "shorter" : "longer") by \(HTMLPage.escape(Figures.duration(abs(largest.mean)))) "
            + "a contact on average (95% interval \(HTMLPage.escape(signed(largest.ci95Low, largest.definition))) to \(HTMLPage.escape(signed(largest.ci95High, largest.definition))))."
    }

    /// "With cads, 100% (99% to 100%) of contacts would be decided within 3 working days, against
    /// 85% (84% to 86%) with mash: a difference of +15.0 points (95% interval +14.2 to +15.8)."
    static func sentence(design: String, base: String, mine: MeasureSummary, theirs: MeasureSummary, difference: MeasureSummary) -> String {
        let y = "\(HTMLPage.escape(value(theirs.mean, theirs.definition))) (\(HTMLPage.escape(interval(theirs))))"
        let against = [.cashCost, .downstreamCost].contains(mine.id.family) ? "for" : "with"
        let range =
            "95% interval \(HTMLPage.escape(signed(difference.ci95Low, difference.definition))) to \(HTMLPage.escape(signed(difference.ci95High, difference.definition)))"
        let clear = difference.ci95Low > 0 || difference.ci95High < 0
        return claim(design: design, mine, conditional: true) + ", against \(y) \(against) \(HTMLPage.escape(base))"
            + (clear
                ? ": a difference of \(HTMLPage.escape(signed(difference.mean, difference.definition))) (\(range))."
                : ": no clear difference (\(range)).")
    }

    /// "With peterborough, 67% (56% to 79%) of contacts are decided within 3 working days."
    static func statement(design: String, _ m: MeasureSummary) -> String {
        claim(design: design, m, conditional: false) + "."
    }

    /// The claim a measure makes about a design, in words.
    static func claim(design: String, _ m: MeasureSummary, conditional: Bool) -> String {
        let d = "<strong>\(HTMLPage.escape(design))</strong>"
        let x = "<strong>\(HTMLPage.escape(value(m.mean, m.definition)))</strong> (\(HTMLPage.escape(interval(m))))"
        let (are, has) = conditional ? ("would be", "would have") : ("are", "has")
        switch m.id.family {
        case .decidedWithin3WorkingDays: return "With \(d), \(x) of contacts \(are) decided within 3 working days"
        case .redDecidedWithin4WorkingHours: return "With \(d), \(x) of red contacts \(are) decided within 4 working hours"
        case .backlogMean: return "\(d) \(has) \(x) contacts waiting for a decision at the close of an average working day"
        case .decisionsPerManagerDayP95:
            return
                "On the busiest day in twenty, a manager \(conditional ? "would make or sign off" : "makes or signs off") \(x) decisions with \(d)"
        case .decisionsPerManagerDayMean:
            return
                "On an average working day, a manager \(conditional ? "would make or sign off" : "makes or signs off") \(x) decisions with \(d)"
        case .assessmentsStarted: return "\(d) \(conditional ? "would start" : "starts") \(x) social work assessments a year"
        case .cashCost: return "\(d) \(conditional ? "would cost" : "costs") \(x) a year in cash (staff and agency)"
        case .downstreamCost:
            return
                "The assessments, section 47 enquiries and early help that follow \(d) \(conditional ? "would use" : "use") \(x) a year of capacity in other teams "
                + "(notional: capacity used elsewhere, not cash, and not added to it)"
        default:
            let label = m.definition.label.prefix(1).lowercased() + m.definition.label.dropFirst()
            return "With \(d), \(HTMLPage.escape(label)): \(x)"
        }
    }

    static func keyFigures(_ comparison: DesignComparison) -> String {
        let base = comparison.baseline
        let ids = base.scenario.measures.map(\.id).filter { ![.sourceShare, .teamUtilisation, .stageMeanWaitHours].contains($0.family) }
        var html = "<table><thead><tr><th>Measure</th>"
        for (index, design) in comparison.designs.enumerated() {
            html +=
                "<th>\(HTMLPage.escape(design.scenario.name))"
                + (design.scenario.changes.isEmpty
                    ? "" : "<br><span class=\"ci\">with \(HTMLPage.escape(design.scenario.changes.joined(separator: "; ")))</span>")
                + (design.concerns.isEmpty ? "" : "<br><span class=\"flag\">cannot keep up: work is piling up</span>") + "</th>"
            if index > 0 { html += "<th>difference from \(HTMLPage.escape(base.scenario.name))</th>" }
        }
        html += "</tr></thead><tbody>"
        for id in ids {
            guard base[id] != nil else { continue }
            html += "<tr><td>\(HTMLPage.escape(comparison.label(of: id)))</td>"
            for (index, design) in comparison.designs.enumerated() {
                if let m = design[id] {
                    // The cost of a design that cannot keep up is not a saving: the work it leaves undone is not paid for.
                    let unsustainable = !design.concerns.isEmpty && m.definition.unit.isMoney
                    html +=
                        "<td>\(HTMLPage.escape(value(m.mean, m.definition)))<br><span class=\"ci\">\(HTMLPage.escape(interval(m)))</span>"
                        + (unsustainable ? "<br><span class=\"flag\">not sustainable: work is piling up</span>" : "") + "</td>"
                } else {
                    html += "<td>n/a</td>"
                }
                if index > 0 {
                    if let d = comparison.differences[index].first(where: { $0.id == id }) {
                        let flagged = !design.concerns.isEmpty || !base.concerns.isEmpty
                        html +=
                            "<td>\(HTMLPage.escape(signed(d.mean, d.definition)))<br><span class=\"ci\">\(HTMLPage.escape(signed(d.ci95Low, d.definition))) to \(HTMLPage.escape(signed(d.ci95High, d.definition)))</span>"
                            + (flagged ? "<br><span class=\"flag\">not a fair comparison: work is piling up</span>" : "") + "</td>"
                    } else {
                        html += "<td>n/a</td>"
                    }
                }
            }
            html += "</tr>"
        }
        return html
            + "</tbody></table><p class=\"note\">Each figure is the mean across replications, with its 95% confidence interval beneath. "
            + "Differences are paired: every design saw the same contacts in each replication. n/a: the measure does not apply to the design "
            + "(a phone line's measures where it has none).</p>"
    }

    static func backlog(_ designs: [ExperimentResult], windows: [ChangeWindow]) -> String {
        var html =
            "<p>Contacts received and not yet decided at the close of each working day: the line is the average across replications, the shaded band its 95% interval."
            + (windows.isEmpty ? "" : " Grey: the window of a change in demand.")
            + (designs.count > 1 ? " Every design is drawn on the same scale." : "") + "</p>"
        let bands = designs.map { DailyBands($0).days }
        let highest = bands.flatMap { $0.compactMap { $0.backlog?.ci95High } }.max()
        for (index, design) in designs.enumerated() {
            let days = bands[index]
            let shaded = windows.compactMap { window -> (from: Double, to: Double, label: String)? in
                guard let from = days.firstIndex(where: { $0.date == window.from }),
                    let to = days.firstIndex(where: { $0.date == window.to })
                else { return nil }
                return (Double(from), Double(to), window.name.replacingOccurrences(of: "_", with: " "))
            }
            let points = days.enumerated().compactMap { offset, day in
                day.backlog.map { (x: Double(offset), mean: $0.mean, low: max(0, $0.ci95Low), high: $0.ci95High) }
            }
            guard !points.isEmpty else { continue }
            let ticks = days.enumerated().filter { $0.element.date.day == 1 }.map {
                (x: Double($0.offset), label: monthName($0.element.date))
            }
            html +=
                "<figure><figcaption>\(HTMLPage.escape(design.scenario.name))</figcaption>"
                + SVGChart.bands(
                    [.init(name: design.scenario.name, points: points)], ticks: ticks, yLabel: "contacts waiting",
                    title: "Backlog through the year, \(design.scenario.name)", windows: shaded, yMaximum: highest
                ).replacingOccurrences(of: SVGChart.palette[0], with: SVGChart.palette[index % SVGChart.palette.count])
                + "</figure>"
        }
        return html
    }

    static func timeliness(_ designs: [ExperimentResult]) -> String {
        var rows: [(label: String, mean: Double, low: Double, high: Double, colour: Int)] = []
        for family in [MeasureID.Family.decidedWithin1WorkingDay, .decidedWithin3WorkingDays, .redDecidedWithin4WorkingHours] {
            for (index, design) in designs.enumerated() {
                guard let m = design[family] else { continue }
                rows.append(("\(design.scenario.name): \(shortLabel(family))", m.mean, max(0, m.ci95Low), min(1, m.ci95High), index))
            }
        }
        return "<figure>"
            + SVGChart.intervals(rows, maximum: 1, format: { Figures.reportPercent($0) }, title: "Share of contacts decided in time")
            + "<figcaption>Dots are averages, lines 95% intervals. Working days and hours follow the council's office calendar.</figcaption></figure>"
    }

    /// Per design, the hours a contact spends on average at each step before its decision —
    /// queueing for and worked at each stage, and waiting between steps — as one stacked bar, so
    /// that a manager sees what holds decisions back.
    static func timeToDecision(_ designs: [ExperimentResult]) -> String {
        // Every stage any design has, in the order the designs name them, each with a colour.
        var stages: [String] = []
        for design in designs {
            for m in design.summaries where m.id.family == .stageWaitHoursPerContact {
                if let id = m.id.subject, !stages.contains(id) { stages.append(id) }
            }
        }
        var parts: [(name: String, colour: String, opacity: Double)] = []
        for (index, stage) in stages.enumerated() {
            let colour = SVGChart.palette[index % SVGChart.palette.count], name = stage.replacingOccurrences(of: "_", with: " ")
            parts.append(("queue for \(name)", colour, 0.4))
            parts.append(("\(name) (work)", colour, 1))
        }
        let delays: [(MeasureID.Family, String, String)] = [
            (.handoffHoursPerContact, "handoffs", "#999999"),
            (.informationHoursPerContact, "missing information", "#666666"),
            (.slowHoursPerContact, "consent, call-backs, partners", "#333333")
        ]
        parts += delays.map { ($0.1, $0.2, 1) }
        let rows = designs.map { design -> (label: String, parts: [Double]) in
            let perStage: [Double] = stages.flatMap { stage -> [Double] in
                [
                    design[MeasureID.stage(stage).waitHoursPerContact]?.mean ?? 0,
                    design[MeasureID.stage(stage).workHoursPerContact]?.mean ?? 0
                ]
            }
            let between: [Double] = delays.map { design[MeasureID($0.0)]?.mean ?? 0 }
            return (design.scenario.name, perStage + between)
        }
        return "<figure>"
            + SVGChart.stackedAmounts(rows, parts: parts, title: "Hours to a decision by step", format: { Figures.duration($0) })
            + "<figcaption>Average elapsed hours per contact decided: queueing for each stage (light), from the start to the end of its work "
            + "(dark; work paused at the end of a shift carries on at the next), and waiting between steps (grey). Partner checks are a stage; "
            + "the slow contacts' waits are the darkest grey. A stage that few contacts reach adds little to the average.</figcaption></figure>"
    }

    static func decisionLoad(_ designs: [ExperimentResult]) -> String {
        var rows: [(label: String, value: Double, colour: Int)] = []
        for (index, design) in designs.enumerated() {
            for (family, word) in [
                (MeasureID.Family.decisionsPerManagerDayMean, "average day"), (.decisionsPerManagerDayP95, "busiest day in 20"),
                (.decisionsPerManagerDayMax, "busiest day")
            ] {
                if let m = design[family] { rows.append(("\(design.scenario.name): \(word)", m.mean, index)) }
            }
        }
        var html =
            "<figure>"
            + SVGChart.bars(rows, format: { String(format: "%.1f", $0) }, title: "Decisions made or signed off per manager per working day")
            + "</figure>"
        // Every team that decides or signs off, managers and practitioners apart, on average.
        html +=
            "<table class=\"compact\"><thead><tr><th>design</th><th>decisions per person per working day, on average</th><th></th></tr></thead><tbody>"
        for design in designs {
            for m in design.summaries where m.id.family == .teamDecisionsPerPersonDay {
                html +=
                    "<tr><td>\(HTMLPage.escape(design.scenario.name))</td><td>\(HTMLPage.escape(m.definition.label))</td><td>\(HTMLPage.escape(String(format: "%.1f", m.mean)))</td></tr>"
            }
        }
        html += "</tbody></table>"
        for design in designs {
            if case .frontDoor(let model) = design.scenario.model, model.fatigue != nil {
                html +=
                    "<p>\(HTMLPage.escape(design.scenario.name)), with the assumed decision fatigue (see Assumptions): "
                    + "\(HTMLPage.escape(Figures.reportPercent(design[.decisionsAtFullFatigue]?.mean ?? 0))) of decisions were made with fatigue at its full effect, and "
                    + "\(HTMLPage.escape(String(format: "%.0f", design[.decisionsChangedByFatigue]?.mean ?? 0))) a year were changed by it.</p>"
            }
        }
        return html
    }

    static func teams(_ designs: [ExperimentResult]) -> String {
        var html = ""
        for (index, design) in designs.enumerated() {
            let utilisation = design.summaries.filter { $0.id.family == .teamUtilisation }
                .map { (label: $0.id.subject ?? "", value: $0.mean, colour: index) }
            html +=
                "<figure><figcaption>\(HTMLPage.escape(design.scenario.name)): share of time at work spent on contacts</figcaption>"
                + SVGChart.bars(
                    utilisation, format: { Figures.reportPercent($0) }, title: "Utilisation by team, \(design.scenario.name)", maximum: 1)
                + "</figure>"
            let busy = utilisation.filter { $0.value > ExperimentResult.busyThreshold }
            if !busy.isEmpty {
                html +=
                    "<p class=\"flag\">Over \(Figures.reportPercent(ExperimentResult.busyThreshold)) busy in \(HTMLPage.escape(design.scenario.name)): "
                    + busy.map {
                        "\(HTMLPage.escape($0.label.replacingOccurrences(of: "_", with: " "))) (\(Figures.reportPercent($0.value)))"
                    }.joined(
                        separator: ", ")
                    + ": little slack for a busy day or a colleague away.</p>"
            }
            let idle = design.paidTeamsWithoutWork
            if !idle.isEmpty {
                html +=
                    "<p class=\"flag\">Paid for, but with no contacts to work in \(HTMLPage.escape(design.scenario.name)): "
                    + idle.map { HTMLPage.escape($0.replacingOccurrences(of: "_", with: " ")) }.joined(separator: ", ") + ".</p>"
            }
            // Productive hours: what a full-time person has for contacts once leave, sickness,
            // training, breaks and other duties are taken out.
            let productive = design.summaries.filter { $0.id.family == .teamContactHoursPerFTE && $0.mean > 0 }
            html +=
                "<table class=\"compact\"><thead><tr><th>\(HTMLPage.escape(design.scenario.name)): team</th>"
                + "<th>hours a year a full-time person has for contacts, after leave, sickness, training, breaks and other duties</th></tr></thead><tbody>"
                + productive.map { m in
                    "<tr><td>\(HTMLPage.escape((m.id.subject ?? "").replacingOccurrences(of: "_", with: " ")))</td><td>\(HTMLPage.escape(Figures.report(m.mean)))</td></tr>"
                }.joined()
                + "</tbody></table>"
            let waits = design.summaries.filter { $0.id.family == .stageMeanWaitHours }
            html +=
                "<table class=\"compact\"><thead><tr><th>\(HTMLPage.escape(design.scenario.name)): stage</th><th>average wait</th></tr></thead><tbody>"
                + waits.map {
                    "<tr><td>\(HTMLPage.escape(($0.id.subject ?? "").replacingOccurrences(of: "_", with: " ")))</td><td>\(HTMLPage.escape(Figures.duration($0.mean))) (\(HTMLPage.escape(Figures.duration(max(0, $0.ci95Low)))) to \(HTMLPage.escape(Figures.duration($0.ci95High))))</td></tr>"
                }.joined()
                + "</tbody></table>"
        }
        return html
    }

    static func outcomes(_ designs: [ExperimentResult]) -> String {
        let families: [MeasureID.Family] = [.conversionNoFurtherAction, .conversionEarlyHelp, .conversionReferral]
        let rows = designs.map { design -> (label: String, parts: [Double]) in
            let strategy = design[.conversionStrategy]?.mean ?? 0
            let parts = families.map { design[$0]?.mean ?? 0 }
            return (design.scenario.name, [parts[0], parts[1], parts[2] - strategy, strategy])
        }
        var html =
            "<figure>"
            + SVGChart.stacked(
                rows, partNames: ["no further action or advice", "early help", "referral", "strategy discussion"],
                title: "Decisions by outcome") + "</figure>"
        html +=
            "<table class=\"compact\"><thead><tr><th></th>" + designs.map { "<th>\(HTMLPage.escape($0.scenario.name))</th>" }.joined()
            + "</tr></thead><tbody>"
        for family in [MeasureID.Family.assessmentsStarted, .assessmentsNoFurtherService, .recontacts] {
            guard let label = designs[0][family]?.definition.label else { continue }
            html +=
                "<tr><td>\(HTMLPage.escape(label))</td>"
                + designs.map { d in
                    d[family].map { "<td>\(HTMLPage.escape(value($0.mean, $0.definition))) (\(HTMLPage.escape(interval($0))))</td>" }
                        ?? "<td>–</td>"
                }.joined() + "</tr>"
        }
        return html + "</tbody></table>"
    }

    static func cost(_ designs: [ExperimentResult]) -> String {
        var html = ""
        for (index, design) in designs.enumerated() {
            guard case .frontDoor(let frontDoor) = design.scenario.model else { continue }
            let costs = StaffCosts(frontDoor)
            let rows = costs.teams.map { (label: $0.id.replacingOccurrences(of: "_", with: " "), value: $0.total, colour: index) }
            html +=
                "<figure><figcaption>\(HTMLPage.escape(design.scenario.name)): £ a year at \(frontDoor.costs.priceYear) prices "
                + "(staff and agency \(HTMLPage.escape(Figures.money(costs.total))))</figcaption>"
                + SVGChart.bars(rows, format: Figures.money, title: "Cost by team, \(design.scenario.name)") + "</figure>"
        }
        return html + "<p class=\"note\">Staff costs include employer's on-costs, extended-hours enhancements and the agency premium; "
            + "partner agencies' posts are their time, not the council's budget. Teams paid by the hour (informal cover, and council services "
            + "shared with other work such as the emergency duty team) show £0 here: the budget prices the hours they spend on contacts.</p>"
    }

    static func networkStages(_ designs: [ExperimentResult]) -> String {
        designs.map { design in
            "<table class=\"compact\"><thead><tr><th>\(HTMLPage.escape(design.scenario.name))</th><th>mean</th><th>95% interval</th></tr></thead><tbody>"
                + design.summaries.filter { $0.id.family.subjectKind == .stage }.map {
                    "<tr><td>\(HTMLPage.escape($0.definition.label))</td><td>\(HTMLPage.escape(value($0.mean, $0.definition)))</td><td>\(HTMLPage.escape(interval($0)))</td></tr>"
                }.joined() + "</tbody></table>"
        }.joined()
    }

    static func assumptions(_ designs: [ExperimentResult]) -> String {
        var html =
            "<p>Values that no source gives are marked <code># assumption</code> in the scenario files. Each is listed here with where it is set.</p>"
        for design in designs {
            guard case .frontDoor(let frontDoor) = design.scenario.model else { continue }
            html +=
                "<h3>\(HTMLPage.escape(design.scenario.name)) (\(frontDoor.assumptions.count))</h3><ul class=\"assumptions\">"
                + frontDoor.assumptions.map { "<li>\(HTMLPage.escape($0))</li>" }.joined() + "</ul>"
            if !frontDoor.forecasts.isEmpty {
                html +=
                    "<p>Taken from a forecast, not from evidence of what happened (marked <code># forecast</code>):</p><ul class=\"assumptions\">"
                    + frontDoor.forecasts.map { "<li>\(HTMLPage.escape($0))</li>" }.joined() + "</ul>"
            }
            html +=
                "<p>" + (frontDoor.fatigue == nil ? "" : "<strong>Decision fatigue is switched on.</strong> ")
                + HTMLPage.escape(ScenarioDescription.fatigue(frontDoor.fatigue)) + "</p>"
        }
        return html
    }

    static func stressDES(_ comparison: DesignComparison, manifest: RunManifest) -> String {
        let base = comparison.baseline
        let length = base.scenario.length
        var html =
            "<h3>1. Objectives</h3><p>To compare \(HTMLPage.escape(comparison.designs.map(\.scenario.name).joined(separator: ", "))) "
            + "on timeliness, backlog, decision load, outcomes and cost, on the same demand.</p>"
        html += "<h3>2. Logic</h3>"
        for design in comparison.designs {
            html +=
                "<p><strong>\(HTMLPage.escape(design.scenario.name))</strong>: \(HTMLPage.escape(design.scenario.summary.trimmingCharacters(in: .whitespacesAndNewlines)))</p>"
            if case .frontDoor(let frontDoor) = design.scenario.model {
                html +=
                    "<p class=\"pathway\">"
                    + frontDoor.stages.map { "\(HTMLPage.escape($0.id)) (\(HTMLPage.escape(frontDoor.teams[$0.team].id)))" }.joined(
                        separator: " → ") + "</p>"
            }
        }
        html +=
            "<p>Contacts arrive day by day from each source; each goes through the stages that apply to it, queueing for people who are at work, "
            + "most urgent first; the decision draws its outcome from the design's rules. Time outside a person's hours does not progress their work.</p>"
        html +=
            "<h3>3. Data</h3><p>Demand, pay and outcome rules come from the seed reports and the domain evidence cited in the scenario files; "
            + "every other value is an assumption listed above.</p>"
        html +=
            "<h3>4. Experimentation</h3><ul>"
            + "<li>Run length: \(Int(length.horizonHours / 24)) days, of which the first \(Int(length.warmUpHours / 24)) are a warm-up left out of every measure.</li>"
            + "<li>\(base.replications) replications per design with base seed \(base.settings.seed); every design uses the same seeds (common random numbers), so differences are paired.</li>"
            + (WarmUpCheck(base).map { "<li>\(HTMLPage.escape($0.sentence))</li>" } ?? "")
            + (comparison.precision.map { "<li>\(HTMLPage.escape($0.sentence))</li>" } ?? "")
            + "<li>Intervals: 95% Student's t intervals across replications.</li></ul>"
        html +=
            "<h3>5. Implementation</h3><p>frontdoor \(HTMLPage.escape(manifest.version)), a discrete-event simulation in Swift; \(HTMLPage.escape(manifest.random_numbers)).</p>"
        html +=
            "<h3>6. Code and reproduction</h3><p>Command: <code>\(HTMLPage.escape(manifest.command_line.joined(separator: " ")))</code>. "
            + "The manifest (<code>manifest.json</code>) lists every scenario file with its SHA-256 hash.</p><ul class=\"files\">"
            + manifest.designs.flatMap { $0.files }.map {
                "<li><code>\(HTMLPage.escape($0.path))</code> <span class=\"hash\">\($0.sha256.prefix(16))…</span></li>"
            }.joined()
            + "</ul>"
        return html
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
