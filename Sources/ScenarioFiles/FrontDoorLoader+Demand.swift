import Foundation
import FrontDoorModel
import SimulationEngine

/// Demand: volume, sources and their profiles, seasonality, shocks; weight and probability tables.
extension FrontDoorLoader {
    static func readDemand(_ value: YAMLValue, calendar: ServiceCalendar, runDays: Int) throws(ScenarioError) -> Demand {
        let demand = try value.mapping(allowed: [
            "contacts_per_year", "overdispersion", "trend_per_year", "month_weights", "sources", "shocks",
            "starting_backlog", "children_per_contact", "open_case_share",
            "child_population"
        ])
        let perYear = try demand.required("contacts_per_year", "contacts received in a year")
            .number("a number of contacts above 0", atMost: Limits.contactsPerYear, "contacts a year") { $0 > 0 }
        let overdispersion =
            try demand["overdispersion"]?.number("a coefficient of variation of 0 or more", atMost: Limits.overdispersion, "") { $0 >= 0 }
            ?? 0
        let trendValue = demand["trend_per_year"]
        let trend = try trendValue?.number("a yearly growth between -0.99 and 0.99 (0.05 is 5% a year)") { $0 > -1 && $0 < 1 } ?? 0
        let months =
            try demand["month_weights"].map { v throws(ScenarioError) in
                try weightList(v, count: 12, what: "12 monthly weights, January first")
            }
            ?? Array(repeating: 1, count: 12)

        let sourcesValue = try demand.required("sources", "contact sources and their shares")
        var sources: [Demand.Source] = []
        for (name, sourceValue) in try sourcesValue.mapping().entries {
            let group = try sourceGroup(name, at: sourceValue)
            let source = try sourceValue.mapping(allowed: [
                "annex_a_codes", "share", "channels", "rag", "complete_information",
                "weekday_weights", "hour_weights", "school_holiday_factor", "month_weights", "peaks",
                "batched"
            ])
            if let codes = source["annex_a_codes"] {
                for code in try codes.list() where !group.codes.contains(try code.string()) {
                    throw code.error(
                        "code '\(try code.string())' is not in the \(name) group; its codes are \(group.codes.joined(separator: ", "))")
                }
            }
            let share = try source.required("share", "this source's share of all contacts").probability()
            let channels = try probabilities(
                try source.required("channels", "how this source's contacts arrive"), names: Channel.allCases.map(\.name))
            let rag = try probabilities(
                try source.required("rag", "the share of red, amber and green contacts"), names: RAG.allCases.map(\.name))
            let complete = try source["complete_information"]?.probability() ?? 1
            let weekdays =
                try source["weekday_weights"].map { v throws(ScenarioError) in
                    try weightList(v, count: 7, what: "7 weekday weights, Monday first")
                }
                ?? [1, 1, 1, 1, 1, 1, 1]
            let hours = try source["hour_weights"].map(readHourWeights) ?? Array(repeating: 1, count: 24)
            let holidays =
                try source["school_holiday_factor"]?.number("a factor of 0 or more", atMost: Limits.demandFactor, "") { $0 >= 0 } ?? 1
            let months = try source["month_weights"].map { v throws(ScenarioError) in
                try weightList(v, count: 12, what: "12 monthly weights, January first")
            }
            let peaks = try source["peaks"].map(readPeaks) ?? [], batches = try source["batched"].map(readBatches)
            do throws(DistributionError) {
                sources.append(
                    try Demand.Source(
                        group: group, share: share, channels: channels, rag: rag, completeInformation: complete, weekdayWeights: weekdays,
                        hourWeights: hours, schoolHolidayFactor: holidays, monthWeights: months, peaks: peaks, batches: batches))
            } catch {
                throw sourceValue.error(error.message)
            }
        }
        guard !sources.isEmpty else { throw sourcesValue.error("expected at least one source") }
        let total = sources.reduce(0) { $0 + $1.share }
        guard abs(total - 1) < 1e-6 else { throw sourcesValue.error("the shares must add up to 1, not \(String(format: "%.6g", total))") }

        var shocks: [Demand.Shock] = []
        if let shocksValue = demand["shocks"] {
            for (name, shockValue) in try shocksValue.mapping().entries {
                let shock = try shockValue.mapping(allowed: ["from", "to", "factors", "ratings", "channels"])
                let from = try readDate(try shock.required("from", "the first day of the change"))
                let to = try readDate(try shock.required("to", "the last day of the change"))
                guard from <= to else { throw shockValue.error("the change ends (\(to)) before it starts (\(from))") }
                var factors: [SourceGroup: Double] = [:]
                for (group, factor) in try shock.required("factors", "a multiplier for each source group affected").mapping().entries {
                    factors[try sourceGroup(group, at: factor)] = try factor.number(
                        "a factor of 0 or more", atMost: Limits.demandFactor, ""
                    ) { $0 >= 0 }
                }
                let start = calendar.startDate.dayNumber
                guard to.dayNumber >= start, from.dayNumber - start < runDays else {
                    throw shockValue.error(
                        "the change (\(from) to \(to)) falls outside the run, which covers \(calendar.startDate) to "
                            + "\(calendar.date(ofDay: runDays - 1))")
                }
                let ratings = try shock["ratings"].map { v throws(ScenarioError) in try names(v, RAG.allCases.map(\.name), "a RAG rating") }
                let channels = try shock["channels"].map { v throws(ScenarioError) in
                    try names(v, Channel.allCases.map(\.name), "a channel")
                }
                if ratings != nil || channels != nil, let (group, _) = factors.first(where: { $0.value > 1 }) {
                    throw shockValue.error(
                        "a change limited to some ratings or channels can only remove contacts, so its factors are from 0 to 1; "
                            + "\(group.name) has a larger one")
                }
                shocks.append(
                    .init(
                        name: name, firstDay: from.dayNumber - start, lastDay: to.dayNumber - start, factors: factors,
                        ratings: ratings, channels: channels))
            }
        }
        let startingBacklog = try demand["starting_backlog"]?.wholeNumber(atLeast: 0, atMost: Limits.startingBacklog, "contacts") ?? 0
        var result: Demand
        do throws(DistributionError) {
            result = try Demand(
                contactsPerYear: perYear, sources: sources, monthWeights: months, overdispersion: overdispersion,
                trendPerYear: trend, shocks: shocks, startingBacklog: startingBacklog)
        } catch {
            throw (demand["overdispersion"] ?? value).error(error.message)
        }
        if let children = demand["children_per_contact"] {
            let shares = try children.numbers { v throws(ScenarioError) in try v.probability() }
            guard (1...Limits.childrenPerContact).contains(shares.count), abs(shares.reduce(0, +) - 1) < 1e-6 else {
                throw children.error(
                    "expected the shares of contacts about 1, 2, 3… children (at most \(Limits.childrenPerContact)), "
                        + "one child first, adding up to 1, such as [0.7, 0.2, 0.1]")
            }
            result.childrenPerContact = shares
        }
        result.openCaseShare = try demand["open_case_share"]?.probability() ?? 0
        result.childPopulation = try demand["child_population"]?.number(
            "a number of children above 0", atMost: Limits.childPopulation, "children"
        ) { $0 > 0 }
        return result
    }

