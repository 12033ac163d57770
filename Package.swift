// swift-tools-version: 6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ZoneLab",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "zonelab", targets: ["zonelab"]),
        .library(name: "ZoneLabSource", targets: ["ZoneLabSource"]),
        .library(name: "ZoneLabModel", targets: ["ZoneLabModel"]),
        .library(name: "ZoneLabEngine", targets: ["ZoneLabEngine"]),
        .library(name: "ZoneLabIEC62443", targets: ["ZoneLabIEC62443"]),
        .library(name: "ZoneLabGenerator", targets: ["ZoneLabGenerator"]),
        .library(name: "ZoneLabRender", targets: ["ZoneLabRender"]),
        .library(name: "ZoneLabReport", targets: ["ZoneLabReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        // Source files, positions and diagnostics; a position-keeping YAML/JSON document tree.
        .target(
            name: "ZoneLabSource",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            swiftSettings: upcoming
        ),
        // The plant model (zones, assets, conduits, SL vectors, calibration) and its loader.
        .target(
            name: "ZoneLabModel",
            dependencies: [
                "ZoneLabSource",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcoming
        ),
        // The generic Monte Carlo engine over attack graphs; knows nothing of IEC 62443.
        .target(
            name: "ZoneLabEngine",
            dependencies: ["ZoneLabSource"],
            swiftSettings: upcoming
        ),
        // IEC 62443 semantics: compile plants into attack graphs, calibration, analyses.
        .target(
            name: "ZoneLabIEC62443",
            dependencies: [
                "ZoneLabModel", "ZoneLabEngine", "ZoneLabSource",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcoming
        ),
        // Synthetic multi-site plants for scale tests and benchmarks.
        .target(
            name: "ZoneLabGenerator",
            dependencies: [
                "ZoneLabModel", "ZoneLabSource",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcoming
        ),
        // Graphviz's C library (Debian: libgraphviz-dev), linked in-process.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // Pictures: DOT built in Swift, laid out and rendered by libgvc.
        .target(
            name: "ZoneLabRender",
            dependencies: [
                "CGraphviz", "ZoneLabModel", "ZoneLabIEC62443", "ZoneLabEngine", "ZoneLabSource",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcoming
        ),
        // The management report: one self-contained HTML page (Plot) with inline SVG.
        .target(
            name: "ZoneLabReport",
            dependencies: [
                "ZoneLabIEC62443", "ZoneLabRender", "ZoneLabModel", "ZoneLabEngine", "ZoneLabSource",
                .product(name: "Plot", package: "Plot"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcoming
        ),
        // The command-line interface (a library so tests can drive it without a subprocess).
        .target(
            name: "ZoneLabCLI",
            dependencies: [
                "ZoneLabModel", "ZoneLabEngine", "ZoneLabIEC62443", "ZoneLabRender", "ZoneLabGenerator",
                "ZoneLabReport", "ZoneLabSource",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(name: "zonelab", dependencies: ["ZoneLabCLI"], swiftSettings: upcoming),

        // Helpers shared by the test targets: temporary files and the repository's root.
        .target(name: "ZoneLabTestSupport", path: "Tests/ZoneLabTestSupport", swiftSettings: upcoming),

        .testTarget(
            name: "ZoneLabSourceTests", dependencies: ["ZoneLabSource", "ZoneLabTestSupport"], swiftSettings: upcoming),
        .testTarget(
            name: "ZoneLabModelTests",
            dependencies: [
                "ZoneLabModel", "ZoneLabSource", "ZoneLabTestSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcoming),
        .testTarget(
            name: "ZoneLabEngineTests", dependencies: ["ZoneLabEngine", "ZoneLabSource", "ZoneLabTestSupport"],
            swiftSettings: upcoming),
        .testTarget(
            name: "ZoneLabIEC62443Tests",
            dependencies: [
                "ZoneLabIEC62443", "ZoneLabEngine", "ZoneLabModel", "ZoneLabSource", "ZoneLabTestSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcoming),
        .testTarget(
            name: "ZoneLabGeneratorTests",
            dependencies: [
                "ZoneLabGenerator", "ZoneLabModel", .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcoming),
        .testTarget(
            name: "ZoneLabRenderTests",
            dependencies: [
                "ZoneLabRender", "ZoneLabIEC62443", "ZoneLabModel", "ZoneLabSource", "ZoneLabGenerator",
                "ZoneLabTestSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcoming),
        .testTarget(
            name: "ZoneLabCLITests",
            dependencies: [
                "ZoneLabCLI", "ZoneLabModel", "ZoneLabTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcoming),
        .testTarget(
            name: "ZoneLabReportTests",
            dependencies: [
                "ZoneLabReport", "ZoneLabIEC62443", "ZoneLabModel", "ZoneLabEngine", "ZoneLabRender",
                "ZoneLabGenerator",
                "ZoneLabTestSupport",
            ],
            swiftSettings: upcoming),
    ],
    swiftLanguageModes: [.v6]
)
