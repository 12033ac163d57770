import Foundation
import Testing
import ZoneLabSource
import ZoneLabTestSupport

typealias Location = ZoneLabSource.SourceLocation

/// Parses text that must parse.
func parse(_ text: String) throws -> DocumentNode {
    try DocumentParser.parse(Data(text.utf8), file: "doc.yaml")
}

/// The diagnostics thrown for bytes, or none when they parse.
func parseErrors(_ data: Data) -> [Diagnostic] {
    do {
        _ = try DocumentParser.parse(data, file: "doc.yaml")
        return []
    } catch {
        return error.diagnostics
    }
}

func parseErrors(_ text: String) -> [Diagnostic] { parseErrors(Data(text.utf8)) }

func describe(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.isEmpty ? "(no diagnostics)" : diagnostics.map(\.description).joined(separator: "\n")
}

extension DocumentNode {
    /// The value of `key`, when this is a mapping.
    subscript(key: String) -> DocumentNode? {
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs.first { $0.key.text == key }?.value
    }

    /// The items, when this is a list.
    var items: [DocumentNode]? {
        guard case .sequence(let items) = kind else { return nil }
        return items
    }

    /// The keys in order, when this is a mapping.
    var keys: [String]? {
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs.map { $0.key.text ?? "?" }
    }
}

/// The document tree: kinds, positions, scalars, and the file-level checks.
@Suite struct DocumentParserTests {
    // MARK: Tree and positions

    @Test func nodesCarryTheirPositions() throws {
        let root = try parse("a: 1\nb:\n  - x\n  - {c: 'd', e: \"f\"}\n")
        #expect(root.location == Location(line: 1, column: 1))
        #expect(root.keys == ["a", "b"])
        #expect(root["a"]?.location == Location(line: 1, column: 4))
        let list = try #require(root["b"])
        #expect(list.location == Location(line: 3, column: 3))
        let items = try #require(list.items)
        #expect(items.count == 2)
        #expect(items[0].text == "x")
        #expect(items[0].location == Location(line: 3, column: 5))
        #expect(items[1].location == Location(line: 4, column: 5))
        #expect(items[1]["c"]?.location == Location(line: 4, column: 9))
        #expect(items[1]["e"]?.location == Location(line: 4, column: 17))
    }

