import FrontDoorModel

extension DesignComparison {
    /// The label of a measure for every design at once: the designs' own when they agree, or,
    /// for a team whose role each design names differently (a "MASH team manager" against a
    /// "front door team manager"), the team with each design's role, so that no design is
    /// described in another's words.
    ///
    /// ```swift
    /// comparison.label(of: .team("team_managers").utilisation)
    /// // "Share of time at work spent on contacts, team team_managers (MASH team manager / front door team manager)"
    /// ```
    public func label(of id: MeasureID) -> String {
        let labels = designs.compactMap { $0[id]?.definition.label }
        guard let first = labels.first else { return id.name }
        guard labels.contains(where: { $0 != first }), let team = id.subject, id.family.subjectKind == .team else { return first }
        let what: String
        switch id.family {
        case .teamUtilisation: what = "Share of time at work spent on contacts"
        case .teamContactHoursPerFTE: what = "Hours a year a full-time person has for contacts"
        case .teamDecisionsPerPersonDay: what = "Decisions made or signed off per person per working day"
        default: return first
        }
        var roles: [String] = []
        for design in designs {
            guard case .frontDoor(let model) = design.scenario.model, let role = model.teams.first(where: { $0.id == team })?.role,
                !roles.contains(role)
            else { continue }
            roles.append(role)
        }
        return "\(what), team \(team) (\(roles.joined(separator: " / ")))"
    }
}
