import ArgumentParser
import Foundation
import FrontDoorAnalysis
import FrontDoorApp
import WhatIf

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a live what-if page for one or more designs, on this machine only.",
        discussion: """
            Starts a web server on 127.0.0.1 (never another address) and prints the page's address. Each control — people and vacant posts in a team, a change in contacts by source, a phone line's hours, decision fatigue, a named shock, replications — runs the design again on the same seeds and shows the figures beside the design as it is, with the paired difference. "Save this what-if" writes a small scenario file to the --output folder; "Download the report" gives the report 'compare' writes. Stop it with Ctrl-C.

            Examples:
              frontdoor serve Scenarios/mash.yaml
              frontdoor serve Scenarios/mash.yaml Scenarios/cads.yaml --port 8090 --jobs 2
            """
    )

    @Argument(help: "The scenario files to serve.") var scenarios: [String]
    @Option(parsing: .unconditional, help: "The port on 127.0.0.1.") var port = 8080
    @Option(name: .shortAndLong, help: "Base seed (as for run).", transform: ReplicationOptions.parseSeed) var seed: UInt32 = 1
    @Option(name: .shortAndLong, parsing: .unconditional, help: "Worker threads (default: all cores).") var jobs: Int?
    @Option(help: "Folder for saved what-if files.") var output = "Output/what-if"
    @Option(name: .shortAndLong, parsing: .unconditional, help: "Replications the page starts with (2 to 500; the page can change it).")
    var replications = 20

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario file") }
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be from 1 to 65535, not \(port)") }
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be between 1 and 1024, not \(jobs)") }
        guard (2...500).contains(replications) else { throw ValidationError("--replications must be from 2 to 500, not \(replications)") }
    }

    func run() throws {
        let session: WhatIfSession
        do {
            session = try WhatIfSession(
                paths: scenarios, seed: seed, jobs: jobs ?? ReplicationRunner.availableCores, replications: replications,
                version: App.version, outputFolder: output)
        } catch {
            throw fail(error.description)
        }
        // The server runs as a task; this thread waits for it (it returns only on a failure to
        // start, or when a signal stops it).
        let stopped = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        let port = port
        Task {
            do {
                try await WhatIfServer.run(session: session, port: port) { address in
                    FileHandle.standardOutput.write(Data("What-if page: \(address) (this machine only; Ctrl-C to stop)\n".utf8))
                }
            } catch {
                failure.set("could not serve on 127.0.0.1:\(port): \(error)")
            }
            stopped.signal()
        }
        stopped.wait()
        if let message = failure.get() { throw fail(message) }
    }
}

/// A message from the server's task, read once it has ended.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?
    func set(_ text: String) {
        lock.lock()
        message = text
        lock.unlock()
    }
    func get() -> String? {
        lock.lock()
        defer { lock.unlock() }
        return message
    }
}
