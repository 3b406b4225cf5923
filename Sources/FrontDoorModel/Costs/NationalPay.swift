/// National pay awards and employer's costs by financial year, each from a public source, for
/// putting pay scales and unit costs of different years on one price base.
public enum NationalPay {
    /// A pay award: pay rises by `percent`, or by `flat` pounds a year where that is more (the
    /// flat-rate awards of 2022–2024 gave a fixed sum up to the top of the national spine and the
    /// same sum as a percentage above it, which is what `max(flat, percent × pay)` gives).
    public struct Award: Sendable, Equatable {
        public let percent: Double
        public let flat: Double

        public init(percent: Double, flat: Double = 0) {
            self.percent = percent
            self.flat = flat
        }

        /// Pay after the award (no pay stays no pay: a grade paid from another budget).
        public func applied(to pay: Double) -> Double { pay > 0 ? pay + max(flat, percent * pay) : pay }
        /// Pay before the award, from pay after it.
        public func undone(from pay: Double) -> Double {
            guard pay > 0 else { return pay }
            let byPercent = pay / (1 + percent)
            return flat > 0 && pay - flat > 0 && flat >= percent * (pay - flat) ? pay - flat : byPercent
        }
    }

    /// NJC for Local Government Services ("Green Book") pay awards, by the financial year they
    /// take effect in, for pay points above the bottom of the spine (where social workers and
    /// managers are). Sources: the NJC pay agreement circulars of each year, as reported by
    /// employers' bodies (2022/23: £1,925 on all points, minimum 4.04%; 2023/24: £1,925 on
    /// points 2–43, 3.88% above; 2024/25: £1,290 on points 2–43, 2.5% above; 2025/26: 3.2%,
    /// domain §3.2). The 2014–16 agreement gave 2.2% from 1 January 2015 and nothing more until
    /// April 2016.
    public static let awards: [FinancialYear: Award] = [
        FinancialYear(startYear: 2013): Award(percent: 0.01),
        FinancialYear(startYear: 2014): Award(percent: 0.022),
        FinancialYear(startYear: 2015): Award(percent: 0),
        FinancialYear(startYear: 2016): Award(percent: 0.01),
        FinancialYear(startYear: 2017): Award(percent: 0.01),
        FinancialYear(startYear: 2018): Award(percent: 0.02),
        FinancialYear(startYear: 2019): Award(percent: 0.02),
        FinancialYear(startYear: 2020): Award(percent: 0.0275),
        FinancialYear(startYear: 2021): Award(percent: 0.0175),
        FinancialYear(startYear: 2022): Award(percent: 0.0404, flat: 1925),
        FinancialYear(startYear: 2023): Award(percent: 0.0388, flat: 1925),
        FinancialYear(startYear: 2024): Award(percent: 0.025, flat: 1290),
        FinancialYear(startYear: 2025): Award(percent: 0.032)
    ]

    /// Employer's class 1 National Insurance: the rate above the secondary threshold (£ a year).
    public struct EmployerNI: Sendable, Equatable {
        public let rate: Double
        public let threshold: Double

        public init(rate: Double, threshold: Double) {
            self.rate = rate
            self.threshold = threshold
        }
    }

