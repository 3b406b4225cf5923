import Foundation
import FrontDoorModel
import Yams

/// The CIN census source code of each spelling a council uses for a contact or referral source,
/// read from an editable `codes.yaml`; a value that begins with a code is read by its code.
public struct SourceCodes: Sendable {
    /// Every CIN code and its source group.
    static let groups: [String: SourceGroup] = Dictionary(
        uniqueKeysWithValues: SourceGroup.allCases.flatMap { group in group.codes.map { ($0, group) } })
    let spellings: [String: String]

    /// Reads the codes file: a mapping of CIN codes to lists of spellings.
    public init(path: String) throws(CalibrationError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CalibrationError(
                "\(path): cannot read the codes file (give --codes with a file such as Scenarios/calibration/annex-a-codes.yaml)")
        }
        let parsed: Any?
        do { parsed = try Yams.load(yaml: text) } catch { throw CalibrationError("\(path) is not valid YAML") }
        guard let mapping = parsed as? [AnyHashable: Any] else {
            throw CalibrationError("\(path): expected a mapping of CIN codes to lists of spellings")
        }
        var spellings: [String: String] = [:]
        for (key, value) in mapping {
            let code = "\(key)".uppercased()
            guard Self.groups[code] != nil else {
                throw CalibrationError(
                    "\(path): '\(key)' is not a CIN source code; expected one of \(Self.groups.keys.sorted().joined(separator: ", "))")
            }
            guard let list = value as? [Any] else { throw CalibrationError("\(path): \(code): expected a list of spellings") }
            for spelling in list {
                let key = Self.normalised("\(spelling)")
                if let other = spellings[key], other != code {
                    throw CalibrationError("\(path): '\(spelling)' is listed under both \(other) and \(code)")
                }
                spellings[key] = code
            }
        }
        self.spellings = spellings
    }

    static func normalised(_ text: String) -> String { ExtractTable.normalised(text) }

    /// The CIN code of a value, or nil when neither its start nor the codes file says.
    func code(of value: String) -> String? {
        var text = value.trimmingCharacters(in: .whitespaces).lowercased()
        // "a) 1A: Individual": a list label before the code.
        if text.count > 2, text.dropFirst().hasPrefix(")"), text.first?.isLetter == true {
            text = String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
        let lead = text.prefix { $0.isNumber || $0.isLetter }
        let code = String(lead).uppercased()
        let rest = text.dropFirst(lead.count)
        if Self.groups[code] != nil, rest.isEmpty || rest.first.map({ !$0.isLetter && !$0.isNumber }) == true { return code }
        return spellings[Self.normalised(value)]
    }

    static func group(ofCode code: String) -> SourceGroup? { groups[code] }
}
