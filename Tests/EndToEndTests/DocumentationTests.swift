import Foundation
import FrontDoorTestSupport
import Testing

/// The documentation a newcomer reads: a short README that leads to the rest, and no link in it
/// or in `docs/` that leads nowhere.
@Suite struct DocumentationTests {
    /// README.md and every Markdown file under docs/, as paths from the package root.
    static func pages() throws -> [String] {
        let docs = try #require(FileManager.default.enumerator(atPath: packageRoot + "/docs")).compactMap { $0 as? String }
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }.sorted()
    }

    /// The targets of a page's Markdown links `[text](target)` that are not web addresses.
    static func relativeLinks(in text: String) -> [String] {
        text.matches(of: /\]\(([^)\s]+)\)/).map { String($0.output.1) }.filter { !$0.hasPrefix("http") && !$0.hasPrefix("mailto:") }
    }

    @Test func everyRelativeLinkLeadsToAFileThatExists() throws {
        let pages = try Self.pages()
        #expect(pages.count >= 10)
        var links = 0
        for page in pages {
            let text = try String(contentsOfFile: packageRoot + "/" + page, encoding: .utf8)
            let folder = (page as NSString).deletingLastPathComponent
            for link in Self.relativeLinks(in: text) {
                links += 1
                let path = String(link.prefix { $0 != "#" })
                guard !path.isEmpty else { continue }
                let target = ((packageRoot + "/" + folder) as NSString).appendingPathComponent(path)
                #expect(FileManager.default.fileExists(atPath: target), "\(page) links to \(link), which is not there")
            }
        }
        #expect(links >= 20)
    }

    @Test func theReadmeIsShortAndLeadsToEveryGuide() throws {
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        #expect(readme.components(separatedBy: "\n").count < 200)
        let linked = Set(Self.relativeLinks(in: readme).map { String($0.prefix { $0 != "#" }) })
        for page in try Self.pages() where page.hasPrefix("docs/") {
            #expect(linked.contains(page), "README.md does not lead to \(page)")
        }
    }

    /// Every command's help, as the program prints it at 80 columns.
    static func generatedHelp() throws -> String {
        let commands = [
            ["run"], ["compare"], ["sweep"], ["size"], ["sensitivity"], ["check"], ["merge"], ["serve"], ["calibrate", "annex-a"],
            ["calibrate", "synth"]
        ]
        var lines = [helpBegin]
        for command in commands {
            let help = try runProcess(Frontdoor.executable, command + ["--help"], environment: ["COLUMNS": "80"])
            #expect(help.status == 0, "\(command)")
            lines += [
                "", "### frontdoor \(command.joined(separator: " "))", "", "```text", help.standardOutput.trimmingCharacters(in: .newlines),
                "```"
            ]
        }
        return (lines + ["", helpEnd]).joined(separator: "\n")
    }

    static let helpBegin = "<!-- generated from the commands' own help: do not edit by hand -->"
    static let helpEnd = "<!-- end of generated help -->"

    @Test func theCommandsPageHoldsEveryCommandsHelpAsTheProgramPrintsIt() throws {
        let page = packageRoot + "/docs/reference/commands.md"
        let expected = try Self.generatedHelp()
        var text = try String(contentsOfFile: page, encoding: .utf8)
        let start = try #require(text.range(of: Self.helpBegin), "docs/reference/commands.md has no generated help")
        let stop = try #require(text.range(of: Self.helpEnd))
        if ProcessInfo.processInfo.environment["FRONTDOOR_RECORD_SNAPSHOTS"] == "1" {
            text.replaceSubrange(start.lowerBound..<stop.upperBound, with: expected)
            try Data(text.utf8).write(to: URL(fileURLWithPath: page))
            Issue.record("wrote the commands' help into docs/reference/commands.md; run again without FRONTDOOR_RECORD_SNAPSHOTS")
            return
        }
        #expect(
            String(text[start.lowerBound..<stop.upperBound]) == expected,
            "docs/reference/commands.md's help differs from the program's: run the tests with FRONTDOOR_RECORD_SNAPSHOTS=1 to write it")
    }
}
