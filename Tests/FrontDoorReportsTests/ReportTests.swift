import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorTestSupport
import ScenarioFiles
import ScenarioModel
import Testing

@testable import FrontDoorReports

let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots").path

/// A small comparison — a front door with one decider against one with two — run the same way
/// every time, for snapshots of the files and a look at the report in a browser.
enum ReportFixture {
    static func scenario(_ name: String, people: Int, overrides: [String] = []) throws -> Scenario {
        try ScenarioLoader.parse(
            """
            scenario: \(name)
            start_date: 2025-04-01
            run: {horizon_days: 70, warm_up_days: 14}
            demand:
              contacts_per_year: 4000
              sources:
                police: {share: 0.6, channels: {police_notification: 1}, rag: {red: 0.1, amber: 0.3, green: 0.6}, hour_weights: evening}
                schools: {share: 0.4, channels: {phone: 1}, rag: {red: 0.1, amber: 0.4, green: 0.5}, hour_weights: office, school_holiday_factor: 0.3}
            teams:
              screeners: {grade: sw, people: 2, hours: {weekdays: "09:00-17:00"}}
              managers: {grade: tm, decision_role: oversees, people: \(people), hours: {weekdays: "09:00-17:00"}}
            stages:
              screen: {team: screeners, minutes: {distribution: lognormal, mean: 30, sd: 15}}   # assumption: a guess for the test
              decide: {team: managers, minutes: {distribution: exponential, mean: 20}, decides: true}
            outcomes:
              red: {strategy: 0.6, referral: 0.4}
              amber: {referral: 0.5, early_help: 0.3, nfa: 0.2}
              green: {early_help: 0.3, nfa: 0.7}
            decision_quality:   # assumption: a guess for the test
              need:
                red: {protection: 0.6, in_need: 0.3, early_help: 0.1}
                amber: {in_need: 0.4, early_help: 0.3, none: 0.3}
                green: {in_need: 0.05, early_help: 0.35, none: 0.6}
              noise: 0.5
              missed_need_return_within_12_months: 0.5
              not_in_need_closed_before_assessment: 0.1
            costs: {salaries: {sw: 38000, tm: 50000}, employer_ni: {rate: 0, threshold: 0}, pension_rate: 0.295, downstream: {hourly_cost: 40, assessment_hours: 20}}
            targets: ["decided_within_3wd >= 85%", "decisions_per_manager_day.p95 <= 30"]
            """, file: "\(name).yaml", overrides: overrides)
    }

    static let comparison: DesignComparison = Comparison.run(
        [try! scenario("one-manager", people: 1), try! scenario("two-managers", people: 2)],
        settings: ExperimentSettings(replications: 4, seed: 11, jobs: 2))

    static let manifest = RunManifest(
        comparison, version: "test", commandLine: ["frontdoor", "compare", "one.yaml", "two.yaml"],
        now: Date(timeIntervalSince1970: 1_795_000_000))

    static let html = HTMLReport.render(comparison, manifest: manifest)

    /// The report's skeleton: its sections, headings and how many charts and tables each holds.
    static func skeleton(_ html: String) -> String {
        html.components(separatedBy: "<section id=\"").dropFirst().map { part in
            let id = part.prefix { $0 != "\"" }
            let headings = part.components(separatedBy: "<h3>").dropFirst().map { "  h3 " + $0.prefix { $0 != "<" } }
            return
                "section \(id): \(part.components(separatedBy: "<svg").count - 1) charts, \(part.components(separatedBy: "<table").count - 1) tables"
                + (headings.isEmpty ? "" : "\n" + headings.joined(separator: "\n"))
        }.joined(separator: "\n") + "\n"
    }
}

/// Compares `text` with the snapshot file `name`; with FRONTDOOR_RECORD_SNAPSHOTS=1 in the
/// environment, writes it instead (and the test fails, so that recording is never silent).
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let path = snapshots + "/" + name
    // Bytes, not strings: a byte-order mark must survive the comparison.
    if ProcessInfo.processInfo.environment["FRONTDOOR_RECORD_SNAPSHOTS"] == "1" {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        Issue.record("recorded the snapshot \(name); run again without FRONTDOOR_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    let expected = try #require(FileManager.default.contents(atPath: path), "no snapshot \(name)", sourceLocation: sourceLocation)
    #expect(
        Data(text.utf8) == expected, "\(name) differs from its snapshot; if the change is intended, record it again",
        sourceLocation: sourceLocation)
}

