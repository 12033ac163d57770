import Foundation
import OrderedCollections
import Testing
import ZoneLabModel
import ZoneLabSource
import ZoneLabTestSupport

/// Problems with the file as a whole: empty, binary, not YAML, the wrong version.
@Suite struct FileErrorTests {
    @Test(arguments: [
        ("an empty file", "", "the file is empty"),
        ("only blanks", "   \n\t\n\r\n  ", "the file is empty"),
        ("only comments", "# a scenario\n   # to come\n", "only comments"),
    ])
    func emptyFiles(_ label: String, _ text: String, _ fragment: String) {
        let all = errors(in: text)
        expectError(all, 1, 1, [fragment])
        #expect(all.count == 1, "\(label): \(listing(all))")
    }

    @Test func byteOrderMarkAloneIsEmpty() {
        let all = errors(in: Data([0xEF, 0xBB, 0xBF, 0x0A]))
        expectError(all, 1, 1, ["the file is empty"])
        #expect(all.count == 1)
    }

    @Test func byteOrderMarkBeforeAScenarioIsAccepted() throws {
        let loaded = try ScenarioLoader.load(
            data: Data([0xEF, 0xBB, 0xBF]) + Data(minimalScenario.utf8), file: testFile)
        #expect(loaded.scenario.name == "Test Plant")
    }

    @Test func nulByteIsABinaryFile() {
        let data = Data("zonelab: 1\nna".utf8) + Data([0x00]) + Data("me: x\n".utf8)
        let all = errors(in: data)
        expectError(all, 2, 3, ["not a text file", "control byte 0x00 at byte 13"])
        #expect(all.count == 1)
    }