    /// Employer's NI by tax year (6 April to 5 April, taken as the financial year). Source: HMRC
    /// rates and thresholds for employers of each year; 2022/23 is 15.05% to 5 November 2022 and
    /// 13.8% after, weighted by months; from April 2025 15% above £5,000 (domain §3.3), the
    /// threshold frozen to April 2028 (Autumn Budget 2024).
    public static let employerNI: [FinancialYear: EmployerNI] = [
        FinancialYear(startYear: 2013): EmployerNI(rate: 0.138, threshold: 7_696),
        FinancialYear(startYear: 2014): EmployerNI(rate: 0.138, threshold: 7_956),
        FinancialYear(startYear: 2015): EmployerNI(rate: 0.138, threshold: 8_112),
        FinancialYear(startYear: 2016): EmployerNI(rate: 0.138, threshold: 8_112),
        FinancialYear(startYear: 2017): EmployerNI(rate: 0.138, threshold: 8_164),
        FinancialYear(startYear: 2018): EmployerNI(rate: 0.138, threshold: 8_424),
        FinancialYear(startYear: 2019): EmployerNI(rate: 0.138, threshold: 8_632),
        FinancialYear(startYear: 2020): EmployerNI(rate: 0.138, threshold: 8_788),
        FinancialYear(startYear: 2021): EmployerNI(rate: 0.138, threshold: 8_840),
        FinancialYear(startYear: 2022): EmployerNI(rate: 0.1453, threshold: 9_100),
        FinancialYear(startYear: 2023): EmployerNI(rate: 0.138, threshold: 9_100),
        FinancialYear(startYear: 2024): EmployerNI(rate: 0.138, threshold: 9_100),
        FinancialYear(startYear: 2025): EmployerNI(rate: 0.15, threshold: 5_000),
        FinancialYear(startYear: 2026): EmployerNI(rate: 0.15, threshold: 5_000),
        FinancialYear(startYear: 2027): EmployerNI(rate: 0.15, threshold: 5_000)
    ]

    /// The apprenticeship levy, 0.5% of the pay bill from 6 April 2017 (domain §3.3).
    public static func apprenticeshipLevy(in year: FinancialYear) -> Double { year.startYear >= 2017 ? 0.005 : 0 }

    /// LGPS employer contribution, the 2022 valuation's average total rate (primary 19.8% plus
    /// secondary), domain §3.3; councils vary, so scenarios may give their own.
    public static let pensionRate = 0.211

    /// The financial years with no known award between `from` and `to`, with `extra` awards
    /// added to the table (the first missing year is what to ask for).
    public static func missingAwards(from: FinancialYear, to: FinancialYear, extra: [FinancialYear: Award] = [:]) -> [FinancialYear] {
        let (low, high) = from < to ? (from, to) : (to, from)
        return stride(from: low.startYear + 1, through: high.startYear, by: 1).map(FinancialYear.init(startYear:))
            .filter { extra[$0] == nil && awards[$0] == nil }
    }

    /// Pay of `pay` pounds in `from`, expressed in `to`'s pay: each award after `from` up to
    /// `to` applied in turn (or undone, going back). Years missing from the table and `extra`
    /// are taken as no award; ask `missingAwards` first.
    public static func uplift(_ pay: Double, from: FinancialYear, to: FinancialYear, extra: [FinancialYear: Award] = [:]) -> Double {
        var pay = pay
        if from < to {
            for start in (from.startYear + 1)...to.startYear {
                let year = FinancialYear(startYear: start)
                if let award = extra[year] ?? awards[year] { pay = award.applied(to: pay) }
            }
        } else if to < from {
            for start in stride(from: from.startYear, to: to.startYear, by: -1) {
                let year = FinancialYear(startYear: start)
                if let award = extra[year] ?? awards[year] { pay = award.undone(from: pay) }
            }
        }
        return pay
    }
}

extension NationalPay {
    /// The factor by which unit costs of `from` (mostly staff time) are raised to `to`'s prices:
    /// each year's percentage award (for the flat-rate years, the percentage at the top of the
    /// spine, the smallest rise any social worker had).
    public static func unitCostFactor(from: FinancialYear, to: FinancialYear, extra: [FinancialYear: Award] = [:]) -> Double {
        let (low, high) = from < to ? (from, to) : (to, from)
        var factor = 1.0
        for start in stride(from: low.startYear + 1, through: high.startYear, by: 1) {
            let year = FinancialYear(startYear: start)
            factor *= 1 + ((extra[year] ?? awards[year])?.percent ?? 0)
        }
        return from <= to ? factor : 1 / factor
    }
}
