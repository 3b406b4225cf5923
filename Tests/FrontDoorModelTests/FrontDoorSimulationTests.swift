import Foundation
import FrontDoorTestSupport
import ScenarioFiles
import SimulationEngine
import Testing

@testable import FrontDoorModel

/// Small front doors written for one check each, through the same loader as the shipped files.
enum Fixture {
    /// A front door with one deciding stage, open around the clock, fed by one source.
    static func yaml(
        perYear: Double = 8760, people: String = "2", hours: String = "{every_day: \"00:00-24:00\", bank_holidays: open}",
        minutes: String = "{distribution: exponential, mean: 30}", absence: String = "",
        extraStages: String = "", deciderExtra: String = "", extraTeams: String = "", fatigue: String = "", extraRoot: String = "",
        days: Int = 60, warmUp: Int = 0, rag: String = "{red: 0.2, amber: 0.3, green: 0.5}", hourWeights: String = "flat",
        recontact: Double = 0, sourceExtra: String = "", demandExtra: String = ""
    ) -> String {
        """
        scenario: fixture
        start_date: 2025-04-01
        default_working_day: {hours_per_day: 24, break_minutes: 0, other_duties_share: 0}
        run: {horizon_days: \(days), warm_up_days: \(warmUp)}
        demand:
          contacts_per_year: \(perYear)
          sources:
            police:
              share: 1
              channels: {phone: 1}
              rag: \(rag)
              hour_weights: \(hourWeights)
        \(sourceExtra)
        \(demandExtra)
        teams:
          deciders:
            grade: tm
            decision_role: oversees
            people: \(people)
            hours: \(hours)
        \(extraTeams)
        \(absence)
        stages:
        \(extraStages)
          decide:
            team: deciders
            minutes: \(minutes)
            decides: true
        \(deciderExtra)
        outcomes:
          red: {strategy: 1}
          amber: {referral: 1}
          green: {nfa: 0.5, early_help: 0.5}
          recontact_within_12_months: \(recontact)
        \(fatigue)
        \(extraRoot)
        costs:
          salaries: {tm: 50000, partner: 0}
          employer_ni: {rate: 0, threshold: 0}
          pension_rate: 0.295
        """
    }

    static func design(_ text: String) throws -> (PreparedDesign, RunLength) {
        let scenario = try ScenarioLoader.parse(text, file: "fixture.yaml")
        guard case .frontDoor(let design) = scenario.model else { throw ScenarioError(file: "fixture.yaml", message: "not a front door") }
        return (design, scenario.length)
    }

    static func run(_ text: String, replication: Int = 0, seed: UInt32 = 1) throws -> FrontDoorReplication {
        let (design, length) = try design(text)
        return FrontDoorSimulation.run(design, length: length, seeds: SeedPlan(baseSeed: seed), replication: replication)
    }
}

@Suite struct FrontDoorSimulationTests {
    @Test func everyContactIsDecidedLostOrStillWaiting() throws {
        let text = Fixture.yaml(
            perYear: 20_000, people: "1", hours: "{weekdays: \"09:00-17:00\"}",
            absence: "",
            extraStages: """
                  screen:
                    team: screeners
                    minutes: {distribution: lognormal, mean: 20, sd: 10}
                    phone: {patience_minutes: {distribution: exponential, mean: 10}, call_back_probability: 0.5, call_back_delay_minutes: 30}
                  checks:
                    team: partners
                    applies_to: {red: 1, amber: 0.5}
                    minutes: 45
                    clock_hours: {red: 4, amber: 24}
                """,
            extraTeams: """
                  screeners: {grade: tm, people: 3, hours: {weekdays: "09:00-17:00"}}
                  partners: {grade: partner, people: 1, hours: {weekdays: "09:00-17:00"}}
                """)
        let run = try Fixture.run(text)
        #expect(run.received > 2_000)
        #expect(run.received == run.decided + run.lostCallers + run.undecidedAtEnd)
        #expect(run.phoneAbandoned > 0 && run.checksOutOfTime > 0)
        #expect(run.outcomes.reduce(0, +) == run.decided)
    }