@Suite struct ReportTests {
    @Test func summaryAndDifferenceTablesMatchTheirSnapshots() throws {
        try assertSnapshot(CSVTables.summary(ReportFixture.comparison), named: "summary.csv")
        try assertSnapshot(CSVTables.differences(ReportFixture.comparison), named: "differences.csv")
        let daily = CSVTables.daily(ReportFixture.comparison).components(separatedBy: "\r\n").prefix(40).joined(separator: "\r\n")
        try assertSnapshot(daily, named: "daily-first-rows.csv")
    }

    @Test func theReportKeepsItsStructure() throws {
        try assertSnapshot(ReportFixture.skeleton(ReportFixture.html), named: "report-skeleton.txt")
    }

    @Test func theReportIsSelfContained() {
        let html = ReportFixture.html
        #expect(!html.contains("<script"))
        #expect(
            !html.contains("http://")
                || html.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/2000/svg") })
        #expect(!html.contains("https://"))
        #expect(html.contains("@page{size:A4"))
        #expect(html.contains("With <strong>two-managers</strong>"))
        #expect(html.contains("stages.screen (one-manager.yaml:13): a guess for the test"))
    }

    /// The manifest's time, checked against `date -u -d @SECONDS +%FT%TZ`: leap days, the turn of
    /// a century that is not a leap year, before 1970, and a fraction of a second dropped.
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"), (951_782_399.9, "2000-02-28T23:59:59Z"), (951_782_400, "2000-02-29T00:00:00Z"),
        (951_868_800, "2000-03-01T00:00:00Z"), (-1, "1969-12-31T23:59:59Z"), (1_709_251_199, "2024-02-29T23:59:59Z"),
        (1_795_000_000, "2026-11-18T11:06:40Z"), (4_102_444_800, "2100-01-01T00:00:00Z")
    ])
    func theManifestWritesItsTimeInUTC(seconds: Double, expected: String) {
        #expect(RunManifest.utc(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func theManifestRecordsWhenItWasMadeAndWritesItInItsFile() throws {
        // Made now, it records now: the same second as the clock read around it, or the next.
        let before = RunManifest.utc(Date())
        let manifest = RunManifest(ReportFixture.comparison, version: "test", commandLine: ["frontdoor", "run", "one.yaml"])
        let after = RunManifest.utc(Date())
        #expect(manifest.created_utc >= before && manifest.created_utc <= after, "\(manifest.created_utc)")
        // The time given is the one the file says.
        let text = try ReportFixture.manifest.text()
        #expect(text.contains("\"created_utc\" : \"2026-11-18T11:06:40Z\"") || text.contains("\"created_utc\":\"2026-11-18T11:06:40Z\""))
    }

    @Test func theBudgetIsTidyInWholePoundsWithTheChangeFromTheBaseline() throws {
        let view = try #require(FinanceView(ReportFixture.comparison))
        let csv = BudgetView.csv(view)
        try assertSnapshot(csv, named: "budget.csv")
        let rows = csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        // Two designs × four financial years × (two teams and nine lines).
        #expect(rows.count == 2 * 4 * (2 + BudgetView.lines.count))
        #expect(rows.allSatisfy { $0[2] == "2025/26" && Int($0[11]) != nil })
        #expect(Set(rows.map { $0[3] }) == ["2025/26", "2026/27", "2027/28", "2028/29"])
        // The second manager costs £50,000 with on-costs of 30% (pension 29.5%, levy 0.5%, no NI
        // in the fixture), every year, in cash.
        let cash = rows.filter { $0[0] == "two-managers" && $0[4] == "cash total" }
        #expect(cash.count == 4 && cash.allSatisfy { $0[12] == "65000" })
        #expect(view.designs[0].change == nil && !view.designs.contains { !$0.idleTeams.isEmpty })
    }

    @Test func aSingleDesignHasItsOwnBudgetAndAPaidTeamWithNoWorkIsFlagged() throws {
        let idle = try ReportFixture.scenario(
            "with-support", people: 1, overrides: ["teams.support={grade: sw, people: 2, hours: {weekdays: \"09:00-17:00\"}}"])
        let view = try #require(FinanceView(Comparison.run([idle], settings: ExperimentSettings(replications: 2, seed: 11, jobs: 2))))
        #expect(!view.hasBaseline && view.designs[0].idleTeams == ["support"])
        let html = BudgetView.html(view)
        #expect(html.contains("There is no baseline to compare with"))
        #expect(html.contains("team support is paid, but the model gives them no contacts"))
        #expect(html.contains("All amounts at 2025/26 prices"))
    }

    @Test func aDesignThatCannotKeepUpIsFlaggedWhereverItIsCompared() throws {
        // One screener for 40,000 contacts a year: the work piles up. Its lower staff cost is no saving.
        let failing = try ReportFixture.scenario(
            "one-screener", people: 1, overrides: ["teams.screeners.people=1", "demand.contacts_per_year=40000"])
        let comparison = Comparison.run(
            [try ReportFixture.scenario("two-managers", people: 2), failing],
            settings: ExperimentSettings(replications: 2, seed: 11, jobs: 2))
        #expect(!comparison.designs[1].concerns.isEmpty)
        let html = HTMLReport.render(comparison, manifest: ReportFixture.manifest)
        let keyFigures = try #require(html.components(separatedBy: "id=\"key-figures\"").last?.components(separatedBy: "</section>").first)
        #expect(keyFigures.contains("cannot keep up: work is piling up"))
        #expect(
            keyFigures.contains("not sustainable: work is piling up") && keyFigures.contains("not a fair comparison: work is piling up"))
        // The changes laid over its file are shown at the top and beside its name.
        #expect(
            html.contains(
                "<strong>one-screener</strong> is changed from its file: teams.screeners.people=1; demand.contacts_per_year=40000"))
        #expect(keyFigures.contains("with teams.screeners.people=1; demand.contacts_per_year=40000"))
        // Its teams: the screener is flagged as over 85% busy.
        #expect(html.contains("Over 85% busy in one-screener: screeners"))
        // Every design's warm-up is checked, and no share's interval passes 100%.
        #expect(html.contains("two-managers: ") && html.components(separatedBy: "left out of every figure,").count >= 3)
        for design in comparison.designs {
            for summary in design.summaries where summary.definition.unit == .fraction {
                #expect(summary.ci95Low >= 0 && summary.ci95High <= 1, "\(summary.id)")
            }
        }
    }

    @Test func theSummarySaysWhereTheTimeToADecisionChangesMost() {
        // A second manager halves the queue for the decision: that is the step named.
        #expect(
            ReportFixture.html.contains(
                "<strong>two-managers</strong>: the time to a decision changes most waiting for the decide step to start: shorter by"))
    }

    @Test func aPlanningTableTooWideForTheTerminalBecomesAList() {
        let rows = [
            ["posts", "decided_within_3wd ≥ 0.85", "decisions_per_manager_day.p95 ≤ 45"],
            ["2", "87.1% (84.7% to 89.4%)", "52.2 (52.2 to 52.2)"]
        ]
        let wide = SizingReport.fitted(rows, width: nil, keys: 1)
        #expect(wide.count == 2 && wide[1].hasPrefix("2 "))
        let narrow = SizingReport.fitted(rows, width: 50, keys: 1)
        #expect(
            narrow.first == "posts = 2"
                && narrow.contains { $0.contains("decided_within_3wd ≥ 0.85") && $0.hasSuffix("87.1% (84.7% to 89.4%)") })
        #expect(narrow.allSatisfy { $0.count <= 70 })
    }

    @Test func aHeatMapShadesOnlyCellsThatDifferClearlyFromTheFirst() {
        // Four cells: the second differs clearly (shaded as itself), the third and fourth do not
        // (shaded as the first), whatever their means.
        let svg = SVGChart.heatMap(
            rows: ["a", "b"], columns: ["x", "y"], values: [3_580, 3_611, 9_000, 100], differs: [false, true, false, false],
            format: { String(Int($0)) }, title: "t")
        let fills = svg.components(separatedBy: "fill=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(fills.count == 4)
        #expect(fills[2] == fills[0] && fills[3] == fills[0] && fills[1] != fills[0])
        // Each cell still shows its own figure.
        #expect(svg.contains(">9000<") && svg.contains(">100<"))
    }

    @Test func dailyTableHasADayForEveryMeasuredDay() {
        let lines = CSVTables.daily(ReportFixture.comparison).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // Two designs × 56 measured days × 3 series, and a header.
        #expect(lines.count == 1 + 2 * 56 * 3)
        #expect(lines.contains { $0.hasPrefix("one-manager,2025-04-15,yes,backlog,") })
        #expect(lines.contains { $0.hasPrefix("one-manager,2025-04-19,no,backlog,,,,") })
    }
}

