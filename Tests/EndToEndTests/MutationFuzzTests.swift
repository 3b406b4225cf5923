import Foundation
import FrontDoorTestSupport
import Testing

/// Mutants of the shipped scenarios, checked and (when accepted) run through the binary: nothing
/// may crash or hang. Each mutant changes one line of one file — a value replaced by an extreme
/// or malformed one, a line dropped, or a key misspelt — chosen by a fixed seed, so a failure
/// names a mutant that can be made again.
///
/// CI runs a few hundred; `tools/fuzz.sh N` runs a longer campaign of N through the same test
/// (FRONTDOOR_FUZZ_MUTANTS, FRONTDOOR_FUZZ_SEED).
@Suite struct MutationFuzzTests {
    static let values = [
        "0", "-1", "1e300", "-1e300", "1e-300", ".nan", ".inf", "-.inf", "1e19", "1000000", "0.5", "2", "''", "x", "[]", "{}",
        "null", "true", "99999999999999999999", "[1e308, 1e308]", "{distribution: lognormal, mean: 1e-300, sd: 1e300}",
        "\"25:00-09:00\"", "2025-02-30", "*nowhere", "&a 1"
    ]

    /// Draws from a fixed sequence, so mutants are the same on every machine.
    struct Draws {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        mutating func next(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
    }

    struct Mutant {
        let file: String
        let lineNumber: Int
        let line: String
        let description: String
    }

    static func mutants(count: Int, seed: UInt64, files: [String: [String]]) -> [Mutant] {
        var draws = Draws(state: seed)
        let names = files.keys.sorted()
        var result: [Mutant] = []
        while result.count < count {
            let file = names[draws.next(names.count)]
            let lines = files[file]!
            let index = draws.next(lines.count)
            let original = lines[index]
            guard let colon = original.firstIndex(of: ":"), !original.trimmingCharacters(in: .whitespaces).hasPrefix("#") else { continue }
            let key = original[..<colon]
            switch draws.next(10) {
            case 0..<7:
                let value = values[draws.next(values.count)]
                result.append(
                    Mutant(file: file, lineNumber: index, line: "\(key): \(value)", description: "\(file):\(index + 1) value → \(value)"))
            case 7..<9:
                result.append(Mutant(file: file, lineNumber: index, line: "", description: "\(file):\(index + 1) line dropped"))
            default:
                let typo = String(key.dropLast())
                result.append(
                    Mutant(
                        file: file, lineNumber: index, line: typo + original[colon...], description: "\(file):\(index + 1) key → \(typo)"))
            }
        }
        return result
    }

    @Test func noMutantOfAShippedScenarioCrashesOrHangs() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["FRONTDOOR_FUZZ_MUTANTS"].flatMap(Int.init) ?? 200
        let seed = environment["FRONTDOOR_FUZZ_SEED"].flatMap(UInt64.init) ?? 2026
        // A copy of the scenarios, so that `extends` finds its files and the originals stay as they are.
        let root = NSTemporaryDirectory() + "frontdoor-fuzz-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: packageRoot + "/Scenarios", toPath: root)
        var files: [String: [String]] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root)! where path.hasSuffix(".yaml") {
            files[path] = try String(contentsOfFile: root + "/" + path, encoding: .utf8).components(separatedBy: "\n")
        }
        var accepted = 0, refused = 0
        for mutant in Self.mutants(count: count, seed: seed, files: files) {
            var lines = files[mutant.file]!
            lines[mutant.lineNumber] = mutant.line
            let path = root + "/" + mutant.file
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? files[mutant.file]!.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8) }
            // A shared file is checked through a scenario that extends it.
            let scenario = mutant.file.hasPrefix("shared/") ? root + "/mash.yaml" : path
            let check = try runProcess(Frontdoor.executable, ["check", scenario], timeout: 30)
            #expect(
                !check.crashed && !check.timedOut && [0, 1].contains(check.status),
                "check: \(mutant.description): status \(check.status)\(check.timedOut ? " (timed out)" : "") \(check.standardError.suffix(300))"
            )
            guard check.status == 0 else {
                refused += 1
                continue
            }
            accepted += 1
            let run = try runProcess(
                Frontdoor.executable,
                [
                    "run", scenario, "-r", "1", "-j", "1", "--no-report", "--set", "run.warm_up_days=0",
                    "--set", "run.horizon_days=20"
                ], timeout: 90)
            #expect(
                !run.crashed && !run.timedOut && [0, 1].contains(run.status),
                "run: \(mutant.description): status \(run.status)\(run.timedOut ? " (timed out)" : "") \(run.standardError.suffix(300))")
        }
        #expect(accepted > 0 && refused > 0)
        print("Mutation fuzzing: \(count) mutants (seed \(seed)): \(refused) refused by check, \(accepted) accepted and run")
    }
}