    @Test func theAnnualVolumeIsWhatTheScenarioSays() throws {
        let (design, _) = try Fixture.design(Fixture.yaml(perYear: 27_000))
        let generator = DemandGenerator(design)
        let expected = (0..<365).reduce(0.0) { $0 + generator.expected(source: 0, day: $1) }
        #expect(abs(expected - 27_000) < 1e-6)
        // And the draws: Poisson, so the year's count lies within 3.29 standard deviations.
        let stream = RandomStream(seed: 3)
        let drawn = (0..<365).reduce(0) { $0 + generator.contacts(onDay: $1, using: stream).count }
        #expect(abs(Double(drawn) - 27_000) <= 3.29 * 27_000.0.squareRoot())
    }

    @Test func schoolsAreQuietInHolidaysAndShocksChangeVolumes() throws {
        let text = Fixture.yaml(
            sourceExtra: "      school_holiday_factor: 0.25",
            demandExtra: "  shocks: {lockdown: {from: 2025-05-01, to: 2025-05-31, factors: {police: 1.16}}}")
        let (design, _) = try Fixture.design(text)
        let generator = DemandGenerator(design)
        // Day 0 is Tuesday 1 April 2025. Easter Sunday is 20 April, so the school holiday runs
        // 14–25 April: Tuesday 15 April (day 14) is in it, Tuesday 8 April (day 7) is not.
        #expect(abs(generator.expected(source: 0, day: 14) / generator.expected(source: 0, day: 7) - 0.25) < 1e-9)
        // Thursday 1 May (day 30) is in the shock; Thursday 10 April (day 9) is in term, before it.
        #expect(abs(generator.expected(source: 0, day: 30) / generator.expected(source: 0, day: 9) - 1.16) < 1e-9)
    }

    @Test func trendGrowsDemandAndOverdispersionWidensDailyCounts() throws {
        let (design, _) = try Fixture.design(Fixture.yaml(perYear: 36_500, demandExtra: "  trend_per_year: 0.10\n  overdispersion: 0.3"))
        let generator = DemandGenerator(design)
        #expect(abs(generator.expected(source: 0, day: 365) / generator.expected(source: 0, day: 0) - 1.10) < 1e-9)
        // Daily counts: variance = mean + cv² × mean² for a gamma-mixed Poisson, far above Poisson's.
        let stream = RandomStream(seed: 9)
        let counts = (0..<300).map { Double(generator.contacts(onDay: $0, using: stream).count) }
        let mean = counts.reduce(0, +) / 300
        let variance = counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 299
        #expect(variance > 3 * mean, "variance \(variance) against mean \(mean)")
    }

    @Test func everyMeasureTheIssueNamesIsReported() throws {
        let scenario = try ScenarioLoader.load(path: packageRoot + "/Scenarios/mash.yaml")
        let names = Set(scenario.measures.map(\.name))
        let required = [
            "contacts.received", "contacts.decided", "contacts.share.police", "decided_within_1wd", "decided_within_3wd",
            "red_decided_within_4wh", "contacts.undecided_at_end", "time_to_decision_wd.p50", "time_to_decision_wd.p90", "backlog.mean",
            "backlog.p95",
            "backlog.max", "conversion.referral", "conversion.early_help", "conversion.nfa", "conversion.strategy",
            "decisions_per_manager_day.mean", "decisions_per_manager_day.p95", "decisions_per_manager_day.max",
            "team.team_managers.decisions_per_person_day", "team.edt.decisions_per_person_day",
            "decisions.at_full_fatigue", "handoffs_per_contact", "assessments.started",
            "assessments.no_further_service", "recontacts", "cost.staff_per_year_gbp", "cost.agency_per_year_gbp",
            "cost.one_off_gbp", "cost.downstream_per_year_gbp", "cost.cash_per_year_gbp", "cost.per_contact_gbp",
            "team.team_managers.utilisation", "stage.decide.mean_wait_hours"
        ]
        #expect(Set(required).subtracting(names).isEmpty, "missing \(Set(required).subtracting(names).sorted())")
        // A phone line's measures only where there is one: the MASH has none, the CADS one.
        #expect(!names.contains("phone.abandoned_share") && !names.contains("phone.callers_lost"))
        let cads = try ScenarioLoader.load(path: packageRoot + "/Scenarios/cads.yaml")
        #expect(cads.measures.contains { $0.name == "phone.abandoned_share" })
    }

