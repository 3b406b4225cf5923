import Foundation
import FrontDoorModel
import FrontDoorTestSupport
import ScenarioFiles
import ScenarioModel
import Testing

/// The reference pages are generated from the code where they can be, so that they cannot drift
/// from it: the measures' list in docs/reference/measures.md is the catalogue's.
@Suite struct ReferenceTests {
    static let page = packageRoot + "/docs/reference/measures.md"
    static let begin = "<!-- generated from the measure catalogue: do not edit by hand -->"
    static let end = "<!-- end of generated list -->"

    /// Every measure family with its unit, as the shipped scenarios' catalogues define them, and
    /// its short label, in the catalogue's order of families.
    static func generated() throws -> String {
        let root = packageRoot + "/Scenarios"
        let files =
            try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix(".yaml") }.map { root + "/" + $0 }
            + (try FileManager.default.contentsOfDirectory(atPath: root + "/what-if")).map { root + "/what-if/" + $0 }
            + [root + "/benchmarks/tandem.yaml"]
        var units: [MeasureID.Family: MeasureUnit] = [:]
        for file in files.sorted() {
            for measure in try ScenarioLoader.load(path: file).measures where units[measure.id.family] == nil {
                units[measure.id.family] = measure.unit
            }
        }
        var lines = [begin, "", "| name | unit | short label (narrow tables) |", "|---|---|---|"]
        for family in MeasureID.Family.allCases {
            let placeholder: String
            switch family.subjectKind {
            case .team?: placeholder = "<team>"
            case .stage?: placeholder = "<stage>"
            case .source?: placeholder = "<source>"
            case nil: placeholder = ""
            }
            let id = family.hasSubject ? MeasureID(family, subject: placeholder) : MeasureID(family)
            let unit = units[family].map(\.rawValue) ?? "(no shipped scenario has it)"
            lines.append("| `\(id.name)` | \(unit) | \(id.shortLabel.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        return (lines + ["", end]).joined(separator: "\n")
    }

    @Test func theMeasuresPageListsEveryMeasureAsTheCatalogueDefinesIt() throws {
        let expected = try Self.generated()
        var text = try String(contentsOfFile: Self.page, encoding: .utf8)
        let start = try #require(text.range(of: Self.begin), "docs/reference/measures.md has no generated list")
        let stop = try #require(text.range(of: Self.end))
        if ProcessInfo.processInfo.environment["FRONTDOOR_RECORD_SNAPSHOTS"] == "1" {
            text.replaceSubrange(start.lowerBound..<stop.upperBound, with: expected)
            try Data(text.utf8).write(to: URL(fileURLWithPath: Self.page))
            Issue.record("wrote the list of measures into docs/reference/measures.md; run again without FRONTDOOR_RECORD_SNAPSHOTS")
            return
        }
        #expect(
            String(text[start.lowerBound..<stop.upperBound]) == expected,
            "docs/reference/measures.md's list differs from the catalogue: run the tests with FRONTDOOR_RECORD_SNAPSHOTS=1 to write it")
        #expect(!expected.contains("(no shipped scenario has it)"))
    }
}
