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

    /// Checks `design` and prepares its tables and shifts.
    /// - Throws: ``DesignError`` naming the part of the design that cannot be run and why.
    public init(_ design: FrontDoorDesign) throws(DesignError) {
        try design.check()
        do {
            decisionTables = try DecisionTables(design)
            childrenChoice = design.demand.childrenPerContact.count > 1 ? try Categorical(weights: design.demand.childrenPerContact) : nil
            sourceChoice = try Categorical(weights: design.demand.sources.map(\.share))
        } catch {
            throw DesignError("the outcome tables, the children per contact and the sources' shares must be weights: \(error)")
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

/// Why a design cannot be run, in words that name the part of it at fault.
public struct DesignError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