    @Test func redContactsOvertakeGreenOnesAtABusyStage() throws {
        // Two deciders at 90% load: greens queue for hours, reds go to the front.
        let run = try Fixture.run(Fixture.yaml(perYear: 8760 * 3.6, people: "2", days: 120))
        let share = (0..<3).map { Double(run.within4HoursByRAG[$0]) / Double(run.dueWithin4HoursByRAG[$0]) }
        #expect(share[RAG.red.rawValue] > 0.95)
        #expect(share[RAG.red.rawValue] > share[RAG.amber.rawValue] && share[RAG.amber.rawValue] > share[RAG.green.rawValue])
    }

    @Test func aTeamOfOneIsSometimesAway() throws {
        // Leave, training and sickness on working days: about (27 + 5 + 3.5% of 253) of 253.
        let text = Fixture.yaml(
            perYear: 2_000, people: "1", hours: "{weekdays: \"09:00-17:00\"}",
            absence: """
                default_absence: {leave_days: 27, training_days: 5, sickness_rate: 0.035, sickness_spell_days: 4}
                """, days: 365 * 3)
        var absentShare: [Double] = []
        for replication in 0..<20 {
            let (design, length) = try Fixture.design(text)
            _ = length
            var workforce = Workforce(
                design: design, absenceStream: RandomStream(seed: SeedPlan(baseSeed: 4).seed(replication: replication, purpose: .absence)))
            workforce.drawAbsence(for: 0, year: 0)
            let working = (0..<365).filter { design.calendar.weekday(ofDay: $0) < 5 }
            absentShare.append(Double(working.filter { workforce.absent[0][$0] }.count) / Double(working.count))
        }
        let mean = absentShare.reduce(0, +) / Double(absentShare.count)
        let expected = (27.0 + 5) / 261 + 0.035
        #expect(abs(mean - expected) < 0.02, "absent on \(mean) of working days, expected about \(expected)")
        #expect(absentShare.allSatisfy { $0 > 0.1 })
    }

    @Test func withoutCoverNobodyDecidesWhileTheOnlyDeciderIsAway() throws {
        let absence = "default_absence: {leave_days: 40}"
        let alone = try Fixture.run(
            Fixture.yaml(perYear: 2_000, people: "1", hours: "{weekdays: \"09:00-17:00\"}", absence: absence, days: 365))
        let covered = try Fixture.run(
            Fixture.yaml(
                perYear: 2_000, people: "1", hours: "{weekdays: \"09:00-17:00\"}", absence: absence,
                deciderExtra: "    cover_team: managers",
                extraTeams: "  managers: {grade: tm, people: 1, hours: {weekdays: \"09:00-17:00\"}, absence: {leave_days: 0}}",
                days: 365))
        #expect(alone.backlogMax > covered.backlogMax)
        #expect(covered.decidedWithin3 > alone.decidedWithin3)
    }

