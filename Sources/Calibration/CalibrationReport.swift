import Foundation
import FrontDoorModel
import FrontDoorReports
import ScenarioFiles

/// What `calibrate annex-a` writes: a demand file a design can `extends`, and the data-quality
/// report as CSV and HTML. Every count under 5 is shown as "<5", and no child identifier, date of
/// birth or worker name appears in any of them.
public enum CalibrationReport {

    static func share(_ share: DemandCalibration.Share) -> String {
        share.count < 5 || share.of - share.count < 5
            ? "fewer than 5 either way of \(Figures.suppressedCount(share.of))"
            : "\(Figures.suppressedCount(share.count)) of \(Figures.suppressedCount(share.of))"
    }

    static func list(_ values: [Double]) -> String { "[" + values.map { Figures.decimals($0) }.joined(separator: ", ") + "]" }

    /// `demand.yaml`: extends `base` (a path relative to the output folder) and sets what the
    /// extract measures; `baseSources` are the source groups the base file has.
    public static func demandYAML(_ c: DemandCalibration, extract: AnnexAExtract, base: String, baseSources: [SourceGroup]) -> String {
        let period = "\(c.from.iso) to \(c.to.iso) (\(c.days) days)"
        var file = ScenarioFileText(header: [
            "Demand calibrated by `frontdoor calibrate annex-a` from \(extract.files.map(\.role).joined(separator: ", ")),",
            "\(period): \(Figures.suppressedCount(c.contacts)) contacts, \(Figures.suppressedCount(c.mappedContacts)) with a source in the codes file.",
            "Channels, RAG ratings, information completeness and (without timed contacts) the hours of the",
            "day are not in Annex A: they come from the file this extends, where they are marked."
        ])
        file.set("extends", to: base)
        file.note(
            [
                "\(Figures.suppressedCount(c.contacts)) contacts in \(c.days) days, put on a year with the month, weekday and holiday",
                "effects below, less the \(Figures.suppressedCount(c.repeatContacts)) about a child with a contact in the 12 months before",
                "(the model adds its own re-contacts)."
            ], before: "demand.contacts_per_year")
        file.set("demand.contacts_per_year", to: String(Int(c.contactsPerYear.rounded())))
        file.set(
            "demand.overdispersion", to: Figures.decimals(c.overdispersion),
            comment: "from the daily counts against the fitted model (method of moments)")
        file.note(
            [
                "January first; weekday and school-holiday effects taken out, mean 1"
                    + (c.monthsMissing.isEmpty
                        ? "" : "; months \(c.monthsMissing.map(String.init).joined(separator: ", ")) not in the period, left at 1")
            ], before: "demand.month_weights")
        file.set("demand.month_weights", to: list(c.monthWeights))
        let measured = Dictionary(uniqueKeysWithValues: c.sources.map { ($0.group, $0) })
        // Shares to six places, the largest taking the rounding, so that they add up to 1 exactly.
        var shares = Dictionary(uniqueKeysWithValues: c.sources.map { ($0.group, ($0.share * 1e6).rounded() / 1e6) })
        if let largest = c.sources.max(by: { $0.share < $1.share }) {
            shares[largest.group] = 1 - shares.filter { $0.key != largest.group }.values.reduce(0, +)
        }
        for group in SourceGroup.allCases where measured[group] != nil || baseSources.contains(group) {
            let key = "demand.sources.\(group.name)"
            guard let source = measured[group] else {
                file.set(key + ".share", to: "0", comment: "no contact from this source in the extract")
                continue
            }
            file.set(
                key + ".share", to: Figures.decimals(shares[group] ?? 0, 6),
                comment: "\(Figures.suppressedCount(source.contacts)) contacts (codes \(group.codes.joined(separator: ", ")))")
            if !baseSources.contains(group) {
                file.set(key + ".channels", to: "{phone: 1}", comment: "assumption: not in Annex A, and not in the file this extends")
                file.set(
                    key + ".rag", to: "{red: 0.05, amber: 0.35, green: 0.60}",
                    comment: "assumption: not in Annex A, and not in the file this extends")
            }
            if let weekdays = source.weekdayWeights, let holidays = source.schoolHolidayFactor {
                file.set(key + ".weekday_weights", to: list(weekdays), comment: "Monday first, mean 1")
                file.set(
                    key + ".school_holiday_factor", to: Figures.decimals(holidays),
                    comment: "contacts on English school-holiday days against term days")
            } else {
                file.note(
                    [
                        "too few contacts (under \(DemandCalibration.profileMinimum)) for weekday and holiday effects of its own: "
                            + "those of the file this extends"
                    ], before: key + ".share")
            }
            if let hours = source.hourWeights {
                file.set(
                    key + ".hour_weights", to: list(hours),
                    comment: "from \(Figures.suppressedCount(source.timedContacts)) timed contacts, midnight first")
            }
        }
        var notes: [String] = []
        // Results of the design's decisions (the children's real need, the noise in what deciders
        // see of it, and the second look a referral gets), not values to set: noted to check the
        // model against.
        if let start = c.assessmentStart {
            notes.append(
                "  referrals with an assessment of the child started within 45 days: \(Figures.decimals(start.value * 100, 1))% (\(share(start))); "
                    + "compare one minus the model's referrals.nfa_share, which follows from decision_quality")
        }
        for source in c.sources {
            if let flagged = source.referred {
                notes.append(
                    "  \(source.group.name): \(Figures.decimals(flagged.value * 100, 1))% of contacts became a new referral (\(share(flagged)), outcome flags)"
                )
            } else if let linked = c.linkedConversion[source.group] {
                notes.append(
                    "  \(source.group.name): \(Figures.decimals(linked.value * 100, 1))% of contacts were followed by a referral of the child within 7 days (\(share(linked)))"
                )
            }
        }
        if let nfa = c.referralNFA {
            notes.append("  referrals ending in no further action: \(Figures.decimals(nfa.value * 100, 1))% (\(share(nfa)))")
        }
        if let notInNeed = c.assessedNotInNeed {
            notes.append(
                "  assessments finding no need for social care support: \(Figures.decimals(notInNeed.value * 100, 1))% (\(share(notInNeed))); "
                    + "compare the model's referrals.not_in_need_share, which follows from decision_quality")
        }
        if let again = c.rereferral {
            notes.append(
                "  re-referrals (a referral within 12 months of another): \(Figures.decimals(again.value * 100, 1))% (\(share(again)))")
        }
        if !notes.isEmpty {
            file.end(with: ["Measured for checking the design's outcome tables, which decide by RAG rating, not source:"] + notes)
        }
        return file.text
    }

