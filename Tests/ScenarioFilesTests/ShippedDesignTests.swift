import FrontDoorTestSupport
import ScenarioModel
import SimulationEngine
import Testing

@testable import FrontDoorModel
@testable import ScenarioFiles

/// The shipped scenarios as the reader makes them: the measures each reports, and the demand of
/// the MASH (its seasons, its batched police notifications, and the same decision from the same
/// draw wherever a contact is decided).
@Suite struct ShippedDesignTests {
    static let shipped = [
        "mash", "cads", "peterborough", "integrated-front-door", "integrated-front-door-before", "benchmarks/tandem",
        "what-if/cads-office-hours"
    ]

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

    @Test(arguments: shipped) func everyShippedScenarioHasEachMeasureOnceWithItsValue(_ name: String) throws {
        let scenario = try ScenarioLoader.load(
            path: packageRoot + "/Scenarios/\(name).yaml", overrides: ["run.horizon_days=20", "run.warm_up_days=0"])
        let definitions = scenario.measures
        #expect(Set(definitions.map(\.id)).count == definitions.count)
        for definition in definitions {
            #expect(MeasureID(name: definition.name) == definition.id, "\(definition.name) does not read back")
            #expect(!definition.label.isEmpty)
        }
        let outcome = scenario.simulate(replication: 0, seeds: SeedPlan(baseSeed: 1))
        #expect(outcome.values.count == definitions.count)
        #expect(outcome.values.allSatisfy { $0.isFinite })
    }

    static func shippedDesign() throws -> PreparedDesign {
        let scenario = try ScenarioLoader.load(path: packageRoot + "/Scenarios/mash.yaml")
        guard case .frontDoor(let design) = scenario.model else { throw ScenarioError(file: "mash.yaml", message: "not a front door") }
        return design
    }

    @Test func theShippedDemandHasAMildAugustTroughAndABusySeptemberAndDecember() throws {
        // Expected new contacts by the day they happen, per day of each month of the first year,
        // relative to the year's mean.
        let design = try Self.shippedDesign()
        let generator = DemandGenerator(design)
        var months = Array(repeating: 0.0, count: 12), days = Array(repeating: 0.0, count: 12)
        for day in 0..<365 {
            let month = design.calendar.date(ofDay: day).month - 1
            months[month] += design.demand.sources.indices.reduce(0.0) { $0 + generator.expected(source: $1, day: day) }
            days[month] += 1
        }
        let perDay = zip(months, days).map { $0 / $1 }
        let relative = perDay.map { $0 / (perDay.reduce(0, +) / 12) - 1 }
        // Schools alone are quiet in August: about −10% on a MASH's mix (59% police), not the −20%
        // of one month shape for every source.
        #expect(relative[7] > -0.13 && relative[7] < -0.07, "August \(relative[7])")
        #expect(relative.min() == relative[7])
        // September's return, and December's school and festive rises, put both above the mean.
        #expect(relative[8] > 0.03 && relative[11] > 0.02, "September \(relative[8]), December \(relative[11])")
    }

    @Test func weekendPoliceNotificationsArriveOnMondayMorning() throws {
        let design = try Self.shippedDesign()
        var arrivals = Arrivals(
            design: design, days: 400, stream: RandomStream(seed: 11), backlogStream: RandomStream(seed: 12),
            recontactStream: RandomStream(seed: 13), changesStream: RandomStream(seed: 14), perceptionStream: RandomStream(seed: 15))
        var weekdays = Array(repeating: 0.0, count: 7), weekdayCounts = Array(repeating: 0.0, count: 7)
        var delay = 0.0, batched = 0.0
        for day in 0..<(365 + 14) {
            let weekday = design.calendar.weekday(ofDay: day)
            arrivals.contacts(onDay: day, room: .max) { arrival in
                #expect(!arrival.isRecontact) // new contacts and batches, never a child coming back
                guard day >= 14 else { return } // by then the batches of the days before the first have arrived
                weekdays[weekday] += 1
                if arrival.time > arrival.incidentTime {
                    delay += arrival.time - arrival.incidentTime
                    batched += 1
                    #expect(arrival.time.truncatingRemainder(dividingBy: 24) == 8 && design.calendar.isWorkingDay(Int(arrival.time / 24)))
                }
            }
            if day >= 14 { weekdayCounts[weekday] += 1 }
        }
        let perWeekday = zip(weekdays, weekdayCounts).map { $0 / $1 }
        let midweek = (perWeekday[1] + perWeekday[2] + perWeekday[3]) / 3
        #expect(perWeekday[0] > 1.3 * midweek && perWeekday[0] < 2 * midweek, "Monday \(perWeekday[0]) against \(midweek)")
        #expect(perWeekday[5] < 0.5 * midweek)
        // Incidents through the day and night wait on average most of a day for the next morning.
        #expect(delay / batched > 12 && delay / batched < 36, "delay \(delay / batched)")
        // Ambers and greens by notification: about half of all contacts (0.59 × 0.85 × 0.97).
        #expect(batched / weekdays.reduce(0, +) > 0.44 && batched / weekdays.reduce(0, +) < 0.53)
    }

    /// The demand sample (for synthetic extracts) and the front door turn a contact's draw into
    /// the same decision where the decider sees the child's need without noise: here at the
    /// MASH's deciding stage, which uses the design's own table.
    @Test func theSampleAndTheFrontDoorWithNoNoiseMakeTheSameDecisionFromTheSameDraw() throws {
        let scenario = try ScenarioLoader.load(path: packageRoot + "/Scenarios/mash.yaml")
        guard case .frontDoor(let design) = scenario.model else {
            Issue.record("not a front door")
            return
        }
        let stage = try #require(design.stages.firstIndex { $0.decides && $0.outcomes == nil && $0.referralFactor == 1 })
        var sampled: [Bool] = []
        design.sampleContacts(days: 30, stream: RandomStream(seed: 5)) { sampled.append($0.referred) }
        let generator = DemandGenerator(design)
        // Seen with no noise: the sample knows nothing of what a decider sees.
        let decisions = Decisions(
            rules: design.outcomes, fatigue: design.fatigue, quality: nil, tables: design.decisionTables, stream: RandomStream(seed: 9))
        let stream = RandomStream(seed: 5)
        let knowing = DecisionQuality.Knowledge(conversation: false, partnerChecks: false, missingInformation: false)
        var decided: [Bool] = []
        for day in 0..<30 {
            for arrival in generator.contacts(onDay: day, using: stream).sorted(by: { $0.time < $1.time }) {
                decided.append(decisions.decide(arrival, atStage: stage, decisionsSinceBreak: 0, knowing: knowing).outcome.isReferral)
            }
        }
        #expect(sampled.count > 1_000 && sampled == decided && sampled.contains(true) && sampled.contains(false))
    }
}