/// The report as a person sees it: rendered by a real headless browser. Needs Debian's
/// `chromium`; `.ci/run` installs it. Without it the test is skipped, except under CI.
@Suite struct BrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil || ProcessInfo.processInfo.environment["CI"] != nil, "chromium is not installed"))
    func theReportRendersWithEveryChartAndNoErrors() throws {
        let browser = try #require(Self.chromium, "chromium is required under CI")
        let folder = NSTemporaryDirectory() + "frontdoor-browser-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try OutputFolder(path: folder).write(ReportFixture.comparison, manifest: ReportFixture.manifest)
        let page = URL(fileURLWithPath: folder + "/report.html").absoluteString

        let dom = try run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", "--dump-dom", page])
        #expect(dom.status == 0)
        let charts = ReportFixture.html.components(separatedBy: "<svg").count - 1
        #expect(charts >= 8)
        #expect(dom.output.components(separatedBy: "<svg").count - 1 == charts, "the browser's page lost charts")
        #expect(dom.output.contains("<h2>Summary</h2>") && dom.output.contains("Key figures"))
        for error in ["Uncaught", "CONSOLE(", "Failed to load resource"] {
            #expect(
                !dom.errors.contains(error),
                "browser reported: \(dom.errors.split(separator: "\n").filter { $0.contains(error) }.prefix(3))")
        }

        let shot = folder + "/report.png"
        let screenshot = try run(
            browser, ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=900,2400", "--screenshot=\(shot)", page])
        #expect(screenshot.status == 0)
        let png = try #require(FileManager.default.contents(atPath: shot))
        // A blank page compresses to a few kilobytes; a page of text and charts to far more.
        #expect(png.count > 60_000, "screenshot of \(png.count) bytes looks blank")
    }

    @Test(.enabled(if: chromium != nil || ProcessInfo.processInfo.environment["CI"] != nil, "chromium is not installed"))
    func everyChartLabelLiesInsideItsChart() throws {
        // The report carries no scripts; a copy gets one that measures every text element of
        // every chart in the browser and writes what sticks out of its chart into the page.
        let browser = try #require(Self.chromium, "chromium is required under CI")
        let folder = NSTemporaryDirectory() + "frontdoor-labels-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let probe = """
            <script>
            const out = [];
            document.querySelectorAll('svg').forEach((svg, i) => {
              const box = svg.getBoundingClientRect();
              svg.querySelectorAll('text').forEach(t => {
                const b = t.getBoundingClientRect();   // on screen, so rotated labels count as drawn
                if (b.left < box.left - 0.5 || b.top < box.top - 0.5 || b.right > box.right + 0.5 || b.bottom > box.bottom + 0.5)
                  out.push(i + ': ' + t.textContent);
              });
            });
            const pre = document.createElement('pre');
            pre.id = 'probe';
            pre.textContent = document.querySelectorAll('svg').length + ' charts; clipped: ' + JSON.stringify(out);
            document.body.appendChild(pre);
            </script>
            """
        let page = folder + "/report.html"
        try Data(ReportFixture.html.replacingOccurrences(of: "</body>", with: probe + "</body>").utf8).write(to: URL(fileURLWithPath: page))
        let dom = try run(
            browser,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", "--dump-dom",
                URL(fileURLWithPath: page).absoluteString
            ])
        let result = try #require(dom.output.components(separatedBy: "<pre id=\"probe\">").last?.components(separatedBy: "</pre>").first)
        let charts = ReportFixture.html.components(separatedBy: "<svg").count - 1
        #expect(result == "\(charts) charts; clipped: []", "\(result)")
        // The opening screen: a chart per headline measure and the targets in words.
        let glance = try #require(
            ReportFixture.html.components(separatedBy: "id=\"at-a-glance\"").last?.components(separatedBy: "</section>").first)
        #expect(glance.components(separatedBy: "<svg").count - 1 == HTMLReport.glanceMeasures.count)
        #expect(
            glance.contains("class=\"target\"")
                && (glance.contains("meets: ") || glance.contains("misses by ") || glance.contains("too close to call")))
    }

    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let outcome = try runProcess(URL(fileURLWithPath: executable), arguments)
        return (outcome.status, outcome.standardOutput, outcome.standardError)
    }
}
