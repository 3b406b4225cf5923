import Testing

@testable import FrontDoorReports

@Suite struct CSVTablesTests {
    @Test func fieldsWithCommasQuotesOrNewlinesAreQuoted() {
        #expect(CSVTables.field("plain") == "plain")
        #expect(CSVTables.field("a, b") == "\"a, b\"")
        #expect(CSVTables.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        // A byte-order mark first, so that Excel reads the file as UTF-8 (£, –).
        #expect(CSVTables.table([["a", "b"], ["1", "x,y"]]) == "\u{FEFF}a,b\r\n1,\"x,y\"\r\n")
    }

    @Test func numbersAreWrittenWithoutLosingPrecision() {
        #expect(Figures.data(0.000645218) == "0.000645218")
        #expect(Figures.data(27375) == "27375")
        #expect(Figures.data(.nan) == "")
    }

    @Test func tableNumbersKeepFourSignificantFiguresAndNeverAnExponent() {
        #expect(Figures.table(0.26041) == "0.2604")
        #expect(Figures.table(27384.4) == "27384")
        #expect(Figures.table(1.23456) == "1.235")
        #expect(Figures.table(0) == "0")
        #expect(Figures.table(12_345_678.4) == "12,345,678" && Figures.table(-0.00004) == "-0.0000")
        // In their units: shares as %, differences of shares in points, money in pounds.
        #expect(TerminalLayout.format(0.8512, .fraction) == "85.1%" && TerminalLayout.signed(-0.0231, .fraction) == "−2.3 pts")
        #expect(TerminalLayout.format(1234.4, .poundsAYear) == "£1,234" && TerminalLayout.signed(-2.5, .contacts) == "−2.500")
    }
}
