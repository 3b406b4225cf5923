/// Red, amber or green: how urgent a contact is. The order is the order of priority.
public enum RAG: Int, CaseIterable, Sendable, Hashable {
    case red, amber, green
    public var name: String { ["red", "amber", "green"][rawValue] }
}

/// How a contact reaches the front door.
public enum Channel: Int, CaseIterable, Sendable, Hashable {
    case phone, email, writtenForm, portal, policeNotification
    public var name: String { ["phone", "email", "written_form", "portal", "police_notification"][rawValue] }
}

/// What the front door decides.
public enum Outcome: Int, CaseIterable, Sendable, Hashable {
    /// No further action, advice or signposting.
    case noFurtherAction
    /// Early help.
    case earlyHelp
    /// Referral to children's social care for a statutory assessment.
    case referral
    /// Strategy discussion (and a section 47 enquiry): also a referral.
    case strategyDiscussion
    public var name: String { ["nfa", "early_help", "referral", "strategy"][rawValue] }
    /// A referral for assessment, a strategy discussion included.
    public var isReferral: Bool { self == .referral || self == .strategyDiscussion }
}

/// A child's real need, hidden from the front door: what a decision made with full knowledge
/// would be. Its order is that of ``Outcome``: the right decision for each need is the outcome of
/// the same rank (none: no further action; early help; in need: a referral; protection: a
/// strategy discussion).
public enum Need: Int, CaseIterable, Sendable, Hashable {
    /// No need of a service: advice at most.
    case none
    /// Needs early help, not a statutory service.
    case earlyHelp
    /// A child in need (Children Act 1989 s17): an assessment would find it.
    case inNeed
    /// At risk of significant harm (s47): child protection.
    case protection
    public var name: String { ["none", "early_help", "in_need", "protection"][rawValue] }
    /// Whether an assessment would find the child in need (protection included).
    public var isInNeed: Bool { self == .inNeed || self == .protection }
}

/// Who raised the worry, grouped as the children in need census groups contact sources.
public enum SourceGroup: Int, CaseIterable, Sendable, Hashable {
    case individual, schools, educationServices, health, housing, laServices, police, otherLegal, other, anonymous, unknown

    public var name: String {
        [
            "individual", "schools", "education_services", "health", "housing", "la_services", "police", "other_legal", "other",
            "anonymous", "unknown"
        ][rawValue]
    }

    /// The Annex A / CIN census contact-source codes in this group.
    public var codes: [String] {
        switch self {
        case .individual: return ["1A", "1B", "1C", "1D"]
        case .schools: return ["2A"]
        case .educationServices: return ["2B"]
        case .health: return ["3A", "3B", "3C", "3D", "3E", "3F"]
        case .housing: return ["4"]
        case .laServices: return ["5A", "5B", "5C", "5D"]
        case .police: return ["6"]
        case .otherLegal: return ["7"]
        case .other: return ["8"]
        case .anonymous: return ["9"]
        case .unknown: return ["10"]
        }
    }

    public init?(name: String) {
        guard let match = SourceGroup.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }
}
