import Foundation
import FrontDoorModel

/// The records of a council's Annex A lists (and, optionally, the safeguarding dataset's
/// contacts), as read for calibration. Child identifiers stay in memory, replaced by numbers on
/// reading, only to link contacts to referrals and assessments; they are never written anywhere.
public struct AnnexAExtract: Sendable {
    struct Contact: Sendable {
        let date: CivilDate
        let child: Int
        /// The CIN code, or nil when the value is not in the codes file.
        let code: String?
    }

    struct Referral: Sendable {
        let date: CivilDate
        let child: Int
        let nfa: Bool?
        let earlierInYear: Int?
    }

    struct Assessment: Sendable {
        let start: CivilDate
        let child: Int
        let inNeed: Bool?
    }

    /// A contact of the safeguarding dataset: its time and whether it became a new referral.
    struct TimedContact: Sendable {
        let date: CivilDate
        let hour: Double?
        let code: String?
        let referred: Bool?
    }

    /// How one file was read: rows, which header each field came from, and rows dropped and why.
    public struct FileReport: Sendable {
        public let role: String
        public let file: String
        public let rowsRead: Int
        public var rowsUsed: Int
        public var dropped: [String: Int]
        public let headers: [(field: String, header: String?)]
    }

    let contacts: [Contact]
    let referrals: [Referral]
    let assessments: [Assessment]
    let timedContacts: [TimedContact]
    public let files: [FileReport]
    /// Source values not in the codes file, with how many contacts had each.
    public let unmapped: [String: Int]
    public let from: CivilDate
    public let to: CivilDate

    /// Reads the lists. `from` and `to` bound the contacts used (by default, the dates found).
    public init(
        list1: String, list3: String? = nil, list4: String? = nil, ssdContacts: String? = nil, from: CivilDate? = nil, to: CivilDate? = nil,
        codes: SourceCodes
    ) throws(CalibrationError) {
        var children: [String: Int] = [:]
        func child(_ id: String) -> Int {
            if let known = children[id] { return known }
            children[id] = children.count
            return children.count - 1
        }
        var files: [FileReport] = []
        var unmapped: [String: Int] = [:]

        // List 1: contacts.
        let table1 = try ExtractTable(path: list1)
        let (c1, report1) = try Self.read(
            table1, role: "List 1 (contacts)", fields: [.childID, .contactDate, .contactSource], dateField: 1, from: from, to: to)
        var seen = Set<String>()
        var contacts: [Contact] = []
        var duplicates = 0
        for row in c1 {
            let key = row.fields[0] + "|" + row.fields[1] + "|" + row.fields[2]
            guard seen.insert(key).inserted else {
                duplicates += 1
                continue
            }
            let code = codes.code(of: row.fields[2])
            if code == nil { unmapped[row.fields[2].isEmpty ? "(blank)" : row.fields[2], default: 0] += 1 }
            contacts.append(Contact(date: row.date.date, child: child(row.fields[0]), code: code))
        }
        var fileReport = report1
        if duplicates > 0 { fileReport.dropped["the same child, date and source as an earlier row", default: 0] += duplicates }
        fileReport.rowsUsed -= duplicates
        files.append(fileReport)
        guard !contacts.isEmpty else {
            let reasons = fileReport.dropped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: "; ")
            throw CalibrationError("\(list1): no contact to calibrate from" + (reasons.isEmpty ? "" : " (rows dropped: \(reasons))"))
        }
        let dates = contacts.map(\.date)
        self.from = from ?? dates.reduce(dates[0]) { min($0, $1) }
        self.to = to ?? dates.reduce(dates[0]) { max($0, $1) }

