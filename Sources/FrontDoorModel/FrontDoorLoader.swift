import Foundation
import SimulationEngine

/// Reads the front-door part of a scenario file into a ``FrontDoorDesign``.
enum FrontDoorLoader {
    static let rootKeys = ["extends", "scenario", "description", "start_date", "run", "calendar", "demand", "teams", "stages",
                           "outcomes", "flow", "fatigue", "costs", "default_absence"]

    static func read(_ root: YAMLMapping, length: RunLength, assumptions: [String]) throws(ScenarioError) -> FrontDoorDesign {
        let startValue = try root.required("start_date", "the first day simulated, as 2025-04-01")
        guard let start = CivilDate(iso: try startValue.string()) else {
            throw startValue.error("expected a date written as year-month-day, such as 2025-04-01")
        }
        let days = Int((length.horizonHours / 24).rounded(.up)) + 1
        let calendar = try readCalendar(root["calendar"], start: start, days: days)
        let demand = try readDemand(try root.required("demand", "where contacts come from"), calendar: calendar)

        let teamsValue = try root.required("teams", "the teams and their people")
        var teams: [Team] = []
        let defaultAbsence = try root["default_absence"].map(readAbsence) ?? .none
        for (id, value) in try teamsValue.mapping().entries {
            teams.append(try readTeam(id, value, calendar: calendar, defaultAbsence: defaultAbsence))
        }
        guard !teams.isEmpty else { throw teamsValue.error("expected at least one team") }
        let teamIDs = teams.map(\.id)

        let stagesValue = try root.required("stages", "the steps every contact goes through, in order")
        var stages: [Stage] = []
        for (id, value) in try stagesValue.mapping().entries { stages.append(try readStage(id, value, teamIDs: teamIDs)) }
        guard let lastStage = stages.last else { throw stagesValue.error("expected at least one stage") }
        guard lastStage.decides, lastStage.appliesTo.allSatisfy({ $0 >= 1 }), lastStage.sources.allSatisfy({ $0 }), !lastStage.outOfHoursOnly else {
            throw stagesValue.error("the last stage must decide on every contact (decides: true, applying to every RAG rating and source), so that no contact leaves undecided")
        }
        for stage in stages where stage.phone != nil && stage.coverTeam != nil {
            throw stagesValue.error("stage '\(stage.id)' is a phone line with a cover team; give a phone line its own team only")
        }

        let outcomes = try readOutcomes(try root.required("outcomes", "what the decisions are"))
        let flow = try readFlow(root["flow"])
        let fatigue = try readFatigue(root["fatigue"])
        let costs = try readCosts(try root.required("costs", "pay and other costs"), teams: teams, teamsValue: teamsValue)
        return FrontDoorDesign(calendar: calendar, demand: demand, teams: teams, stages: stages, outcomes: outcomes,
                               flow: flow, fatigue: fatigue, costs: costs, assumptions: assumptions)
    }

    // MARK: Calendar

    static func readCalendar(_ value: YAMLValue?, start: CivilDate, days: Int) throws(ScenarioError) -> ServiceCalendar {
        var open = 9.0, close = 17.0
        var ranges: [ClosedRange<CivilDate>]?
        if let value {
            let calendar = try value.mapping(allowed: ["office_hours", "school_holidays"])
            if let hours = calendar["office_hours"] {
                guard let range = try readHours(hours).first, try readHours(hours).count == 1 else {
                    throw hours.error("expected one range of hours, such as \"09:00-17:00\"")
                }
                (open, close) = (range.lowerBound, range.upperBound)
            }
            if let school = calendar["school_holidays"] {
                if case .scalar = school.node {
                    _ = try school.choice(["english": ()])
                } else {
                    var list: [ClosedRange<CivilDate>] = []
                    for item in try school.list() {
                        let entry = try item.mapping(allowed: ["from", "to"])
                        let from = try readDate(try entry.required("from", "the first day of the holiday"))
                        let to = try readDate(try entry.required("to", "the last day of the holiday"))
                        guard from <= to else { throw item.error("the holiday ends (\(to)) before it starts (\(from))") }
                        list.append(from...to)
                    }
                    ranges = list
                }
            }
        }
        do throws(ScheduleError) {
            return try ServiceCalendar(startDate: start, days: days, officeOpen: open, officeClose: close, schoolHolidayRanges: ranges)
        } catch {
            // Only office hours from the file can be wrong; the defaults (09:00–17:00) are valid.
            guard let value else { preconditionFailure("the default office hours were rejected: \(error.message)") }
            throw value.error(error.message)
        }
    }

