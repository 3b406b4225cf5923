import FrontDoorModel
import SimulationEngine

/// A small front door built in code for one check each: one source (the police, by phone, around
/// the clock) and one deciding stage run by a team of managers, with no absence, breaks, other
/// duties or waits between steps. A test changes the parts it is about (``design``, or the helpers
/// below) and runs it; the model's tests never go through the scenario reader.
/// `ScenarioFilesTests` checks that the reader builds the same design from the words that say the
/// same (`FrontDoorFixture.yaml`), so what these tests show holds for scenario files too.
///
/// ```swift
/// var fixture = try FrontDoorFixture(contactsPerYear: 2_000, people: 1, hours: .office)
/// fixture.design.teams[0].absence.leaveDays = 40
/// let run = try fixture.run()
/// ```
public struct FrontDoorFixture {
    /// When a team works.
    public enum Hours: Sendable {
        /// Every hour of every day, bank holidays included.
        case aroundTheClock
        /// These hours (from midnight) on weekdays, closed at weekends and on bank holidays.
        case weekdays(Double, Double)
        /// 09:00–17:00 on weekdays.
        public static let office = Hours.weekdays(9, 17)
    }

    /// 1 April 2025, a Tuesday: day 0 of every fixture.
    public static let startDate = CivilDate(year: 2025, month: 4, day: 1)!
    /// The managers' pay: a salary of £50,000 on grade `tm`; partners (`partner`) are paid
    /// nothing by the front door.
    public static let salaries = ["tm": 50_000.0, "partner": 0]

    public var design: FrontDoorDesign
    public var length: RunLength

    /// The fixture: `contactsPerYear` contacts (20% red, 30% amber, 50% green unless `rag` says
    /// otherwise) decided by `people` managers in `minutes` (exponential, 30 minutes on average),
    /// over `days` with `warmUpDays` of warm-up. Reds go to a strategy discussion, ambers are
    /// referred, greens end half in no further action and half in early help; a closed contact
    /// comes back with chance `recontact`.
    public init(
        contactsPerYear: Double = 8_760, people: Int = 2, hours: Hours = .aroundTheClock, minutes: Distribution? = nil,
        days: Int = 60, warmUpDays: Int = 0, rag: [RAG: Double] = [.red: 0.2, .amber: 0.3, .green: 0.5], recontact: Double = 0
    ) throws {
        length = RunLength(horizonHours: Double(days) * 24, warmUpHours: Double(warmUpDays) * 24)
        let calendar = try ServiceCalendar(startDate: Self.startDate, days: days + 1)
        let source = try Self.source(channels: [.phone: 1], rag: rag)
        let demand = try Demand(
            contactsPerYear: contactsPerYear, sources: [source], monthWeights: Array(repeating: 1, count: 12), overdispersion: 0,
            trendPerYear: 0, shocks: [], startingBacklog: 0)
        let priceYear = FinancialYear(containing: Self.startDate)
        design = FrontDoorDesign(
            calendar: calendar, demand: demand, teams: [], stages: [],
            outcomes: OutcomeRules(
                byRAG: [
                    Self.shares([Outcome.strategyDiscussion: 1]), Self.shares([Outcome.referral: 1]),
                    Self.shares([Outcome.noFurtherAction: 0.5, .earlyHelp: 0.5])
                ],
                referralFactorByChannel: Channel.allCases.map { _ in 1 }, assessmentStart: 1, assessmentNoFurtherService: 0,
                recontact: recontact, recontactAfterWrongDecision: recontact),
            flow: FlowRules(handoffDelay: .zero, handoffInformationLoss: 0, informationWait: .zero),
            fatigue: nil,
            costs: Costs(
                priceYear: priceYear, payYear: priceYear, salaries: Self.salaries,
                onCosts: OnCostRates(
                    niRate: 0, niThreshold: 0, pensionRate: 0.295, levyRate: NationalPay.apprenticeshipLevy(in: priceYear)),
                agencyPremium: [:], extendedHoursEnhancement: 0, oneOff: 0, downstream: .none, budget: .standard),
            assumptions: [])
        design.teams = [try team("deciders", decisionRole: .oversees, people: people, hours: hours)]
        design.stages = [
            Self.stage("decide", team: 0, time: try minutes ?? .exponential(mean: Self.hours(minutes: 30)), decides: true)
        ]
    }

    /// The fixture's calendar.
    public var calendar: ServiceCalendar { design.calendar }

    /// `hours` as a weekly schedule on the fixture's calendar.
    public func schedule(_ hours: Hours) throws -> WeeklySchedule {
        switch hours {
        case .aroundTheClock:
            return try WeeklySchedule(
                intervals: Array(repeating: [0...24], count: 7), firstWeekday: calendar.startDate.weekday, closedDays: [])
        case .weekdays(let open, let close):
            return try WeeklySchedule(
                intervals: .weekdays(open, close), firstWeekday: calendar.startDate.weekday, closedDays: calendar.bankHolidays)
        }
    }

