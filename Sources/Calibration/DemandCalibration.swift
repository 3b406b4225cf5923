import Foundation
import FrontDoorModel

/// Demand estimated from an extract: volume, source mix, month, weekday and school-holiday
/// effects, day-to-day variation, hour profiles where times are known, and the conversions the
/// lists allow — each with the counts it came from.
///
/// The daily contacts of each source are fitted to the model's own form (expected count = the
/// source's level × month weight × its weekday weight × its school-holiday factor on holiday
/// days) by alternating the factors until they settle, so the month weights are those of the
/// year with the weekday and holiday effects taken out, as the demand model uses them.
public struct DemandCalibration: Sendable {
    public struct Source: Sendable {
        public let group: SourceGroup
        public let contacts: Int
        /// Share of the year's contacts, with the fitted factors.
        public let share: Double
        /// Monday first, mean 1; nil for a source with too few contacts to tell.
        public let weekdayWeights: [Double]?
        public let schoolHolidayFactor: Double?
        /// Midnight first, mean 1, from timed contacts; nil without enough of them.
        public let hourWeights: [Double]?
        public let timedContacts: Int
        /// Contacts that became referrals, of those whose outcome is known.
        public let referred: Share?
    }

    /// A share and the counts behind it.
    public struct Share: Sendable {
        public let count: Int
        public let of: Int
        public var value: Double { of > 0 ? Double(count) / Double(of) : 0 }
    }

    public let from: CivilDate
    public let to: CivilDate
    public var days: Int { to.dayNumber - from.dayNumber + 1 }
    /// Contacts in the period, and those whose source is mapped.
    public let contacts: Int
    public let mappedContacts: Int
    /// Contacts about a child with another contact in the previous 12 months (within the extract).
    public let repeatContacts: Int
    /// New contacts a year (repeat contacts left out: the model adds its own re-contacts).
    public let contactsPerYear: Double
    public let monthWeights: [Double]
    /// Months with no day in the period (their weight is left at 1).
    public let monthsMissing: [Int]
    public let overdispersion: Double
    public let sources: [Source]
    public let referralNFA: Share?
    public let assessmentStart: Share?
    public let assessedNotInNeed: Share?
    public let rereferral: Share?
    /// Contacts followed by a referral of the same child within 7 days (List 1 with List 3), by group.
    public let linkedConversion: [SourceGroup: Share]

    /// Fewer than this many contacts of a source give it no weekday or holiday effects of its own.
    public static let profileMinimum = 200

    /// Fewer than this many timed contacts of a source give no hour profile.
    static let timedMinimum = 200