    /// `data-quality.csv`: one row per file and finding.
    public static func dataQualityCSV(_ extract: AnnexAExtract, _ c: DemandCalibration) -> String {
        var rows = [["file", "role", "item", "detail", "count"]]
        for file in extract.files {
            rows.append([file.file, file.role, "rows read", "", Figures.suppressedCount(file.rowsRead)])
            rows.append([file.file, file.role, "rows used", "", Figures.suppressedCount(file.rowsUsed)])
            for (reason, n) in file.dropped.sorted(by: { $0.key < $1.key }) {
                rows.append([file.file, file.role, "rows dropped", reason, Figures.suppressedCount(n)])
            }
            for header in file.headers {
                rows.append([file.file, file.role, "column for \(header.field)", header.header ?? "(none found)", ""])
            }
        }
        for (value, n) in extract.unmapped.sorted(by: { ($0.value, $0.key) > ($1.value, $1.key) }) {
            rows.append(["", "List 1 (contacts)", "source value not in the codes file", value, Figures.suppressedCount(n)])
        }
        for (month, n) in extract.contactsByMonth {
            rows.append(["", "List 1 (contacts)", "contacts in month", month, Figures.suppressedCount(n)])
        }
        return CSVTables.table(rows)
    }

    /// `data-quality.html`: the same, to read.
    public static func dataQualityHTML(_ extract: AnnexAExtract, _ c: DemandCalibration) -> String {
        func htmlCount(_ n: Int) -> String { HTMLPage.escape(Figures.suppressedCount(n)) }
        var html =
            "<h1>Data quality of the extract</h1><p>Period \(HTMLPage.escape(c.from.iso)) to \(HTMLPage.escape(c.to.iso)) (\(c.days) days). "
            + "Counts under 5 are shown as &lt;5. No identifier is shown.</p>"
        for file in extract.files {
            html +=
                "<h2>\(HTMLPage.escape(file.role)): \(HTMLPage.escape(file.file))</h2><table><tr><th>rows read</th><td class=\"n\">\(htmlCount(file.rowsRead))</td></tr>"
                + "<tr><th>rows used</th><td class=\"n\">\(htmlCount(file.rowsUsed))</td></tr>"
            for (reason, n) in file.dropped.sorted(by: { $0.key < $1.key }) {
                html += "<tr><th>dropped: \(HTMLPage.escape(reason))</th><td class=\"n\">\(htmlCount(n))</td></tr>"
            }
            html +=
                "</table><table><tr><th>field</th><th>column found</th></tr>"
                + file.headers.map {
                    "<tr><td>\(HTMLPage.escape($0.field))</td><td>\(HTMLPage.escape($0.header ?? "none found"))</td></tr>"
                }.joined()
                + "</table>"
        }
        if !extract.unmapped.isEmpty {
            let total = extract.unmapped.values.reduce(0, +)
            html +=
                "<h2 class=\"warning\">Source values not in the codes file</h2><p>\(htmlCount(total)) contacts count towards the volume but not the "
                + "source mix. Add each value under its code in the codes file and run again.</p><table><tr><th>value</th><th>contacts</th></tr>"
                + extract.unmapped.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.map {
                    "<tr><td>\(HTMLPage.escape($0.key))</td><td class=\"n\">\(htmlCount($0.value))</td></tr>"
                }.joined()
                + "</table>"
        }
        html +=
            "<h2>Contacts by month</h2><table><tr><th>month</th><th>contacts</th></tr>"
            + extract.contactsByMonth.map { "<tr><td>\($0.0)</td><td class=\"n\">\(htmlCount($0.1))</td></tr>" }.joined()
            + "</table>"
        return HTMLPage.document(title: "Data quality of the extract", body: html)
    }
}
