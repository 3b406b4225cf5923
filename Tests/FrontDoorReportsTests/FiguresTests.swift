import Testing

@testable import FrontDoorReports

/// Every rule of the one number formatter, each where its output appears.
@Suite struct FiguresTests {
    @Test func wholeNumbersAndMoneyHaveSeparatorsAndATrueMinus() {
        #expect(Figures.grouped(1_351_000) == "1,351,000" && Figures.grouped(-12_345) == "−12,345" && Figures.grouped(999) == "999")
        #expect(Figures.grouped(Int.min).hasPrefix("−9,223,372"))
        #expect(Figures.money(1_351_000.4) == "£1,351,000" && Figures.money(-2_500.5) == "−£2,501")
        #expect(Figures.money(1e308) == "£1e+308" && Figures.money(-1e300) == "−£1e+300")
    }

    @Test func prosePrintsWholeNumbersAsTheyAreAndOthersToThreeFigures() {
        #expect(Figures.prose(20_000) == "20,000" && Figures.prose(0.1234) == "0.123" && Figures.prose(123.4) == "123")
        #expect(Figures.prose(1e308) == "1e+308")
        #expect(Figures.prosePercent(0.35) == "35%" && Figures.prosePercent(0.03333) == "3.33%" && Figures.prosePercent(1e300) == "1e+302%")
    }

    @Test func terminalTablesShowFourFiguresAndNeverAnExponent() {
        #expect(Figures.table(12.3456) == "12.35" && Figures.table(0.012345) == "0.01235" && Figures.table(1234.6) == "1235")
        #expect(Figures.table(12_345_678) == "12,345,678" && Figures.table(0.00001) == "0.0000" && Figures.table(-0.00001) == "-0.0000")
        #expect(Figures.table(1e-13) == "0")
        #expect(Figures.tablePercent(0.8534) == "85.3%")
    }

    @Test func reportsRoundSharesAndWriteTimesInMinutesOrHours() {
        #expect(Figures.report(1234.5) == "1,235" && Figures.report(12.345) == "12.3")
        #expect(Figures.reportPercent(0.85) == "85%" && Figures.reportPercent(0.034) == "3.4%" && Figures.reportPercent(0) == "0%")
        #expect(Figures.duration(0.75) == "45 min" && Figures.duration(2.54) == "2.5 h")
    }

    @Test func filesForScriptsKeepTenFiguresAndLeaveNonNumbersBlank() {
        #expect(Figures.data(1.0 / 3) == "0.3333333333" && Figures.data(.nan) == "" && Figures.data(.infinity) == "")
        #expect(Figures.wholePounds(1_234.6) == "1235")
    }

    @Test func scenarioFilesAndCalibratedWeightsAreWrittenToBeReadAgain() {
        #expect(
            Figures.scenarioFile(20) == "20" && Figures.scenarioFile(0.123456789) == "0.123457" && Figures.scenarioFile(1e12) == "1e+12")
        #expect(Figures.decimals(0.25) == "0.25" && Figures.decimals(1.0004) == "1" && Figures.decimals(0.12345, 4) == "0.1235")
        #expect(Figures.suppressedCount(4) == "<5" && Figures.suppressedCount(12_000) == "12,000")
    }
}
