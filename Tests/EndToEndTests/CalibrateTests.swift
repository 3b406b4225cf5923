import Foundation
import FrontDoorTestSupport
import Testing

/// `frontdoor calibrate` as a council analyst runs it: synthetic lists in, a demand file out
/// that a design extends; bad extracts refused with the file and the reason.
@Suite struct CalibrateTests {
    func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-calibrate-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aDesignRunsOnTheDemandCalibratedFromItsOwnLists() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let synth = try runProcess(
            Frontdoor.executable, ["calibrate", "synth", "Scenarios/mash.yaml", "--days", "120", "--output", root + "/lists"])
        #expect(synth.status == 0, "\(synth.standardError)")
        let calibrate = try runProcess(
            Frontdoor.executable,
            [
                "calibrate", "annex-a", "--list1", root + "/lists/list1.csv", "--list3", root + "/lists/list3.csv",
                "--list4", root + "/lists/list4.csv", "--output", root + "/calibration"
            ])
        #expect(calibrate.status == 0, "\(calibrate.standardError)")
        for file in ["demand.yaml", "data-quality.html", "data-quality.csv"] {
            #expect(FileManager.default.fileExists(atPath: root + "/calibration/" + file))
        }
        // The MASH on the calibrated demand: its file with `extends` pointing at the result.
        let mash = try String(contentsOfFile: packageRoot + "/Scenarios/mash.yaml", encoding: .utf8)
            .replacingOccurrences(of: "extends: shared/demand.yaml", with: "extends: demand.yaml")
        try Data(mash.utf8).write(to: URL(fileURLWithPath: root + "/calibration/mash.yaml"))
        let check = try runProcess(Frontdoor.executable, ["check", root + "/calibration/mash.yaml"])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.contains("police (Annex A 6)"))
    }

    @Test(arguments: [
        ("empty.csv", Data(), ["empty.csv is empty"]),
        ("binary.csv", Data([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), ["binary.csv is not a CSV file"]),
        (
            "no-source.csv", Data("Child ID,Date of contact\nCHILDQX1,01/04/2024\n".utf8),
            ["no-source.csv: no column for the contact source"]
        ),
        (
            "bad-dates.csv", Data("Child ID,Date of contact,Contact source\nCHILDQX1,tomorrow,6\nCHILDQX2,soon,2A\n".utf8),
            ["bad-dates.csv: no date", "can be read"]
        ),
        (
            "short.csv", Data("Child ID,Date of contact,Contact source\nCHILDQX1,01/04/2024,6\nCHILDQX2,02/04/2024,2A\n".utf8),
            ["calibration needs at least 4 weeks"]
        ),
        (
            "quote.csv", Data("Child ID,Date of contact,Contact source\nCHILDQX1,\"01/04/2024,6\n".utf8),
            ["quote.csv: no contact to calibrate from", "fewer fields than the header"]
        )
    ])
    func aBadExtractIsRefusedWithTheFileAndTheReason(name: String, contents: Data, words: [String]) throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try contents.write(to: URL(fileURLWithPath: root + "/" + name))
        let outcome = try runProcess(
            Frontdoor.executable, ["calibrate", "annex-a", "--list1", root + "/" + name, "--output", root + "/out"])
        #expect(outcome.status == 1 && !outcome.crashed, "\(outcome.standardError)")
        for word in words { #expect(outcome.standardError.contains(word), "\(outcome.standardError)") }
        #expect(!outcome.standardError.contains("CHILDQX1") && !outcome.standardError.contains("CHILDQX2"))
        #expect(!FileManager.default.fileExists(atPath: root + "/out/demand.yaml"))
    }
}
