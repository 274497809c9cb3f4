// swift-tools-version:6.1
import PackageDescription

let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "IoTLab",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "iotlab", targets: ["iotlab"]),
        .executable(name: "iotlab-bench", targets: ["IoTLabBenchmarks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Values and time: the bottom layer, no I/O.
        .target(
            name: "JSONValue",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")],
            swiftSettings: swift6),
        .target(name: "LabCore", swiftSettings: swift6),

        // Security and the query language.
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),
        .target(name: "IoTSecurity", dependencies: ["COpenSSL"], swiftSettings: swift6),
        .target(name: "IoTQuery", dependencies: ["JSONValue", "LabCore"], swiftSettings: swift6),
        .target(name: "AvroEncoding", dependencies: ["JSONValue"], swiftSettings: swift6),

        // Durable state.
        .target(
            name: "WorkspaceStore",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swift6),

        // Engines and the local subscription.
        .target(
            name: "HubEngine",
            dependencies: ["JSONValue", "LabCore", "IoTQuery", "IoTSecurity", "WorkspaceStore", "AvroEncoding"],
            swiftSettings: swift6),
        .target(
            name: "DeviceSimulation",
            dependencies: ["HubEngine", "IoTQuery", "JSONValue", "LabCore"],
            swiftSettings: swift6),
        // The Device Provisioning Service: enrollments, attestation, allocation; no I/O.
        .target(
            name: "ProvisioningEngine",
            dependencies: ["JSONValue", "LabCore", "IoTSecurity"],
            swiftSettings: swift6),
        .target(
            name: "LocalCloud",
            dependencies: ["JSONValue", "LabCore", "IoTSecurity", "WorkspaceStore", "HubEngine", "ProvisioningEngine"],
            swiftSettings: swift6),

        // Front doors.
        .target(
            name: "AzConsole",
            dependencies: ["JSONValue", "LabCore", "LocalCloud", "HubEngine", "IoTSecurity", "DeviceSimulation", "ProvisioningEngine"],
            swiftSettings: swift6),
        .target(
            name: "ControlSocket",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swift6),

        // Wire protocols: MQTT 3.1.1 (plain, TLS, WebSockets) and HTTPS REST for devices and services.
        .target(
            name: "MQTTCodec",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: swift6),
        .target(
            name: "WireProtocols",
            dependencies: [
                "MQTTCodec", "JSONValue", "LabCore", "IoTSecurity", "HubEngine", "LocalCloud", "ProvisioningEngine",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swift6),

        // A load generator for any MQTT broker (`iotlab bench mqtt`).
        .target(
            name: "MQTTLoad",
            dependencies: [
                "MQTTCodec", "JSONValue",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swift6),

        // Labs as data (Labs/): definitions, checks graded against the hub's state, progress.
        .target(
            name: "Courseware",
            dependencies: [
                "JSONValue", "LabCore", "WorkspaceStore", "HubEngine", "LocalCloud", "AzConsole", "DeviceSimulation",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swift6),

        // The terminal toolkit: ncurses (wide-character) behind widgets drawn on an in-memory screen.
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        .target(name: "TerminalUI", dependencies: ["CNCurses", "JSONValue", "LabCore"], swiftSettings: swift6),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "CNCurses", "JSONValue", "LabCore"], swiftSettings: swift6),

        // The application and its thin executable.
        .target(
            name: "IoTLabApp",
            dependencies: [
                "JSONValue", "LabCore", "WorkspaceStore", "HubEngine", "LocalCloud", "AzConsole", "ControlSocket",
                "DeviceSimulation", "WireProtocols", "MQTTLoad", "IoTSecurity", "Courseware", "ProvisioningEngine",
            ],
            swiftSettings: swift6),
        // The workbench: the full-screen lab runner `iotlab` opens with no arguments.
        .target(
            name: "Workbench",
            dependencies: [
                "TerminalUI", "Courseware", "IoTLabApp", "AzConsole", "LabCore", "WorkspaceStore", "WireProtocols", "HubEngine",
                "LocalCloud",
            ],
            swiftSettings: swift6),
        .testTarget(
            name: "WorkbenchTests",
            dependencies: ["Workbench", "TerminalUI", "Courseware", "IoTLabApp", "AzConsole", "LabCore", "WorkspaceStore"],
            swiftSettings: swift6),
        .executableTarget(
            name: "iotlab",
            dependencies: [
                "IoTLabApp", "AzConsole", "WorkspaceStore", "LabCore", "WireProtocols", "IoTSecurity", "Courseware", "Workbench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swift6),
        .executableTarget(
            name: "IoTLabBenchmarks",
            dependencies: ["HubEngine", "WorkspaceStore", "LabCore", "JSONValue", "LocalCloud", "ProvisioningEngine", "IoTSecurity"],
            path: "Benchmarks/IoTLabBenchmarks",
            swiftSettings: swift6),

        // Running the real clients tests check iotlab against, without blocking the cooperative pool.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swift6),
        .testTarget(name: "JSONValueTests", dependencies: ["JSONValue"], swiftSettings: swift6),
        .testTarget(name: "LabCoreTests", dependencies: ["LabCore"], swiftSettings: swift6),
        .testTarget(name: "IoTSecurityTests", dependencies: ["IoTSecurity"], swiftSettings: swift6),
        .testTarget(name: "IoTQueryTests", dependencies: ["IoTQuery", "JSONValue"], swiftSettings: swift6),
        .testTarget(name: "AvroEncodingTests", dependencies: ["AvroEncoding", "JSONValue", "TestSupport"], swiftSettings: swift6),
        .testTarget(
            name: "ControlSocketTests",
            dependencies: [
                "ControlSocket",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swift6),
        .testTarget(
            name: "WorkspaceStoreTests",
            dependencies: ["WorkspaceStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swift6),
        .testTarget(
            name: "HubEngineTests",
            dependencies: ["HubEngine", "JSONValue", "LabCore", "WorkspaceStore", "IoTSecurity", "TestSupport"],
            swiftSettings: swift6),
        .testTarget(
            name: "DeviceSimulationTests",
            dependencies: ["DeviceSimulation", "HubEngine", "JSONValue", "LabCore", "WorkspaceStore"],
            swiftSettings: swift6),
        .testTarget(
            name: "ProvisioningEngineTests",
            dependencies: ["ProvisioningEngine", "JSONValue", "LabCore", "IoTSecurity"],
            swiftSettings: swift6),
        .testTarget(
            name: "LocalCloudTests",
            dependencies: ["LocalCloud", "HubEngine", "JSONValue", "LabCore", "WorkspaceStore", "IoTSecurity", "ProvisioningEngine", "TestSupport"],
            swiftSettings: swift6),
        .testTarget(
            name: "AzConsoleTests",
            dependencies: ["AzConsole", "LocalCloud", "JSONValue", "LabCore", "WorkspaceStore", "IoTSecurity", "ProvisioningEngine"],
            swiftSettings: swift6),
        .testTarget(
            name: "MQTTCodecTests",
            dependencies: ["MQTTCodec", .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: swift6),
        .testTarget(
            name: "WireProtocolsTests",
            dependencies: [
                "WireProtocols", "MQTTCodec", "MQTTLoad", "LocalCloud", "HubEngine", "JSONValue", "LabCore", "WorkspaceStore",
                "IoTSecurity", "TestSupport", "ProvisioningEngine",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ],
            swiftSettings: swift6),
        .testTarget(
            name: "CoursewareTests",
            dependencies: ["Courseware", "LocalCloud", "HubEngine", "AzConsole", "DeviceSimulation", "JSONValue", "LabCore", "WorkspaceStore"],
            swiftSettings: swift6),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["JSONValue", "IoTSecurity", "TestSupport"],
            swiftSettings: swift6),
    ]
)
