import Foundation
import FrontDoorModel
import SimulationEngine

/// Outcomes of decisions, the flow between steps, and fatigue.
extension FrontDoorLoader {
    static func readOutcomes(_ value: YAMLValue) throws(ScenarioError) -> OutcomeRules {
        let outcomes = try value.mapping(
            allowed: RAG.allCases.map(\.name) + [
                "assessment_start_probability", "assessment_no_further_service",
                "recontact_within_12_months", "recontact_after_wrong_decision",
                "referral_factor_by_channel", "by_source",
                "return_after_referral_within_12_months"
            ])
        var byRAG: [[Double]] = []
        for rag in RAG.allCases {
            byRAG.append(
                try probabilities(
                    try outcomes.required(rag.name, "the decisions on \(rag.name) contacts"), names: Outcome.allCases.map(\.name)))
        }
        var bySourceGroup: [[[Double]]?] = SourceGroup.allCases.map { _ in nil }
        if let groups = outcomes["by_source"] {
            for (name, table) in try groups.mapping().entries {
                let group = try sourceGroup(name, at: table)
                let rows = try table.mapping(allowed: RAG.allCases.map(\.name))
                var byRAG: [[Double]] = []
                for rag in RAG.allCases {
                    byRAG.append(
                        try probabilities(
                            try rows.required(rag.name, "the decisions on \(rag.name) contacts from \(name)"),
                            names: Outcome.allCases.map(\.name)))
                }
                bySourceGroup[group.rawValue] = byRAG
            }
        }
        let recontact = try outcomes["recontact_within_12_months"]?.probability() ?? 0
        let referralFactors = try factors(outcomes["referral_factor_by_channel"], names: Channel.allCases.map(\.name), fallback: 1) {
            v throws(ScenarioError) in try v.number("a factor of 0 or more") { $0 >= 0 }
        }
        // A factor of 0 leaves a row with nothing but referrals with no outcome at all.
        for (rag, row) in zip(RAG.allCases, byRAG) + bySourceGroup.compactMap({ $0 }).flatMap({ zip(RAG.allCases, $0) }) {
            for (channel, factor) in zip(Channel.allCases, referralFactors)
            where OutcomeRules.scaleReferrals(row, by: factor).reduce(0, +) <= 0 {
                let factors = try outcomes["referral_factor_by_channel"]?.mapping()
                throw (factors?[channel.name] ?? value).error(
                    "a factor of \(factor) leaves \(rag.name) contacts by \(channel.name) with no possible decision, since every "
                        + "\(rag.name) decision is a referral or strategy discussion: use a factor above 0, or give \(rag.name) some other outcome"
                )
            }
        }
        return OutcomeRules(
            byRAG: byRAG,
            bySourceGroup: bySourceGroup,
            referralFactorByChannel: referralFactors,
            assessmentStart: try outcomes["assessment_start_probability"]?.probability() ?? 1,
            assessmentNoFurtherService: try outcomes["assessment_no_further_service"]?.probability() ?? 0,
            recontact: recontact,
            recontactAfterWrongDecision: try outcomes["recontact_after_wrong_decision"]?.probability() ?? recontact,
            returnAfterReferral: try outcomes["return_after_referral_within_12_months"].map { v throws(ScenarioError) in
                let rates = try v.mapping(allowed: ["closed", "served"])
                return (
                    try rates.required("closed", "the chance a referred child whose case closed comes back within 12 months").probability(),
                    try rates.required("served", "the chance a referred child who had services comes back within 12 months").probability()
                )
            })
    }

    static func readFlow(_ value: YAMLValue?) throws(ScenarioError) -> FlowRules {
        guard let value else { return FlowRules(handoffDelay: .zero, handoffInformationLoss: 0, informationWait: .zero) }
        let flow = try value.mapping(allowed: [
            "handoff_delay_hours", "handoff_information_loss", "information_wait_hours", "slow_contacts", "immediate"
        ])
        var slowShare = [0.0, 0, 0], slowWait = Distribution.zero
        if let slowValue = flow["slow_contacts"] {
            let slow = try slowValue.mapping(allowed: ["share", "wait_hours"])
            slowShare = try factors(
                try slow.required("share", "the share of contacts of each RAG rating that wait, such as {amber: 0.1, green: 0.1}"),
                names: RAG.allCases.map(\.name), fallback: 0
            ) { v throws(ScenarioError) in try v.probability() }
            slowWait = try ScenarioLoader.readDistribution(
                try slow.required("wait_hours", "how long they wait, a distribution in hours"), hoursPerUnit: 1)
        }
        var immediate = [false, false, false]
        if let list = flow["immediate"] {
            for item in try list.list() { immediate[try item.choice(RAG.allCases.map { ($0.name, $0.rawValue) })] = true }
        }
        return FlowRules(
            handoffDelay: try flow["handoff_delay_hours"].map { v throws(ScenarioError) in
                try ScenarioLoader.readDistribution(v, hoursPerUnit: 1)
            } ?? .zero,
            handoffInformationLoss: try flow["handoff_information_loss"]?.probability() ?? 0,
            informationWait: try flow["information_wait_hours"].map { v throws(ScenarioError) in
                try ScenarioLoader.readDistribution(v, hoursPerUnit: 1)
            } ?? .zero,
            slowShare: slowShare, slowWait: slowWait, immediate: immediate)
    }

