// swift-tools-version: 6.1
// The benchmark suite (package-benchmark). Its own package, so the root's `swift build` and
// `swift test` never compile the benchmark machinery. Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "ZoneLabBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "ZoneLab", path: "../"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ZoneLabBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ZoneLabEngine", package: "ZoneLab"),
                .product(name: "ZoneLabModel", package: "ZoneLab"),
                .product(name: "ZoneLabIEC62443", package: "ZoneLab"),
                .product(name: "ZoneLabGenerator", package: "ZoneLab"),
                .product(name: "ZoneLabRender", package: "ZoneLab"),
                .product(name: "ZoneLabReport", package: "ZoneLab"),
            ],
            path: "Benchmarks/ZoneLabBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "EngineProbe",
            dependencies: [
                .product(name: "ZoneLabRender", package: "ZoneLab"),
                .product(name: "Numerics", package: "swift-numerics"),
                .product(name: "ZoneLabEngine", package: "ZoneLab"),
                .product(name: "ZoneLabModel", package: "ZoneLab"),
                .product(name: "ZoneLabIEC62443", package: "ZoneLab"),
                .product(name: "ZoneLabGenerator", package: "ZoneLab"),
                .product(name: "ZoneLabSource", package: "ZoneLab"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