    public init(_ extract: AnnexAExtract) {
        from = extract.from
        to = extract.to
        let start = extract.from.dayNumber
        let days = extract.to.dayNumber - start + 1
        let groups = SourceGroup.allCases
        var counts = Array(repeating: Array(repeating: 0.0, count: days), count: groups.count)
        var mapped = 0
        for contact in extract.contacts {
            guard let code = contact.code, let group = SourceCodes.group(ofCode: code) else { continue }
            counts[group.rawValue][contact.date.dayNumber - start] += 1
            mapped += 1
        }
        contacts = extract.contacts.count
        mappedContacts = mapped
        // Repeat contacts: another contact about the same child in the 365 days before.
        var last: [Int: Int] = [:]
        var repeats = 0
        for contact in extract.contacts.sorted(by: { $0.date < $1.date }) {
            if let previous = last[contact.child], contact.date.dayNumber - previous <= 365, contact.date.dayNumber > previous {
                repeats += 1
            }
            last[contact.child] = contact.date.dayNumber
        }
        repeatContacts = repeats

        // The calendar of the period: month, weekday and school holiday of each day.
        let dates = (0..<days).map { CivilDate(dayNumber: start + $0) }
        let month = dates.map { $0.month - 1 }, weekday = dates.map { $0.weekday }
        let holiday = dates.map(EnglishCalendar.isSchoolHolidayInEnglishPattern)
        var monthFactor = Array(repeating: 1.0, count: 12)
        var weekdayFactor = Array(repeating: Array(repeating: 1.0, count: 7), count: groups.count)
        var holidayFactor = Array(repeating: 1.0, count: groups.count)
        var level = Array(repeating: 0.0, count: groups.count)
        let present = Set(month)
        let active = groups.indices.filter { counts[$0].reduce(0, +) > 0 }
        // A source's own weekday and holiday effects need enough contacts to be told from chance.
        let profiled = Set(active.filter { counts[$0].reduce(0, +) >= Double(Self.profileMinimum) })
        func rest(_ s: Int, _ d: Int) -> Double {
            monthFactor[month[d]] * weekdayFactor[s][weekday[d]] * (holiday[d] ? holidayFactor[s] : 1)
        }
        for _ in 0..<100 {
            for s in active {
                level[s] = counts[s].reduce(0, +) / (0..<days).reduce(0.0) { $0 + rest(s, $1) }
                guard profiled.contains(s) else { continue }
                var byWeekday = Array(repeating: (0.0, 0.0), count: 7)
                for d in 0..<days {
                    byWeekday[weekday[d]].0 += counts[s][d]
                    byWeekday[weekday[d]].1 += level[s] * rest(s, d) / weekdayFactor[s][weekday[d]]
                }
                weekdayFactor[s] = byWeekday.map { $0.1 > 0 ? min(100, max($0.0, 0.5) / $0.1) : 1 }
                let mean = weekdayFactor[s].reduce(0, +) / 7
                weekdayFactor[s] = weekdayFactor[s].map { $0 / mean }
                var onHoliday = (0.0, 0.0)
                for d in 0..<days where holiday[d] {
                    onHoliday.0 += counts[s][d]
                    onHoliday.1 += level[s] * rest(s, d) / holidayFactor[s]
                }
                if onHoliday.1 > 0 { holidayFactor[s] = min(100, max(onHoliday.0, 0.5) / onHoliday.1) }
            }
            var byMonth = Array(repeating: (0.0, 0.0), count: 12)
            for d in 0..<days {
                for s in active {
                    byMonth[month[d]].0 += counts[s][d]
                    byMonth[month[d]].1 += level[s] * rest(s, d) / monthFactor[month[d]]
                }
            }
            monthFactor = byMonth.map { $0.1 > 0 ? $0.0 / $0.1 : 1 }
            let mean = present.reduce(0.0) { $0 + monthFactor[$1] } / Double(present.count)
            monthFactor = monthFactor.indices.map { present.contains($0) ? monthFactor[$0] / mean : 1 }
        }
        monthWeights = monthFactor
        monthsMissing = (0..<12).filter { !present.contains($0) }.map { $0 + 1 }

        // A year of each source with the fitted factors, from the first day of the period.
        let year = (0..<365).map { CivilDate(dayNumber: start + $0) }
        let yearHoliday = year.map(EnglishCalendar.isSchoolHolidayInEnglishPattern)
        let annual = groups.indices.map { s in
            active.contains(s)
                ? year.indices.reduce(0.0) { sum, d in
                    sum + level[s] * monthFactor[year[d].month - 1] * weekdayFactor[s][year[d].weekday]
                        * (yearHoliday[d] ? holidayFactor[s] : 1)
                } : 0
        }
        let annualMapped = annual.reduce(0, +)
        // All contacts, mapped or not, less the repeat contacts the model adds back itself.
        contactsPerYear = annualMapped * Double(contacts) / Double(max(mapped, 1)) * (1 - Double(repeats) / Double(max(contacts, 1)))

        // Day-to-day variation beyond Poisson, by moments: E[(n − μ)²] = μ + c²μ².
        var excess = 0.0, squares = 0.0
        for d in 0..<days {
            let mu = active.reduce(0.0) { $0 + level[$1] * rest($1, d) }
            let n = active.reduce(0.0) { $0 + counts[$1][d] }
            excess += (n - mu) * (n - mu) - mu
            squares += mu * mu
        }
        overdispersion = squares > 0 ? max(0, excess / squares).squareRoot() : 0

        // Hours of day and conversion from the timed contacts; conversion by linking otherwise.
        var hours = Array(repeating: Array(repeating: 0.0, count: 24), count: groups.count)
        var timedCount = Array(repeating: 0, count: groups.count)
        var flagged = Array(repeating: (0, 0), count: groups.count)
        for contact in extract.timedContacts {
            guard let code = contact.code, let group = SourceCodes.group(ofCode: code) else { continue }
            if let hour = contact.hour {
                hours[group.rawValue][min(23, Int(hour))] += 1
                timedCount[group.rawValue] += 1
            }
            if let referred = contact.referred {
                flagged[group.rawValue].1 += 1
                if referred { flagged[group.rawValue].0 += 1 }
            }
        }
        var linked: [SourceGroup: Share] = [:]
        if !extract.referrals.isEmpty {
            var referralDays: [Int: [Int]] = [:]
            for referral in extract.referrals { referralDays[referral.child, default: []].append(referral.date.dayNumber) }
            var byGroup = Array(repeating: (0, 0), count: groups.count)
            for contact in extract.contacts {
                guard let code = contact.code, let group = SourceCodes.group(ofCode: code) else { continue }
                let day = contact.date.dayNumber
                byGroup[group.rawValue].1 += 1
                if referralDays[contact.child]?.contains(where: { $0 >= day && $0 <= day + 7 }) == true { byGroup[group.rawValue].0 += 1 }
            }
            for s in active { linked[groups[s]] = Share(count: byGroup[s].0, of: byGroup[s].1) }
        }
        linkedConversion = linked
        sources = active.map { s in
            let timed = timedCount[s]
            let mean = hours[s].reduce(0, +) / 24
            return Source(
                group: groups[s], contacts: Int(counts[s].reduce(0, +)), share: annualMapped > 0 ? annual[s] / annualMapped : 0,
                weekdayWeights: profiled.contains(s) ? weekdayFactor[s] : nil,
                schoolHolidayFactor: profiled.contains(s) ? holidayFactor[s] : nil,
                hourWeights: timed >= Self.timedMinimum ? hours[s].map { $0 / mean } : nil, timedContacts: timed,
                referred: flagged[s].1 > 0 ? Share(count: flagged[s].0, of: flagged[s].1) : nil)
        }

        // Referrals and assessments.
        let referrals = extract.referrals
        let nfaKnown = referrals.compactMap(\.nfa)
        referralNFA = nfaKnown.isEmpty ? nil : Share(count: nfaKnown.filter { $0 }.count, of: nfaKnown.count)
        if referrals.isEmpty || extract.assessments.isEmpty {
            assessmentStart = nil
        } else {
            var starts: [Int: [Int]] = [:]
            for assessment in extract.assessments { starts[assessment.child, default: []].append(assessment.start.dayNumber) }
            let assessed = referrals.filter { referral in
                starts[referral.child]?.contains { $0 >= referral.date.dayNumber && $0 <= referral.date.dayNumber + 45 } == true
            }.count
            assessmentStart = Share(count: assessed, of: referrals.count)
        }
        let needKnown = extract.assessments.compactMap(\.inNeed)
        assessedNotInNeed = needKnown.isEmpty ? nil : Share(count: needKnown.filter { !$0 }.count, of: needKnown.count)
        let earlierKnown = referrals.compactMap(\.earlierInYear)
        if !earlierKnown.isEmpty {
            rereferral = Share(count: earlierKnown.filter { $0 > 0 }.count, of: earlierKnown.count)
        } else if !referrals.isEmpty {
            var lastReferral: [Int: Int] = [:]
            var again = 0
            for referral in referrals.sorted(by: { $0.date < $1.date }) {
                if let previous = lastReferral[referral.child], referral.date.dayNumber - previous <= 365 { again += 1 }
                lastReferral[referral.child] = referral.date.dayNumber
            }
            rereferral = Share(count: again, of: referrals.count)
        } else {
            rereferral = nil
        }
    }
}
