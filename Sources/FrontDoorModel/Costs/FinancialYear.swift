/// A council financial year, 1 April to 31 March, named by the calendar year it starts in:
/// `FinancialYear(startYear: 2025)` is 2025/26.
///
/// ```swift
/// FinancialYear(containing: CivilDate(iso: "2026-01-15")!)  // 2025/26
/// FinancialYear("2018/19")?.advanced(by: 1)                 // 2019/20
/// ```
public struct FinancialYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// The financial year a date falls in.
    public init(containing date: CivilDate) { startYear = date.month >= 4 ? date.year : date.year - 1 }

    /// Reads `2025/26` or `2025-26` (the second year must follow the first), or nil.
    public init?(_ text: String) {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" })
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let first = Int(parts[0]), let second = Int(parts[1]),
            (first + 1) % 100 == second
        else { return nil }
        startYear = first
    }

    public func advanced(by years: Int) -> FinancialYear { FinancialYear(startYear: startYear + years) }

    /// `2025/26`.
    public var description: String {
        let next = (startYear + 1) % 100
        return "\(startYear)/\(next < 10 ? "0" : "")\(next)"
    }

    public static func < (a: FinancialYear, b: FinancialYear) -> Bool { a.startYear < b.startYear }
}
