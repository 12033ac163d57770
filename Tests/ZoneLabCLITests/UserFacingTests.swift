import ArgumentParser
import Foundation
import Testing
import ZoneLabModel
import ZoneLabTestSupport

@testable import ZoneLabCLI

/// What a user sees (issue 11): outputs that cannot be written, inputs that cannot be read,
/// refused option values, help text, tables.
@Suite struct UserFacingTests {
    static var scenario: String { ProcessTests.scenario }

    /// Exactly one line `zonelab: cannot write PATH: …`, exit 73, no Foundation dump.
    static func expectCannotWrite(_ result: ProcessTests.Result, _ path: String, reason: String? = nil) {
        #expect(result.status == 73, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.hasPrefix("zonelab: cannot write \(path): ") == true, "\(result.stderr)")
        if let reason { #expect(result.stderr.contains(reason), "\(result.stderr)") }
        for dump in ["Error Domain", "NSCocoaErrorDomain", "NSUnderlyingError", "Foundation", "UserInfo", "Error:"] {
            #expect(!result.stderr.contains(dump), "\(result.stderr)")
        }
    }

    @Test func simulateJSONIntoAMissingFolderExits73() throws {
        let r = try ProcessTests.run(["simulate", Self.scenario, "--trials", "20", "--json", "/nonexistent-dir/x.json"])
        Self.expectCannotWrite(r, "/nonexistent-dir/x.json", reason: "no such directory")
    }

    @Test func everyOutputOptionExits73WithOneLine() throws {
        let dir = try TemporaryFiles("process").folder
        let file = dir.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let under = file.appendingPathComponent("x.out").path  // a path below a regular file
        let cases: [[String]] = [
            ["render", Self.scenario, "-o", "/missing/x.svg"],
            ["requirements", Self.scenario, "--csv", "/missing/x.csv"],
            ["compile", Self.scenario, "-o", under],
            ["generate", "--sites", "1", "-o", "/missing/x.yaml"],
            ["target-sl", Self.scenario, "--trials", "10", "--json", "/missing/t.json"],
            ["whatif", Self.scenario, Self.scenario, "--trials", "10", "--json", "/missing/w.json"],
            ["report", Self.scenario, "--trials", "10", "--out", "/proc/x"],
        ]
        for arguments in cases {
            let path = arguments[arguments.count - 1]
            Self.expectCannotWrite(try ProcessTests.run(arguments), path)
        }
        #expect(!FileManager.default.fileExists(atPath: "/proc/x"))
    }

    /// Several outputs: all or none.
    @Test func requirementsWritesNeitherOutputWhenOneCannotBeWritten() throws {
        let dir = try TemporaryFiles("process").folder
        let json = dir.appendingPathComponent("r.json").path
        let r = try ProcessTests.run(["requirements", Self.scenario, "--json", json, "--csv", dir.path])
        Self.expectCannotWrite(r, dir.path, reason: "it is a directory")
        #expect(!FileManager.default.fileExists(atPath: json))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func unreadableInputsExit66AndBadContentExits65() throws {
        let missing = try ProcessTests.run(["validate", "/no/such.yaml"])
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.hasPrefix("/no/such.yaml:1:1: error: no such file"))
        let folder = try ProcessTests.run(["simulate", NSTemporaryDirectory()])
        #expect(folder.status == 66, "\(folder.stderr)")
        let dir = try TemporaryFiles("process").folder
        let bad = dir.appendingPathComponent("bad.yaml")
        try Data("zonelab: 1\nname: [\n".utf8).write(to: bad)
        #expect(try ProcessTests.run(["validate", bad.path]).status == 65)
        #expect(try ProcessTests.run(["merge", "/no/shard.json"]).status == 66)
    }

