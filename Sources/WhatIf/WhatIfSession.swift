import Foundation
import FrontDoorAnalysis
import FrontDoorModel
import FrontDoorReports
import ScenarioFiles
import ScenarioModel
import Synchronization

/// The state of a what-if page: the designs served, the results already worked out (by the
/// scenario they came from, so going back is instant), and the one run under way, which a newer
/// request supersedes.
public actor WhatIfSession {
    /// The scenario files served, as given.
    public nonisolated let paths: [String]
    let seed: UInt32
    let jobs: Int
    /// The replications the page starts with.
    let replications: Int
    let version: String
    /// Where "Save this what-if" writes; nothing is written anywhere else.
    public nonisolated let outputFolder: String
    /// Each design's results, by the scenario they came from (file, changes, replications, seed).
    var cache: [String: ExperimentResult] = [:]
    let progress = RunProgress()

    public init(paths: [String], seed: UInt32, jobs: Int, replications: Int = 20, version: String, outputFolder: String)
        throws(ScenarioError)
    {
        self.paths = paths
        self.replications = replications
        self.seed = seed
        self.jobs = jobs
        self.version = version
        self.outputFolder = outputFolder
        for path in paths {
            let scenario = try ScenarioDocument.load(path: path).scenario()
            guard case .frontDoor = scenario.model else {
                throw ScenarioError(file: path, message: "a queueing network has no teams or sources to change; serve a front door")
            }
        }
    }

    /// The designs, their teams, sources, phone lines and shocks: what the controls can change.
    public func describe() throws -> Description {
        Description(
            replications: replications,
            designs: try paths.map { path in
                let scenario = try ScenarioDocument.load(path: path).scenario()
                guard case .frontDoor(let design) = scenario.model else { throw ScenarioError(file: path, message: "not a front door") }
                return Description.Design(
                    name: scenario.name, file: path,
                    teams: design.teams.map { team in
                        let fixed = team.vacancies == .posts(team.vacantPosts)
                        return .init(id: team.id, role: team.role, people: team.people.count, vacant: fixed ? team.vacantPosts : nil)
                    },
                    sources: design.demand.sources.map { source in
                        .init(
                            name: source.group.name,
                            ratings: Dictionary(uniqueKeysWithValues: RAG.allCases.map { ($0.name, source.rag[$0.rawValue]) }),
                            channels: Dictionary(
                                uniqueKeysWithValues: Channel.allCases.filter { source.channels[$0.rawValue] > 0 }.map {
                                    ($0.name, source.channels[$0.rawValue])
                                }))
                    },
                    phoneLines: design.stages.filter { $0.phone != nil }.map { stage in
                        .init(
                            stage: stage.id, team: design.teams[stage.team].id,
                            weekdayHours: design.teams[stage.team].schedule.intervals[0].map {
                                ScenarioDescription.clock($0.lowerBound) + "-" + ScenarioDescription.clock($0.upperBound)
                            }
                            .joined(separator: ", "))
                    },
                    shocks: design.demand.shocks.map(\.name), fatigue: design.fatigue != nil)
            })
    }

    /// Runs the design with the controls' changes beside the design as it is, on the same seeds.
    /// Nil when a newer request superseded this one before it finished.
    public func run(_ controls: WhatIfControls) async throws(WhatIfControls.Problem) -> RunResult? {
        let (base, whatIf, whatIfKey) = try scenarios(controls)
        let token = progress.supersede()
        let settings = ExperimentSettings(replications: controls.replications, seed: seed, jobs: jobs)
        // The design as it is, once for each number of replications; then only the what-if runs.
        let baseKey = key(controls, overrides: [])
        var outcomes: [[ReplicationOutcome]] = []
        var seconds: [Double] = []
        for (scenario, cacheKey) in [(base, baseKey), (whatIf, whatIfKey)] {
            if let cached = cache[cacheKey] {
                outcomes.append(cached.outcomes)
                seconds.append(cached.wallSeconds)
                continue
            }
            let observer = RunObserver(progress: progress, generation: token)
            let result: DesignComparison? = await withCheckedContinuation { continuation in
                // A thread of its own: the simulation must not hold the threads that serve requests.
                Thread { continuation.resume(returning: Comparison.runUnlessCancelled([scenario], settings: settings, progress: observer)) }
                    .start()
            }
            guard let result else { return nil }
            cache[cacheKey] = result.baseline
            outcomes.append(result.baseline.outcomes)
            seconds.append(result.baseline.wallSeconds)
        }
        return RunResult(Comparison.assemble([base, whatIf], settings: settings, outcomes: outcomes, seconds: seconds))
    }

    /// Writes the what-if as a small scenario file that extends the design's file and holds
    /// exactly the changes; returns its path and text.
    public func save(_ controls: WhatIfControls) throws(WhatIfControls.Problem) -> (path: String, text: String) {
        let (base, _, _) = try scenarios(controls)
        let overrides = try overrides(controls).map(\.text)
        let safe = String(base.name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        let name = "\(safe)-what-if-\(String(Self.hash(overrides.joined(separator: "\n")), radix: 16))"
        let folder = URL(fileURLWithPath: outputFolder).standardizedFileURL.path
        let path = folder + "/" + name + ".yaml"
        let text = Self.savedYAML(
            extending: OutputFolder.relativePath(from: folder, to: paths[controls.design]), name: name, overrides: overrides,
            replications: controls.replications, seed: seed)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let temporary = folder + "/." + name + ".partial"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)), rename(temporary, path) == 0 else {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            throw WhatIfControls.Problem(control: "save", message: "could not write \(path): \(error.localizedDescription)")
        }
        return (path, text)
    }

    /// The same HTML report `compare` writes, of the design against its what-if.
    public func report(_ controls: WhatIfControls) async throws(WhatIfControls.Problem) -> String? {
        guard try await run(controls) != nil else { return nil }
        let (base, whatIf, whatIfKey) = try scenarios(controls)
        guard let start = cache[key(controls, overrides: [])], let changed = cache[whatIfKey] else { return nil }
        let comparison = Comparison.assemble(
            [base, whatIf], settings: start.settings, outcomes: [start.outcomes, changed.outcomes],
            seconds: [start.wallSeconds, changed.wallSeconds])
        let manifest = RunManifest(comparison, version: version, commandLine: ["frontdoor", "serve"] + paths)
        return HTMLReport.render(comparison, manifest: manifest)
    }

    public func currentProgress() -> (done: Int, expected: Int) { progress.snapshot() }

    // MARK: - Implementation details

    func overrides(_ controls: WhatIfControls) throws(WhatIfControls.Problem) -> [(control: String, text: String)] {
        guard paths.indices.contains(controls.design) else {
            throw WhatIfControls.Problem(control: "design", message: "there is no design \(controls.design)")
        }
        guard (2...500).contains(controls.replications) else {
            throw WhatIfControls.Problem(control: "replications", message: "between 2 and 500 replications, not \(controls.replications)")
        }
        let base: Scenario
        do { base = try ScenarioDocument.load(path: paths[controls.design]).scenario() } catch {
            throw WhatIfControls.Problem(control: "design", message: error.description)
        }
        guard case .frontDoor(let design) = base.model else { throw WhatIfControls.Problem(control: "design", message: "not a front door") }
        return try controls.overrides(for: design.design, length: base.length)
    }

    /// The key a design's results are kept under: its file, the changes, the replications, the seed.
    func key(_ controls: WhatIfControls, overrides: [String]) -> String {
        ([paths[controls.design], String(controls.replications), String(seed)] + overrides).joined(separator: "\n")
    }

    /// The design as it is, with the changes, and the key its results are kept under.
    func scenarios(_ controls: WhatIfControls) throws(WhatIfControls.Problem) -> (Scenario, Scenario, String) {
        let overrides = try overrides(controls)
        let path = paths[controls.design]
        do {
            let document = try ScenarioDocument.load(path: path)
            var laid: [ScenarioOverride] = []
            for (control, text) in overrides {
                do { laid.append(try ScenarioOverride(text, option: "the control")) } catch {
                    throw WhatIfControls.Problem(control: control, message: error.message)
                }
            }
            let base = try document.scenario()
            let whatIf: Scenario
            do {
                whatIf = try document.applying(laid).scenario().renamed(base.name + " (what if)")
            } catch {
                let control = overrides.first { (error.key ?? "").hasPrefix($0.text.prefix { $0 != "=" }) }?.control ?? "scenario"
                throw WhatIfControls.Problem(control: control, message: error.message)
            }
            return (base, whatIf, key(controls, overrides: overrides.map(\.text)))
        } catch let problem as WhatIfControls.Problem {
            throw problem
        } catch {
            throw WhatIfControls.Problem(control: "design", message: "\(error)")
        }
    }

    /// FNV-1a, for a short stable file name.
    static func hash(_ text: String) -> UInt32 {
        text.utf8.reduce(2_166_136_261 as UInt32) { ($0 ^ UInt32($1)) &* 16_777_619 }
    }

    /// A scenario file that extends `base` with `overrides` (each `key.path=value`) as nested keys.
    static func savedYAML(extending base: String, name: String, overrides: [String], replications: Int, seed: UInt32) -> String {
        var file = ScenarioFileText(header: [
            "A what-if saved from `frontdoor serve`: the scenario it extends, with exactly these changes.",
            "Reproduce its figures with: frontdoor run <this file> --replications \(replications) --seed \(seed)"
        ])
        file.set("extends", to: base)
        file.set("scenario", to: name)
        for override in overrides {
            let parts = override.split(separator: "=", maxSplits: 1).map(String.init)
            file.set(parts[0], to: parts.count > 1 ? parts[1] : "''")
        }
        return file.text
    }
}

