import Foundation
import OrderedCollections
import Testing
import ZoneLabModel
import ZoneLabSource
import ZoneLabTestSupport

/// The scenarios shipped in `scenarios/` load without errors.
@Suite struct BundledScenarioTests {
    static let folder = RepositoryRoot.scenarios

    static var files: [String] { RepositoryRoot.bundledScenarios.map { URL(fileURLWithPath: $0).lastPathComponent } }

    @Test func thereAreBundledScenarios() {
        #expect(Self.files.count >= 2, "found \(Self.files) in \(Self.folder.path)")
        #expect(Self.files.contains("riverside-water.yaml"))
    }

    @Test(arguments: files)
    func bundledScenarioLoads(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioLoader.load(path: path)
        } catch {
            Issue.record("\(name) does not load:\n\(error.description)")
            return
        }
        #expect(!loaded.scenario.targets.isEmpty)
        #expect(!loaded.scenario.zones.isEmpty)
        #expect(loaded.sha256.count == 64)
        #expect(loaded.warnings.isEmpty, "\(listing(loaded.warnings))")
        let resolved = loaded.scenario.resolvedAttackers(calibration: loaded.scenario.calibration())
        #expect(!resolved.isEmpty && resolved.allSatisfy { !$0.entry.isEmpty && $0.horizonHours > 0 })
    }
}