    /// `{channels: [police_notification], ratings: [amber, green], released_at: "08:00"}`: contacts
    /// by those channels and of those ratings (all, when left out) are released each working day.
    static func readBatches(_ value: YAMLValue) throws(ScenarioError) -> Demand.Batches {
        let batch = try value.mapping(allowed: ["channels", "ratings", "released_at"])
        let released = try batch.required("released_at", "the time of day each working day's batch is released, such as \"08:00\"")
        guard let hour = clock(try released.string()), hour < 24 else {
            throw released.error("expected a time of day written as \"08:00\", found '\(try released.string())'")
        }
        return Demand.Batches(
            channels: try batch["channels"].map { v throws(ScenarioError) in try names(v, Channel.allCases.map(\.name), "a channel") }
                ?? Channel.allCases.map { _ in true },
            ratings: try batch["ratings"].map { v throws(ScenarioError) in try names(v, RAG.allCases.map(\.name), "a RAG rating") }
                ?? RAG.allCases.map { _ in true },
            releaseHour: hour)
    }

    /// The source group called `name`, the key of `value`.
    static func sourceGroup(_ name: String, at value: YAMLValue) throws(ScenarioError) -> SourceGroup {
        guard let group = SourceGroup(name: name) else {
            let names = SourceGroup.allCases.map(\.name)
            throw value.error(
                "no source group is called '\(name)'; expected one of \(names.joined(separator: ", "))"
                    + suggestion(for: name, among: names))
        }
        return group
    }

