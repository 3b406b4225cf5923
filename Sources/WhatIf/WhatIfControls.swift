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
    /// Percentage change in contacts by source group name (−20 is a fifth fewer).
    public var demand: [String: Double] = [:]
    /// Weekday opening hours of each phone line's team, by stage id: "09:00-17:00".
    public var phoneHours: [String: String] = [:]
    /// "off", "file" (as the scenario has it) or "linder".
    public var fatigue: String?
    /// Named shocks of the scenario switched off.
    public var shocksOff: [String] = []

    public init() {}

    enum CodingKeys: String, CodingKey { case design, replications, people, vacant, demand, phoneHours, fatigue, shocksOff }

    /// Reads the controls a page sends; a control left out keeps the design as it is.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        design = try c.decodeIfPresent(Int.self, forKey: .design) ?? 0
        replications = try c.decodeIfPresent(Int.self, forKey: .replications) ?? 20
        people = try c.decodeIfPresent([String: Int].self, forKey: .people) ?? [:]
        vacant = try c.decodeIfPresent([String: Int].self, forKey: .vacant) ?? [:]
        demand = try c.decodeIfPresent([String: Double].self, forKey: .demand) ?? [:]
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
        if !changed.isEmpty {
            for (group, percent) in changed where !(percent.isFinite && percent >= -100 && percent <= 1_000) {
                throw Problem(control: "demand.\(group)", message: "a change between −100% and +1,000%, not \(percent)")
            }
            let factors = changed.map { "\($0.key): \(Figures.scenarioFile(1 + $0.value / 100))" }.joined(separator: ", ")
            let last = design.calendar.startDate.adding(days: max(0, Int((length.horizonHours / 24).rounded(.up)) - 1))
            result.append(
                ("demand", "demand.shocks.what_if={from: \(design.calendar.startDate.iso), to: \(last.iso), factors: {\(factors)}}"))
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
