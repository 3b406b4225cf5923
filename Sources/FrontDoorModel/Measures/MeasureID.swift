import SimulationEngine

/// Which measure: a family, and for the families defined once per team, stage or demand source,
/// which one (its subject).
///
/// Every measure has one dotted name for scripts and files (`backlog.mean`,
/// `team.screeners.utilisation`); code uses the typed id:
///
/// ```swift
/// let wait = result[.stage("triage").meanWaitHours]
/// let backlog = result[.backlogMean]
/// let id = MeasureID(name: "team.screeners.utilisation")   // .team("screeners").utilisation
/// ```
public struct MeasureID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// A kind of measure. The raw value is the dotted name, with `*` standing for the subject.
    public enum Family: String, CaseIterable, Sendable {
        // Contacts and timeliness
        case contactsReceived = "contacts.received"
        case contactsDecided = "contacts.decided"
        case sourceShare = "contacts.share.*"
        case decidedWithin1WorkingDay = "decided_within_1wd"
        case decidedWithin3WorkingDays = "decided_within_3wd"
        case redDecidedWithin4WorkingHours = "red_decided_within_4wh"
        case contactsUndecidedAtEnd = "contacts.undecided_at_end"
        case timeToDecisionP50 = "time_to_decision_wd.p50"
        case timeToDecisionP90 = "time_to_decision_wd.p90"
        // Backlog
        case backlogMean = "backlog.mean"
        case backlogP95 = "backlog.p95"
        case backlogMax = "backlog.max"
        case backlogGrowthPerDay = "backlog.growth_per_day"
        case backlogGrowthWorkingDaysAYear = "backlog.growth_working_days_a_year"
        case runsOverloaded = "runs.overloaded"
        // Decisions
        case conversionReferral = "conversion.referral"
        case conversionEarlyHelp = "conversion.early_help"
        case conversionNoFurtherAction = "conversion.nfa"
        case conversionStrategy = "conversion.strategy"
        case sourceReferralConversion = "conversion.referral.*"
        case decisionsPerManagerDayMean = "decisions_per_manager_day.mean"
        case decisionsPerManagerDayP95 = "decisions_per_manager_day.p95"
        case decisionsPerManagerDayMax = "decisions_per_manager_day.max"
        case decisionsPerDeciderDayMean = "decisions_per_decider_day.mean"
        case decisionsAtFullFatigue = "decisions.at_full_fatigue"
        case decisionsChangedByFatigue = "decisions.changed_by_fatigue"
        // Work
        case handoffsPerContact = "handoffs_per_contact"
        case informationRequests = "information_requests"
        case slowContacts = "contacts.slow"
        case batchedContacts = "contacts.batched"
        case batchDelayHours = "contacts.batched_mean_delay_hours"
        case phoneAbandonedShare = "phone.abandoned_share"
        case phoneCallersLost = "phone.callers_lost"
        case checksOutOfTime = "checks.out_of_time"
        case assessmentsStarted = "assessments.started"
        case assessmentsNoFurtherService = "assessments.no_further_service"
        case recontacts = "recontacts"
        case childrenInContacts = "children.in_contacts"
        case contactsOpenCase = "contacts.open_case"
        case childrenReferred = "children.referred"
        case childrenReferredShare = "children.referred_share"
        case childrenInContactsPer10000 = "children.in_contacts_per_10000"
        case childrenReferredPer10000 = "children.referred_per_10000"
        case childrenAssessed = "children.assessed"
        case rereferralRate = "rereferral_rate"
        case referralsEndingNoFurtherAction = "referrals.nfa_share"
        case referralsAssessedNotInNeed = "referrals.not_in_need_share"
        case s47PerHundredReferrals = "referrals.s47_per_100"
        case strategyDiscussions = "strategy_discussions"
        case earlyHelpDecisions = "early_help.decisions"
        case discussionsOnTime = "strategy_discussions.on_time"
        case discussionWaitHours = "strategy_discussions.mean_wait_hours"
        // Cost
        case staffCost = "cost.staff_per_year_gbp"
        case agencyCost = "cost.agency_per_year_gbp"
        case informalCoverCost = "cost.informal_cover_per_year_gbp"
        case sharedServicesCost = "cost.shared_services_per_year_gbp"
        case oneOffCost = "cost.one_off_gbp"
        case downstreamCost = "cost.downstream_per_year_gbp"
        case cashCost = "cost.cash_per_year_gbp"
        case partnersTimeCost = "cost.partners_time_per_year_gbp"
        case staffCostPerContact = "cost.per_contact_gbp"
        // Teams and stages
        case teamUtilisation = "team.*.utilisation"
        case teamDecisionsPerPersonDay = "team.*.decisions_per_person_day"
        case teamContactHoursPerFTE = "team.*.contact_hours_per_fte_year"
        case stageMeanWaitHours = "stage.*.mean_wait_hours"
        case stageUtilisation = "stage.*.utilisation"
        case stageCompleted = "stage.*.completed"
        case stageMeanQueueLength = "stage.*.mean_queue_length"
        case stageWaitHoursPerContact = "stage.*.wait_hours_per_contact"
        case stageWorkHoursPerContact = "stage.*.work_hours_per_contact"
        case handoffHoursPerContact = "delays.handoff_hours_per_contact"
        case informationHoursPerContact = "delays.information_hours_per_contact"
        case slowHoursPerContact = "delays.slow_hours_per_contact"
        // A plain queueing network
        case contactsArrived = "contacts.arrived"
        case contactsCompleted = "contacts.completed"
        case contactsInSystemAtEnd = "contacts.in_system_at_end"
        case meanInSystem = "contacts.mean_in_system"
        case meanTimeInSystemHours = "contacts.mean_time_in_system_hours"
        case timeInSystemP50Hours = "contacts.time_in_system_hours.p50"
        case timeInSystemP90Hours = "contacts.time_in_system_hours.p90"

        /// Whether the family has one measure per team, stage or source.
        public var hasSubject: Bool { subjectKind != nil }

        /// What the family's subjects are, if it has them.
        public var subjectKind: SubjectKind? {
            switch self {
            case .sourceShare, .sourceReferralConversion: return .source
            case .teamUtilisation, .teamDecisionsPerPersonDay, .teamContactHoursPerFTE: return .team
            case .stageMeanWaitHours, .stageUtilisation, .stageCompleted, .stageMeanQueueLength, .stageWaitHoursPerContact,
                .stageWorkHoursPerContact:
                return .stage
            default: return nil
            }
        }
    }

    /// What a measure can be about.
    public enum SubjectKind: Sendable {
        case team, stage, source
    }

    public let family: Family
    /// The team, stage or source the measure is about; nil for a family without subjects.
    public let subject: String?

    /// The measure of a family without subjects.
    public init(_ family: Family) {
        precondition(!family.hasSubject, "\(family.rawValue) needs a subject")
        self.family = family
        subject = nil
    }

    /// The measure of a family defined per team, stage or source.
    public init(_ family: Family, subject: String) {
        precondition(family.hasSubject, "\(family.rawValue) has no subject")
        self.family = family
        self.subject = subject
    }

    /// The measure with this dotted name, if there is one (for names typed by a user or a script).
    public init?(name: String) {
        if let family = Family(rawValue: name), !family.hasSubject {
            self.init(family)
            return
        }
        for family in Family.allCases where family.hasSubject {
            let parts = family.rawValue.split(separator: "*", omittingEmptySubsequences: false)
            let (prefix, suffix) = (parts[0], parts[1])
            guard name.count > prefix.count + suffix.count, name.hasPrefix(prefix), name.hasSuffix(suffix) else { continue }
            let subject = name.dropFirst(prefix.count).dropLast(suffix.count)
            guard !subject.contains(".") else { continue }
            self.init(family, subject: String(subject))
            return
        }
        return nil
    }

    /// The dotted name, as written in files, tables and `--target`.
    public var name: String {
        guard let subject else { return family.rawValue }
        return family.rawValue.replacingOccurrences(of: "*", with: subject)
    }

    public var description: String { name }

    public static func < (a: MeasureID, b: MeasureID) -> Bool { a.name < b.name }

    /// The measures of one team.
    public struct Team: Sendable {
        public let id: String
        public var utilisation: MeasureID { MeasureID(.teamUtilisation, subject: id) }
        public var decisionsPerPersonDay: MeasureID { MeasureID(.teamDecisionsPerPersonDay, subject: id) }
        public var contactHoursPerFTE: MeasureID { MeasureID(.teamContactHoursPerFTE, subject: id) }
    }

    /// The measures of one stage.
    public struct Stage: Sendable {
        public let id: String
        public var meanWaitHours: MeasureID { MeasureID(.stageMeanWaitHours, subject: id) }
        public var utilisation: MeasureID { MeasureID(.stageUtilisation, subject: id) }
        public var completed: MeasureID { MeasureID(.stageCompleted, subject: id) }
        public var meanQueueLength: MeasureID { MeasureID(.stageMeanQueueLength, subject: id) }
        public var waitHoursPerContact: MeasureID { MeasureID(.stageWaitHoursPerContact, subject: id) }
        public var workHoursPerContact: MeasureID { MeasureID(.stageWorkHoursPerContact, subject: id) }
    }

    /// The measures of one demand source (an Annex A group).
    public struct Source: Sendable {
        public let name: String
        public var share: MeasureID { MeasureID(.sourceShare, subject: name) }
        public var referralConversion: MeasureID { MeasureID(.sourceReferralConversion, subject: name) }
    }

    public static func team(_ id: String) -> Team { Team(id: id) }
    public static func stage(_ id: String) -> Stage { Stage(id: id) }
    public static func source(_ name: String) -> Source { Source(name: name) }
}

extension MeasureID {
    /// A name that is not one of a scenario's measures, and what it may have meant.
    public struct Unknown: Error, Sendable {
        public let message: String
    }

    /// The measure called `name` among `measures` (a scenario's).
    ///
    /// - Throws: ``Unknown`` naming the closest measure there is.
    public static func named(_ name: String, among measures: [MeasureID]) throws(Unknown) -> MeasureID {
        guard let id = MeasureID(name: name), measures.contains(id) else {
            throw Unknown(message: "this scenario has no measure called \(name)" + suggestion(for: name, among: measures.map(\.name)))
        }
        return id
    }
}
