import Foundation
import FrontDoorModel
import SimulationEngine

/// Stages of the pathway: who does the work, how long it takes, what it applies to.
extension FrontDoorLoader {
    static func readStage(_ id: String, _ value: YAMLValue, teamIDs: [String], tasks: [String: TaskTime]) throws(ScenarioError) -> Stage {
        let stage = try value.mapping(allowed: [
            "team", "cover_team", "task", "task_scale", "minutes", "hours", "channel_factors", "rag_factors", "applies_to",
            "out_of_hours_only", "priority", "decides", "asks_for_missing_information",
            "clock_hours", "phone", "sources", "outcomes", "referral_factor", "conversation"
        ])
        func team(_ v: YAMLValue) throws(ScenarioError) -> Int {
            let name = try v.string()
            guard let index = teamIDs.firstIndex(of: name) else {
                throw v.error(
                    "no team is called '\(name)'; expected one of \(teamIDs.joined(separator: ", "))"
                        + suggestion(for: name, among: teamIDs))
            }
            return index
        }
        let (timing, task) = try readTiming(stage, tasks: tasks, what: "how long the work on one contact takes")
        var kind = Stage.Kind.work
        if let clock = stage["clock_hours"] {
            kind = .checks(
                clockHours: try factors(clock, names: RAG.allCases.map(\.name), fallback: .infinity) { v throws(ScenarioError) in
                    try v.number("a number of hours above 0", atMost: Limits.durationHours, "hours") { $0 > 0 }
                })
        }
        var phone: Stage.PhoneLine?
        if let phoneValue = stage["phone"] {
            let p = try phoneValue.mapping(allowed: ["patience_minutes", "call_back_probability", "call_back_delay_minutes", "channels"])
            var channels = Array(repeating: true, count: Channel.allCases.count)
            if let list = p["channels"] {
                channels = Array(repeating: false, count: Channel.allCases.count)
                for item in try list.list() { channels[try item.choice(Channel.allCases.map { ($0.name, $0.rawValue) })] = true }
            }
            let patience = try ScenarioLoader.readDistribution(
                try p.required("patience_minutes", "how long callers wait before giving up"), hoursPerUnit: 1.0 / 60)
            let callBackProbability = try p.required("call_back_probability", "the chance a caller who gave up rings again").probability()
            let delayValue = try p.required("call_back_delay_minutes", "how long before they ring again")
            let callBackDelay = try ScenarioLoader.readDistribution(delayValue, hoursPerUnit: 1.0 / 60)
            // Callers who give up and ring again at once would loop at one instant for ever.
            if callBackProbability > 0 && callBackDelay.mean < 1.0 / 60 {
                throw delayValue.error(
                    String(
                        format: "callers who ring again take at least 1 minute on average to do so, not %.3g minutes",
                        callBackDelay.mean * 60))
            }
            phone = Stage.PhoneLine(
                patience: patience, callBackProbability: callBackProbability, callBackDelay: callBackDelay, channels: channels)
        }
        var sources = Array(repeating: true, count: SourceGroup.allCases.count)
        if let list = stage["sources"] {
            sources = Array(repeating: false, count: SourceGroup.allCases.count)
            for item in try list.list() { sources[try item.choice(SourceGroup.allCases.map { ($0.name, $0.rawValue) })] = true }
        }
        var outcomes: [[Double]]?
        if let table = stage["outcomes"] {
            let byRAG = try table.mapping(allowed: RAG.allCases.map(\.name))
            var own: [[Double]] = []
            for rag in RAG.allCases {
                own.append(
                    try probabilities(
                        try byRAG.required(rag.name, "the decisions made here on \(rag.name) contacts"), names: Outcome.allCases.map(\.name)
                    ))
            }
            outcomes = own
        }
        if let factor = stage["referral_factor"] {
            guard try stage["decides"]?.bool() ?? false else {
                throw factor.error("a referral factor applies only to a stage that decides (decides: true)")
            }
            guard outcomes == nil else {
                throw factor.error("give the stage its own outcomes or a referral_factor on the design's, not both")
            }
        }
        var conversation: Stage.Conversation?
        if let value = stage["conversation"] {
            let map = try value.mapping(allowed: ["finds_less_need", "loses_need"])
            guard stage["phone"] != nil, try stage["decides"]?.bool() ?? false else {
                throw value.error("a conversation is held on a phone line that decides (phone: and decides: true)")
            }
            if let factor = stage["referral_factor"] {
                throw factor.error(
                    "give the stage a conversation or a referral_factor, not both: the conversation is what changes its referrals")
            }
            conversation = Stage.Conversation(
                findsLessNeed: try map.required(
                    "finds_less_need",
                    "the chance that talking it through finds that a child the table would refer needs less, and decides what their need calls for"
                ).probability(),
                losesNeed: try map.required(
                    "loses_need", "the chance that a child in need whom the table would rightly refer is not referred after it"
                ).probability())
        }
        return Stage(
            id: id, kind: kind,
            team: try team(try stage.required("team", "the team that does this work")),
            coverTeam: try stage["cover_team"].map(team),
            time: timing.time, channelFactors: timing.channelFactors, ragFactors: timing.ragFactors,
            // Without applies_to a stage applies to every contact; with it, to the RAG ratings it names.
            appliesTo: stage["applies_to"] == nil
                ? Array(repeating: 1, count: RAG.allCases.count)
                : try factors(stage["applies_to"], names: RAG.allCases.map(\.name), fallback: 0) { v throws(ScenarioError) in
                    try v.probability()
                },
            sources: sources,
            outOfHoursOnly: try stage["out_of_hours_only"]?.bool() ?? false,
            byPriority: try stage["priority"]?.choice(["rag": true, "arrival": false]) ?? true,
            decides: try stage["decides"]?.bool() ?? false,
            outcomes: outcomes,
            referralFactor: try stage["referral_factor"]?.number("a factor from 0 to 5 on the chance of a referral") { $0 >= 0 && $0 <= 5 }
                ?? 1,
            conversation: conversation,
            asksForMissingInformation: try stage["asks_for_missing_information"]?.bool() ?? false,
            phone: phone, task: task)
    }
}
