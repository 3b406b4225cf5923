import FrontDoorAnalysis
import FrontDoorModel

/// What `frontdoor sensitivity` prints and writes: which assumptions could change the answer.
public enum SensitivityReport {
    /// The effects, those that flip the answer first, then those that move it most (as a share of
    /// the quantity as it is), then the negligible.
    public static func ranked(_ effects: [SensitivityEffect]) -> [SensitivityEffect] {
        func order(_ kind: SensitivityEffect.Kind) -> Int { kind == .flips ? 0 : kind == .moves ? 1 : 2 }
        func size(_ e: SensitivityEffect) -> Double { abs(e.change.mean) / max(abs(e.base.mean), 1e-12) }
        return effects.enumerated().sorted { a, b in
            (order(a.element.kind), -size(a.element), a.offset) < (order(b.element.kind), -size(b.element), b.offset)
        }.map(\.element)
    }

    /// The answer in one sentence: whether any assumption flips it, and which.
    public static func sentence(_ effects: [SensitivityEffect]) -> String {
        let assumptions = Set(effects.map(\.point.range.path)).count
        let flips = ranked(effects).filter { $0.kind == .flips }
        // With two or more designs the answer is the choice between them.
        let choices = Set(effects.map(\.subject).filter { $0.contains(" − ") }).sorted()
        let answer = choices.isEmpty ? "The answer" : "The choice (" + choices.joined(separator: "; ") + ")"
        guard !flips.isEmpty else {
            let moves = Set(effects.filter { $0.kind == .moves }.map(\.point.range.path)).count
            return "\(answer) holds for every assumption tried: none of the \(assumptions) ranges flips it"
                + (moves > 0 ? "; \(moves) move it (below, largest first)." : ", and none moves it.")
        }
        let named = flips.map {
            "\($0.point.range.path) at its \($0.point.end.rawValue) end (\(Figures.prose($0.point.value))) for \($0.measure.id.name)"
        }
        var seen = Set<String>()
        return "\(answer) changes with \(named.filter { seen.insert($0).inserted }.joined(separator: "; ")): "
            + "with that value, \(flips[0].subject)'s \(flips[0].measure.id.name) is "
            + "\(TerminalLayout.format(flips[0].atEnd.mean, flips[0].measure.unit)) against "
            + "\(TerminalLayout.format(flips[0].base.mean, flips[0].measure.unit)) as the files are."
    }

