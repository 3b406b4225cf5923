// swift-tools-version: 6.0
// frontdoor — a discrete-event simulation and capacity-planning tool for the front door of
// children's social care. Licence: GPL-3.0-or-later.
import PackageDescription

// The simulation's own code is optimised in debug builds too, keeping every assertion and
// invariant check (`-assert-config Debug`), so that the test suite's long runs take minutes
// rather than tens of minutes; release builds are as they were.
let simulationSettings: [SwiftSetting] = [.unsafeFlags(["-O", "-assert-config", "Debug"], .when(configuration: .debug))]

let package = Package(
    name: "frontdoor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "frontdoor", targets: ["frontdoor"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2")
    ],
    targets: [
        // GNU GSL through pkg-config; the shim header has no stable API of its own.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev", "pkg-config"])]
        ),
        // The kernel: event list, run loop, entity pool, random streams and the seed plan,
        // distributions, statistics, weekly schedules. Knows nothing about children's social care.
        // Its entity pool and ring buffer keep their storage in swift-collections' noncopyable
        // `UniqueArray`, and its event list in storage it alone owns and frees, so that the event
        // loop never checks whether any of it is shared.
        .target(
            name: "SimulationEngine",
            dependencies: ["CGSL", .product(name: "BasicContainers", package: "swift-collections")],
            swiftSettings: simulationSettings
        ),
        // Open queueing networks (such as the reference workload) on the kernel's run loop.
        .target(
            name: "QueueingNetworkModel",
            dependencies: ["SimulationEngine", .product(name: "BasicContainers", package: "swift-collections")],
            swiftSettings: simulationSettings
        ),
        // The front-door model: the design and its preparation, its components, the measure
        // catalogue, staff costs.
        .target(
            name: "FrontDoorModel",
            dependencies: ["SimulationEngine", .product(name: "BasicContainers", package: "swift-collections")],
            swiftSettings: simulationSettings
        ),
        // What both models share: a scenario (a network or a front door, with its run length,
        // targets and published figures), one replication's outcome, and typed edits to a design.
        .target(
            name: "ScenarioModel", dependencies: ["SimulationEngine", "QueueingNetworkModel", "FrontDoorModel"],
            swiftSettings: simulationSettings),
        // Scenario files, read and written: YAML with file/line/key errors, `extends`, overrides
        // and assumptions, read section by section into a scenario; the files the what-if page
        // saves and calibration writes, built key by key.
        .target(
            name: "ScenarioFiles",
            dependencies: [
                "SimulationEngine", "QueueingNetworkModel", "FrontDoorModel", "ScenarioModel", .product(name: "Yams", package: "Yams")
            ]
        ),
        // Replications in parallel, confidence intervals.
        .target(
            name: "FrontDoorAnalysis", dependencies: ["SimulationEngine", "FrontDoorModel", "ScenarioModel"],
            swiftSettings: simulationSettings),
        // Tables, JSON, CSV and HTML for people and scripts.
        .target(
            name: "FrontDoorReports",
            dependencies: [
                "FrontDoorAnalysis", "FrontDoorModel", "ScenarioModel", "SimulationEngine",
                .product(name: "Crypto", package: "swift-crypto")
            ]),
        // Calibration from a council's own data: Annex A lists (and the safeguarding dataset's
        // contacts) read and demand estimated from them, and the demand file and data-quality
        // report written from them; synthetic extracts.
        .target(
            name: "Calibration",
            dependencies: [
                "FrontDoorModel", "FrontDoorReports", "ScenarioFiles", "SimulationEngine", .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams")
            ]),
        // The live what-if page: a local web server that re-runs a design as its controls move.
        .target(
            name: "WhatIf",
            dependencies: [
                "SimulationEngine", "FrontDoorModel", "ScenarioModel", "ScenarioFiles", "FrontDoorAnalysis", "FrontDoorReports",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio")
            ],
            resources: [.process("Resources")]),
        // The application: what a command does once its arguments are read — run the designs or
        // one shard of them, present the results, write the report.
        .target(name: "FrontDoorApp", dependencies: ["FrontDoorAnalysis", "FrontDoorModel", "FrontDoorReports", "ScenarioModel"]),
        // The thin command line: arguments parsed into calls of the application.
        .executableTarget(
            name: "frontdoor",
            dependencies: [
                "FrontDoorApp", "FrontDoorModel", "ScenarioModel", "ScenarioFiles", "FrontDoorAnalysis", "FrontDoorReports", "Calibration",
                "WhatIf",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),
        // Helpers shared by the test targets: the package root, running a program.
        .target(name: "FrontDoorTestSupport", dependencies: ["SimulationEngine", "FrontDoorModel"], path: "Tests/FrontDoorTestSupport"),
        .testTarget(name: "SimulationEngineTests", dependencies: ["SimulationEngine"]),
        .testTarget(name: "QueueingNetworkModelTests", dependencies: ["QueueingNetworkModel", "SimulationEngine", "FrontDoorTestSupport"]),
        .testTarget(
            name: "ScenarioFilesTests",
            dependencies: [
                "ScenarioFiles", "ScenarioModel", "FrontDoorModel", "QueueingNetworkModel", "SimulationEngine", "FrontDoorTestSupport"
            ]),
        .testTarget(
            name: "FrontDoorModelTests",
            dependencies: ["FrontDoorModel", "SimulationEngine", "FrontDoorTestSupport"]),
        // The sentences Reports writes about analysis results are checked beside those results.
        .testTarget(
            name: "FrontDoorAnalysisTests",
            dependencies: [
                "FrontDoorAnalysis", "FrontDoorModel", "ScenarioModel", "ScenarioFiles", "FrontDoorReports", "FrontDoorTestSupport"
            ]),
        .testTarget(
            name: "FrontDoorReportsTests",
            dependencies: [
                "FrontDoorReports", "FrontDoorAnalysis", "FrontDoorModel", "ScenarioModel", "ScenarioFiles", "FrontDoorTestSupport"
            ],
            exclude: ["Snapshots"]),
        .testTarget(
            name: "CalibrationTests",
            dependencies: [
                "Calibration", "FrontDoorReports", "FrontDoorModel", "ScenarioFiles", "FrontDoorTestSupport"
            ]),
        .testTarget(
            name: "WhatIfTests", dependencies: ["WhatIf", "ScenarioFiles", "FrontDoorModel", "FrontDoorAnalysis", "FrontDoorTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["frontdoor", "FrontDoorTestSupport"])
    ],
    swiftLanguageModes: [.v6]
)
