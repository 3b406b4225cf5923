import SimulationEngine

/// A front-door design checked and made ready to run: every table, weight and shift that the
/// replications draw from is built once, as a valid typed value, and shared by all of them.
///
/// A ``FrontDoorDesign`` is a description that any caller may build or change; preparing it is
/// where it is checked, so that a design that would stop a run part-way (a stage of a team that
/// does not exist, an outcome table with no weight, a working day of 30 hours) is refused with a
/// ``DesignError`` rather than trapped in a replication. The scenario reader prepares the designs
/// it reads; a caller that changes a design prepares it again.
///
/// ```swift
/// var design = prepared.design
/// design.teams[1].people = Array(repeating: 1, count: 20)
/// let twenty = try PreparedDesign(design)     // checked again, tables rebuilt
/// twenty.teams[1].people.count                // 20: the description is read through it
/// ```
@dynamicMemberLookup
public struct PreparedDesign: Sendable {
    /// The description it was prepared from.
    public let design: FrontDoorDesign
    /// The decisions' outcome tables, by stage, source group, rating and channel.
    let decisionTables: DecisionTables
    /// Each team's working weeks, one for each shift pattern: `workingWeeks[team][pattern]`.
    let workingWeeks: [[Workforce.WorkingWeek]]
    /// The number of children each contact is about, when some are about more than one.
    let childrenChoice: Categorical?
    /// Which source a contact waiting at the start comes from, by the sources' shares.
    let sourceChoice: Categorical
    /// Each contact's real need, by its source's table set and rating, when the design models it.
    let needChoice: NeedChoice?

    /// Checks `design` and prepares its tables and shifts.
    /// - Throws: ``DesignError`` naming the part of the design that cannot be run and why.
    public init(_ design: FrontDoorDesign) throws(DesignError) {
        try design.check()
        do {
            decisionTables = try DecisionTables(design)
            childrenChoice = design.demand.childrenPerContact.count > 1 ? try Categorical(weights: design.demand.childrenPerContact) : nil
            sourceChoice = try Categorical(weights: design.demand.sources.map(\.share))
            needChoice = try design.decisionQuality.map { quality throws(DistributionError) in
                try NeedChoice(quality, sourceGroups: design.demand.sources.map(\.group))
            }
        } catch {
            throw DesignError(
                "the outcome tables, the need tables, the children per contact and the sources' shares must be weights: \(error)")
        }
        do {
            workingWeeks = try design.teams.map { team throws(ScheduleError) in
                try (0..<Workforce.patternCount).map { pattern throws(ScheduleError) in
                    try Workforce.workingWeek(of: team, pattern: pattern)
                }
            }
        } catch {
            throw DesignError("a team's shifts cannot be laid over its opening hours: \(error)")
        }
        self.design = design
    }

    /// A part of the description, read through the prepared design.
    public subscript<Value>(dynamicMember path: KeyPath<FrontDoorDesign, Value>) -> Value { design[keyPath: path] }
}

/// The tables a contact's real need is drawn from, built once: the design's by rating, and a
/// source group's own where it has one.
struct NeedChoice: Sendable {
    /// `tables[set × ratings + rag]`; set 0 is the design's.
    let tables: [Categorical]
    /// The set of tables each demand source's contacts take their need from.
    let tableSet: [Int]

    init(_ quality: DecisionQuality, sourceGroups: [SourceGroup]) throws(DistributionError) {
        let own = SourceGroup.allCases.filter { quality.needBySourceGroup[$0.rawValue] != nil }
        var tables: [Categorical] = []
        for table in [quality.needByRAG] + own.compactMap({ quality.needBySourceGroup[$0.rawValue] }) {
            for row in table { tables.append(try Categorical(weights: row)) }
        }
        self.tables = tables
        tableSet = sourceGroups.map { group in own.firstIndex(of: group).map { $0 + 1 } ?? 0 }
    }

    /// The real need of a contact from `source` of rating `rag` whose need draw is `draw`.
    func need(source: Int, rag: RAG, draw: Double) -> Need {
        Need.allCases[tables[tableSet[source] * RAG.allCases.count + rag.rawValue].index(for: draw)]
    }
}

/// Why a design cannot be run, in words that name the part of it at fault.
public struct DesignError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