    /// The terminal's table: the sentence, then the first `rows` effects, ranked, in columns (or
    /// a block an effect where `width` is too narrow for them).
    public static func table(_ effects: [SensitivityEffect], rows: Int = 15, width: Int? = nil) -> String {
        let shown = ranked(effects).prefix(rows)
        var lines = [sentence(effects), ""] + SizingReport.fitted([header] + shown.map(cells), width: width, keys: 2)
        if effects.count > shown.count { lines.append("… \(effects.count - shown.count) more in sensitivity.csv") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `report.html`: the answer in a sentence, then a tornado for each measure and design (or
    /// difference) — the assumptions that flip the answer first, then by the size of their
    /// effect — and the table of every effect.
    public static func html(_ effects: [SensitivityEffect], title: String, commandLine: [String]) -> String {
        var body =
            "<header><h1>\(HTMLPage.escape(title))</h1><p class=\"meta\">\(HTMLPage.escape(commandLine.joined(separator: " ")))</p></header>"
            + "<section><h2>The answer</h2><p>\(HTMLPage.escape(sentence(effects)))</p><p class=\"note\">Each assumption is set at the "
            + "low and at the high end of its range, one at a time, the others as in the files, on the same contacts as the designs as "
            + "they are. Bars are the change at each end (the first bar the low end, the second the high end), lines their 95% intervals; "
            + "red: the assumption flips the answer.</p></section>"
        let ranked = ranked(effects)
        var charts: [(measure: MeasureDefinition, subject: String)] = []
        for e in ranked where !charts.contains(where: { $0.measure.id == e.measure.id && $0.subject == e.subject }) {
            charts.append((e.measure, e.subject))
        }
        for (measure, subject) in charts {
            let mine = ranked.filter { $0.measure.id == measure.id && $0.subject == subject }
            var paths: [String] = []
            for e in mine where !paths.contains(e.point.range.path) { paths.append(e.point.range.path) }
            let rows = paths.map { path in
                let ends = mine.filter { $0.point.range.path == path }
                return (
                    label: path, low: ends.first { $0.point.end == .low }?.change, high: ends.first { $0.point.end == .high }?.change,
                    flips: ends.contains { $0.kind == .flips }
                )
            }
            body +=
                "<section><h2>\(HTMLPage.escape(measure.label)): \(HTMLPage.escape(subject))</h2>"
                + SVGChart.tornado(rows, format: { TerminalLayout.signed($0, measure.unit) }, title: "\(measure.label), \(subject)")
                + "</section>"
        }
        body +=
            "<section><h2>Every effect</h2><table><thead><tr>" + (header + ["why"]).map { "<th>\($0)</th>" }.joined()
            + "</tr></thead><tbody>"
        for e in ranked {
            body += "<tr>" + (cells(e) + [e.point.range.why]).map { "<td>\(HTMLPage.escape($0))</td>" }.joined() + "</tr>"
        }
        return HTMLPage.document(title: title, body: body + "</tbody></table></section>")
    }

    /// The columns of an effect in the terminal's table and the page's.
    static let header = ["assumption", "end", "measure", "of", "as it is", "at the end", "change (95% interval)", "class"]

    /// An effect's cells under ``header``.
    static func cells(_ e: SensitivityEffect) -> [String] {
        let unit = e.measure.unit
        return [
            e.point.range.path, "\(e.point.end.rawValue) \(Figures.prose(e.point.value))", e.measure.id.name, e.subject,
            TerminalLayout.format(e.base.mean, unit), TerminalLayout.format(e.atEnd.mean, unit),
            "\(TerminalLayout.signed(e.change.mean, unit)) (\(TerminalLayout.signed(e.change.ci95Low, unit)) to "
                + "\(TerminalLayout.signed(e.change.ci95High, unit)))",
            e.kind.rawValue
        ]
    }

    /// `sensitivity.csv`: one row per assumption, end, measure and design (or difference), ranked.
    public static func csv(_ effects: [SensitivityEffect]) -> String {
        var rows = [
            [
                "assumption", "low", "high", "value_in_file", "end", "value_tried", "measure", "of", "as_it_is", "as_it_is_low",
                "as_it_is_high", "at_end", "at_end_low", "at_end_high", "change", "change_low", "change_high", "class", "why"
            ]
        ]
        for e in ranked(effects) {
            let r = e.point.range
            rows.append(
                [
                    r.path, Figures.data(r.low), Figures.data(r.high), Figures.data(r.value), e.point.end.rawValue,
                    Figures.data(e.point.value), e.measure.id.name, e.subject
                ]
                    + [e.base, e.atEnd, e.change].flatMap { [Figures.data($0.mean), Figures.data($0.ci95Low), Figures.data($0.ci95High)] }
                    + [e.kind.rawValue, r.why])
        }
        return CSVTables.table(rows)
    }
}

extension SensitivityReport {
    /// Morris's screening on the terminal: for each measure and design (or difference), the values
    /// ranked by the mean size of their elementary effects, with their mean and spread.
    public static func morrisTable(_ effects: [MorrisEffect], width: Int? = nil) -> String {
        let header = ["measure", "of", "assumption", "mean size (μ*)", "mean (μ)", "spread (σ)", "moves"]
        let body = effects.map { e in
            [
                e.measure.id.name, e.subject, e.range.path, TerminalLayout.format(e.meanSize, e.measure.unit),
                TerminalLayout.signed(e.mean, e.measure.unit), TerminalLayout.format(e.spread, e.measure.unit), "\(e.effects.count)"
            ]
        }
        return
            ([
                "Each value's effect across its whole range, from moves in \(effects.map(\.effects.count).max() ?? 0) trajectories; "
                    + "a spread large against the mean size: the effect depends on the other values.", ""
            ]
            + SizingReport.fitted([header] + body, width: width, keys: 3)).joined(separator: "\n") + "\n"
    }

    /// `morris.csv`: one row per value, measure and design (or difference), with every
    /// elementary effect.
    public static func morrisCSV(_ effects: [MorrisEffect]) -> String {
        var rows = [["measure", "of", "assumption", "low", "high", "mean_size", "mean", "spread", "effects"]]
        for e in effects {
            rows.append(
                [
                    e.measure.id.name, e.subject, e.range.path, Figures.data(e.range.low), Figures.data(e.range.high),
                    Figures.data(e.meanSize),
                    Figures.data(e.mean), Figures.data(e.spread), e.effects.map(Figures.data).joined(separator: " ")
                ])
        }
        return CSVTables.table(rows)
    }
}
