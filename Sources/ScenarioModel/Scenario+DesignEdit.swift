import FrontDoorModel

/// A typed change to a loaded scenario, applied without reading any file again: what `size`
/// tries for each candidate staffing.
///
/// ```swift
/// let candidate = try scenario.applying([.posts(team: "team_managers", count: 2)])
/// ```
public enum DesignEdit: Sendable, Hashable {
    /// Sets a team's establishment to `count` full-time posts, as `teams.<team>.people: count`
    /// in the file would; the team's vacant posts stay vacant (or its vacancy rate applies to
    /// the new number).
    case posts(team: String, count: Int)
}

/// An edit that does not fit the scenario; the message says why.
public struct DesignEditError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension Scenario {
    /// The scenario with `edits` made, in order.
    public func applying(_ edits: [DesignEdit]) throws(DesignEditError) -> Scenario {
        guard case .frontDoor(let prepared) = model else {
            throw DesignEditError(message: "\(name) is a queueing network; only a front door has teams to staff")
        }
        var design = prepared.design
        for edit in edits {
            switch edit {
            case .posts(let id, let count):
                guard let index = design.teams.firstIndex(where: { $0.id == id }) else {
                    throw DesignEditError(
                        message: "\(name): no team is called '\(id)'; expected one of \(design.teams.map(\.id).joined(separator: ", "))")
                }
                let vacant = design.teams[index].vacantPosts
                let fixedVacancies = design.teams[index].vacancies == .posts(vacant)
                guard count >= 0, !fixedVacancies || count >= vacant else {
                    throw DesignEditError(message: "\(name): team '\(id)' has \(vacant) vacant posts, so it cannot have \(count) posts")
                }
                design.teams[index].people = Array(repeating: 1, count: count)
            }
        }
        let edited: PreparedDesign
        do {
            edited = try PreparedDesign(design)
        } catch {
            throw DesignEditError(message: "\(name): \(error.message)")
        }
        return Scenario(
            name: name, summary: summary, file: file, files: files, model: .frontDoor(edited), length: length,
            publishedFigures: publishedFigures, targets: targets, changes: changes, sizing: sizing)
    }
}