/// Replications done and expected of the latest run, and which run is the latest.
final class RunProgress: Sendable {
    private let state = Mutex((generation: 0, done: 0, expected: 0))

    /// A newer run starts: every earlier one is cancelled. Returns its generation.
    @discardableResult
    func supersede() -> Int {
        state.withLock { state in
            state = (state.generation + 1, 0, 0)
            return state.generation
        }
    }

    func isCurrent(_ generation: Int) -> Bool { state.withLock { $0.generation == generation } }
    func add(expected: Int, generation: Int) { state.withLock { if $0.generation == generation { $0.expected += expected } } }
    func advance(generation: Int) { state.withLock { if $0.generation == generation { $0.done += 1 } } }
    func snapshot() -> (done: Int, expected: Int) { state.withLock { ($0.done, $0.expected) } }
}

/// One run's view of the progress: cancelled once a newer run has started.
struct RunObserver: ProgressObserver {
    let progress: RunProgress
    let generation: Int
    func expect(_ count: Int) { progress.add(expected: count, generation: generation) }
    func advance() { progress.advance(generation: generation) }
    func finish() {}
    var isCancelled: Bool { !progress.isCurrent(generation) }
}

/// What the page's controls can change.
public struct Description: Codable, Sendable {
    public struct Team: Codable, Sendable {
        let id: String
        let role: String
        let people: Int
        /// Vacant posts, when the team gives a number of them (not a rate).
        let vacant: Int?
    }

    public struct PhoneLine: Codable, Sendable {
        let stage: String
        let team: String
        let weekdayHours: String
    }

    /// A source of contacts, with the share of its contacts of each rating and by each channel
    /// it uses: what a cut can be made to fall on.
    public struct Source: Codable, Sendable {
        let name: String
        let ratings: [String: Double]
        let channels: [String: Double]
    }

    public struct Design: Codable, Sendable {
        let name: String
        let file: String
        let teams: [Team]
        let sources: [Source]
        let phoneLines: [PhoneLine]
        let shocks: [String]
        let fatigue: Bool
    }

    /// The replications the page starts with.
    let replications: Int
    let designs: [Design]
}