    /// A list of some of `all` (at least one), as flags in the order of `all`.
    static func names(_ list: YAMLValue, _ all: [String], _ what: String) throws(ScenarioError) -> [Bool] {
        var chosen = all.map { _ in false }
        for item in try list.list() {
            let name = try item.string()
            guard let index = all.firstIndex(of: name) else {
                throw item.error(
                    "'\(name)' is not \(what); expected one of \(all.joined(separator: ", "))" + suggestion(for: name, among: all))
            }
            chosen[index] = true
        }
        guard chosen.contains(true) else { throw list.error("expected at least one of \(all.joined(separator: ", "))") }
        return chosen
    }

    /// Yearly windows: `name: {from: "12-17", to: "01-04", factor: 1.25}`.
    static func readPeaks(_ value: YAMLValue) throws(ScenarioError) -> [Demand.Peak] {
        var peaks: [Demand.Peak] = []
        for (name, peakValue) in try value.mapping().entries {
            let peak = try peakValue.mapping(allowed: ["from", "to", "factor"])
            peaks.append(
                Demand.Peak(
                    name: name,
                    from: try readMonthDay(try peak.required("from", "the first day of the window each year, such as \"09-01\"")),
                    to: try readMonthDay(try peak.required("to", "the last day of the window each year, such as \"09-30\"")),
                    factor: try peak.required("factor", "the multiplier on this source's contacts in the window")
                        .number("a factor of 0 or more", atMost: Limits.demandFactor, "") { $0 >= 0 }))
        }
        return peaks
    }

    /// A day of the year written month-day, such as "12-17".
    static func readMonthDay(_ value: YAMLValue) throws(ScenarioError) -> (month: Int, day: Int) {
        let parts = try value.string().split(separator: "-")
        // 2024 is a leap year, so 29 February is accepted.
        guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]), CivilDate(year: 2024, month: month, day: day) != nil
        else {
            throw value.error("expected a day of the year written as month-day, such as \"12-17\" for 17 December")
        }
        return (month, day)
    }

    static func readHourWeights(_ value: YAMLValue) throws(ScenarioError) -> [Double] {
        if case .scalar = value.node {
            return try value.choice([
                // Around the clock, evenly.
                "flat": Array(repeating: 1.0, count: 24),
                // Most contacts between 09:00 and 17:00 (Norfolk: over 90% of professionals' calls).
                "office": (0..<24).map { (9..<17).contains($0) ? 12.0 : ((7..<9).contains($0) || (17..<20).contains($0) ? 2 : 0.2) },
                // Police incidents peak in the evening and night (Met Police sample: 45.6% 21:00–03:00).
                "evening": [3, 2.5, 2, 1.5, 1, 0.8, 0.7, 0.8, 1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.9, 2.1, 2.4, 2.7, 3, 3.3, 3.6, 3.6, 3.3]
            ])
        }
        return try weightList(value, count: 24, what: "24 hourly weights, midnight first, or one of flat, office, evening")
    }

    static func weightList(_ value: YAMLValue, count: Int, what: String) throws(ScenarioError) -> [Double] {
        let weights = try value.numbers { v throws(ScenarioError) in
            try v.number("a weight of 0 or more", atMost: Limits.weight, "") { $0 >= 0 }
        }
        guard weights.count == count, weights.contains(where: { $0 > 0 }) else { throw value.error("expected \(what)") }
        return weights
    }

    /// A mapping from names to probabilities adding up to 1; names left out have probability 0.
    static func probabilities(_ value: YAMLValue, names: [String]) throws(ScenarioError) -> [Double] {
        var result = Array(repeating: 0.0, count: names.count)
        // The mapping allows only `names`, so every key has its place.
        for (key, entry) in try value.mapping(allowed: names).entries {
            if let index = names.firstIndex(of: key) { result[index] = try entry.probability() }
        }
        let total = result.reduce(0, +)
        guard abs(total - 1) < 1e-6 else { throw value.error("the probabilities must add up to 1, not \(String(format: "%.6g", total))") }
        return result
    }

    /// A mapping from names to numbers; names left out take `fallback`.
    static func factors(_ value: YAMLValue?, names: [String], fallback: Double, read: (YAMLValue) throws(ScenarioError) -> Double)
        throws(ScenarioError) -> [Double]
    {
        var result = Array(repeating: fallback, count: names.count)
        guard let value else { return result }
        for (key, entry) in try value.mapping(allowed: names).entries {
            if let index = names.firstIndex(of: key) { result[index] = try read(entry) }
        }
        return result
    }
}
