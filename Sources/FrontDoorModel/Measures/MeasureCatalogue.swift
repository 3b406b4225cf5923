/// What a measure's numbers count, in the words tables show.
public enum MeasureUnit: String, Sendable, Hashable {
    case fraction
    case contacts
    case contactsAYear = "contacts a year"
    case contactsADay = "contacts a day"
    case workingDays = "working days"
    case hours
    case decisions
    case decisionsAYear = "decisions a year"
    case handoffs
    case requestsAYear = "requests a year"
    case checksAYear = "checks a year"
    case assessmentsAYear = "assessments a year"
    case childrenAYear = "children a year"
    case perHundred = "per 100"
    case perTenThousand = "per 10,000 children"
    case pounds = "£"
    case poundsAYear = "£ a year"

    /// Whether the unit is money.
    public var isMoney: Bool { self == .pounds || self == .poundsAYear }
}

/// A measure: its id, its label in plain words and its unit.
public struct MeasureDefinition: Sendable, Hashable {
    public let id: MeasureID
    public let label: String
    public let unit: MeasureUnit

    public init(_ id: MeasureID, _ label: String, unit: MeasureUnit) {
        self.id = id
        self.label = label
        self.unit = unit
    }

    /// The dotted name for scripts and files.
    public var name: String { id.name }
}

/// The measures of a model, each defined once: what it is, and how it is computed from what one
/// replication recorded. Definitions and values come from the same entries, so they cannot fall
/// out of step.
///
/// ```swift
/// var catalogue = MeasureCatalogue<NetworkReplication>()
/// catalogue.add(MeasureID(.contactsCompleted), "Contacts that went all the way through", unit: .contacts) { Double($0.completed) }
/// let values = catalogue.values(run)      // one per definition, in order
/// ```
public struct MeasureCatalogue<Record>: Sendable {
    private var entries: [(definition: MeasureDefinition, value: @Sendable (Record) -> Double)] = []

    public init() {}

    /// Adds a measure, computed from one replication's record by `value`.
    public mutating func add(_ id: MeasureID, _ label: String, unit: MeasureUnit, _ value: @escaping @Sendable (Record) -> Double) {
        assert(!entries.contains { $0.definition.id == id }, "\(id) is defined twice")
        entries.append((MeasureDefinition(id, label, unit: unit), value))
    }

    /// Every measure, in catalogue order.
    public var definitions: [MeasureDefinition] { entries.map(\.definition) }

    /// The value of every measure for one replication, in catalogue order.
    public func values(_ record: Record) -> [Double] { entries.map { $0.value(record) } }
}