        // List 3: referrals.
        var referrals: [Referral] = []
        if let list3 {
            let table = try ExtractTable(path: list3)
            let nfa = table.column(.referralNFA),
                earlier = table.column(
                    ExtractField(
                        name: "referrals in the last 12 months",
                        patterns: ["numberofreferralsinlast12months", "referralsinlast12months", "referralsinthelast12months"]))
            let (rows, report) = try Self.read(
                table, role: "List 3 (referrals)", fields: [.childID, .referralDate], dateField: 1, from: nil, to: nil,
                optional: [.referralNFA])
            for row in rows {
                referrals.append(
                    Referral(
                        date: row.date.date, child: child(row.fields[0]), nfa: nfa.flatMap { Self.yesNo(row.raw[$0]) },
                        earlierInYear: earlier.flatMap { Int(row.raw[$0].trimmingCharacters(in: .whitespaces)) }))
            }
            files.append(report)
        }
        // List 4: assessments.
        var assessments: [Assessment] = []
        if let list4 {
            let table = try ExtractTable(path: list4)
            let need = table.column(.assessedInNeed)
            let (rows, report) = try Self.read(
                table, role: "List 4 (assessments)", fields: [.childID, .assessmentStart], dateField: 1, from: nil, to: nil,
                optional: [.assessedInNeed])
            for row in rows {
                assessments.append(
                    Assessment(start: row.date.date, child: child(row.fields[0]), inNeed: need.flatMap { Self.yesNo(row.raw[$0]) }))
            }
            files.append(report)
        }
        // The safeguarding dataset's contacts: times of day and outcome flags.
        var timed: [TimedContact] = []
        if let ssdContacts {
            let table = try ExtractTable(path: ssdContacts)
            let flag = table.column(.referralOutcome)
            let (rows, report) = try Self.read(
                table, role: "ssd_contacts", fields: [.contactDate, .contactSource], dateField: 0, from: self.from, to: self.to,
                optional: [.referralOutcome])
            for row in rows {
                timed.append(
                    TimedContact(
                        date: row.date.date, hour: row.date.hour, code: codes.code(of: row.fields[1]),
                        referred: flag.flatMap { Self.yesNo(row.raw[$0]) }))
            }
            files.append(report)
        }
        self.contacts = contacts
        self.referrals = referrals
        self.assessments = assessments
        timedContacts = timed
        self.files = files
        self.unmapped = unmapped
    }

    /// Contacts in each calendar month of the extract (`2024-04`), in order.
    public var contactsByMonth: [(month: String, contacts: Int)] {
        var counts: [String: Int] = [:]
        for contact in contacts { counts[String(format: "%04d-%02d", contact.date.year, contact.date.month), default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// A row's required fields, the whole row and its parsed date.
    struct Row {
        let fields: [String]
        let raw: [String]
        let date: ExtractDate
    }

    /// The rows of `table` with every required field present and a readable date in the period.
    static func read(
        _ table: ExtractTable, role: String, fields: [ExtractField], dateField: Int, from: CivilDate?, to: CivilDate?,
        optional: [ExtractField] = []
    ) throws(CalibrationError) -> ([Row], FileReport) {
        var columns: [Int] = []
        for field in fields {
            guard let column = table.column(field) else {
                throw CalibrationError(
                    "\(table.file): no column for the \(field.name) (looked for a header like '\(field.patterns[0])'; "
                        + "found \(table.header.prefix(12).map { "'\($0)'" }.joined(separator: ", ")))")
            }
            columns.append(column)
        }
        var rows: [Row] = []
        var dropped: [String: Int] = [:]
        var unreadable = 0
        for (_, raw) in table.rows where raw.count < table.header.count {
            dropped["the row has fewer fields than the header (an unclosed quote?)", default: 0] += 1
        }
        for (_, raw) in table.rows where raw.count >= table.header.count {
            guard columns.allSatisfy({ $0 < raw.count && !raw[$0].isEmpty }) else {
                dropped["a required field is blank", default: 0] += 1
                continue
            }
            let values = columns.map { raw[$0] }
            guard let date = ExtractDate(values[dateField]) else {
                dropped["the date cannot be read", default: 0] += 1
                unreadable += 1
                continue
            }
            if let from, date.date < from {
                dropped["before the period", default: 0] += 1
                continue
            }
            if let to, date.date > to {
                dropped["after the period", default: 0] += 1
                continue
            }
            rows.append(Row(fields: values, raw: raw, date: date))
        }
        if unreadable > 0 && unreadable == table.rows.count {
            throw CalibrationError(
                "\(table.file): no date in column '\(table.header[columns[dateField]])' can be read (rows 2 to \(table.rows.count + 1)); "
                    + "expected dates such as 31/03/2024, 2024-03-31 or an Excel serial number")
        }
        let headers = (fields + optional).map { field in (field.name, table.column(field).map { table.header[$0] }) }
        return (
            rows,
            FileReport(role: role, file: table.file, rowsRead: table.rows.count, rowsUsed: rows.count, dropped: dropped, headers: headers)
        )
    }

    /// Yes or no as extracts write it; nil for anything else (blank, unknown).
    static func yesNo(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "y", "true", "1", "a) yes": return true
        case "no", "n", "false", "0", "b) no": return false
        default: return nil
        }
    }
}