    /// `fatigue`: a preset (`none`, `modest`, `linder`), or its values, or a preset with some of
    /// its values changed.
    static func readFatigue(_ value: YAMLValue?) throws(ScenarioError) -> Fatigue? {
        guard let value else { return nil }
        let fatigue = try value.mapping(allowed: ["preset", "default_increase", "time_increase", "ramp_decisions", "default_decision"])
        let names = Fatigue.presets.map(\.name)
        var preset: Fatigue?
        if let name = fatigue["preset"] {
            guard let effect = try name.choice(Fatigue.presets.map { ($0.name, $0.fatigue) }) else {
                guard fatigue.entries.count == 1 else { throw name.error("preset none switches fatigue off, so it takes no other keys") }
                return nil
            }
            preset = effect
        }
        let increase = try fatigue["default_increase"]?.number(
            "a relative increase in default decisions from 0 to 3 (0.225 is Linder-size)"
        ) { $0 >= 0 && $0 <= 3 }
        guard let increase = increase ?? preset?.defaultIncrease else {
            throw value.error("expected a preset (\(names.joined(separator: ", "))) or default_increase")
        }
        return Fatigue(
            defaultIncrease: increase,
            timeIncrease: try fatigue["time_increase"]?.number("a relative increase in decision time from 0 to 1") { $0 >= 0 && $0 <= 1 }
                ?? preset?.timeIncrease ?? 0,
            rampDecisions: try fatigue["ramp_decisions"]?.wholeNumber(atLeast: 1, atMost: 500, "decisions")
                ?? preset?.rampDecisions ?? Fatigue.linder.rampDecisions,
            defaultOutcome: try fatigue["default_decision"]?.choice(["referral": Outcome.referral, "nfa": Outcome.noFurtherAction])
                ?? preset?.defaultOutcome ?? .referral)
    }

    /// `strategy_discussion`: who meets, for how long, and within how many working days.
    static func readStrategyDiscussion(_ value: YAMLValue, teams: [Team], tasks: [String: TaskTime]) throws(ScenarioError)
        -> StrategyDiscussion
    {
        let map = try value.mapping(allowed: ["participants", "task", "minutes", "hours", "within_working_days"])
        let list = try map.required("participants", "how many people of each team meet, such as {team_managers: 1, partners: 2}").mapping()
        var participants: [StrategyDiscussion.Participant] = []
        for (id, count) in list.entries {
            guard let index = teams.firstIndex(where: { $0.id == id }) else {
                throw count.error("no team is called '\(id)'; expected one of \(teams.map(\.id).joined(separator: ", "))")
            }
            let people = try count.wholeNumber(atLeast: 1, atMost: Limits.peoplePerTeam, "people")
            guard people <= teams[index].workedPosts.count else {
                throw count.error(
                    "a discussion cannot need \(people) of team '\(id)', which has \(teams[index].workedPosts.count) people at work")
            }
            participants.append(StrategyDiscussion.Participant(team: index, people: people))
        }
        guard !participants.isEmpty else { throw value.error("expected at least one team under participants") }
        // Everyone must be at work together some time in the week, or no discussion could be held.
        func common(_ a: [ClosedRange<Double>], _ b: [ClosedRange<Double>]) -> [ClosedRange<Double>] {
            a.flatMap { x in
                b.compactMap { y in
                    max(x.lowerBound, y.lowerBound) < min(x.upperBound, y.upperBound)
                        ? max(x.lowerBound, y.lowerBound)...min(x.upperBound, y.upperBound) : nil
                }
            }
        }
        let together = (0..<7).contains { day in
            !participants.dropFirst().reduce(teams[participants[0].team].schedule.intervals[day]) {
                common($0, teams[$1.team].schedule.intervals[day])
            }.isEmpty
        }
        guard together else {
            throw list.owner.error(
                "the teams \(participants.map { teams[$0.team].id }.joined(separator: ", ")) are never at work at the same time, "
                    + "so no strategy discussion could be held")
        }
        let (timing, task) = try readTiming(map, tasks: tasks, what: "how long a strategy discussion takes")
        if let task, !(timing.ragFactors + timing.channelFactors).allSatisfy({ $0 == 1 }) {
            throw (map["task"] ?? list.owner).error(
                "task '\(task.name)' takes longer for some ratings or channels, but a strategy discussion takes one time; "
                    + "name a task with no rag_factors or channel_factors")
        }
        return StrategyDiscussion(
            participants: participants,
            time: timing.time,
            withinWorkingDays: try map.required("within_working_days", "how soon after the decision it should be held")
                .number("a number of working days above 0 and at most 20") { $0 > 0 && $0 <= 20 },
            task: task)
    }
}
