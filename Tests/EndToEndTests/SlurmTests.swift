import Foundation
import FrontDoorTestSupport
import Testing

/// A Slurm cluster of one machine in a temporary folder, started and stopped by
/// `tools/slurm-one-node` (the script the cluster guide gives analysts), with `frontdoor` on the jobs' path.
struct OneNodeSlurm {
    static let script = URL(fileURLWithPath: packageRoot + "/tools/slurm-one-node")

    /// Why no cluster can start on this machine, or nil when one can.
    static let reasonToSkip: String? = {
        if getuid() != 0 { return "slurmd must start as root" }
        for program in ["munged", "mungekey", "slurmctld", "slurmd", "sbatch", "squeue", "scancel", "scontrol"] where which(program) == nil
        {
            return "\(program) is missing: apt-get install slurm-wlm munge"
        }
        return nil
    }()

    /// Under CI the tests must run, so a machine that cannot start Slurm fails them.
    static let runs = reasonToSkip == nil || ProcessInfo.processInfo.environment["CI"] != nil

    static func which(_ program: String) -> URL? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/bin"]
        return path.map { URL(fileURLWithPath: $0).appendingPathComponent(program) }.first {
            FileManager.default.isExecutableFile(atPath: $0.path)
        }
    }

    let folder: String
    /// The environment of every Slurm command and job: this cluster's configuration, and the
    /// built `frontdoor` first on the path, as an installed one would be.
    let environment: [String: String]

    init(port: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-slurm-\(UUID().uuidString)").path
        let started = try runProcess(Self.script, ["start", folder], timeout: 60, environment: ["FRONTDOOR_SLURM_PORT": String(port)])
        guard started.status == 0 else { throw Failure("the cluster did not start: \(started.standardError)") }
        let path =
            Frontdoor.executable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        environment = ["SLURM_CONF": folder + "/slurm.conf", "PATH": path]
    }

    /// Stops the daemons by their process ids and removes the folder, pass or fail.
    func stop() {
        _ = try? runProcess(Self.script, ["stop", folder], timeout: 60)
    }

    /// Runs a Slurm command (or a shell command line) against this cluster.
    func run(_ program: String, _ arguments: [String], timeout: Double = 60) throws -> ProcessOutcome {
        guard let executable = Self.which(program) else { throw Failure("\(program) is missing") }
        return try runProcess(executable, arguments, timeout: timeout, environment: environment)
    }

    /// Submits `script` as an array job and waits for every task to end; the tasks' output goes
    /// to the cluster's folder. Returns the job id.
    func submitAndWait(_ script: String, holding cancelled: [Int] = []) throws -> String {
        let file = folder + "/job-\(UUID().uuidString).sh"
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        let submitted = try run("sbatch", ["--parsable", "--hold", "--output=\(folder)/slurm-%A_%a.out", "--chdir=\(packageRoot)", file])
        guard submitted.status == 0 else { throw Failure("sbatch refused the job: \(submitted.standardError)") }
        let job = submitted.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        for task in cancelled { _ = try run("scancel", ["\(job)_\(task)"]) }
        _ = try run("scontrol", ["release", job])
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            let queue = try run("squeue", ["-h", "-j", job])
            if queue.status == 0 && queue.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return job }
            Thread.sleep(forTimeInterval: 0.5)
        }
        throw Failure("job \(job) did not finish within 300 seconds")
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// The cluster guide's own Slurm example (docs/guides/cluster.md), made small (replications, folders, array size and CPUs only),
/// run as an array job on a real Slurm and merged.
@Suite(.serialized, .enabled(if: OneNodeSlurm.runs, "Slurm cannot start here: it needs root and Debian's slurm-wlm and munge"))
struct SlurmTests {
    static let tasks = 4

    /// The cluster guide's array-job script: the shell block that sets `#SBATCH --array`.
    static func readmeScript() throws -> String {
        let guide = try String(contentsOfFile: packageRoot + "/docs/guides/cluster.md", encoding: .utf8)
        let blocks = guide.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let block = try #require(blocks.first { $0.contains("#SBATCH --array") }, "the cluster guide has no Slurm array job")
        return String(block.drop { $0 != "\n" }.dropFirst())
    }

