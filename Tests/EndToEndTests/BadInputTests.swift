import Foundation
import Testing
import FrontDoorTestSupport

/// Bad input, as a careless or hostile user gives it: each case is refused with a non-zero exit
/// and a message that says what was wrong, never a crash or a hang.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let status: Int32
        /// Words the message on standard error must contain.
        let words: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// Files made for the cases below, in a fresh folder.
    static let folder: String = {
        let folder = NSTemporaryDirectory() + "frontdoor-bad-input-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        mkfifo(folder + "/pipe.yaml", 0o600)
        FileManager.default.createFile(atPath: folder + "/huge.yaml", contents: Data(repeating: UInt8(ascii: "a"), count: 5 << 20))
        FileManager.default.createFile(atPath: folder + "/tabs.yaml", contents: Data("scenario: x\n\trun: 1\n".utf8))
        return folder
    }()

    static let cases: [Case] = [
        Case(arguments: ["check", "Scenarios"], status: 1, words: ["Scenarios", "is a folder"]),
        Case(arguments: ["check", "/dev/null"], status: 1, words: ["/dev/null", "not a regular file"]),
        Case(arguments: ["check", folder + "/pipe.yaml"], status: 1, words: ["pipe.yaml", "not a regular file"]),
        Case(arguments: ["check", folder + "/huge.yaml"], status: 1, words: ["huge.yaml", "5.0 MB", "at most 4 MB"]),
        Case(arguments: ["check", folder + "/tabs.yaml"], status: 1, words: ["tabs.yaml:2", "tab"]),
        Case(arguments: ["check", "Scenarios/nowhere.yaml"], status: 1, words: ["nowhere.yaml", "no such file"]),
        Case(arguments: ["check", "Scenarios/cads.yaml", "--set",
                         "stages.consultation.phone={patience_minutes: 0, call_back_probability: 1, call_back_delay_minutes: 0}"], status: 1,
             words: ["stages.consultation.phone.call_back_delay_minutes", "at least 1 minute"]),
        Case(arguments: ["run", "Scenarios/mash.yaml", "--seed", "-1"], status: 64, words: ["--seed", "0 to 4294967295", "-1"]),
        Case(arguments: ["size", "Scenarios/peterborough.yaml", "--team", "team_manager", "--target", "backlog.mean<=nan"], status: 1,
             words: ["backlog.mean<=nan", "finite"]),
        Case(arguments: ["size", "Scenarios/peterborough.yaml", "--team", "team_manager", "--target", "backlog.average<=10"], status: 1,
             words: ["no measure is called backlog.average"]),
        Case(arguments: ["sweep", "Scenarios/peterborough.yaml", "--vary", "teams.team_manager.people=1,many"], status: 1,
             words: ["--vary teams.team_manager.people=many", "found 'many'"]),
    ]

    @Test(arguments: cases) func isRefusedWithAPlainMessage(_ bad: Case) throws {
        let outcome = try Frontdoor.run(bad.arguments)
        #expect(outcome.status == bad.status, "\(outcome.standardError)")
        for word in bad.words { #expect(outcome.standardError.contains(word), "\(outcome.standardError)") }
    }
}
