/// The documented ranges that keep every run finite in time and memory; the reader refuses
/// anything beyond them, naming the limit (see "Limits" in docs/reference/scenario-files.md).
enum Limits {
    /// People (posts) in one team: far above any council's front door.
    static let peoplePerTeam = 10_000
    /// The longest run: a century.
    static let horizonDays = 36_500.0
    /// New contacts a year: several times a national-scale front door (about 2.7 million a year).
    static let contactsPerYear = 10_000_000.0
    /// Arrivals an hour to a queueing network: over a thousand times the reference workload.
    static let arrivalsPerHour = 10_000.0
    /// The day-to-day spread of demand (the coefficient of variation of the daily multiplier):
    /// beyond this nearly every day has no contacts at all.
    static let overdispersion = 5.0
    /// Relative weights of months, weekdays and hours.
    static let weight = 1_000_000.0
    /// School-holiday factors and shock factors on demand.
    static let demandFactor = 100.0
    /// Children living in one council's area (England has about 12 million).
    static let childPopulation = 20_000_000.0
    /// Children in one contact (a sibling group).
    static let childrenPerContact = 20
    /// Contacts waiting at the start: a run stops as overloaded beyond this many waiting anyway.
    static let startingBacklog = 200_000
    /// The longest average duration of anything (a piece of work, a wait, a delay): a year.
    static let durationHours = 8_760.0
    /// The widest spread of a duration, as a multiple of its mean.
    static let spreadPerMean = 10.0
    /// Factors on the time work takes (by channel or RAG rating).
    static let timeFactor = 100.0
    /// A full-time salary, £ a year.
    static let salary = 1_000_000.0
    /// One-off costs and base budgets, £.
    static let money = 10_000_000_000.0
}