    @Test func aSharedCouncilServiceIsCostedByTheHoursItSpendsOnContacts() throws {
        // Every contact first goes through a council contact centre that also does other work,
        // open around the clock: it is paid for the hours it spends on these contacts, at its
        // grade's hourly cost over a full-time year of the default working day's weeks (24 × 5
        // hours here), with the enhancement on the share of its opening outside 08:00–18:00 weekdays.
        let text = Fixture.yaml(
            perYear: 2_000, extraStages: "  call: {team: centre, minutes: 10}",
            extraTeams: "  centre: {grade: tm, shared_service: true, people: 1, hours: {every_day: \"00:00-24:00\", bank_holidays: open}}",
            days: 120)
        let (design, _) = try Fixture.design(text)
        #expect(design.teams[1].costing == .sharedService(paidHoursPerWeek: 120))
        let run = try Fixture.run(text)
        let costs = StaffCosts(design)
        #expect(costs.teams[1].total == 0 && costs.total == costs.teams[0].total && costs.teams[1].sharedService)
        let outside = 1 - 5.0 * 10 / 168
        let pay = 50_000 * (1 + outside * design.costs.extendedHoursEnhancement)
        #expect(abs(costs.teams[1].hourlyCost - (pay + design.costs.onCosts.onCosts(onPay: pay)) / (120 * 365.25 / 7)) < 1e-9)
        // Ten minutes for each of about 660 contacts in 120 days.
        #expect(run.teamBusyHours[1] > 95 && run.teamBusyHours[1] < 125, "\(run.teamBusyHours[1])")
        let catalogue = FrontDoorMeasures.catalogue(design)
        let values = Dictionary(uniqueKeysWithValues: zip(catalogue.definitions.map(\.id), catalogue.values(run)))
        let shared = try #require(values[MeasureID(.sharedServicesCost)])
        #expect(abs(shared - run.perYear(run.teamBusyHours[1]) * costs.teams[1].hourlyCost) < 1e-6)
        #expect(values[MeasureID(.informalCoverCost)] == nil)
        // In the council's cash, beside the pay bill.
        #expect(abs(try #require(values[MeasureID(.cashCost)]) - costs.total - shared) < 1e-6)
        // A team is one or the other.
        let both = text.replacingOccurrences(of: "shared_service: true", with: "shared_service: true, informal_cover: true")
        #expect(throws: ScenarioError.self) { try Fixture.design(both) }
    }

    @Test func informalCoverWorksOnlyWhileTheTeamIsAwayAndIsCostedByTheHour() throws {
        // One decider away 40 days a year, covered informally by a head of service who is never
        // away: they work only on the decider's days away, and are paid for those hours alone.
        let absence = "default_absence: {leave_days: 40}"
        let text = Fixture.yaml(
            perYear: 2_000, people: "1", hours: "{weekdays: \"09:00-17:00\"}", absence: absence,
            deciderExtra: "    cover_team: head",
            extraTeams:
                "  head: {grade: tm, informal_cover: true, people: 1, hours: {weekdays: \"09:00-17:00\"}, absence: {leave_days: 0}}",
            days: 365)
        let (design, _) = try Fixture.design(text)
        let run = try Fixture.run(text)
        let costs = StaffCosts(design)
        // Not on the establishment: no pay bill; an hour of cover is a full-time year's pay and
        // on-costs over its 8 × 5 × 365.25 / 7 paid hours (a working day as long as the team's
        // 8 hours, with no break).
        #expect(costs.teams[1].total == 0 && costs.total == costs.teams[0].total)
        let pay = 50_000.0 + design.costs.onCosts.onCosts(onPay: 50_000)
        #expect(abs(costs.teams[1].hourlyCost - pay / (8 * 5 * 365.25 / 7)) < 1e-9)
        // The head covers the 40 days of leave, 8 hours each at most, and works on no other day.
        #expect(run.teamBusyHours[1] > 0 && run.teamBusyHours[1] <= 40 * 8 + 1e-9)
        let catalogue = FrontDoorMeasures.catalogue(design)
        let values = Dictionary(uniqueKeysWithValues: zip(catalogue.definitions.map(\.id), catalogue.values(run)))
        let cover = try #require(values[MeasureID(.informalCoverCost)])
        #expect(abs(cover - run.perYear(run.teamBusyHours[1]) * costs.teams[1].hourlyCost) < 1e-6)
        // Cash is staff, agency and cover: the notional downstream cost is never added to it.
        #expect(abs(try #require(values[MeasureID(.cashCost)]) - costs.total - cover) < 1e-6)
    }

