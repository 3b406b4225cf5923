import Crypto
import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import ScenarioModel

/// A scenario file and the SHA-256 of its bytes.
public struct ScenarioFile: Codable, Sendable, Equatable {
    public let path: String
    public let sha256: String

    /// Every file of `scenario` (the file and those it extends) with its hash now.
    public static func hashed(_ scenario: Scenario) -> [ScenarioFile] {
        scenario.files.map { ScenarioFile(path: $0, sha256: RunManifest.sha256(ofFile: $0)) }
    }
}

/// Everything needed to reproduce a run's figures: the program version, the command, every
/// scenario file with its SHA-256 hash, the seed, the replications and the warm-up.
public struct RunManifest: Encodable, Sendable {
    struct Design: Encodable, Sendable {
        let scenario: String
        let files: [ScenarioFile]
        let horizon_days: Double
        let warm_up_days: Double
        let warm_up_check: String?
    }

    let program = "frontdoor"
    let version: String
    let created_utc: String
    let command_line: [String]
    let seed: UInt32
    let replications: Int
    let precision_target: Double?
    let precision_reached: String?
    let random_numbers: String
    let designs: [Design]

    public init(_ comparison: DesignComparison, version: String, commandLine: [String], now: Date = Date()) {
        self.version = version
        created_utc = Self.utc(now)
        command_line = commandLine
        seed = comparison.baseline.settings.seed
        replications = comparison.baseline.replications
        precision_target = comparison.precision?.target
        precision_reached = comparison.precision?.sentence
        random_numbers =
            "GSL mt19937; one stream per purpose (arrivals, routing, absence, each stage's times); "
            + "stream seeds from (seed, replication, purpose) by a bijective 32-bit mix; every design uses the same seeds"
        designs = comparison.designs.map { design in
            Design(
                scenario: design.scenario.name,
                files: ScenarioFile.hashed(design.scenario),
                horizon_days: design.scenario.length.horizonHours / 24,
                warm_up_days: design.scenario.length.warmUpHours / 24,
                warm_up_check: WarmUpCheck(design)?.sentence)
        }
    }

    /// `2026-11-27T12:33:27Z`: the time in UTC to the second, as ISO 8601 writes it. Worked out
    /// from the seconds since 1970 rather than by Foundation's date formatters, which load ICU's
    /// calendar and time-zone data (about 3.5 MB of memory) even for UTC.
    static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let second = seconds - days * 86_400
        return CivilDate(dayNumber: days).iso + String(format: "T%02d:%02d:%02dZ", second / 3_600, second / 60 % 60, second % 60)
    }

    /// The hex SHA-256 of a file's bytes, or "unreadable".
    static func sha256(ofFile path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "unreadable" }
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    public func text() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
