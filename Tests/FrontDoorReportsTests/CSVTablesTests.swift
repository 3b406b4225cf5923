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
        #expect(CSVTables.number(0.000645218) == "0.000645218")
        #expect(CSVTables.number(27375) == "27375")
        #expect(CSVTables.number(.nan) == "")
    }

    @Test func tableNumbersKeepFourSignificantFigures() {
        #expect(SummaryTable.format(0.26041) == "0.2604")
        #expect(SummaryTable.format(27384.4) == "27384")
        #expect(SummaryTable.format(1.23456) == "1.235")
        #expect(SummaryTable.format(0) == "0")
    }
}
