import CSV
import Foundation

/// A council's extract as read: the header and the rows, each with its line in the file. Fields
/// are found by header patterns (case, spaces and punctuation ignored), since every council
/// names its columns a little differently.
struct ExtractTable {
    let file: String
    let header: [String]
    /// Each data row's fields and the row's number in the file (the header is row 1).
    let rows: [(number: Int, fields: [String])]

    /// The most bytes read from one extract (a large council's year of contacts is about 10 MB).
    static let byteLimit = 500_000_000

    /// Reads a CSV file: UTF-8 (with or without a byte-order mark), or Windows-1252 as Excel
    /// often saves it.
    init(path: String) throws(CalibrationError) {
        file = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw CalibrationError("\(path): no such file") }
        guard !isFolder.boolValue else { throw CalibrationError("\(path) is a folder, not a CSV file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= Self.byteLimit else { throw CalibrationError("\(path) is larger than the limit of 500 MB") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CalibrationError("\(path): cannot read the file") }
        guard !data.isEmpty else { throw CalibrationError("\(path) is empty; expected a CSV file with a header row") }
        guard !data.contains(0) else { throw CalibrationError("\(path) is not a CSV file (it holds binary data; save the sheet as CSV)") }
        guard var text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) else {
            throw CalibrationError("\(path) is not text in UTF-8 or Windows-1252")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false) } catch { throw CalibrationError("\(path) is not a CSV file") }
        var all: [(Int, [String])] = []
        var number = 0
        while let row = reader.next() {
            number += 1
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            all.append((number, row.map { $0.trimmingCharacters(in: .whitespaces) }))
        }
        if reader.error != nil { throw CalibrationError("\(path): the CSV could not be read after row \(number) (an unclosed quote?)") }
        guard let first = all.first else { throw CalibrationError("\(path) has no rows; expected a CSV file with a header row") }
        header = first.1
        rows = Array(all.dropFirst())
        guard header.count >= 2 else {
            throw CalibrationError("\(path) is not a CSV file with named columns (its first row has \(header.count) field)")
        }
    }

    /// A header with case, spaces and punctuation removed: `Date of Contact (dd/mm/yyyy)` →
    /// `dateofcontactddmmyyyy`.
    static func normalised(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }

    /// The column of a field: the first header that contains one of the patterns (normalised);
    /// nil when none does.
    func column(_ field: ExtractField) -> Int? {
        let headers = header.map(Self.normalised)
        for pattern in field.patterns {
            if let index = headers.firstIndex(where: { $0.contains(pattern) && !field.excluding.contains(where: $0.contains) }) {
                return index
            }
        }
        return nil
    }
}

/// A field of an extract, and the header patterns that name it.
struct ExtractField: Sendable {
    let name: String
    let patterns: [String]
    var excluding: [String] = []

    static let childID = ExtractField(
        name: "child identifier", patterns: ["childuniqueid", "childid", "uniqueid", "personid", "upn", "clientid", "id"],
        excluding: ["contactid", "referralid", "workerid"])
    static let contactDate = ExtractField(
        name: "date of contact", patterns: ["dateofcontact", "contactdate", "contactdatetime", "datecontact"])
    static let contactSource = ExtractField(name: "contact source", patterns: ["contactsource", "sourceofcontact", "sourcecode", "source"])
    static let referralDate = ExtractField(name: "date of referral", patterns: ["dateofreferral", "referraldate", "datereferral"])
    static let referralNFA = ExtractField(name: "referral NFA", patterns: ["referralnfa", "nfa"])
    static let assessmentStart = ExtractField(
        name: "assessment start date", patterns: ["continuousassessmentstartdate", "assessmentstartdate", "startdate"])
    static let assessedInNeed = ExtractField(
        name: "assessed as requiring support",
        patterns: ["requiringlachildrenssocialcaresupport", "assessedasrequiring", "requiringsupport", "requiressupport"])
    static let referralOutcome = ExtractField(name: "new referral flag", patterns: ["newreferral", "outcomenewreferral", "referralflag"])
}

/// Why calibration cannot go on: the message names the file, row and column where there is one.
public struct CalibrationError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
