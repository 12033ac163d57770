import Foundation
import Testing
import ZoneLabSource
import ZoneLabTestSupport

/// Syntax errors that come from a tab or from a value that needs quotes say so (issue 11).
@Suite struct QuotingHintTests {
    @Test func aTabUsedForIndentationIsNamed() {
        let errors = parseErrors("zonelab: 1\nzones:\n\t- id: a\n")
        #expect(errors.count == 1)
        #expect(
            errors.first?.message.contains("tabs are not allowed in YAML indentation") == true, "\(describe(errors))")
        #expect(errors.first?.location.line == 3)
    }

    @Test func aColonInsideAPlainValueGetsAQuotingHint() {
        let errors = parseErrors("zones:\n  - id: a\n    name: Tank: North\n")
        #expect(errors.first?.message.contains("quote the value") == true, "\(describe(errors))")
    }

    @Test func aHashInsideAFlowMappingGetsAQuotingHint() {
        let errors = parseErrors("zones:\n  - {id: a, name: Tank #1}\n")
        #expect(errors.first?.message.contains("quote a value with '#'") == true, "\(describe(errors))")
    }

    @Test func aCommaInsideAFlowMappingGetsAQuotingHint() throws {
        let root = try parse("{id: a, name: Tank 1, North}")
        var diagnostics = Diagnostics(file: "doc.yaml")
        _ = diagnostics.fields(of: root, "zone 'a'", allowed: ["id", "name"])
        let message = diagnostics.errors.first?.message ?? ""
        #expect(message.contains("unknown key 'North'"), "\(message)")
        #expect(message.contains("a comma inside {…} ends the value: quote it (name: \"Tank 1, North\")"), "\(message)")
    }

    @Test func anUnreadableFileIsMarkedSo() {
        #expect(throws: DiagnosticError.self) { try DocumentParser.read(contentsOf: "/no/such/file.yaml") }
        do {
            _ = try DocumentParser.read(contentsOf: "/no/such/file.yaml")
        } catch {
            #expect(error.unreadable)
            #expect(error.description == "/no/such/file.yaml:1:1: error: no such file")
        }
    }

    @Test func outputErrorsSayWhyInPlainWords() throws {
        #expect(throws: OutputError(path: "/nonexistent-dir/x.json", reason: "no such directory")) {
            try OutputFile.write(Data("{}".utf8), to: "/nonexistent-dir/x.json")
        }
        let files = try TemporaryFiles("out")
        defer { files.cleanUp() }
        let dir = files.folder
        // A folder of files: written all or none.
        #expect(throws: OutputError.self) {
            try OutputFile.writeFolder([("a.txt", Data("a".utf8)), ("b/c.txt", Data("c".utf8))], to: dir.path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        try OutputFile.writeFolder([("a.txt", Data("a".utf8))], to: dir.appendingPathComponent("r").path)
        #expect(try String(contentsOf: dir.appendingPathComponent("r/a.txt"), encoding: .utf8) == "a")
    }
}