    /// `text` with each pattern replaced, every pattern required to be there.
    static func replacing(_ text: String, _ changes: [(Regex<Substring>, String)]) throws -> String {
        var result = text
        for (pattern, replacement) in changes {
            #expect(result.contains(pattern), "the cluster guide's Slurm example has changed shape")
            result = result.replacing(pattern, with: replacement)
        }
        return result
    }

    /// The guide's script, small: 4 tasks, 1 CPU each, 4 replications, shards in `shards`.
    static func smallScript(shards: String) throws -> String {
        try replacing(
            readmeScript(),
            [
                (#/--array=0-\d+/#, "--array=0-\(tasks - 1)"), (#/--cpus-per-task=\d+/#, "--cpus-per-task=1"),
                (#/ -r \d+/#, " -r 4"), (#/--jobs \d+/#, "--jobs 1"), (#/Output\/shards/#, shards)
            ])
    }

    /// The script's `frontdoor` command, its continuation lines joined.
    static func command(of script: String) throws -> String {
        let lines = script.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n")
        return String(try #require(lines.first { $0.hasPrefix("frontdoor ") }))
    }

    func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-slurm-out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs the array, merges it, runs the same command in one process, and compares the files.
    func runsOnSlurmAsInOneProcess(_ script: String, files: [String], port: Int) throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cluster = try OneNodeSlurm(port: port)
        defer { cluster.stop() }
        let shards = root + "/shards", command = try Self.command(of: script)
        let script = script.replacingOccurrences(of: "SHARDS", with: shards)
        _ = try cluster.submitAndWait(script)
        let names = try FileManager.default.contentsOfDirectory(atPath: shards).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names == (0..<Self.tasks).map { "shard-\($0)-of-\(Self.tasks).json" })
        let merged = try runProcess(Frontdoor.executable, ["merge", shards, "--output", root + "/merged"])
        #expect(merged.status == 0, "\(merged.standardError)")
        // The same command in one process: without --shard, into a folder of its own.
        let single = command.replacingOccurrences(of: "--shard auto", with: "").replacingOccurrences(of: "SHARDS", with: root + "/single")
        let one = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", single], timeout: 300, environment: cluster.environment)
        #expect(one.status == 0, "\(single): \(one.standardError)")
        #expect(merged.standardOutput == one.standardOutput)
        for file in files {
            let a = FileManager.default.contents(atPath: root + "/single/" + file)
            #expect(a != nil && a == FileManager.default.contents(atPath: root + "/merged/" + file), "\(file) differs")
        }
    }

    @Test func theReadmesArrayJobMergesToExactlyWhatOneProcessWrites() throws {
        try runsOnSlurmAsInOneProcess(
            try Self.smallScript(shards: "SHARDS"),
            files: ["summary.csv", "differences.csv", "replications.csv", "daily.csv", "budget.csv"], port: 6917)
    }

    @Test func aShardedSweepRunsTheSameWay() throws {
        // The guide's script with its command swapped for a sweep of the Peterborough managers.
        let script = try Self.smallScript(shards: "SHARDS").replacingOccurrences(of: "\\\n", with: " ")
        let sweep =
            "frontdoor sweep Scenarios/peterborough.yaml --vary teams.team_managers.people=2,3 -r 3 --jobs 1 --shard auto --output SHARDS"
        try runsOnSlurmAsInOneProcess(
            script.replacingOccurrences(of: try Self.command(of: script), with: sweep), files: ["sweep.csv"], port: 6927)
    }

    @Test func aCancelledTaskIsNamedByMerge() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cluster = try OneNodeSlurm(port: 6937)
        defer { cluster.stop() }
        _ = try cluster.submitAndWait(try Self.smallScript(shards: root + "/shards"), holding: [2])
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/shards").filter { $0.hasSuffix(".json") }.sorted()
        #expect(names == ["shard-0-of-4.json", "shard-1-of-4.json", "shard-3-of-4.json"])
        let merged = try runProcess(Frontdoor.executable, ["merge", root + "/shards", "--output", root + "/merged"])
        #expect(merged.status == 1 && !merged.crashed)
        for words in ["1 of 4 shards is missing", "shard-2-of-4.json", "--shard 2/4"] {
            #expect(merged.standardError.contains(words), "\(merged.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/merged"))
    }
}
