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
        case childrenNeedMissed = "children.need_missed"
        case childrenNeedMissedShare = "children.need_missed_share"
        case assessmentsUnnecessary = "assessments.unnecessary"
        case assessmentsNotInNeedShare = "assessments.not_in_need_share"
        case decisionsRightShare = "decisions.right_share"
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

extension MeasureID {
    /// The measure in at most 36 characters, for a table too narrow for its full label: unique
    /// among a scenario's measures as long as its teams', stages' and sources' names are (a name
    /// too long to fit is cut, with …).
    public var shortLabel: String {
        func about(_ words: String) -> String {
            let name = self.subject ?? "", room = 36 - words.count - 1
            return (name.count <= room ? name : String(name.prefix(room - 1)) + "…") + " " + words
        }
        switch family {
        case .contactsReceived: return "Contacts received a year"
        case .contactsDecided: return "Contacts decided a year"
        case .sourceShare: return about("share")
        case .decidedWithin1WorkingDay: return "Decided within 1 working day"
        case .decidedWithin3WorkingDays: return "Decided within 3 working days"
        case .redDecidedWithin4WorkingHours: return "Reds decided within 4 working hours"
        case .contactsUndecidedAtEnd: return "Undecided at the end"
        case .timeToDecisionP50: return "Working days to decide, median"
        case .timeToDecisionP90: return "Working days to decide, 90th %ile"
        case .backlogMean: return "Backlog at close of day"
        case .backlogP95: return "Backlog, 1 day in 20"
        case .backlogMax: return "Backlog, largest"
        case .backlogGrowthPerDay: return "Backlog growth a working day"
        case .backlogGrowthWorkingDaysAYear: return "Backlog growth, days of work a year"
        case .runsOverloaded: return "Runs stopped overloaded"
        case .conversionReferral: return "Decided: referral"
        case .conversionEarlyHelp: return "Decided: early help"
        case .conversionNoFurtherAction: return "Decided: no further action"
        case .conversionStrategy: return "Decided: strategy discussion"
        case .sourceReferralConversion: return about("referred")
        case .decisionsPerManagerDayMean: return "Decisions a manager a day"
        case .decisionsPerManagerDayP95: return "Decisions a manager, busiest days"
        case .decisionsPerManagerDayMax: return "Decisions a manager, most"
        case .decisionsPerDeciderDayMean: return "Decisions a decision-maker a day"
        case .decisionsAtFullFatigue: return "Decisions at full fatigue"
        case .decisionsChangedByFatigue: return "Decisions changed by fatigue"
        case .handoffsPerContact: return "Handoffs a contact"
        case .informationRequests: return "Requests for information"
        case .slowContacts: return "Contacts waiting on others"
        case .batchedContacts: return "Contacts sent in batches"
        case .batchDelayHours: return "Batch delay, hours"
        case .phoneAbandonedShare: return "Calls abandoned"
        case .phoneCallersLost: return "Callers lost"
        case .checksOutOfTime: return "Partner checks out of time"
        case .assessmentsStarted: return "Assessments started a year"
        case .assessmentsNoFurtherService: return "Assessments, no further service"
        case .recontacts: return "Children coming back a year"
        case .childrenInContacts: return "Children in contacts a year"
        case .contactsOpenCase: return "Contacts on open cases"
        case .childrenReferred: return "Children referred a year"
        case .childrenReferredShare: return "Children referred"
        case .childrenInContactsPer10000: return "Children in contacts per 10,000"
        case .childrenReferredPer10000: return "Children referred per 10,000"
        case .childrenAssessed: return "Children assessed a year"
        case .rereferralRate: return "Re-referrals within 12 months"
        case .referralsEndingNoFurtherAction: return "Referrals ending with no action"
        case .referralsAssessedNotInNeed: return "Referrals assessed not in need"
        case .childrenNeedMissed: return "Children in need missed a year"
        case .childrenNeedMissedShare: return "Children in need missed"
        case .assessmentsUnnecessary: return "Unnecessary assessments a year"
        case .assessmentsNotInNeedShare: return "Assessments finding no need"
        case .decisionsRightShare: return "Decisions matching real need"
        case .s47PerHundredReferrals: return "Section 47s per 100 referrals"
        case .strategyDiscussions: return "Strategy discussions a year"
        case .earlyHelpDecisions: return "Early-help decisions a year"
        case .discussionsOnTime: return "Strategy discussions on time"
        case .discussionWaitHours: return "Strategy discussion wait, hours"
        case .staffCost: return "Staff cost a year"
        case .agencyCost: return "Agency premium a year"
        case .informalCoverCost: return "Informal cover a year"
        case .sharedServicesCost: return "Shared services a year"
        case .oneOffCost: return "One-off cost"
        case .downstreamCost: return "Notional cost a year (not cash)"
        case .cashCost: return "Cash a year"
        case .partnersTimeCost: return "Partners' time a year"
        case .staffCostPerContact: return "Staff cost a contact"
        case .teamUtilisation: return about("busy")
        case .teamDecisionsPerPersonDay: return about("decisions a day")
        case .teamContactHoursPerFTE: return about("contact hours")
        case .stageMeanWaitHours: return about("wait, hours")
        case .stageUtilisation: return about("stage busy")
        case .stageCompleted: return about("completed")
        case .stageMeanQueueLength: return about("queue")
        case .stageWaitHoursPerContact: return about("queue hours")
        case .stageWorkHoursPerContact: return about("work hours")
        case .handoffHoursPerContact: return "Handoff hours a contact"
        case .informationHoursPerContact: return "Information hours a contact"
        case .slowHoursPerContact: return "Waiting on others, hours a contact"
        case .contactsArrived: return "Arrived"
        case .contactsCompleted: return "Completed"
        case .contactsInSystemAtEnd: return "In the system at the end"
        case .meanInSystem: return "In the system, on average"
        case .meanTimeInSystemHours: return "Time in the system, hours"
        case .timeInSystemP50Hours: return "Time in the system, median"
        case .timeInSystemP90Hours: return "Time in the system, 90th %ile"
        }
    }
}
