import Foundation
import FrontDoorModel
import FrontDoorReports
import ScenarioFiles
import SimulationEngine

/// What the page's controls ask of one design: people and vacant posts by team, a change in
/// demand by source group, a phone line's weekday hours, fatigue, named shocks switched off, and
/// the replications. Each becomes an override checked exactly as a scenario file is.
public struct WhatIfControls: Codable, Sendable, Hashable {
    /// Which of the served designs the controls change (its place in the list).
    public var design = 0
    public var replications = 20
    public var people: [String: Int] = [:]
    public var vacant: [String: Int] = [:]
    /// Percentage change in contacts by source group name (−20 is a fifth fewer), of all the
    /// source's contacts.
    public var demand: [String: Double] = [:]
    /// Which of a source's contacts its cut falls on, by source group name: its ratings and
    /// channels (by name; left out, all of them). "Police −20%, from green notifications" removes
    /// a fifth of all police contacts, every one of them a green notification — as police demand
    /// management would, and as `Scenarios/what-if/police-demand-management.yaml` does.
    public var demandScope: [String: Scope] = [:]

    /// The ratings and channels a change falls on.
    public struct Scope: Codable, Sendable, Hashable {
        public var ratings: [String]?
        public var channels: [String]?

        public init(ratings: [String]? = nil, channels: [String]? = nil) {
            self.ratings = ratings
            self.channels = channels
        }
    }
    /// Weekday opening hours of each phone line's team, by stage id: "09:00-17:00".
    public var phoneHours: [String: String] = [:]
    /// "off", "file" (as the scenario has it) or "linder".
    public var fatigue: String?
    /// Named shocks of the scenario switched off.
    public var shocksOff: [String] = []

    public init() {}

    enum CodingKeys: String, CodingKey { case design, replications, people, vacant, demand, demandScope, phoneHours, fatigue, shocksOff }

    /// Reads the controls a page sends; a control left out keeps the design as it is.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        design = try c.decodeIfPresent(Int.self, forKey: .design) ?? 0
        replications = try c.decodeIfPresent(Int.self, forKey: .replications) ?? 20
        people = try c.decodeIfPresent([String: Int].self, forKey: .people) ?? [:]
        vacant = try c.decodeIfPresent([String: Int].self, forKey: .vacant) ?? [:]
        demand = try c.decodeIfPresent([String: Double].self, forKey: .demand) ?? [:]
        demandScope = try c.decodeIfPresent([String: Scope].self, forKey: .demandScope) ?? [:]
        phoneHours = try c.decodeIfPresent([String: String].self, forKey: .phoneHours) ?? [:]
        fatigue = try c.decodeIfPresent(String.self, forKey: .fatigue)
        shocksOff = try c.decodeIfPresent([String].self, forKey: .shocksOff) ?? []
    }

    /// A change that could not be made, with the control it came from.
    public struct Problem: Error, Sendable, Codable {
        public let control: String
        public let message: String
    }

    /// The overrides, each with the control it came from, in a fixed order (so that the same
    /// controls always give the same scenario and the same cache key).
    public func overrides(for design: FrontDoorDesign, length: RunLength) throws(Problem) -> [(control: String, text: String)] {
        var result: [(String, String)] = []
        for (team, count) in people.sorted(by: { $0.key < $1.key }) { result.append(("people.\(team)", "teams.\(team).people=\(count)")) }
        for (team, count) in vacant.sorted(by: { $0.key < $1.key }) {
            result.append(("vacant.\(team)", "teams.\(team).vacant_posts=\(count)"))
        }
        let changed = demand.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        for (group, percent) in changed where !(percent.isFinite && percent >= -100 && percent <= 1_000) {
            throw Problem(control: "demand.\(group)", message: "a change between −100% and +1,000%, not \(percent)")
        }
        let window =
            "from: \(design.calendar.startDate.iso), to: "
            + design.calendar.startDate.adding(days: max(0, Int((length.horizonHours / 24).rounded(.up)) - 1)).iso
        let whole = changed.filter { demandScope[$0.key].map(\.isEverything) ?? true }
        if !whole.isEmpty {
            let factors = whole.map { "\($0.key): \(Figures.scenarioFile(1 + $0.value / 100))" }.joined(separator: ", ")
            result.append(("demand", "demand.shocks.what_if={\(window), factors: {\(factors)}}"))
        }
        for (group, percent) in changed {
            guard let scope = demandScope[group], !scope.isEverything else { continue }
            let factor = try scope.factor(percent, group: group, in: design)
            let limits =
                (scope.ratings.map { ", ratings: [\($0.joined(separator: ", "))]" } ?? "")
                + (scope.channels.map { ", channels: [\($0.joined(separator: ", "))]" } ?? "")
            result.append(
                (
                    "demand.\(group)",
                    "demand.shocks.what_if_\(group)={\(window), factors: {\(group): \(Figures.scenarioFile(factor))}\(limits)}"
                ))
        }
        for (stageID, hours) in phoneHours.sorted(by: { $0.key < $1.key }) {
            guard let stage = design.stages.first(where: { $0.id == stageID && $0.phone != nil }) else {
                throw Problem(control: "phone.\(stageID)", message: "no phone line is called '\(stageID)'")
            }
            guard hours.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "-" || $0 == " " }) else {
                throw Problem(control: "phone.\(stageID)", message: "expected hours such as 09:00-17:00, not '\(hours)'")
            }
            result.append(("phone.\(stageID)", "teams.\(design.teams[stage.team].id).hours.weekdays=\"\(hours)\""))
        }
        switch fatigue {
        case nil, "file": break
        case "off": result.append(("fatigue", "fatigue={preset: none}"))
        case "linder": result.append(("fatigue", "fatigue={preset: linder}"))
        case let other?: throw Problem(control: "fatigue", message: "expected off, file or linder, not '\(other)'")
        }
        for name in shocksOff.sorted() {
            guard let shock = design.demand.shocks.first(where: { $0.name == name }) else {
                throw Problem(control: "shock.\(name)", message: "the scenario has no shock called '\(name)'")
            }
            let neutral = shock.factors.keys.sorted { $0.rawValue < $1.rawValue }.map { "\($0.name): 1" }.joined(separator: ", ")
            result.append(("shock.\(name)", "demand.shocks.\(name).factors={\(neutral)}"))
        }
        return result
    }

}

