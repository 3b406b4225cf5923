import Foundation
import FrontDoorModel
import SimulationEngine

/// Synthetic Annex A extracts drawn from a scenario's demand and outcome tables — never real
/// data — written the untidy ways councils' extracts come: headers with units and question marks,
/// dates as dd/mm/yyyy, ISO, two-digit years or Excel serial numbers, and source values as codes,
/// labelled codes or words. What they hold is known, so calibrating from them tests calibration.
public enum AnnexASynthesis {
    /// Lists 1, 3 and 4 for the first `days` days of `design`, from `seed`.
    public static func extracts(_ design: PreparedDesign, days: Int, seed: UInt32) -> (list1: String, list3: String, list4: String) {
        let stream = RandomStream(seed: seed)
        var list1 = [
            [
                "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Date of Contact (dd/mm/yyyy)",
                "Contact Source"
            ]
        ]
        var list3 = [
            [
                "Child Unique ID", "Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months",
                "Allocated Team", "Allocated Worker"
            ]
        ]
        var list4 = [
            [
                "CHILD ID", "Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation",
                "Was the child assessed as requiring LA children's social care support?", "Allocated Team"
            ]
        ]
        var child = 0
        design.sampleContacts(days: days, stream: stream) { contact in
            child += 1
            let id = "SYN\(100_000 + child)"
            let date = design.calendar.date(ofDay: contact.day)
            let age = Int(stream.uniform() * 18)
            let birth = CivilDate(dayNumber: date.dayNumber - age * 365 - Int(stream.uniform() * 365))
            list1.append([
                id, stream.uniform() < 0.5 ? "a) Male" : "b) Female", "WBRI", written(birth, style: 0), String(age),
                written(date, style: child % 4), spelling(contact.group, pick: stream.uniform())
            ])
            guard contact.referred else { return }
            let referral = date.adding(days: Int(stream.uniform() * 3))
            list3.append([
                id, written(referral, style: (child + 1) % 4), spelling(contact.group, pick: stream.uniform()),
                contact.assessed ? "No" : "Yes", "0",
                "Assessment team", "Worker \(child % 40)"
            ])
            guard contact.assessed else { return }
            let start = referral.adding(days: Int(stream.uniform() * 10))
            list4.append([
                id, written(start, style: (child + 2) % 4), written(start.adding(days: 30), style: 1),
                contact.noFurtherService ? "b) No" : "a) Yes",
                "Assessment team"
            ])
        }
        func csv(_ rows: [[String]]) -> String {
            rows.map {
                $0.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                    .joined(separator: ",")
            }
            .joined(separator: "\r\n") + "\r\n"
        }
        return (csv(list1), csv(list3), csv(list4))
    }

    /// A date in one of four styles: dd/mm/yyyy, ISO, d/m/yy, an Excel serial number.
    static func written(_ date: CivilDate, style: Int) -> String {
        switch style {
        case 0: return String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
        case 1: return date.iso
        case 2: return "\(date.day)/\(date.month)/\(date.year % 100 < 10 ? "0" : "")\(date.year % 100)"
        default: return String(date.dayNumber + 25_569)
        }
    }

    /// A source value as a council might write it: the code, a labelled code, or words.
    static func spelling(_ group: SourceGroup, pick: Double) -> String {
        let code = group.codes[0]
        let words: [SourceGroup: [String]] = [
            .individual: ["Parent / Carer", "Family member"], .schools: ["School", "SCHOOLS"], .educationServices: ["Education Services"],
            .health: ["GP", "Health Visitor"], .housing: ["Housing"], .laServices: ["Social Care", "Early Help"],
            .police: ["POLICE", "Police Notification"],
            .otherLegal: ["Probation"], .other: ["Voluntary sector"], .anonymous: ["Anonymous"], .unknown: ["Not known"]
        ]
        let options =
            ["a) \(code): \(group.name.replacingOccurrences(of: "_", with: " ").capitalized)", "\(code) - \(group.name)", code]
            + (words[group] ?? [])
        return options[min(options.count - 1, Int(pick * Double(options.count)))]
    }
}