    static func readDate(_ value: YAMLValue) throws(ScenarioError) -> CivilDate {
        guard let date = CivilDate(iso: try value.string()) else { throw value.error("expected a date written as year-month-day, such as 2025-04-01") }
        return date
    }

    /// "09:00-17:00", or several joined by commas; "08:00-22:00" or "17:00-09:00" (overnight).
    static func readHours(_ value: YAMLValue) throws(ScenarioError) -> [ClosedRange<Double>] {
        let text = try value.string()
        var ranges: [ClosedRange<Double>] = []
        for part in text.split(separator: ",") {
            let ends = part.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2, let from = clock(ends[0]), let to = clock(ends[1]), from != to else {
                throw value.error("expected hours written as \"09:00-17:00\", found '\(text)'")
            }
            ranges.append(from...(to > from ? to : to + 24))
        }
        return ranges
    }

    static func clock(_ text: String) -> Double? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440 else { return nil }
        return Double(h) + Double(m) / 60
    }

    // MARK: Demand

    static func readDemand(_ value: YAMLValue, calendar: ServiceCalendar) throws(ScenarioError) -> Demand {
        let demand = try value.mapping(allowed: ["contacts_per_year", "overdispersion", "trend_per_year", "month_weights", "sources", "shocks",
                                                 "starting_backlog"])
        let perYear = try demand.required("contacts_per_year", "contacts received in a year").positiveNumber()
        let overdispersion = try demand["overdispersion"]?.nonNegativeNumber() ?? 0
        let trendValue = demand["trend_per_year"]
        let trend = try trendValue?.number("a yearly growth between -0.99 and 0.99 (0.05 is 5% a year)") { $0 > -1 && $0 < 1 } ?? 0
        let months = try demand["month_weights"].map { v throws(ScenarioError) in try weightList(v, count: 12, what: "12 monthly weights, January first") }
            ?? Array(repeating: 1, count: 12)

        let sourcesValue = try demand.required("sources", "contact sources and their shares")
        var sources: [Demand.Source] = []
        for (name, sourceValue) in try sourcesValue.mapping().entries {
            guard let group = SourceGroup(name: name) else {
                let names = SourceGroup.allCases.map(\.name)
                throw sourceValue.error("'\(name)' is not a contact-source group; expected one of \(names.joined(separator: ", "))" + suggestion(for: name, among: names))
            }
            let source = try sourceValue.mapping(allowed: ["annex_a_codes", "share", "channels", "rag", "complete_information",
                                                           "weekday_weights", "hour_weights", "school_holiday_factor"])
            if let codes = source["annex_a_codes"] {
                for code in try codes.list() where !group.codes.contains(try code.string()) {
                    throw code.error("code '\(try code.string())' is not in the \(name) group; its codes are \(group.codes.joined(separator: ", "))")
                }
            }
            sources.append(Demand.Source(
                group: group,
                share: try source.required("share", "this source's share of all contacts").probability(),
                channels: try probabilities(try source.required("channels", "how this source's contacts arrive"), names: Channel.allCases.map(\.name)),
                rag: try probabilities(try source.required("rag", "the share of red, amber and green contacts"), names: RAG.allCases.map(\.name)),
                completeInformation: try source["complete_information"]?.probability() ?? 1,
                weekdayWeights: try source["weekday_weights"].map { v throws(ScenarioError) in try weightList(v, count: 7, what: "7 weekday weights, Monday first") }
                    ?? [1, 1, 1, 1, 1, 1, 1],
                hourWeights: try source["hour_weights"].map(readHourWeights) ?? Array(repeating: 1, count: 24),
                schoolHolidayFactor: try source["school_holiday_factor"]?.nonNegativeNumber() ?? 1))
        }
        guard !sources.isEmpty else { throw sourcesValue.error("expected at least one source") }
        let total = sources.reduce(0) { $0 + $1.share }
        guard abs(total - 1) < 1e-6 else { throw sourcesValue.error("the shares must add up to 1, not \(String(format: "%.6g", total))") }

        var shocks: [Demand.Shock] = []
        if let shocksValue = demand["shocks"] {
            for (name, shockValue) in try shocksValue.mapping().entries {
                let shock = try shockValue.mapping(allowed: ["from", "to", "factors"])
                let from = try readDate(try shock.required("from", "the first day of the change"))
                let to = try readDate(try shock.required("to", "the last day of the change"))
                guard from <= to else { throw shockValue.error("the change ends (\(to)) before it starts (\(from))") }
                var factors: [SourceGroup: Double] = [:]
                for (group, factor) in try shock.required("factors", "a multiplier for each source group affected").mapping().entries {
                    guard let sourceGroup = SourceGroup(name: group) else { throw factor.error("'\(group)' is not a contact-source group") }
                    factors[sourceGroup] = try factor.nonNegativeNumber()
                }
                let start = calendar.startDate.dayNumber
                shocks.append(.init(name: name, firstDay: from.dayNumber - start, lastDay: to.dayNumber - start, factors: factors))
            }
        }
        return Demand(contactsPerYear: perYear, sources: sources, monthWeights: months, overdispersion: overdispersion,
                      trendPerYear: trend, shocks: shocks,
                      startingBacklog: try demand["starting_backlog"]?.wholeNumber(atLeast: 0) ?? 0)
    }

    static func readHourWeights(_ value: YAMLValue) throws(ScenarioError) -> [Double] {
        if case .scalar = value.node {
            return try value.choice([
                // Around the clock, evenly.
                "flat": Array(repeating: 1.0, count: 24),
                // Most contacts between 09:00 and 17:00 (Norfolk: over 90% of professionals' calls).
                "office": (0..<24).map { (9..<17).contains($0) ? 12.0 : ((7..<9).contains($0) || (17..<20).contains($0) ? 2 : 0.2) },
                // Police incidents peak in the evening and night (Met Police sample: 45.6% 21:00–03:00).
                "evening": [3, 2.5, 2, 1.5, 1, 0.8, 0.7, 0.8, 1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.9, 2.1, 2.4, 2.7, 3, 3.3, 3.6, 3.6, 3.3],
            ])
        }
        return try weightList(value, count: 24, what: "24 hourly weights, midnight first, or one of flat, office, evening")
    }

    static func weightList(_ value: YAMLValue, count: Int, what: String) throws(ScenarioError) -> [Double] {
        let weights = try value.numbers { v throws(ScenarioError) in try v.nonNegativeNumber() }
        guard weights.count == count, weights.contains(where: { $0 > 0 }) else { throw value.error("expected \(what)") }
        return weights
    }

    /// A mapping from names to probabilities adding up to 1; names left out have probability 0.
    static func probabilities(_ value: YAMLValue, names: [String]) throws(ScenarioError) -> [Double] {
        var result = Array(repeating: 0.0, count: names.count)
        for (key, entry) in try value.mapping(allowed: names).entries {
            result[names.firstIndex(of: key)!] = try entry.probability()
        }
        let total = result.reduce(0, +)
        guard abs(total - 1) < 1e-6 else { throw value.error("the probabilities must add up to 1, not \(String(format: "%.6g", total))") }
        return result
    }

    /// A mapping from names to numbers; names left out take `fallback`.
    static func factors(_ value: YAMLValue?, names: [String], fallback: Double, read: (YAMLValue) throws(ScenarioError) -> Double) throws(ScenarioError) -> [Double] {
        var result = Array(repeating: fallback, count: names.count)
        guard let value else { return result }
        for (key, entry) in try value.mapping(allowed: names).entries { result[names.firstIndex(of: key)!] = try read(entry) }
        return result
    }

    // MARK: Teams

    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static func readTeam(_ id: String, _ value: YAMLValue, calendar: ServiceCalendar, defaultAbsence: Team.Absence) throws(ScenarioError) -> Team {
        let team = try value.mapping(allowed: ["role", "grade", "people", "vacant_posts", "hours", "shift_hours", "late_shift_share", "absence",
                                               "agency_share"])
        let peopleValue = try team.required("people", "how many people, or a list of their FTEs")
        var people: [Double]
        if case .scalar = peopleValue.node {
            let count = try peopleValue.number("a number of people of 0 or more (a fraction is a part-time post)") { $0 >= 0 }
            people = Array(repeating: 1, count: Int(count))
            if count > Double(Int(count)) { people.append(count - Double(Int(count))) }
        } else {
            people = try peopleValue.numbers { v throws(ScenarioError) in try v.number("an FTE above 0 and at most 1") { $0 > 0 && $0 <= 1 } }
        }
        let vacant = try team["vacant_posts"]?.wholeNumber(atLeast: 0) ?? 0
        if vacant > people.count, let value = team["vacant_posts"] {
            throw value.error("a team of \(people.count) posts cannot have \(vacant) vacant")
        }
        let hoursValue = try team.required("hours", "when the team works, such as {weekdays: \"09:00-17:00\"}")
        let hours = try hoursValue.mapping(allowed: ["weekdays", "weekends", "every_day", "bank_holidays"] + weekdayNames)
        var intervals: [[ClosedRange<Double>]] = Array(repeating: [], count: 7)
        for (key, entry) in hours.entries where key != "bank_holidays" {
            let ranges = try readHours(entry)
            let days: [Int] = key == "weekdays" ? Array(0..<5) : key == "weekends" ? [5, 6] : key == "every_day" ? Array(0..<7) : [weekdayNames.firstIndex(of: key)!]
            for day in days { intervals[day] = ranges }
        }
        let worksBankHolidays = try hours["bank_holidays"].map { v throws(ScenarioError) in try v.choice(["open": true, "closed": false]) } ?? false
        let schedule: WeeklySchedule
        do throws(ScheduleError) {
            schedule = try WeeklySchedule(intervals: intervals, firstWeekday: calendar.startDate.weekday,
                                          closedDays: worksBankHolidays ? [] : calendar.bankHolidays)
        } catch {
            throw hoursValue.error(error.message == "the schedule is never open" ? "the team has no hours of work" : error.message)
        }
        let absence = try team["absence"].map(readAbsence) ?? defaultAbsence
        return Team(id: id, role: try team["role"]?.string() ?? id, grade: try team.required("grade", "the pay grade, one of the grades under costs.salaries").string(),
                    people: people, vacantPosts: vacant, schedule: schedule,
                    shiftHours: try team["shift_hours"]?.number("hours in a shift, above 0 and at most 24") { $0 > 0 && $0 <= 24 },
                    lateShiftShare: try team["late_shift_share"]?.probability() ?? 0.5,
                    absence: absence, agencyShare: try team["agency_share"]?.probability() ?? 0)
    }

    static func readAbsence(_ value: YAMLValue) throws(ScenarioError) -> Team.Absence {
        let a = try value.mapping(allowed: ["leave_days", "sickness_rate", "sickness_spell_days", "training_days"])
        return Team.Absence(
            leaveDays: try a["leave_days"]?.number("a number of days from 0 to 100") { $0 >= 0 && $0 <= 100 } ?? 0,
            sicknessRate: try a["sickness_rate"]?.number("a share of days between 0 and 0.5") { $0 >= 0 && $0 <= 0.5 } ?? 0,
            sicknessSpellDays: try a["sickness_spell_days"]?.number("a number of days, 1 or more") { $0 >= 1 } ?? 1,
            trainingDays: try a["training_days"]?.number("a number of days from 0 to 50") { $0 >= 0 && $0 <= 50 } ?? 0)
    }

    // MARK: Stages

    static func readStage(_ id: String, _ value: YAMLValue, teamIDs: [String]) throws(ScenarioError) -> Stage {
        let stage = try value.mapping(allowed: ["team", "cover_team", "minutes", "hours", "channel_factors", "rag_factors", "applies_to",
                                                "out_of_hours_only", "priority", "decides", "asks_for_missing_information",
                                                "clock_hours", "phone", "sources", "outcomes"])
        func team(_ v: YAMLValue) throws(ScenarioError) -> Int {
            let name = try v.string()
            guard let index = teamIDs.firstIndex(of: name) else {
                throw v.error("no team is called '\(name)'; expected one of \(teamIDs.joined(separator: ", "))" + suggestion(for: name, among: teamIDs))
            }
            return index
        }
        let time = try stage.oneOf(["minutes", "hours"], "how long the work on one contact takes")
        var kind = Stage.Kind.work
        if let clock = stage["clock_hours"] {
            kind = .checks(clockHours: try factors(clock, names: RAG.allCases.map(\.name), fallback: .infinity) { v throws(ScenarioError) in try v.positiveNumber() })
        }
        var phone: Stage.PhoneLine?
        if let phoneValue = stage["phone"] {
            let p = try phoneValue.mapping(allowed: ["patience_minutes", "call_back_probability", "call_back_delay_minutes", "channels"])
            var channels = Array(repeating: true, count: Channel.allCases.count)
            if let list = p["channels"] {
                channels = Array(repeating: false, count: Channel.allCases.count)
                for item in try list.list() { channels[try item.choice(Channel.allCases.map { ($0.name, $0.rawValue) })] = true }
            }
            phone = Stage.PhoneLine(
                patience: try ScenarioLoader.readDistribution(try p.required("patience_minutes", "how long callers wait before giving up"), hoursPerUnit: 1.0 / 60),
                callBackProbability: try p.required("call_back_probability", "the chance a caller who gave up rings again").probability(),
                callBackDelay: try ScenarioLoader.readDistribution(try p.required("call_back_delay_minutes", "how long before they ring again"), hoursPerUnit: 1.0 / 60),
                channels: channels)
        }
        var sources = Array(repeating: true, count: SourceGroup.allCases.count)
        if let list = stage["sources"] {
            sources = Array(repeating: false, count: SourceGroup.allCases.count)
            for item in try list.list() { sources[try item.choice(SourceGroup.allCases.map { ($0.name, $0.rawValue) })] = true }
        }
        var outcomes: [[Double]]?
        if let table = stage["outcomes"] {
            let byRAG = try table.mapping(allowed: RAG.allCases.map(\.name))
            outcomes = []
            for rag in RAG.allCases {
                outcomes!.append(try probabilities(try byRAG.required(rag.name, "the decisions made here on \(rag.name) contacts"), names: Outcome.allCases.map(\.name)))
            }
        }
        let positive = { (v: YAMLValue) throws(ScenarioError) -> Double in try v.positiveNumber() }
        return Stage(
            id: id, kind: kind,
            team: try team(try stage.required("team", "the team that does this work")),
            coverTeam: try stage["cover_team"].map(team),
            time: try ScenarioLoader.readDistribution(time.value, hoursPerUnit: time.key == "minutes" ? 1.0 / 60 : 1),
            channelFactors: try factors(stage["channel_factors"], names: Channel.allCases.map(\.name), fallback: 1, read: positive),
            ragFactors: try factors(stage["rag_factors"], names: RAG.allCases.map(\.name), fallback: 1, read: positive),
            // Without applies_to a stage applies to every contact; with it, to the RAG ratings it names.
            appliesTo: stage["applies_to"] == nil ? Array(repeating: 1, count: RAG.allCases.count)
                : try factors(stage["applies_to"], names: RAG.allCases.map(\.name), fallback: 0) { v throws(ScenarioError) in try v.probability() },
            sources: sources,
            outOfHoursOnly: try stage["out_of_hours_only"]?.bool() ?? false,
            byPriority: try stage["priority"]?.choice(["rag": true, "arrival": false]) ?? true,
            decides: try stage["decides"]?.bool() ?? false,
            outcomes: outcomes,
            asksForMissingInformation: try stage["asks_for_missing_information"]?.bool() ?? false,
            phone: phone)
    }

    // MARK: Outcomes, flow, fatigue

    static func readOutcomes(_ value: YAMLValue) throws(ScenarioError) -> OutcomeRules {
        let outcomes = try value.mapping(allowed: RAG.allCases.map(\.name) + ["assessment_start_probability", "assessment_no_further_service",
                                                                                "recontact_within_12_months", "recontact_after_wrong_decision",
                                                                                "referral_factor_by_channel"])
        var byRAG: [[Double]] = []
        for rag in RAG.allCases {
            byRAG.append(try probabilities(try outcomes.required(rag.name, "the decisions on \(rag.name) contacts"), names: Outcome.allCases.map(\.name)))
        }
        let recontact = try outcomes["recontact_within_12_months"]?.probability() ?? 0
        let referralFactors = try factors(outcomes["referral_factor_by_channel"], names: Channel.allCases.map(\.name), fallback: 1) {
            v throws(ScenarioError) in try v.number("a factor of 0 or more") { $0 >= 0 }
        }
        // A factor of 0 leaves a row with nothing but referrals with no outcome at all.
        for (rag, row) in zip(RAG.allCases, byRAG) {
            for (channel, factor) in zip(Channel.allCases, referralFactors)
            where OutcomeRules.scaleReferrals(row, by: factor).reduce(0, +) <= 0 {
                let factorValue = outcomes["referral_factor_by_channel"].flatMap { try? $0.mapping()[channel.name] }
                throw (factorValue ?? value).error(
                    "a factor of \(factor) leaves \(rag.name) contacts by \(channel.name) with no possible decision, since every "
                    + "\(rag.name) decision is a referral or strategy discussion: use a factor above 0, or give \(rag.name) some other outcome")
            }
        }
        return OutcomeRules(
            byRAG: byRAG,
            referralFactorByChannel: referralFactors,
            assessmentStart: try outcomes["assessment_start_probability"]?.probability() ?? 1,
            assessmentNoFurtherService: try outcomes["assessment_no_further_service"]?.probability() ?? 0,
            recontact: recontact,
            recontactAfterWrongDecision: try outcomes["recontact_after_wrong_decision"]?.probability() ?? recontact)
    }

    static func readFlow(_ value: YAMLValue?) throws(ScenarioError) -> FlowRules {
        guard let value else { return FlowRules(handoffDelay: try! .fixed(0), handoffInformationLoss: 0, informationWait: try! .fixed(0)) }
        let flow = try value.mapping(allowed: ["handoff_delay_hours", "handoff_information_loss", "information_wait_hours"])
        return FlowRules(
            handoffDelay: try flow["handoff_delay_hours"].map { v throws(ScenarioError) in try ScenarioLoader.readDistribution(v, hoursPerUnit: 1) } ?? (try! .fixed(0)),
            handoffInformationLoss: try flow["handoff_information_loss"]?.probability() ?? 0,
            informationWait: try flow["information_wait_hours"].map { v throws(ScenarioError) in try ScenarioLoader.readDistribution(v, hoursPerUnit: 1) } ?? (try! .fixed(0)))
    }

    static func readFatigue(_ value: YAMLValue?) throws(ScenarioError) -> Fatigue? {
        guard let value else { return nil }
        let fatigue = try value.mapping(allowed: ["enabled", "threshold_decisions", "time_factor", "default_probability", "default_decision"])
        guard try fatigue.required("enabled", "true to switch the fatigue model on").bool() else { return nil }
        return Fatigue(
            threshold: try fatigue.required("threshold_decisions", "decisions in a day before fatigue starts").wholeNumber(atLeast: 0),
            timeFactor: try fatigue["time_factor"]?.number("a factor of 1 or more") { $0 >= 1 } ?? 1,
            defaultProbability: try fatigue["default_probability"]?.probability() ?? 0,
            defaultOutcome: try fatigue["default_decision"]?.choice(["referral": Outcome.referral, "nfa": Outcome.noFurtherAction]) ?? .referral)
    }

    // MARK: Costs

    static func readCosts(_ value: YAMLValue, teams: [Team], teamsValue: YAMLValue) throws(ScenarioError) -> Costs {
        let costs = try value.mapping(allowed: ["salaries", "on_cost_rate", "agency_premium", "extended_hours_enhancement", "one_off",
                                                "assessment_hours", "hourly_cost", "budget"])
        let salariesValue = try costs.required("salaries", "salary (£ a year) for each grade")
        var salaries: [String: Double] = [:]
        for (grade, salary) in try salariesValue.mapping().entries { salaries[grade] = try salary.nonNegativeNumber() }
        for team in teams where salaries[team.grade] == nil {
            throw salariesValue.error("no salary for grade '\(team.grade)' (team \(team.id))" + suggestion(for: team.grade, among: Array(salaries.keys)))
        }
        return Costs(
            salaries: salaries,
            onCostRate: try costs["on_cost_rate"]?.number("a share between 0 and 1") { $0 >= 0 && $0 <= 1 } ?? 0,
            agencyPremium: try costs["agency_premium"]?.number("a share of 0 or more") { $0 >= 0 } ?? 0,
            extendedHoursEnhancement: try costs["extended_hours_enhancement"]?.number("a share of 0 or more") { $0 >= 0 } ?? 0,
            oneOff: try costs["one_off"]?.nonNegativeNumber() ?? 0,
            assessmentHours: try costs["assessment_hours"]?.nonNegativeNumber() ?? 0,
            hourlyCost: try costs["hourly_cost"]?.nonNegativeNumber() ?? 0,
            budget: try costs["budget"].map(readBudget))
    }

    static func readBudget(_ value: YAMLValue) throws(ScenarioError) -> Budget {
        let budget = try value.mapping(allowed: ["base_budget", "bridging_months", "phase_in_years", "years"])
        return Budget(
            baseBudget: try budget.required("base_budget", "the current base budget, £ a year").nonNegativeNumber(),
            bridgingMonths: try budget["bridging_months"]?.number("a number of months from 0 to 60") { $0 >= 0 && $0 <= 60 } ?? 0,
            phaseInYears: try budget["phase_in_years"]?.number("a number of years from 0 to 20") { $0 >= 0 && $0 <= 20 } ?? 0,
            years: try budget["years"]?.wholeNumber(atLeast: 1) ?? 5)
    }
}
