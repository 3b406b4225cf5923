import Foundation
import FrontDoorTestSupport
import Testing

/// Bad input, as a careless or hostile user gives it: each case is refused with a non-zero exit
/// and a message that says what was wrong, never a crash or a hang.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let status: Int32
        /// Words the message on standard error must contain.
        let words: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// Files made for the cases below, in a fresh folder.
    static let folder: String = {
        let folder = NSTemporaryDirectory() + "frontdoor-bad-input-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        mkfifo(folder + "/pipe.yaml", 0o600)
        // A file that could not be made fails its case, whose message then names a missing file.
        func make(_ name: String, _ contents: Data) { _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: contents) }
        make("huge.yaml", Data(repeating: UInt8(ascii: "a"), count: 5 << 20))
        make("tabs.yaml", Data("scenario: x\n\trun: 1\n".utf8))
        make("tabs-nested.yaml", Data("scenario: x\nrun:\n\thorizon_days: 1\n".utf8))
        // "Billion laughs": aliases of aliases, as keys and as values.
        var keys = ["a0: &a0 {x: 1, y: 2}"], values = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1..<25 { keys.append("a\(level): &a\(level) {? *a\(level - 1) : 1, ? [*a\(level - 1)] : 2}") }
        for level in 1..<8 {
            values.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        make("laughs-keys.yaml", Data(keys.joined(separator: "\n").utf8))
        make("laughs-values.yaml", Data(values.joined(separator: "\n").utf8))
        make("deep.yaml", Data(("a: " + String(repeating: "[", count: 1100) + String(repeating: "]", count: 1100)).utf8))
        let tandem = (try? String(contentsOfFile: packageRoot + "/Scenarios/benchmarks/tandem.yaml", encoding: .utf8)) ?? ""
        make("long.yaml", Data(tandem.replacingOccurrences(of: "horizon_days: 365", with: "horizon_hours: 1e12").utf8))
        return folder
    }()

    static let cases: [Case] = [
        Case(arguments: ["check", "Scenarios"], status: 1, words: ["Scenarios", "is a folder"]),
        Case(arguments: ["check", "/dev/null"], status: 1, words: ["/dev/null", "not a regular file"]),
        Case(arguments: ["check", folder + "/pipe.yaml"], status: 1, words: ["pipe.yaml", "not a regular file"]),
        Case(arguments: ["check", folder + "/huge.yaml"], status: 1, words: ["huge.yaml", "5.0 MB", "at most 4 MB"]),
        Case(
            arguments: ["check", folder + "/tabs.yaml"], status: 1,
            words: ["tabs.yaml:2", "a tab character in the indentation; indent with spaces"]),
        Case(
            arguments: ["check", folder + "/tabs-nested.yaml"], status: 1,
            words: ["tabs-nested.yaml:3", "a tab character in the indentation"]),
        Case(arguments: ["check", "Scenarios/nowhere.yaml"], status: 1, words: ["nowhere.yaml", "no such file"]),
        Case(
            arguments: [
                "check", "Scenarios/cads.yaml", "--set",
                "stages.consultation.phone={patience_minutes: 0, call_back_probability: 1, call_back_delay_minutes: 0}"
            ], status: 1,
            words: ["stages.consultation.phone.call_back_delay_minutes", "at least 1 minute"]),
        // Numbers beyond the documented limits: each once crashed or hung.
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "teams.screeners.people=1e19"], status: 1,
            words: ["teams.screeners.people", "more than the limit of 10,000 people"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "teams.screeners.people=1e10"], status: 1,
            words: ["limit of 10,000 people"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "run.horizon_days=1e300"], status: 1,
            words: ["run.horizon_days", "limit of 36,500 days"]),
        Case(
            arguments: ["check", folder + "/long.yaml"], status: 1,
            words: ["run.horizon_hours", "limit of 876,000 hours"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "demand.contacts_per_year=1e300"], status: 1,
            words: ["demand.contacts_per_year", "limit of 10,000,000 contacts a year"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "demand.starting_backlog=1000000000000"], status: 1,
            words: ["demand.starting_backlog", "limit of 200,000 contacts"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "costs.salaries.team_manager=1e19"], status: 1,
            words: ["costs.salaries.team_manager", "limit of £1,000,000 a year"]),
        Case(arguments: ["run", "Scenarios/mash.yaml", "--shard", "-1/3"], status: 1, words: ["shard -1 of 3 does not exist"]),
        Case(arguments: ["run", "Scenarios/mash.yaml", "--shard", "2/2"], status: 1, words: ["shard 2 of 2 does not exist", "0 to 1"]),
        Case(arguments: ["run", "Scenarios/mash.yaml", "--shard", "0/2", "--precision", "0.1"], status: 1, words: ["cannot be sharded"]),
        Case(
            arguments: ["calibrate", "synth", "Scenarios/mash.yaml", "--days", "-3"], status: 1, words: ["--days must be from 28 to 3650"]),
        Case(arguments: ["serve", "Scenarios/mash.yaml", "--port", "-5"], status: 64, words: ["--port must be from 1 to 65535"]),
        Case(arguments: ["merge", "Scenarios", "--output", "Output/x"], status: 1, words: ["holds no shard records"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "costs.price_year=2030/31"], status: 1,
            words: ["costs.salaries", "no national pay award is known for 2026/27", "costs.pay_awards"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "costs.price_year=2025"], status: 1,
            words: ["costs.price_year", "a financial year such as 2025/26"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "costs.pay_year=2029/30", "--set", "costs.price_year=2029/30"], status: 1,
            words: ["costs", "employer's NI for 2029/30", "costs.employer_ni"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "teams.screeners.vacant_posts=1"], status: 1,
            words: ["teams.screeners.vacancy_rate", "vacant_posts or vacancy_rate, not both"]),
        Case(
            arguments: [
                "check", "Scenarios/mash.yaml", "--set", "teams.contact_officers.vacant_posts=1", "--set",
                "teams.contact_officers.agency_cover=1"
            ],
            status: 1, words: ["costs.agency_premium", "no agency premium for grade 'contact_officer'"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "costs.one_off=1e308"], status: 1,
            words: ["costs.one_off", "£10,000,000,000"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "costs.budget={bridging_months: 1, years: 1000000000}"], status: 1,
            words: ["costs.budget.years", "limit of 30 years"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "fatigue={preset: linder, time_increase: 1e300}"],
            status: 1, words: ["fatigue.time_increase", "from 0 to 1"]),
        Case(
            arguments: ["check", "Scenarios/peterborough.yaml", "--set", "teams.team_managers.informal_cover=true"],
            status: 1, words: ["teams.team_managers.informal_cover", "only covers informally", "management_oversight"]),
        Case(
            arguments: [
                "check", "Scenarios/what-if/peterborough-service-manager-cover.yaml", "--set", "stages.management_oversight.cover_team=edt"
            ],
            status: 1, words: ["head_of_service", "no stage names it as its cover_team"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "strategy_discussion.participants={police: 1}"],
            status: 1, words: ["strategy_discussion.participants.police", "no team is called 'police'"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "strategy_discussion.participants={screeners: 1, partners: 12}"],
            status: 1, words: ["strategy_discussion.participants.partners", "cannot need 12 of team 'partners'"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "strategy_discussion.participants={edt: 1, partners: 1}"],
            status: 1, words: ["strategy_discussion.participants", "never at work at the same time"]),
        Case(
            arguments: ["sensitivity", "Scenarios/benchmarks/tandem.yaml", "--output", "/tmp/frontdoor-never-written"],
            status: 1, words: ["tandem.yaml gives no ranges", "ranges:"]),
        Case(
            arguments: ["sensitivity", "Scenarios/mash.yaml", "--measure", "backlog.meen"],
            status: 1, words: ["--measure backlog.meen", "backlog.mean"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "stages.screen.referral_factor=0.5"],
            status: 1, words: ["stages.screen.referral_factor", "only to a stage that decides"]),
        Case(
            arguments: ["check", "Scenarios/integrated-front-door.yaml", "--set", "stages.early_help_hub.referral_factor=0.5"],
            status: 1, words: ["stages.early_help_hub.referral_factor", "not both"]),
        Case(
            arguments: [
                "check", "Scenarios/mash.yaml", "--set", "outcomes.by_source.constables={red: {nfa: 1}, amber: {nfa: 1}, green: {nfa: 1}}"
            ],
            status: 1, words: ["outcomes.by_source.constables", "no source group is called 'constables'"]),
        Case(
            arguments: [
                "check", "Scenarios/mash.yaml", "--set", "demand.sources.police.peaks={festive: {from: 12-32, to: 01-04, factor: 1.25}}"
            ],
            status: 1, words: ["demand.sources.police.peaks.festive.from", "month-day", "12-17"]),
        Case(
            arguments: [
                "check", "Scenarios/mash.yaml", "--set",
                "demand.sources.police.batched={channels: [police_notifcation], released_at: \"08:00\"}"
            ],
            status: 1, words: ["demand.sources.police.batched.channels", "not a channel", "did you mean 'police_notification'"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "demand.sources.police.batched={released_at: \"25:00\"}"],
            status: 1, words: ["demand.sources.police.batched.released_at", "time of day"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "teams.screener.people=3"],
            status: 1, words: ["teams.screener", "no team called 'screener'", "did you mean 'screeners'"]),
        Case(
            arguments: [
                "size", "Scenarios/peterborough.yaml", "--team", "team_managers", "--target", "backlog.mean<=50", "--measure",
                "backlg.mean",
                "-r", "1"
            ],
            status: 1, words: ["--measure backlg.mean", "no measure called backlg.mean", "did you mean 'backlog.mean'"]),
        Case(
            arguments: [
                "sweep", "Scenarios/peterborough.yaml", "--vary", "teams.team_managers.people=1,2", "--measure", "backlog.p59", "-r", "1"
            ],
            status: 1, words: ["--measure backlog.p59", "no measure called backlog.p59", "did you mean 'backlog.p95'"]),
        Case(
            arguments: ["sweep", "Scenarios/peterborough.yaml", "--vary", "teams.team_manager.people=1,2", "-r", "1"],
            status: 1, words: ["teams.team_manager", "no team called 'team_manager'", "did you mean 'team_managers'"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "stages.screan.minutes=20"],
            status: 1, words: ["stages.screan", "no stage called 'screan'", "did you mean 'screen'"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "teams.screeners.vacancies=1"],
            status: 1, words: ["teams.screeners.vacancies", "unknown key", "did you mean 'vacant_posts'"]),
        Case(
            arguments: [
                "check", "Scenarios/mash.yaml", "--set",
                "demand.shocks.x={from: 2026-04-01, to: 2026-05-01, factors: {police: 1.5}, ratings: [green]}"
            ],
            status: 1, words: ["demand.shocks.x", "can only remove contacts"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "targets=[\"decided_within_3wd >= 85\"]"],
            status: 1, words: ["targets[0]", "is a share from 0 to 1", "did you mean 0.85 (or 85%)"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "targets=[\"decided_within_3days >= 85%\"]"],
            status: 1, words: ["targets[0]", "no measure is called decided_within_3days", "did you mean 'decided_within_3wd'"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "targets=[\"phone.abandoned_share <= 10%\"]"],
            status: 1, words: ["targets[0]", "this scenario has no measure called phone.abandoned_share"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "fatigue={preset: danziger}"],
            status: 1, words: ["fatigue.preset", "'none', 'modest', 'linder'"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "fatigue={ramp_decisions: 4}"],
            status: 1, words: ["fatigue", "a preset", "default_increase"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "tasks.manager_decision.minutes=1e12"], status: 1,
            words: ["tasks.manager_decision.minutes", "limit of a year (525,600 minutes)"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "tasks.manager_decision.rag_factors.red=1e300"], status: 1,
            words: ["tasks.manager_decision.rag_factors.red", "limit of 100 times as long"]),
        Case(
            arguments: [
                "check", "Scenarios/mash.yaml", "--set", "tasks.manager_decision.minutes={distribution: lognormal, mean: 30, sd: 1e300}"
            ],
            status: 1, words: ["tasks.manager_decision.minutes", "standard deviation", "more than 10 times the mean (30 minutes)"]),
        Case(
            arguments: [
                "check", "Scenarios/mash.yaml", "--set", "tasks.manager_decision.minutes={distribution: lognormal, mean: 30, sd: 1e150}"
            ],
            status: 1, words: ["standard deviation of 1e+150 minutes"]),
        Case(
            arguments: ["compare", "Scenarios/peterborough.yaml", "Scenarios/benchmarks/tandem.yaml"], status: 1,
            words: ["tandem.yaml is a queueing network", "only designs of the same kind"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "scenario=../../elsewhere"], status: 1,
            words: ["scenario:", "'../../elsewhere'"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "calendar.office_hours=17:00-09:00"], status: 1,
            words: ["calendar.office_hours", "end after they start on the same day"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "teams.edt.hours.friday=17:00-09:00"],
            status: 1, words: ["teams.edt.hours", "run past midnight into the hours of weekday 5"]),
        Case(
            arguments: [
                "check", "Scenarios/mash.yaml", "--set", "demand.shocks={old: {from: 1990-01-01, to: 1990-02-01, factors: {police: 2}}}"
            ],
            status: 1, words: ["demand.shocks.old", "falls outside the run"]),
        Case(
            arguments: ["check", folder + "/laughs-keys.yaml"], status: 1,
            words: ["laughs-keys.yaml:2", "alias (*name) cannot be used as a key"]),
        Case(
            arguments: ["check", folder + "/laughs-values.yaml"], status: 1,
            words: ["laughs-values.yaml", "expands to more than 100,000 values"]),
        Case(
            arguments: ["check", "Scenarios/benchmarks/tandem.yaml", "--set", "arrivals.per_day=99999999999999999999"], status: 1,
            words: ["arrivals.per_day", "limit of 240,000 arrivals"]),
        Case(
            arguments: ["check", "Scenarios/cads.yaml", "--set", "teams.cads.hours_per_day=1e-300"], status: 1,
            words: ["teams.cads.hours_per_day", "from 1 to 24"]),
        // Demand that silently came to nothing.
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "demand.overdispersion=1e6"], status: 1,
            words: ["demand.overdispersion", "more than the limit of 5"]),
        Case(
            arguments: [
                "check", "Scenarios/mash.yaml", "--set",
                "demand.month_weights=[1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308]"
            ],
            status: 1, words: ["demand.month_weights[0]", "more than the limit of 1,000,000"]),
        Case(arguments: ["check", folder + "/deep.yaml"], status: 1, words: ["deep.yaml:1", "nested too deeply"]),
        Case(
            arguments: ["check", "Scenarios/mash.yaml", "--set", "costs.agency_premium=1e300"], status: 1,
            words: ["costs.agency_premium", "more than the limit of 10 (1,000%)"]),
        // Output folders that must never be replaced, or that are no folder at all (`.` crashed).
        Case(
            arguments: ["run", "Scenarios/benchmarks/tandem.yaml", "-r", "1", "--output", "."], status: 1,
            words: ["the folder you are working in"]),
        Case(
            arguments: ["run", "Scenarios/benchmarks/tandem.yaml", "-r", "1", "--output", ".."], status: 1,
            words: ["the folder you are working in, or holds it"]),
        Case(
            arguments: ["run", "Scenarios/benchmarks/tandem.yaml", "-r", "1", "--output", ""], status: 1,
            words: ["--output needs the name of a folder"]),
        Case(
            arguments: ["run", "Scenarios/benchmarks/tandem.yaml", "-r", "1", "--output", folder + "/huge.yaml/report/run"], status: 1,
            words: ["cannot make the folder", "huge.yaml is a file, not a folder"]),
        Case(arguments: ["check", ""], status: 1, words: ["no such file"]),
        Case(arguments: ["run", "Scenarios/mash.yaml", "-j", "-1"], status: 64, words: ["--jobs must be between 1 and 1024, not -1"]),
        Case(
            arguments: ["run", "Scenarios/mash.yaml", "-r", "-5"], status: 64,
            words: ["--replications must be between 1 and 100000", "not -5"]),
        Case(
            arguments: ["run", "Scenarios/mash.yaml", "--precision", "-1"], status: 64,
            words: ["--precision must be a share between 0 and 1"]),
        Case(arguments: ["run", "Scenarios/mash.yaml", "--seed", "-1"], status: 64, words: ["--seed", "0 to 4294967295", "-1"]),
        Case(
            arguments: ["size", "Scenarios/peterborough.yaml", "--team", "team_managers", "--target", "backlog.mean<=nan"], status: 1,
            words: ["backlog.mean<=nan", "finite"]),
        Case(
            arguments: ["size", "Scenarios/peterborough.yaml", "--team", "team_managers", "--target", "backlog.average<=10"], status: 1,
            words: ["no measure is called backlog.average"]),
        Case(
            arguments: ["sweep", "Scenarios/peterborough.yaml", "--vary", "teams.team_managers.people=1,many"], status: 1,
            words: ["--vary teams.team_managers.people=many", "found 'many'"])
    ]

    @Test(arguments: cases) func isRefusedWithAPlainMessage(_ bad: Case) throws {
        let outcome = try Frontdoor.run(bad.arguments)
        #expect(outcome.status == bad.status, "\(outcome.standardError)")
        for word in bad.words { #expect(outcome.standardError.contains(word), "\(outcome.standardError)") }
    }
}
