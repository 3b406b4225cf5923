/// Pay and other costs of a design, on one price base: every amount here is in the prices of
/// `priceYear` (the scenario reader puts pay scales and unit costs of other years onto it).
public struct Costs: Sendable {
    /// The financial year whose prices every amount is in.
    public var priceYear: FinancialYear
    /// The year of the pay scales the scenario gives, before they were put on the price base.
    public var payYear: FinancialYear
    /// Salary by grade (£ a year, full time), at the price base.
    public var salaries: [String: Double]
    /// Employer's on-costs: NI above its threshold, pension and levy.
    public var onCosts: OnCostRates
    /// Extra cost of an agency worker covering a vacant post, as a share of the salary, by grade.
    public var agencyPremium: [String: Double]
    /// Enhancement for hours worked outside Monday–Friday 08:00–18:00, as a share of pay for those hours.
    public var extendedHoursEnhancement: Double
    /// One-off costs of the change (£).
    public var oneOff: Double
    /// Notional costs of the work that follows the front door's decisions.
    public var downstream: DownstreamCosts
    /// How the budget runs: years shown, phase-in of downstream change, bridging.
    public var budget: Budget
    /// Grades whose posts partner agencies (police, health, education) pay for: their time is
    /// priced as its own line, never in the council's cash.
    public var paidByPartners: Set<String>

    /// Makes the value from its parts (the scenario reader does; tests may).
    public init(
        priceYear: FinancialYear, payYear: FinancialYear, salaries: [String: Double], onCosts: OnCostRates, agencyPremium: [String: Double],
        extendedHoursEnhancement: Double, oneOff: Double, downstream: DownstreamCosts, budget: Budget, paidByPartners: Set<String> = []
    ) {
        self.paidByPartners = paidByPartners
        self.priceYear = priceYear
        self.payYear = payYear
        self.salaries = salaries
        self.onCosts = onCosts
        self.agencyPremium = agencyPremium
        self.extendedHoursEnhancement = extendedHoursEnhancement
        self.oneOff = oneOff
        self.downstream = downstream
        self.budget = budget
    }
}

/// Employer's on-costs on pay: National Insurance above a threshold, the pension contribution and
/// the apprenticeship levy.
public struct OnCostRates: Sendable, Equatable {
    public var niRate: Double
    /// Pay a year on which no employer's NI is due, per person.
    public var niThreshold: Double
    public var pensionRate: Double
    public var levyRate: Double

    public init(niRate: Double, niThreshold: Double, pensionRate: Double, levyRate: Double) {
        self.niRate = niRate
        self.niThreshold = niThreshold
        self.pensionRate = pensionRate
        self.levyRate = levyRate
    }

    /// The national rates of `year` (`NationalPay`), with the pension rate given; nil where the
    /// year's NI is not known.
    public init?(year: FinancialYear, pensionRate: Double) {
        guard let ni = NationalPay.employerNI[year] else { return nil }
        self.init(niRate: ni.rate, niThreshold: ni.threshold, pensionRate: pensionRate, levyRate: NationalPay.apprenticeshipLevy(in: year))
    }

    /// On-costs on one person's pay of `pay` a year.
    public func onCosts(onPay pay: Double) -> Double { max(0, pay - niThreshold) * niRate + pay * (pensionRate + levyRate) }
}

/// Notional unit costs of what follows a decision, at the price base: capacity freed or used
/// elsewhere in children's services, not cash saved or spent.
public struct DownstreamCosts: Sendable, Equatable {
    /// A social work assessment started.
    public var assessment: Double
    /// A section 47 enquiry (one for each strategy discussion decided).
    public var s47Enquiry: Double
    /// An episode of early help.
    public var earlyHelpEpisode: Double

    public init(assessment: Double, s47Enquiry: Double, earlyHelpEpisode: Double) {
        self.assessment = assessment
        self.s47Enquiry = s47Enquiry
        self.earlyHelpEpisode = earlyHelpEpisode
    }

    public static let none = DownstreamCosts(assessment: 0, s47Enquiry: 0, earlyHelpEpisode: 0)
}

/// How a design's budget runs against a baseline: the years shown, how long its change in
/// downstream work takes to build up, and how many months of any increase are met from one-off
/// (bridging) funding before money is moved from elsewhere.
public struct Budget: Sendable, Equatable {
    /// Months of the increase in staff cost (against the baseline) met from one-off funding.
    public var bridgingMonths: Double
    /// Years over which the design's change in downstream work builds up to its full effect.
    public var phaseInYears: Double
    /// Financial years in the profile.
    public var years: Int

    public init(bridgingMonths: Double, phaseInYears: Double, years: Int) {
        self.bridgingMonths = bridgingMonths
        self.phaseInYears = phaseInYears
        self.years = years
    }

    public static let standard = Budget(bridgingMonths: 0, phaseInYears: 0, years: 4)
}