    /// A team of `people` full-time posts working `hours`, a person's day as long as 24 hours
    /// with no break or other duties (so that people work whenever the team is open).
    public func team(
        _ id: String, grade: String = "tm", decisionRole: Team.DecisionRole = .decides, costing: Team.Costing = .establishment,
        people: Int, hours: Hours, absence: Team.Absence = .none
    ) throws -> Team {
        Team(
            id: id, role: id, grade: grade, decisionRole: decisionRole, costing: costing, people: Array(repeating: 1, count: people),
            schedule: try schedule(hours), absence: absence)
    }

    /// Adds `team` and returns its index.
    @discardableResult
    public mutating func add(_ team: Team) -> Int {
        design.teams.append(team)
        return design.teams.count - 1
    }

    /// Puts `stage` before the deciding stage (last, as a design's pathway ends in a decision).
    public mutating func addBeforeDeciding(_ stage: Stage) {
        design.stages.insert(stage, at: design.stages.count - 1)
    }

    /// A stage of `team` that every contact goes through, most urgent first, with the design's
    /// outcome table when it decides.
    public static func stage(
        _ id: String, team: Int, kind: Stage.Kind = .work, time: Distribution, appliesTo: [RAG: Double]? = nil, decides: Bool = false,
        phone: Stage.PhoneLine? = nil
    ) -> Stage {
        Stage(
            id: id, kind: kind, team: team, coverTeam: nil, time: time, channelFactors: Channel.allCases.map { _ in 1 },
            ragFactors: RAG.allCases.map { _ in 1 }, appliesTo: appliesTo.map(shares) ?? RAG.allCases.map { _ in 1 },
            sources: SourceGroup.allCases.map { _ in true }, outOfHoursOnly: false, byPriority: true, decides: decides, outcomes: nil,
            asksForMissingInformation: false, phone: phone)
    }

    /// A police source sending every contact, by `channels`, of `rag`, evenly over the hours and
    /// days of the week, all with the information needed to decide.
    public static func source(channels: [Channel: Double], rag: [RAG: Double]) throws -> Demand.Source {
        try Demand.Source(
            group: .police, share: 1, channels: shares(channels), rag: shares(rag), completeInformation: 1,
            weekdayWeights: Array(repeating: 1, count: 7), hourWeights: Array(repeating: 1, count: 24), schoolHolidayFactor: 1)
    }

    /// `values` as a table indexed by the cases of `Key`, 0 for each case left out.
    public static func shares<Key: CaseIterable & RawRepresentable & Hashable>(_ values: [Key: Double]) -> [Double]
    where Key.RawValue == Int {
        Key.allCases.map { values[$0] ?? 0 }
    }

    /// `minutes` in hours, computed as a scenario file's minutes are.
    public static func hours(minutes: Double) -> Double { minutes * (1.0 / 60) }

    /// One manager at work 09:00–17:00 on weekdays, away 40 working days a year, deciding on
    /// 2,000 contacts over a year.
    public static func awayFortyDays() throws -> FrontDoorFixture {
        var fixture = try FrontDoorFixture(contactsPerYear: 2_000, people: 1, hours: .office, days: 365)
        fixture.design.teams[0].absence = Team.Absence(leaveDays: 40, sicknessRate: 0, sicknessSpellDays: 1, trainingDays: 0)
        return fixture
    }

    /// 20,000 contacts a year screened on a phone line by three people (callers give up after
    /// 10 minutes on average and half ring again 30 minutes later), then checked by one partner
    /// (every red within 4 hours, half the ambers within 24), then decided by one manager; all
    /// at work 09:00–17:00 on weekdays.
    public static func screenedAndChecked() throws -> FrontDoorFixture {
        var fixture = try FrontDoorFixture(contactsPerYear: 20_000, people: 1, hours: .office)
        let screeners = fixture.add(try fixture.team("screeners", people: 3, hours: .office))
        let partners = fixture.add(try fixture.team("partners", grade: "partner", people: 1, hours: .office))
        fixture.addBeforeDeciding(
            stage(
                "screen", team: screeners, time: try .lognormal(mean: hours(minutes: 20), standardDeviation: hours(minutes: 10)),
                phone: Stage.PhoneLine(
                    patience: try .exponential(mean: hours(minutes: 10)), callBackProbability: 0.5,
                    callBackDelay: try .fixed(hours(minutes: 30)), channels: Channel.allCases.map { _ in true })))
        fixture.addBeforeDeciding(
            stage(
                "checks", team: partners, kind: .checks(clockHours: [4, 24, .infinity]), time: try .fixed(hours(minutes: 45)),
                appliesTo: [.red: 1, .amber: 0.5]))
        return fixture
    }

    /// The design, checked and made ready to run.
    public func prepared() throws -> PreparedDesign { try PreparedDesign(design) }

    /// One replication of the design.
    public func run(replication: Int = 0, seed: UInt32 = 1) throws -> FrontDoorReplication {
        FrontDoorSimulation.run(try prepared(), length: length, seeds: SeedPlan(baseSeed: seed), replication: replication)
    }
}