    @Test func aStrategyDiscussionWaitsAsInAnMM1QueueWhenItsPeopleDoNothingElse() throws {
        // Every contact is red and decided on a strategy discussion, by two deciders at 30
        // minutes each (M/M/2, λ = 1 an hour): decisions leave as a Poisson stream (Burke). A
        // discussion needs the one police officer and the one health worker at once, who do
        // nothing else, for 30 minutes on average: an M/M/1 queue with ρ = 0.5, whose mean wait
        // is ρ / (μ − λ) = 0.5 hours, and each participant is busy half the time.
        let teams = """
              police: {grade: partner, people: 1, hours: {every_day: "00:00-24:00", bank_holidays: open}}
              health: {grade: partner, people: 1, hours: {every_day: "00:00-24:00", bank_holidays: open}}
            """
        let discussion = """
            strategy_discussion:
              participants: {police: 1, health: 1}
              minutes: {distribution: exponential, mean: 30}
              within_working_days: 1
            """
        let text = Fixture.yaml(extraTeams: teams, extraRoot: discussion, days: 220, warmUp: 20, rag: "{red: 1, amber: 0, green: 0}")
        let (design, _) = try Fixture.design(text)
        let catalogue = FrontDoorMeasures.catalogue(design)
        let waitIndex = try #require(catalogue.definitions.firstIndex { $0.id == MeasureID(.discussionWaitHours) })
        var waits: [Double] = [], busy: [Double] = []
        for replication in 0..<12 {
            let run = try Fixture.run(text, replication: replication)
            #expect(run.discussionsHeld > 0 && run.discussionsOnTime <= run.discussionsDue)
            waits.append(catalogue.values(run)[waitIndex])
            busy.append(run.teamBusyHours[1] / run.teamAvailableHours[1])
            #expect(abs(run.teamBusyHours[1] - run.teamBusyHours[2]) < 1e-6, "both sit through every discussion")
        }
        let wait = tInterval95(waits), utilisation = tInterval95(busy)
        #expect(wait.low <= 0.5 && 0.5 <= wait.high, "mean wait \(wait.mean) (\(wait.low) to \(wait.high)), theory 0.5 h")
        #expect(utilisation.low <= 0.5 && 0.5 <= utilisation.high, "busy \(utilisation.mean), theory 0.5")
    }

    @Test func theTimeToADecisionSplitsIntoQueueingAndWorkAsInAnMM2Queue() throws {
        // Two deciders, always at work, 30 minutes a contact (exponential), one contact an hour:
        // M/M/2 with a = λ/μ = 0.5. Erlang C: a contact waits with chance
        // (a²/2 · 2/(2 − a)) / (1 + a + a²/2 · 2/(2 − a)) = 0.1, for 1/(cμ − λ) = 1/3 hour when it
        // does, so 1/30 hour on average; its work takes 0.5 hours. No waits between steps.
        let text = Fixture.yaml(days: 220, warmUp: 20)
        let (design, _) = try Fixture.design(text)
        let catalogue = FrontDoorMeasures.catalogue(design)
        func index(_ id: MeasureID) throws -> Int { try #require(catalogue.definitions.firstIndex { $0.id == id }) }
        let wait = try index(MeasureID.stage("decide").waitHoursPerContact), work = try index(MeasureID.stage("decide").workHoursPerContact)
        let handoff = try index(MeasureID(.handoffHoursPerContact)), slow = try index(MeasureID(.slowHoursPerContact))
        var waits: [Double] = [], works: [Double] = []
        for replication in 0..<12 {
            let values = catalogue.values(try Fixture.run(text, replication: replication))
            waits.append(values[wait])
            works.append(values[work])
            #expect(values[handoff] == 0 && values[slow] == 0)
        }
        let queueing = tInterval95(waits), working = tInterval95(works)
        #expect(
            queueing.low <= 1.0 / 30 && 1.0 / 30 <= queueing.high,
            "wait \(queueing.mean) (\(queueing.low) to \(queueing.high)), Erlang C 1/30 h")
        #expect(working.low <= 0.5 && 0.5 <= working.high, "work \(working.mean) (\(working.low) to \(working.high)), theory 0.5 h")
    }