    @Test func pngHeaderIsABinaryFile() {
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        ]
        let all = errors(in: Data(png))
        expectError(all, 2, 1, ["not a text file", "control byte 0x1A"])
        #expect(all.count == 1)
    }

    @Test func invalidUTF8IsReportedAtItsCharacter() {
        // "é" is two bytes but one column; the bad byte 0xFF is the 8th character and the 9th byte.
        let data = Data("zonelab: 1\nname: é".utf8) + Data([0xFF]) + Data("\n".utf8)
        let all = errors(in: data)
        expectError(all, 2, 8, ["not a UTF-8 text file", "invalid byte 0xFF at byte 19"])
        #expect(all.count == 1)
    }

    @Test(arguments: [
        ("Latin-1 é", [0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0x0A] as [UInt8], 1, 7, "0xE9"),
        ("overlong '/'", [0x61, 0x3A, 0x20, 0xC0, 0xAF] as [UInt8], 1, 4, "0xC0"),
        ("UTF-16 surrogate", [0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80] as [UInt8], 1, 4, "0xED"),
        ("truncated at the end", [0x0A, 0x0A, 0x61, 0xE2, 0x82] as [UInt8], 3, 2, "0xE2"),
    ])
    func invalidUTF8Sequences(_ label: String, _ bytes: [UInt8], _ line: Int, _ column: Int, _ byte: String) {
        let all = errors(in: Data(bytes))
        expectError(all, line, column, ["not a UTF-8 text file", "invalid byte \(byte)"])
        #expect(all.count == 1, "\(label)")
    }

    @Test func twoDocumentsInOneFile() {
        let all = errors(in: minimalScenario + "---\nname: Second\n")
        expectError(all, 11, 1, ["a file holds one YAML document; found a second one here"])
        #expect(all.count == 1)
    }

    @Test func oneExplicitDocumentLoads() throws {
        let loaded = try loadScenario("---\n" + minimalScenario + "...\n")
        #expect(loaded.scenario.zones.count == 2)
    }

    @Test(arguments: [
        ErrorCase(
            "a value after a value", "zonelab: 1\nname: a: b\n", 2, 8,
            "YAML syntax error: mapping values are not allowed"),
        ErrorCase(
            "an unclosed flow list", "zonelab: 1\nname: [a, b\nzones: []\n", 3, 6,
            "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 7)"),
        ErrorCase("a tab as indentation", "zonelab: 1\n\tname: x\n", 2, 1, "YAML syntax error: found a tab character"),
        ErrorCase(
            "an unclosed quote", "zonelab: 1\nname: \"abc\n", 3, 1,
            "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar at line 2, column 7)"),
        ErrorCase("a bad indentation", "zones:\n  - id: a\n - id: b\n", 3, 2, "YAML syntax error"),
    ])
    func yamlSyntaxErrors(_ c: ErrorCase) {
        expectSingleError(in: c.yaml, c.line, c.column, c.fragment)
    }

    @Test func missingFormatVersion() {
        expectSingleError(
            in: edit(minimalScenario, "zonelab: 1\n", ""), 1, 1, "the scenario is missing the required key 'zonelab'")
    }

    @Test(arguments: [
        ErrorCase(
            "version 2", edit(minimalScenario, "zonelab: 1", "zonelab: 2"), 1, 10,
            "unsupported format version zonelab: 2; this ZoneLab reads zonelab: 1"),
        ErrorCase(
            "a quoted version", edit(minimalScenario, "zonelab: 1", "zonelab: \"1\""), 1, 10,
            "'zonelab' must be the format version 1, found the string \"1\""),
        ErrorCase(
            "a fractional version", edit(minimalScenario, "zonelab: 1", "zonelab: 1.0"), 1, 10,
            "'zonelab' must be the format version 1, found '1.0'"),
        ErrorCase(
            "a null version", edit(minimalScenario, "zonelab: 1", "zonelab:"), 1, 1,
            "'zonelab' of the scenario must have a value"),
    ])
    func wrongFormatVersion(_ c: ErrorCase) {
        expectSingleError(in: c.yaml, c.line, c.column, c.fragment)
    }

    @Test(arguments: [
        ErrorCase("a list", "- zonelab: 1\n- name: x\n", 1, 1, "the scenario must be a mapping of keys, found a list"),
        ErrorCase("a word", "hello\n", 1, 1, "the scenario must be a mapping of keys, found 'hello'"),
        ErrorCase(
            "a document marker only", "---\n", 2, 1, "the scenario must be a mapping of keys, found nothing (null)"),
    ])
    func topLevelIsNotAMapping(_ c: ErrorCase) {
        expectSingleError(in: c.yaml, c.line, c.column, c.fragment)
    }

    @Test func unknownAlias() {
        expectSingleError(in: minimalScenario + "description: *text\n", 11, 14, "unknown alias '*text'")
    }

    @Test func aliasesThatResolveAreAccepted() throws {
        let yaml = edit(minimalScenario, "entry: [internet]", "entry: &start [internet]") + "targets: *start\n"
        let loaded = try loadScenario(yaml)
        #expect(loaded.scenario.extraTargets == ["internet"])
    }

    @Test func mappingKeyThatIsAMapping() {
        expectSingleError(
            in: minimalScenario + "? {a: 1}\n: x\n", 11, 3, "a mapping key must be a plain name, not a mapping")
    }

    @Test func mappingKeyThatIsAList() {
        expectSingleError(in: minimalScenario + "[a, b]: x\n", 11, 1, "a mapping key must be a plain name, not a list")
    }

    @Test func loadingAPathThatDoesNotExist() {
        #expect {
            _ = try ScenarioLoader.load(path: "/nonexistent/zonelab/plant.yaml")
        } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics ?? []
            return d.count == 1 && d[0].file == "/nonexistent/zonelab/plant.yaml" && d[0].message == "no such file"
                && d[0].location == .start
        }
    }

    @Test func loadingAFolder() {
        let folder = FileManager.default.temporaryDirectory.path
        #expect {
            _ = try ScenarioLoader.load(path: folder)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.message == "is a directory, not a file"
        }
    }

    @Test func loadingAFileNamesItInDiagnostics() throws {
        let files = try TemporaryFiles("version")
        defer { files.cleanUp() }
        let url = URL(fileURLWithPath: try files.write("plant.yaml", edit(minimalScenario, "zonelab: 1", "zonelab: 3")))
        #expect {
            _ = try ScenarioLoader.load(path: url.path)
        } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics ?? []
            return d.count == 1
                && d[0].description
                    == "\(url.path):1:10: error: unsupported format version zonelab: 3; this ZoneLab reads zonelab: 1"
        }
    }
}
