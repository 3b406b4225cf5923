import FrontDoorTestSupport
import Testing

@testable import FrontDoorModel

/// Prices, on-costs and staff costs, each against figures worked out by hand from the sources.
struct CostsTests {
    @Test func financialYearsRunAprilToMarch() throws {
        #expect(FinancialYear(containing: try #require(CivilDate(iso: "2026-03-31"))) == FinancialYear(startYear: 2025))
        #expect(FinancialYear(containing: try #require(CivilDate(iso: "2026-04-01"))) == FinancialYear(startYear: 2026))
        #expect(FinancialYear("2025/26")?.description == "2025/26")
        #expect(FinancialYear("1999-00")?.startYear == 1999)
        #expect(FinancialYear("2025/27") == nil && FinancialYear("2025") == nil)
    }

    @Test func payAwardsRaiseBySumOrPercentWhicheverIsMore() {
        // A 2019/20 social worker at £38,476 gets the flat £1,925 in 2022/23 (more than 4.04%);
        // a team manager at £50,711 gets 4.04% (more than £1,925).
        let from = FinancialYear(startYear: 2019), to = FinancialYear(startYear: 2022)
        let worker = NationalPay.uplift(38_476, from: from, to: to)
        #expect(abs(worker - (38_476 * 1.0275 * 1.0175 + 1_925)) < 0.01)
        let manager = NationalPay.uplift(50_711, from: from, to: to)
        #expect(abs(manager - 50_711 * 1.0275 * 1.0175 * 1.0404) < 0.01)
        // Back again, and back a year before the scales.
        #expect(abs(NationalPay.uplift(worker, from: to, to: from) - 38_476) < 1e-6)
        #expect(abs(NationalPay.uplift(50_711, from: from, to: FinancialYear(startYear: 2018)) - 50_711 / 1.02) < 1e-6)
        // A grade paid from another budget (£0 here) gets no flat award.
        #expect(NationalPay.uplift(0, from: from, to: to) == 0)
        #expect(
            NationalPay.missingAwards(from: from, to: FinancialYear(startYear: 2027)) == [
                FinancialYear(startYear: 2026), FinancialYear(startYear: 2027)
            ])
    }

    @Test func onCostsOnAFortyThousandSalaryAreAboutAThirdIn2025() throws {
        // Domain §3.3: NI 15% above £5,000 (£5,250), LGPS about 20–21%, levy 0.5%: about 34%.
        let rates = try #require(OnCostRates(year: FinancialYear(startYear: 2025), pensionRate: NationalPay.pensionRate))
        let share = rates.onCosts(onPay: 40_000) / 40_000
        #expect(share > 0.33 && share < 0.355, "\(share)")
        // In 2018/19 NI was 13.8% above £8,424: about two points less.
        let before = try #require(OnCostRates(year: FinancialYear(startYear: 2018), pensionRate: NationalPay.pensionRate))
        #expect(abs(rates.onCosts(onPay: 40_000) - before.onCosts(onPay: 40_000) - (5_250 - 0.138 * (40_000 - 8_424))) < 0.01)
    }

    @Test func theEnhancementIsPaidOnTheHoursTheRotaWorks() throws {
        // Open 08:00–22:00 on weekdays: 4 of the 14 opening hours (28.6%) are after 18:00, but
        // people work 7.4 hours with a 36-minute break. A quarter of them (the 4th, 8th, 12th and
        // 16th) work the late shift, 14:00–22:00, with their break in the first, second, third
        // and first sitting (17:06, 17:42, 18:18): 4, 3.7, 3.4 and 4 paid hours after 18:00, of
        // the 16 × 7.4 hours worked. Other duties are paid time too, so they change nothing.
        var fixture = try FrontDoorFixture(people: 16, hours: .weekdays(8, 22))
        fixture.design.teams[0].hoursPerDay = 7.4
        fixture.design.teams[0].breakHours = 0.6
        fixture.design.teams[0].lateShiftShare = 0.25
        fixture.design.costs.extendedHoursEnhancement = 0.2
        let costs = StaffCosts(try fixture.prepared())
        let share = (4 + 3.7 + 3.4 + 4) / (16 * 7.4)
        #expect(abs(costs.teams[0].enhancedShare - share) < 1e-9)
        #expect(abs(costs.enhancements - 16 * 50_000 * share * 0.2) < 0.01)
    }

    @Test func theAgencyPremiumIsChargedOnCoveredVacanciesOnly() throws {
        // Ten posts, three vacant, two of those covered by agency staff: nine people work and are
        // paid; the premium is on the two agency posts alone.
        var fixture = try FrontDoorFixture(people: 10)
        fixture.design.costs.agencyPremium = ["tm": 0.24]
        let noVacancies = StaffCosts(try fixture.prepared())
        fixture.design.teams[0].vacancies = .posts(3)
        fixture.design.teams[0].agencyCover = 0.67
        let design = try fixture.prepared()
        let costs = StaffCosts(design)
        #expect(design.teams[0].workedPosts.count == 9 && design.teams[0].agencyPosts == 2)
        #expect(abs(costs.teams[0].salaries - 9 * 50_000) < 0.01)
        #expect(abs(costs.agency - 2 * 50_000 * 0.24) < 0.01)
        #expect(noVacancies.agency == 0)
    }
}
