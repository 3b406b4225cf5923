import Foundation

/// How every output writes a number: the rules in one place, one function for each kind of
/// place a number appears — a sentence, a terminal table, a report, a file a script reads, a
/// scenario file — so that the same figure is written the same way wherever it has the same job.
///
/// ```swift
/// Figures.grouped(1_351_000)     // "1,351,000"
/// Figures.money(-2_500.4)        // "−£2,500"
/// Figures.prose(0.1234)          // "0.123"
/// Figures.table(12.3456)         // "12.35"
/// Figures.reportPercent(0.034)   // "3.4%"
/// Figures.data(1.0 / 3)          // "0.3333333333"
/// ```
public enum Figures {
    /// A whole number with thousands separators and a true minus sign: `−12,345`.
    public static func grouped(_ whole: Int) -> String {
        var digits = String(whole.magnitude)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(digits, at: 0)
        return (whole < 0 ? "−" : "") + groups.joined(separator: ",")
    }

    /// Pounds with thousands separators, as written in England: `£1,351,000`; a sum too large to
    /// hold as a whole number in powers of ten.
    public static func money(_ x: Double) -> String {
        guard abs(x) < 1e15 else { return (x < 0 ? "−£" : "£") + String(format: "%.3g", abs(x)) }
        let whole = Int(x.rounded())
        return (whole < 0 ? "−£" : "£") + grouped(abs(whole))
    }

    /// In a sentence (a scenario's description): whole numbers as they are, with separators,
    /// others to three figures; a number too large to hold as a whole one (1e308) in powers of ten.
    public static func prose(_ x: Double) -> String {
        guard abs(x) < 1e15 else { return String(format: "%.3g", x) }
        if abs(x) >= 100 || x == x.rounded() { return grouped(Int(x.rounded())) }
        return String(format: "%.3g", x)
    }

    /// A share in a sentence: a whole percentage as it is (`35%`), others to three figures (`3.33%`).
    public static func prosePercent(_ x: Double) -> String {
        let p = x * 100
        return (p == p.rounded() && abs(p) < 1e15 ? String(Int(p)) : String(format: "%.3g", p)) + "%"
    }

    /// In a terminal table: four significant figures, never in exponent notation — a large number
    /// in whole units with separators, a tiny one as 0.0000 with its sign.
    public static func table(_ value: Double) -> String {
        if abs(value) < 1e-12 { return "0" } // rounding noise in a difference of equal figures
        let magnitude = abs(value)
        if magnitude >= 1e7 { return grouped(Int(value.rounded())) }
        if magnitude < 1e-4 { return value < 0 ? "-0.0000" : "0.0000" }
        let decimals = max(0, 3 - Int(floor(log10(magnitude))))
        return String(format: "%.\(decimals)f", value)
    }

    /// A share in a terminal table, to a tenth of a percent: `85.3%`.
    public static func tablePercent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    /// In a report's tables and charts: whole units with separators from 100, else three figures.
    public static func report(_ x: Double) -> String {
        abs(x) >= 100 ? grouped(Int(x.rounded())) : String(format: "%.3g", x)
    }

    /// A share in a report: whole percentages, to a tenth below 10%: `85%`, `3.4%`.
    public static func reportPercent(_ x: Double) -> String { String(format: x < 0.1 && x > 0 ? "%.1f%%" : "%.0f%%", x * 100) }

    /// A length of time in hours: minutes below an hour (`45 min`), hours to a tenth above (`2.5 h`).
    public static func duration(_ hours: Double) -> String {
        hours < 1 ? String(format: "%.0f min", hours * 60) : String(format: "%.1f h", hours)
    }

    /// In a file a script reads (CSV): ten significant figures, blank when not a finite number.
    public static func data(_ value: Double) -> String { value.isFinite ? String(format: "%.10g", value) : "" }

    /// Whole pounds with no separator, for a column a spreadsheet sums (`budget.csv`).
    public static func wholePounds(_ x: Double) -> String { String(Int(x.rounded())) }

    /// In a scenario file written for a person to read and run again: a whole number as it is,
    /// others to six significant figures.
    public static func scenarioFile(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(format: "%.6g", x)
    }

    /// To `digits` decimals with the trailing zeros dropped: `0.25`, `1` (calibrated weights).
    public static func decimals(_ x: Double, _ digits: Int = 3) -> String {
        var text = String(format: "%.\(digits)f", x)
        while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
        return text
    }

    /// A count of people's records in a published output: `<5` below 5, so that nobody can be
    /// picked out, else with separators.
    public static func suppressedCount(_ n: Int) -> String { n < 5 ? "<5" : grouped(n) }
}
