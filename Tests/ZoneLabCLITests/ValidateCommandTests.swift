import ArgumentParser
import Foundation
import Testing
import ZoneLabTestSupport

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

    static var bundled: [String] { RepositoryRoot.bundledScenarios }

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

    /// A valid file: one line `FILE: ok — …` with the plant's counts, nothing on standard error.
    @Test func validFileSucceeds() throws {
        let files = try TemporaryFiles("cli")
        defer { files.cleanUp() }
        let path = try files.write("plant.yaml", Self.valid)
        try run(["validate", path])
        let r = try ProcessTests.run(["validate", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(path): ok — 2 zones, 1 asset, 1 conduit, 1 target\n", "\(r.stdout)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    /// Every bundled scenario gets its own `ok` line, in the order given.
    @Test func bundledScenariosValidate() throws {
        #expect(Self.bundled.count >= 2)
        try run(["validate"] + Self.bundled)
        let r = try ProcessTests.run(["validate"] + Self.bundled)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == Self.bundled.count, "\(r.stdout)")
        for (line, file) in zip(lines, Self.bundled) {
            #expect(line.hasPrefix("\(file): ok — "), "\(line)")
        }
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
        let files = try TemporaryFiles("cli")
        defer { files.cleanUp() }
        let path = try files.write("bad.yaml", data)
        #expect(throws: ExitCode(65), "\(label)") { try run(["validate", path]) }
    }

    /// The good files are still reported; the bad one's errors go to standard error; exit 65.
    @Test func oneBadFileAmongGoodOnesExits65() throws {
        let files = try TemporaryFiles("cli")
        defer { files.cleanUp() }
        let good = try files.write("good.yaml", Self.valid)
        let bad = try files.write("bad.yaml", "zonelab: 1\n")
        #expect(throws: ExitCode(65)) { try run(["validate", good, bad, good]) }
        let r = try ProcessTests.run(["validate", good, bad, good])
        #expect(r.status == 65)
        #expect(r.stdout.split(separator: "\n").filter { $0.hasPrefix("\(good): ok") }.count == 2, "\(r.stdout)")
        #expect(!r.stdout.contains(bad), "\(r.stdout)")
        #expect(r.stderr.hasPrefix("\(bad):"), "\(r.stderr)")
        #expect(r.stderr.contains(": error: "), "\(r.stderr)")
    }

    /// A file that cannot be read is not bad content: exit 66.
    @Test func missingFileExits66() {
        #expect(throws: ExitCode(66)) { try run(["validate", "/nonexistent/zonelab/plant.yaml"]) }
    }

    /// A warning is printed on standard error at its position, and the file is still ok (exit 0).
    @Test func warningsDoNotFailValidation() throws {
        let files = try TemporaryFiles("cli")
        defer { files.cleanUp() }
        let path = try files.write("warn.yaml", Self.valid + "calibration:\n  gap:\n    -1: {p: 0.9}\n")
        try run(["validate", path])
        let r = try ProcessTests.run(["validate", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("\(path): ok — "), "\(r.stdout)")
        // The gap key `-1` is on line 13, column 5 of the file.
        #expect(r.stderr.hasPrefix("\(path):13:5: warning: the calibration is not monotone"), "\(r.stderr)")
        #expect(!r.stderr.contains(": error: "), "\(r.stderr)")
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
        let files = try TemporaryFiles("cli")
        defer { files.cleanUp() }
        let good = try files.write("plant.yaml", Self.valid)
        try run(["show", good])
        let shown = try ProcessTests.run(["show", good])
        #expect(shown.status == 0, "\(shown.stderr)")
        for word in ["CLI Test", "internet", "control", "plc1", "c1"] {
            #expect(shown.stdout.contains(word), "\(word) missing from:\n\(shown.stdout)")
        }
        let bad = try files.write(
            "bad.yaml", Self.valid.replacingOccurrences(of: "critical: true", with: "critical: yes"))
        #expect(throws: ExitCode(65)) { try run(["show", bad]) }
        let refused = try ProcessTests.run(["show", bad])
        #expect(refused.status == 65)
        #expect(refused.stdout.isEmpty, "\(refused.stdout)")
        // `critical: yes` is on line 8.
        #expect(refused.stderr.hasPrefix("\(bad):8:"), "\(refused.stderr)")
    }

    /// Bad content goes through the real path: the command throws, and ArgumentParser maps what
    /// it threw to exit code 65 with no message of its own (the diagnostics are already printed).
    @Test func badInputExitCodeIs65() throws {
        let files = try TemporaryFiles("cli")
        defer { files.cleanUp() }
        let bad = try files.write("bad.yaml", Self.valid.replacingOccurrences(of: "zone: control", with: "zone: ctrl"))
        var command = try ZoneLabCommand.parseAsRoot(["validate", bad])
        let error = #expect(throws: (any Error).self) { try command.run() }
        let thrown = try #require(error)
        #expect(ZoneLabCommand.exitCode(for: thrown) == ExitCode(65))
        #expect(ZoneLabCommand.exitCode(for: thrown).rawValue == 65)
        #expect(ZoneLabCommand.message(for: thrown).isEmpty)
        let r = try ProcessTests.run(["validate", bad])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(bad):"), "\(r.stderr)")
        #expect(r.stderr.contains("ctrl"), "\(r.stderr)")
    }
}