    @Test func keysCarryTheirPositions() throws {
        let root = try parse("top:\n  inner: 1\n")
        guard case .mapping(let pairs) = try #require(root["top"]).kind else {
            Issue.record("not a mapping")
            return
        }
        #expect(pairs.first?.key.location == Location(line: 2, column: 3))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try parse("ü: [a, b]\n日本: [c, d]\n")
        #expect(root["ü"]?.items?[1].location == Location(line: 1, column: 8))
        #expect(root["日本"]?.items?[1].location == Location(line: 2, column: 9))
    }

    @Test func plainAndQuotedScalars() throws {
        let root = try parse("a: 0.5\nb: '0.5'\nc: \"0.5\"\nd: !!str 0.5\ne: |\n  text\n")
        #expect(root["a"]?.scalar?.isPlain == true)
        #expect(root["b"]?.scalar?.isPlain == false)
        #expect(root["c"]?.scalar?.isPlain == false)
        #expect(root["d"]?.scalar?.isPlain == false)
        #expect(root["e"]?.scalar?.isPlain == false)
        #expect(root["e"]?.text == "text\n")
        #expect(root["b"]?.text == "0.5")
    }

    @Test(arguments: [
        ("a: ~", true), ("a: null", true), ("a: Null", true), ("a: NULL", true), ("a:", true),
        ("a: ''", false), ("a: 'null'", false), ("a: nil", false), ("a: 0", false),
    ])
    func nullValues(_ text: String, _ isNull: Bool) throws {
        #expect(try parse(text)["a"]?.isNull == isNull)
    }

    @Test(arguments: [
        ("a: {b: 1}", "a mapping"), ("a: [1]", "a list"), ("a: ~", "nothing (null)"), ("a: word", "'word'"),
        ("a: 'quoted'", "the string \"quoted\""),
        ("a: \(String(repeating: "x", count: 50))", "'\(String(repeating: "x", count: 37))...'"),
    ])
    func kindDescriptions(_ text: String, _ description: String) throws {
        #expect(try parse(text)["a"]?.kindDescription == description)
    }

    @Test func jsonIsRead() throws {
        let root = try parse(#"{"zonelab": 1, "zones": [{"id": "a"}, {"id": "b"}]}"#)
        #expect(root.keys == ["zonelab", "zones"])
        #expect(root["zones"]?.items?.map { $0["id"]?.text } == ["a", "b"])
        #expect(root["zones"]?.items?[0]["id"]?.scalar?.isPlain == false)
        #expect(root["zonelab"]?.scalar?.isPlain == true)
    }

    @Test func aliasesExpandToTheAnchoredValue() throws {
        let root = try parse("a: &x [1, 2]\nb: *x\nc: &y word\nd: *y\n")
        #expect(root["b"]?.items?.map(\.text) == ["1", "2"])
        #expect(root["d"]?.text == "word")
    }

    @Test func oneExplicitDocument() throws {
        let root = try parse("%YAML 1.1\n---\na: 1\n...\n")
        #expect(root["a"]?.text == "1")
    }

    // MARK: Duplicate and odd keys

    @Test func duplicateKeysAreReportedAtTheRepeatedKey() {
        let all = parseErrors("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n")
        #expect(
            all.map(\.description) == [
                "doc.yaml:4:3: error: duplicate key 'c' (first given at line 3, column 3)",
                "doc.yaml:5:1: error: duplicate key 'a' (first given at line 1, column 1)",
            ], "\(describe(all))")
    }

    @Test func duplicateKeyInAFlowMapping() {
        let all = parseErrors("{a: 1, b: 2, a: 3}")
        #expect(all.map(\.description) == ["doc.yaml:1:14: error: duplicate key 'a' (first given at line 1, column 2)"])
    }

    @Test func quotedAndPlainSpellingsOfAKeyAreTheSameKey() {
        let all = parseErrors("a: 1\n'a': 2\n")
        #expect(all.map(\.location) == [Location(line: 2, column: 1)])
    }

    @Test func parsingIntoDiagnosticsKeepsTheTreeDespiteDuplicateKeys() throws {
        var diagnostics = Diagnostics(file: "doc.yaml")
        let root = try #require(DocumentParser.parse(Data("a: 1\na: 2\nb: 3\n".utf8), into: &diagnostics))
        #expect(root.keys == ["a", "b"])
        #expect(root["a"]?.text == "1")
        #expect(diagnostics.errors.map(\.location) == [Location(line: 2, column: 1)])
    }

    @Test func parsingIntoDiagnosticsReturnsNothingForASyntaxError() {
        var diagnostics = Diagnostics(file: "doc.yaml")
        #expect(DocumentParser.parse(Data("a: [1\n".utf8), into: &diagnostics) == nil)
        #expect(diagnostics.errors.count == 1)
    }

    @Test(arguments: [
        ("? {a: 1}\n: x\n", Location(line: 1, column: 3), "a mapping key must be a plain name, not a mapping"),
        ("? [a]\n: x\n", Location(line: 1, column: 3), "a mapping key must be a plain name, not a list"),
        ("{[a]: 1}", Location(line: 1, column: 2), "a mapping key must be a plain name, not a list"),
    ])
    func keysThatAreNotScalars(_ text: String, _ location: Location, _ message: String) {
        let all = parseErrors(text)
        #expect(all.count == 1 && all[0].location == location && all[0].message == message, "\(describe(all))")
    }

    @Test func twoKeysThatAreNotScalarsAreBothReported() {
        let all = parseErrors("? [a]\n: 1\n? [b]\n: 2\n")
        #expect(
            all.map(\.location) == [Location(line: 1, column: 3), Location(line: 3, column: 3)], "\(describe(all))")
    }

    // MARK: Aliases

    @Test func unknownAlias() {
        let all = parseErrors("a: 1\nb: *nope\n")
        #expect(
            all.map(\.description) == [
                "doc.yaml:2:4: error: unknown alias '*nope': no anchor '&nope' comes before it (an alias cannot refer to a list or mapping it is inside)"
            ])
    }

    @Test func aliasBeforeItsAnchor() {
        let all = parseErrors("a: *x\nb: &x 1\n")
        #expect(all.map(\.location) == [Location(line: 1, column: 4)])
    }

    @Test func recursiveAliasIsRejected() {
        let all = parseErrors("a: &x [1, *x]\n")
        #expect(all.count == 1 && all[0].message.hasPrefix("unknown alias '*x'"), "\(describe(all))")
    }

    // MARK: Syntax

    @Test func syntaxErrorsNameTheProblemAndItsContext() {
        let all = parseErrors("a: [1, 2\nb: 3\n")
        #expect(all.count == 1)
        #expect(all.first?.message.hasPrefix("YAML syntax error: did not find expected ',' or ']'") == true)
        #expect(all.first?.message.hasSuffix("(while parsing a flow sequence at line 1, column 4)") == true)
    }

    @Test func twoDocuments() {
        let all = parseErrors("a: 1\n---\nb: 2\n")
        #expect(
            all.map(\.description) == [
                "doc.yaml:2:1: error: a file holds one YAML document; found a second one here (remove this '---' or the document before it)"
            ])
    }

    // MARK: Empty and binary input

    @Test(arguments: [
        ("", "the file is empty"), (" \n\t\r\n", "the file is empty"),
        ("# only\n# comments\n", "the file has no content (only comments)"),
    ])
    func emptyInput(_ text: String, _ message: String) {
        #expect(parseErrors(text).map(\.description) == ["doc.yaml:1:1: error: \(message)"])
    }

    @Test(arguments: [
        ([0x61, 0x3A, 0x20, 0x00] as [UInt8], Location(line: 1, column: 4), "control byte 0x00 at byte 3"),
        ([0x61, 0x3A, 0x0A, 0x62, 0x07] as [UInt8], Location(line: 2, column: 2), "control byte 0x07 at byte 4"),
        ([0x61, 0x3A, 0x20, 0x7F] as [UInt8], Location(line: 1, column: 4), "control byte 0x7F at byte 3"),
        ([0xC3, 0xA9, 0x3A, 0x20, 0x1B] as [UInt8], Location(line: 1, column: 4), "control byte 0x1B at byte 4"),
    ])
    func controlBytesMarkABinaryFile(_ bytes: [UInt8], _ location: Location, _ fragment: String) {
        let all = parseErrors(Data(bytes))
        #expect(all.count == 1, "\(describe(all))")
        #expect(all.first?.location == location)
        #expect(all.first?.message == "not a text file: \(fragment) (is it binary?)")
    }

    @Test func tabsAndCarriageReturnsAreText() throws {
        let root = try parse("a:\t1\r\nb: 2\r\n")
        #expect(root["b"]?.location == Location(line: 2, column: 4))
    }

    @Test func invalidUTF8IsReportedAtItsCharacter() {
        let all = parseErrors(Data("a: 1\nbé: ".utf8) + Data([0xFE]))
        #expect(
            all.map(\.description) == [
                "doc.yaml:2:5: error: not a UTF-8 text file: invalid byte 0xFE at byte 10 (is it binary, or in another encoding?)"
            ])
    }

    @Test func controlByteBeyondTheFirstMegabyteIsStillAnError() {
        var data = Data()
        let line = Data("# padding padding padding padding padding padding padding\n".utf8)
        var lines = 0
        while data.count < (1 << 20) + 100 {
            data.append(line)
            lines += 1
        }
        let offset = data.count + 4
        data.append(Data("a: 1\u{1}\n".utf8))
        let all = parseErrors(data)
        #expect(
            all.map(\.description) == [
                "doc.yaml:\(lines + 1):5: error: not a text file: control characters are not allowed (U+0001 at byte \(offset))"
            ], "\(describe(all))")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let root = try parse("\u{FEFF}a: 1\n")
        #expect(root["a"]?.text == "1")
    }

    @Test func inputLargerThanTheLimitIsRefusedBeforeParsing() {
        let data = Data(count: DocumentParser.maximumFileBytes + 1)
        let all = parseErrors(data)
        #expect(
            all.map(\.description) == ["doc.yaml:1:1: error: input is 65 MiB; ZoneLab reads files of at most 64 MiB"])
    }

    // MARK: Files

    @Test func readingAFileThatDoesNotExist() {
        #expect {
            _ = try DocumentParser.read(contentsOf: "/nonexistent/x.yaml", displayName: "x.yaml")
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.description) == ["x.yaml:1:1: error: no such file"]
        }
    }

    @Test func readingAFolder() {
        #expect {
            _ = try DocumentParser.parse(contentsOf: NSTemporaryDirectory())
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.message == "is a directory, not a file"
        }
    }

    @Test func readingAFileLargerThanTheLimit() throws {
        let files = try TemporaryFiles("big")
        defer { files.cleanUp() }
        let url = URL(fileURLWithPath: try files.write("big.yaml", Data()))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(DocumentParser.maximumFileBytes + (1 << 20)))  // sparse
        try handle.close()
        #expect {
            _ = try DocumentParser.read(contentsOf: url.path, displayName: "big.yaml")
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.description)
                == ["big.yaml:1:1: error: file is 65 MiB; ZoneLab reads files of at most 64 MiB"]
        }
    }

    @Test func readingADeviceIsRefused() {
        // /dev/zero never ends: it must not be read at all.
        #expect {
            _ = try DocumentParser.read(contentsOf: "/dev/zero")
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.description) == [
                "/dev/zero:1:1: error: is not a regular file (a device, pipe or socket?)"
            ]
        }
    }

    @Test func theSizeLimitHoldsThroughASymbolicLink() throws {
        let files = try TemporaryFiles("link")
        defer { files.cleanUp() }
        let folder = files.folder
        let big = folder.appendingPathComponent("big.bin")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(70 << 20))  // sparse
        try handle.close()
        let link = folder.appendingPathComponent("plant.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: big)
        #expect {
            _ = try DocumentParser.read(contentsOf: link.path, displayName: "plant.yaml")
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.description)
                == ["plant.yaml:1:1: error: file is 70 MiB; ZoneLab reads files of at most 64 MiB"]
        }
    }

    @Test func parsingAFile() throws {
        let files = try TemporaryFiles("parse")
        defer { files.cleanUp() }
        let url = URL(fileURLWithPath: try files.write("doc.yaml", "a: [1, 2]\n"))
        let root = try DocumentParser.parse(contentsOf: url.path)
        #expect(root["a"]?.items?.count == 2)
        #expect(try DocumentParser.read(contentsOf: url.path) == Data("a: [1, 2]\n".utf8))
    }
}
