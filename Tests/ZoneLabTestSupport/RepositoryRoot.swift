import Foundation

/// The package's root folder and the files the tests read from it (the bundled scenarios).
public enum RepositoryRoot {
    /// The root, found from this file's path (Tests/ZoneLabTestSupport/RepositoryRoot.swift).
    public static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The root's path.
    public static var path: String { url.path }

    /// A file or folder below the root, e.g. `"scenarios/patches"`.
    public static func url(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// The folder of the bundled scenarios.
    public static var scenarios: URL { url("scenarios") }

    /// The path of the bundled scenario `scenarios/NAME.yaml`.
    public static func scenario(_ name: String) -> String {
        scenarios.appendingPathComponent("\(name).yaml").path
    }

    /// The four sample plants bundled in `scenarios/`.
    public static let sampleNames = ["riverside-water", "discrete-manufacturing", "pharma-batch", "substation"]

    /// Every `.yaml` file directly in `scenarios/`, sorted by name.
    public static var bundledScenarios: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
            .map { scenarios.appendingPathComponent($0).path }
    }
}
