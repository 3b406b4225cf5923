import Foundation
import FrontDoorAnalysis
import FrontDoorModel

/// The report's sections of figures: key figures, backlog, timeliness, decision load, teams, outcomes, cost and assumptions.
extension HTMLReport {
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
            + "<figcaption>Average elapsed hours per contact decided: waiting for each step to start (light), from the start to the end of its work "
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
}