    @Test(arguments: [
        (["--trials", "-5"], "the number of trials must be at least 1"),
        (["--trials", "abc"], "the number of trials is a whole number"),
        (["--horizon", "0"], "a horizon must be longer than 0"),
        (["--horizon", "abc"], "a duration is a number of hours"),
        (["--seed", "-1"], "a seed is not negative"),
        (["--threads", "0"], "the number of threads must be at least 1"),
    ])
    func refusedValuesSayWhy(_ option: [String], _ reason: String) throws {
        let r = try ProcessTests.run(["simulate", Self.scenario] + option)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(reason), "\(r.stderr)")
    }

    @Test func unknownAttackerListsTheAttackersAndIsAUsageError() throws {
        let scenario = try ProcessTests.run(["simulate", Self.scenario, "--attacker", "NOPE", "--trials", "10"])
        #expect(scenario.status == 64)
        #expect(scenario.stderr.contains("SL1, SL2, SL3, SL4"), "\(scenario.stderr)")
        let dir = try TemporaryFiles("process").folder
        let graph = dir.appendingPathComponent("g.json").path
        #expect(try ProcessTests.run(["compile", Self.scenario, "--attacker", "SL2", "-o", graph]).status == 0)
        let fromGraph = try ProcessTests.run(["simulate", graph, "--attacker", "NOPE", "--trials", "10"])
        #expect(fromGraph.status == 64)
        #expect(fromGraph.stderr.contains("'graph'"), "\(fromGraph.stderr)")
    }

    // MARK: Help text

    static let commands: [any ParsableCommand.Type] = [ZoneLabCommand.self] + ZoneLabCommand.configuration.subcommands

    /// The example commands of a discussion: its lines that start with `zonelab` or `cd`.
    static func examples(_ command: any ParsableCommand.Type) -> [String] {
        command.configuration.discussion.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("zonelab ") || $0 == "zonelab" || $0.hasPrefix("cd ") }
    }

    /// Prose is one line per paragraph, so ArgumentParser wraps it once ("95% Wilson interval").
    @Test func discussionParagraphsAreSingleLines() {
        for command in Self.commands {
            for paragraph in command.configuration.discussion.components(separatedBy: "\n\n")
            where !paragraph.hasPrefix("Examples:") {
                #expect(!paragraph.contains("\n"), "\(command._commandName): \(paragraph)")
            }
        }
        let help = ZoneLabCommand.helpMessage(for: Simulate.self, columns: 120)
        #expect(help.contains("95% Wilson interval"))
    }

    /// Each example stays one pasteable line at 80 and 120 columns.
    @Test(arguments: [80, 100, 120])
    func examplesAreOneLineEach(columns: Int) {
        for command in Self.commands {
            let examples = Self.examples(command)
            #expect(!examples.isEmpty, "\(command._commandName) has no examples")
            let help =
                command == ZoneLabCommand.self
                ? ZoneLabCommand.helpMessage(columns: columns)
                : ZoneLabCommand.helpMessage(for: command, columns: columns)
            let lines = Set(help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            for example in examples {
                #expect(lines.contains(example), "\(command._commandName) at \(columns) columns: \(example)")
            }
        }
    }

    // MARK: Tables and wording

    @Test func tablesWrapWideCellsToFit120Columns() {
        var table = TextTable(["zone", "name", "gap"])
        table.append([
            "a-filtration", String(repeating: "intake and filtration control ", count: 6),
            "IAC 2, UC 2, SI 2, DC 3, RDF 1, TRE 2, RA 1",
        ])
        table.append(["b", "short", "none"])
        let lines = table.render().split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 120 }, "\(lines.map(\.count))")
        #expect(lines.count > 4)
        #expect(table.render().contains("intake and filtration control"))
    }

    @Test func showFitsIn120Columns() throws {
        let scenario = RepositoryRoot.scenario("riverside-water")
        let loaded = try loadScenario(scenario)
        let text = PlantSummary(loaded.scenario).render()
        let tableLines = text.split(separator: "\n").filter { $0.hasPrefix("  ") }
        #expect(!tableLines.isEmpty)
        for line in tableLines { #expect(line.count <= 120, "\(line)") }
    }

    @Test func simulateTableShowsTheCountBehindTheTTCPercentiles() throws {
        let output = Pipe()
        let run = Process()
        run.executableURL = ProcessTests.binary
        run.arguments = ["simulate", Self.scenario, "--trials", "200", "--attacker", "SL3", "--no-hardening"]
        run.standardOutput = output
        run.standardError = FileHandle.nullDevice
        try run.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
        #expect(text.contains("TTC n"), "\(text.prefix(600))")
    }

    @Test func countsAgreeWithTheirNouns() {
        #expect(counted(1, "target") == "1 target")
        #expect(counted(2, "target") == "2 targets")
        #expect(counted(0, "zone") == "0 zones")
    }

    @Test func noInternalDocumentIsNamedInUserText() throws {
        let sources = RepositoryRoot.url.appendingPathComponent("Sources")
        let files =
            FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter {
                $0.hasSuffix(".swift")
            } ?? []
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            // Code and string text, not comments: "SPEC" there is user-visible.
            for line in text.split(separator: "\n") {
                let code = line.components(separatedBy: "//").first ?? ""
                #expect(!code.contains("SPEC"), "\(file): \(line)")
            }
        }
    }

    @Test func bootstrapInstallsChromiumAndTheReadmeSaysSo() throws {
        let bootstrap = try String(
            contentsOf: RepositoryRoot.url.appendingPathComponent("scripts/bootstrap"), encoding: .utf8)
        #expect(bootstrap.contains("command -v chromium"))
        #expect(bootstrap.contains("pkg-config"))
        let readme = try String(contentsOf: RepositoryRoot.url.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("./scripts/bootstrap && swift run zonelab demo"))
        #expect(readme.contains("Chromium"))
    }
}
