import ArgumentParser
import Foundation
import Testing
@testable import ZoneLabCLI

/// `zonelab validate` and `zonelab show`, run in-process.
@Suite struct ValidateCommandTests {
    static let valid = """
        zonelab: 1
        name: CLI Test
        entry: [internet]
        zones:
          - id: internet
          - id: control
        assets:
          - {id: plc1, zone: control, critical: true}
        conduits:
          - {id: c1, zones: [internet, control]}

        """

    /// A file in a fresh temporary folder, removed by `cleanUp`.
    struct TemporaryFiles {
        let folder: URL

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("zonelab-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        func write(_ name: String, _ data: Data) throws -> String {
            let url = folder.appendingPathComponent(name)
            try data.write(to: url)
            return url.path
        }

        func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }

        func cleanUp() { try? FileManager.default.removeItem(at: folder) }
    }

    static var bundled: [String] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// Parses `arguments` as the command line and runs the command.
    func run(_ arguments: [String]) throws {
        var command = try ZoneLabCommand.parseAsRoot(arguments)
        try command.run()
    }

    @Test func parsesFiles() throws {
        let command = try ZoneLabCommand.parseAsRoot(["validate", "a.yaml", "b.yaml"])
        let validate = try #require(command as? Validate)
        #expect(validate.files == ["a.yaml", "b.yaml"])
    }

    @Test func validFileSucceeds() throws {
        let files = try TemporaryFiles()
        defer { files.cleanUp() }
        try run(["validate", try files.write("plant.yaml", Self.valid)])
    }

    @Test func bundledScenariosValidate() throws {
        #expect(Self.bundled.count >= 2)
        try run(["validate"] + Self.bundled)
    }

    @Test(arguments: [
        ("wrong version", Data(Self.valid.replacingOccurrences(of: "zonelab: 1", with: "zonelab: 2").utf8)),
        ("dangling zone", Data(Self.valid.replacingOccurrences(of: "zone: control", with: "zone: ctrl").utf8)),
        ("empty", Data()),
        ("binary", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        ("syntax", Data("zonelab: 1\nname: [\n".utf8)),
        ("duplicate key", Data((Self.valid + "name: Again\n").utf8)),
    ])
    func badFileExits65(_ label: String, _ data: Data) throws {
        let files = try TemporaryFiles()
        defer { files.cleanUp() }
        let path = try files.write("bad.yaml", data)
        #expect(throws: ExitCode(65), "\(label)") { try run(["validate", path]) }
    }

    @Test func oneBadFileAmongGoodOnesExits65() throws {
        let files = try TemporaryFiles()
        defer { files.cleanUp() }
        let good = try files.write("good.yaml", Self.valid)
        let bad = try files.write("bad.yaml", "zonelab: 1\n")
        #expect(throws: ExitCode(65)) { try run(["validate", good, bad, good]) }
    }

    /// A file that cannot be read is not bad content: exit 66 (SPEC 6).
    @Test func missingFileExits66() {
        #expect(throws: ExitCode(66)) { try run(["validate", "/nonexistent/zonelab/plant.yaml"]) }
    }

    @Test func warningsDoNotFailValidation() throws {
        let files = try TemporaryFiles()
        defer { files.cleanUp() }
        let path = try files.write("warn.yaml", Self.valid + "calibration:\n  gap:\n    -1: {p: 0.9}\n")
        try run(["validate", path])
    }

    @Test func validateNeedsAFile() {
        #expect {
            _ = try ZoneLabCommand.parseAsRoot(["validate"])
        } throws: { error in
            ZoneLabCommand.exitCode(for: error) == ExitCode(64)
                && ZoneLabCommand.message(for: error).contains("Missing expected argument '<files> ...'")
        }
    }

    @Test func showPrintsAValidFileAndRejectsABadOne() throws {
        let files = try TemporaryFiles()
        defer { files.cleanUp() }
        try run(["show", try files.write("plant.yaml", Self.valid)])
        let bad = try files.write("bad.yaml", Self.valid.replacingOccurrences(of: "critical: true", with: "critical: yes"))
        #expect(throws: ExitCode(65)) { try run(["show", bad]) }
    }

    @Test func badInputExitCodeIs65() {
        #expect(ZoneLabCommand.exitCode(for: ExitCode(65)) == ExitCode(65))
        #expect(ExitStatus.badInput == ExitCode(65))
    }
}