    @Test func managersLoadCountsOnlyManagersAndPractitionersAreCountedByTeam() throws {
        // Practitioners decide half the green contacts themselves; managers decide the rest.
        let practitioners = """
              early_help:
                team: practitioners
                applies_to: {green: 0.5}
                minutes: {distribution: exponential, mean: 20}
                decides: true
            """
        let team =
            "  practitioners: {grade: tm, decision_role: decides, people: 3, hours: {every_day: \"00:00-24:00\", bank_holidays: open}}"
        let run = try Fixture.run(Fixture.yaml(perYear: 8_760, extraStages: practitioners, extraTeams: team, days: 60))
        #expect(run.teamDecisions[1] > 0 && run.teamDecisions[0] + run.teamDecisions[1] == run.decided)
        // 2 managers and 3 practitioners at work on each of 60 days.
        #expect(run.managerDays.count == 120 && run.teamDecisionDays == [120, 180])
        #expect(abs(run.managerDays.mean * 120 - Double(run.teamDecisions[0])) < 1e-6)
        // A team that only recommends may not decide.
        let recommends = team.replacingOccurrences(of: "decision_role: decides", with: "decision_role: recommends")
        let error = try #require(throws: ScenarioError.self) {
            try Fixture.design(Fixture.yaml(extraStages: practitioners, extraTeams: recommends))
        }
        #expect(error.message.contains("team 'practitioners' only recommends decisions"))
    }

    @Test func slowContactsWaitWithoutStaffAndRedsOnTheImmediatePathWaitForNothing() throws {
        // Every contact lacks information (a 26-hour wait) and the ambers are all slow (a further
        // 100 hours). Reds on the immediate path wait for neither.
        func run(_ flow: String) throws -> FrontDoorReplication {
            try Fixture.run(
                Fixture.yaml(
                    perYear: 2_000, deciderExtra: "    asks_for_missing_information: true", days: 60,
                    sourceExtra: "      complete_information: 0", demandExtra: flow))
        }
        let slow = "flow: {information_wait_hours: 26, slow_contacts: {share: {amber: 1}, wait_hours: 100}"
        let waiting = try run(slow + "}")
        let immediate = try run(slow + ", immediate: [red]}")
        // Timeliness counts office hours (09:00–17:00 on weekdays): 26 hours always take more than
        // 4 of them unless they fall over a night or a weekend.
        func redShare(_ run: FrontDoorReplication) -> Double {
            Double(run.within4HoursByRAG[RAG.red.rawValue]) / Double(run.dueWithin4HoursByRAG[RAG.red.rawValue])
        }
        #expect(redShare(waiting) < 0.6 && redShare(immediate) > 0.95, "\(redShare(waiting)) then \(redShare(immediate))")
        // About 30% of contacts are amber and slow: they waited without anyone working on them.
        let ambers = Double(waiting.slowWaits) / Double(waiting.received)
        #expect(ambers > 0.25 && ambers < 0.35 && immediate.slowWaits == waiting.slowWaits)
        #expect(
            waiting.teamBusyHours == immediate.teamBusyHours
                || abs(waiting.teamBusyHours[0] - immediate.teamBusyHours[0]) < 0.05 * waiting.teamBusyHours[0])
    }

    @Test func fatigueChangesDecisionsOnlyWhenSwitchedOn() throws {
        // A ramp of one decision: every decision but the first after a break is at the full
        // effect. Greens are half no further action (the default here), so a tripling would take
        // it to 150%: every green early-help decision after the first becomes no further action.
        // Reds and ambers have no default in their tables and are never changed.
        let on = """
            fatigue: {default_increase: 3, ramp_decisions: 1, time_increase: 0.5, default_decision: nfa}
            """
        let tired = try Fixture.run(Fixture.yaml(fatigue: on))
        #expect(tired.decisionsAtFullFatigue > 0 && tired.decisionsAtFullFatigue < tired.decided)
        #expect(tired.decisionsChangedByFatigue > 0)
        let rested = try Fixture.run(Fixture.yaml(fatigue: "fatigue: {preset: none}"))
        #expect(rested.decisionsAtFullFatigue == 0 && rested.decisionsChangedByFatigue == 0)
        #expect(tired.outcomes[Outcome.earlyHelp.rawValue] < rested.outcomes[Outcome.earlyHelp.rawValue] / 2)
        #expect(tired.outcomes[Outcome.noFurtherAction.rawValue] > rested.outcomes[Outcome.noFurtherAction.rawValue])
        #expect(tired.outcomes[Outcome.strategyDiscussion.rawValue] > 0 && tired.outcomes[Outcome.referral.rawValue] > 0)
    }

    @Test func checksNobodyCanDoRunOutOfTimeAtTheClock() throws {
        let text = Fixture.yaml(
            perYear: 2_000,
            extraStages: """
                  checks:
                    team: partners
                    applies_to: {red: 1}
                    minutes: 30
                    clock_hours: {red: 4}
                """, extraTeams: "  partners: {grade: partner, people: 0, hours: {weekdays: \"09:00-17:00\"}}")
        let run = try Fixture.run(text)
        #expect(run.checksOutOfTime > 0)
        let checks = 0
        #expect(run.stageCompleted[checks] == 0)
        #expect(abs(run.stageWaitHours[checks]) < 1e-9)
    }

    @Test func twoDesignsWithTheSameSeedReceiveTheSameContacts() throws {
        let small = try Fixture.run(Fixture.yaml(people: "2"), replication: 5)
        let large = try Fixture.run(Fixture.yaml(people: "6"), replication: 5)
        #expect(small.received == large.received)
        #expect(small.receivedBySource == large.receivedBySource)
        #expect(small.outcomes == large.outcomes) // same children, same rules, same decisions
        #expect(small.decidedWithin1 <= large.decidedWithin1)
    }

    @Test func anOverloadedDesignStopsBeforeItRunsOutOfMemory() throws {
        // 300,000 contacts a year for one person deciding at 30 minutes each: hopeless.
        let run = try Fixture.run(Fixture.yaml(perYear: 300_000, people: "1", days: 365))
        #expect(run.stoppedOverloaded)
        #expect(run.undecidedAtEnd > FrontDoorSimulation.backlogLimit)
        #expect(run.undecidedAtEnd < FrontDoorSimulation.backlogLimit + 2_000)
        #expect(run.measuredHours < 365 * 24)
    }

    @Test func writtenReferralsConvertMoreWhenTheScenarioSaysSo() throws {
        let table = [0.5, 0.3, 0.15, 0.05] // nfa, early help, referral, strategy
        let doubled = OutcomeRules.scaleReferrals(table, by: 2)
        #expect(abs(doubled[2] + doubled[3] - 0.4) < 1e-12)
        #expect(abs(doubled.reduce(0, +) - 1) < 1e-12)
        #expect(abs(doubled[0] / doubled[1] - table[0] / table[1]) < 1e-12)
        #expect(OutcomeRules.scaleReferrals(table, by: 10)[0] == 0)
        // Half the contacts arrive as written forms; green ones are referred 20% of the time, and
        // written forms convert at twice that rate.
        let base = Fixture.yaml(perYear: 20_000, people: "6")
            .replacingOccurrences(of: "channels: {phone: 1}", with: "channels: {phone: 0.5, written_form: 0.5}")
            .replacingOccurrences(of: "green: {nfa: 0.5, early_help: 0.5}", with: "green: {nfa: 0.5, early_help: 0.3, referral: 0.2}")
        let plain = try Fixture.run(base)
        let run = try Fixture.run(
            base.replacingOccurrences(
                of: "  recontact_within_12_months: 0.0",
                with: "  recontact_within_12_months: 0.0\n  referral_factor_by_channel: {written_form: 2}"))
        let referrals = { (r: FrontDoorReplication) in
            r.outcomes[Outcome.referral.rawValue] + r.outcomes[Outcome.strategyDiscussion.rawValue]
        }
        #expect(referrals(run) > referrals(plain))
        #expect(run.decidedBySource == run.decidedBySource.indices.map { _ in run.decided })
        #expect(run.referredBySource[0] == referrals(run))
    }

    @Test func aStartingBacklogIsWaitingAtTheStart() throws {
        let run = try Fixture.run(
            Fixture.yaml(
                perYear: 1_000, people: "1", hours: "{weekdays: \"09:00-17:00\"}",
                days: 30, demandExtra: "  starting_backlog: 300"))
        let quiet = try Fixture.run(Fixture.yaml(perYear: 1_000, people: "1", hours: "{weekdays: \"09:00-17:00\"}", days: 30))
        #expect(run.received == quiet.received + 300)
        #expect(run.backlogSeries.first! > quiet.backlogSeries.first! + 250)
        #expect(run.received == run.decided + run.lostCallers + run.undecidedAtEnd)
    }

    @Test func vacantPostsAreNeitherWorkedNorPaid() throws {
        let full = try Fixture.design(Fixture.yaml(people: "4"))
        let vacant = try Fixture.design(
            Fixture.yaml(people: "4").replacingOccurrences(of: "    people: 4", with: "    people: 4\n    vacant_posts: 2"))
        #expect(vacant.0.teams[0].workedPosts == [1, 1])
        #expect(abs(StaffCosts(vacant.0).staff * 2 - StaffCosts(full.0).staff) < 1e-6)
        var state = FrontDoorState(design: vacant.0, length: vacant.1, seeds: SeedPlan(baseSeed: 1), replication: 0)
        #expect(state.workforce.people.count == 2)
        _ = state.run()
        #expect(throws: ScenarioError.self) {
            try Fixture.design(
                Fixture.yaml(people: "2").replacingOccurrences(of: "    people: 2", with: "    people: 2\n    vacant_posts: 3"))
        }
    }

    @Test func aDaysContactsAreBoundedWhenTheyAreMade() throws {
        let (design, _) = try Fixture.design(Fixture.yaml(perYear: 5_000_000))
        let generator = DemandGenerator(design)
        #expect(generator.contacts(onDay: 3, using: RandomStream(seed: 1)).count > 10_000)
        #expect(generator.contacts(onDay: 3, using: RandomStream(seed: 1), limit: 100).count == 100)
    }

    @Test func memoryDoesNotGrowWithTheLengthOfTheRun() throws {
        func records(days: Int) throws -> Int {
            let (design, length) = try Fixture.design(Fixture.yaml(perYear: 5_000, days: days, recontact: 0.2))
            var state = FrontDoorState(design: design, length: length, seeds: SeedPlan(baseSeed: 2), replication: 0)
            _ = state.run()
            return state.contacts.capacity
        }
        let oneYear = try records(days: 365)
        let fiveYears = try records(days: 365 * 5)
        #expect(Double(fiveYears) < 1.3 * Double(oneYear), "contact records: \(oneYear) for a year, \(fiveYears) for five")
    }
}