extension WhatIfControls.Scope {
    /// Whether it leaves every rating and channel in.
    var isEverything: Bool {
        (ratings.map { Set($0) == Set(RAG.allCases.map(\.name)) } ?? true)
            && (channels.map { Set($0) == Set(Channel.allCases.map(\.name)) } ?? true)
    }

    /// The factor on the contacts of the scope that changes all of `group`'s contacts by
    /// `percent`: a cut of 20% of police contacts falling on green notifications, which are
    /// 64% of them, stops 0.2 / 0.64 = 31% of the notifications (factor 0.69).
    func factor(_ percent: Double, group: String, in design: FrontDoorDesign) throws(WhatIfControls.Problem) -> Double {
        let control = "demand.\(group)"
        guard let source = design.demand.sources.first(where: { $0.group.name == group }) else {
            throw WhatIfControls.Problem(control: control, message: "the design has no source called '\(group)'")
        }
        guard percent < 0 else {
            throw WhatIfControls.Problem(
                control: control, message: "a rise falls on every contact of a source: choose every rating and channel, or a cut")
        }
        for name in ratings ?? [] where RAG.allCases.first(where: { $0.name == name }) == nil {
            throw WhatIfControls.Problem(control: control, message: "no rating is called '\(name)'")
        }
        for name in channels ?? [] where Channel.allCases.first(where: { $0.name == name }) == nil {
            throw WhatIfControls.Problem(control: control, message: "no channel is called '\(name)'")
        }
        let ratingShare = RAG.allCases.filter { ratings?.contains($0.name) ?? true }.reduce(0.0) { $0 + source.rag[$1.rawValue] }
        let channelShare = Channel.allCases.filter { channels?.contains($0.name) ?? true }.reduce(0.0) { $0 + source.channels[$1.rawValue] }
        let share = ratingShare * channelShare
        let factor = 1 + percent / 100 / max(share, 1e-12)
        guard factor >= -1e-9 else {
            throw WhatIfControls.Problem(
                control: control,
                message:
                    "only \(Figures.prosePercent(share)) of \(group.replacingOccurrences(of: "_", with: " ")) contacts are of these ratings and channels, "
                    + "so a cut of at most \(Figures.prosePercent(share)) can fall on them")
        }
        return max(factor, 0)
    }
}
