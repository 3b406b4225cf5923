import Foundation
import FrontDoorAnalysis
import FrontDoorModel

/// The opening of the report: the designs at a glance against the targets, and the summary's sentences.
extension HTMLReport {
    /// The measures the opening screen shows, in its order.
    static let glanceMeasures: [MeasureID] = [
        .decidedWithin3WorkingDays, .redDecidedWithin4WorkingHours, .backlogMean, .decisionsPerManagerDayP95,
        .decisionsPerDeciderDayMean,
        .assessmentsStarted, .assessmentsUnnecessary, .childrenNeedMissed, .cashCost, .downstreamCost
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
            .assessmentsStarted, .assessmentsUnnecessary, .childrenNeedMissed, .cashCost, .downstreamCost
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
        // What referring less (or more) costs, where both designs model the children's need.
        for (design, differences) in zip(comparison.designs, comparison.differences).dropFirst()
        where design.concerns.isEmpty && base.concerns.isEmpty {
            guard case .frontDoor(let model) = design.scenario.model, let quality = model.decisionQuality else { continue }
            if let tradeOff = referralTradeOff(
                design: design.scenario.name, base: base.scenario.name, differences, missedReturn: quality.missedNeedReturn)
            {
                items.append(tradeOff)
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

    /// "cads refers 2,966 fewer children a year than norfolk-before. If its decisions see the
    /// children's need as clearly as assumed, 2,502 of them needed no assessment, and 101 more
    /// children in need a year have their contact closed…": what a clear change in referrals is made of, where
    /// both designs model the children's real need.
    static func referralTradeOff(design: String, base: String, _ differences: [MeasureSummary], missedReturn: Double) -> String? {
        func find(_ family: MeasureID.Family) -> MeasureSummary? { differences.first { $0.id == MeasureID(family) } }
        guard let referred = find(.childrenReferred), let unnecessary = find(.assessmentsUnnecessary),
            let missed = find(.childrenNeedMissed), referred.ci95Low > 0 || referred.ci95High < 0
        else { return nil }
        func count(_ x: Double) -> String { HTMLPage.escape(Figures.grouped(Int(abs(x).rounded()))) }
        func range(_ m: MeasureSummary) -> String {
            "95% interval \(HTMLPage.escape(signed(m.ci95Low, m.definition))) to \(HTMLPage.escape(signed(m.ci95High, m.definition)))"
        }
        let fewer = referred.mean < 0
        let needless =
            (unnecessary.mean < 0) == fewer
            ? "\(count(unnecessary.mean)) of them \(fewer ? "needed" : "need") no assessment (\(range(unnecessary)))"
            : "the children assessed who need no assessment change by \(HTMLPage.escape(signed(unnecessary.mean, unnecessary.definition))) (\(range(unnecessary)))"
        let clearMiss = missed.ci95Low > 0 || missed.ci95High < 0
        let misses =
            clearMiss
            ? "\(count(missed.mean)) \(missed.mean > 0 ? "more" : "fewer") children in need a year have their contact closed (\(range(missed))); "
                + "\(HTMLPage.escape(Figures.prosePercent(missedReturn))) of missed children come back within the year, more urgent"
            : "no clear change in the children in need it closes (\(range(missed)))"
        return
            "<strong>\(HTMLPage.escape(design))</strong> refers \(count(referred.mean)) \(fewer ? "fewer" : "more") children a year than "
            + "\(HTMLPage.escape(base)) (\(range(referred))). If its decisions see the children's need as clearly as assumed "
            + "(<code>decision_quality</code>, an assumption), \(needless), and \(misses)."
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
        case .assessmentsUnnecessary:
            return "\(d) \(conditional ? "would assess" : "assesses") \(x) children a year who were not in need (unnecessary assessments)"
        case .childrenNeedMissed:
            return "\(d) \(conditional ? "would close" : "closes") the contacts of \(x) children a year who were in need (missed needs)"
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
}
