import Foundation
import Testing
import ZoneLabSource

@Suite struct CSVReaderTests {
    static func read(_ text: String) -> (records: [CSVRecord], diagnostics: Diagnostics) {
        var diagnostics = Diagnostics(file: "t.csv")
        let records = CSVReader.parse(text, into: &diagnostics)
        return (records, diagnostics)
    }

    static func texts(_ records: [CSVRecord]) -> [[String]] { records.map { $0.fields.map(\.text) } }

    @Test func quotedFieldsDoubledQuotesEmbeddedNewlinesCRLFAndBOM() {
        let (records, diagnostics) = Self.read(
            "\u{FEFF}name,note\r\n\"PLC, north\",\"say \"\"hi\"\"\"\r\nHMI,\"two\r\nlines\"\r\n\r\nlast,\r\n")
        #expect(!diagnostics.hasErrors)
        #expect(
            Self.texts(records) == [
                ["name", "note"], ["PLC, north", "say \"hi\""], ["HMI", "two\r\nlines"], ["last", ""],
            ])
        // Positions: the BOM takes no column; a record after an embedded line break starts on its own line.
        #expect(records[0].fields[0].location == SourceLocation(line: 1, column: 1))
        #expect(records[1].fields[1].location == SourceLocation(line: 2, column: 14))
        #expect(records[3].location.line == 6)
        #expect(records[3].fields[1].location == SourceLocation(line: 6, column: 6))
    }

    @Test func aLastRecordWithoutLineBreakAndLFOnlyFiles() {
        let (records, diagnostics) = Self.read("a,b\n1,2")
        #expect(!diagnostics.hasErrors)
        #expect(Self.texts(records) == [["a", "b"], ["1", "2"]])
    }

    @Test func anUnclosedQuoteIsAnErrorWhereTheFieldStarts() {
        let (_, diagnostics) = Self.read("a,b\n1,\"open\n2,3\n")
        #expect(diagnostics.errors.map(\.location) == [SourceLocation(line: 2, column: 3)])
        #expect(diagnostics.errors.first?.message.contains("never closed") == true)
    }

    @Test func strayQuotesAreErrorsAtTheirColumn() {
        let (records, diagnostics) = Self.read("a,b\nsa\"y,\"ok\"x\n")
        #expect(
            diagnostics.errors.map(\.location) == [
                SourceLocation(line: 2, column: 3), SourceLocation(line: 2, column: 10),
            ])
        #expect(records.count == 2)
    }

    @Test func notUTF8IsAnError() {
        var diagnostics = Diagnostics(file: "t.csv")
        _ = CSVReader.parse(Data([0x61, 0xFF, 0xFE, 0x0A]), into: &diagnostics)
        #expect(diagnostics.errors.count == 1)
    }

    @Test func tableFindsColumnsIgnoringCaseAndBlanks() throws {
        let table = try #require(CSVTable(Self.read(" Name ,IP\nx,1\n").records))
        #expect(table.column("hostname", "name") == 0)
        #expect(table.column("ip") == 1)
        #expect(table.column("mac") == nil)
    }
}

@Suite struct YAMLEditorTests {
    static func root(_ text: String) throws -> DocumentNode {
        try DocumentParser.parse(Data(text.utf8), file: "t.yaml")
    }

    @Test func appendsToABlockListAndKeepsComments() throws {
        let text = "a:\n  # first\n  - x  # one\n  - y\n\n# about b\nb: 1\n"
        let root = try Self.root(text)
        var editor = YAMLEditor(text)
        editor.append(items: ["z", "{k: v}"], to: try #require(root["a"]))
        #expect(editor.text == "a:\n  # first\n  - x  # one\n  - y\n  - z\n  - {k: v}\n\n# about b\nb: 1\n")
    }

    @Test func appendsToFlowListsWithAndWithoutTrailingComma() throws {
        for (text, expected) in [
            ("a: [x, y]\n", "a: [x, y, z]\n"), ("a: [x, y,]\n", "a: [x, y, z]\n"), ("a: []\n", "a: [z]\n"),
            ("a: [\"]\", '[']  # ]\n", "a: [\"]\", '[', z]  # ]\n"),
        ] {
            let root = try Self.root(text)
            var editor = YAMLEditor(text)
            editor.append(items: ["z"], to: try #require(root["a"]))
            #expect(editor.text == expected)
        }
    }

    @Test func addsKeysToBlockAndFlowMappingsInAList() throws {
        let text = "items:\n- id: a\n  n: 1\n- {id: b}\nnext: 2\n"
        let root = try Self.root(text)
        let items = try #require(root["items"])
        guard case .sequence(let nodes) = items.kind else {
            Issue.record("not a list")
            return
        }
        var editor = YAMLEditor(text)
        editor.add(key: "k", value: "[1]", to: nodes[0])
        editor.add(key: "k", value: "[2]", to: nodes[1])
        #expect(editor.text == "items:\n- id: a\n  n: 1\n  k: [1]\n- {id: b, k: [2]}\nnext: 2\n")
    }

    @Test func keepsCRLFLineBreaks() throws {
        let text = "a:\r\n  - x\r\nb: 1\r\n"
        var editor = YAMLEditor(text)
        editor.append(items: ["y"], to: try #require(try Self.root(text)["a"]))
        #expect(editor.text == "a:\r\n  - x\r\n  - y\r\nb: 1\r\n")
    }

    @Test func quotesTextThatWouldNotReadBackAsTheSameText() {
        #expect(YAMLText.scalar("Siemens") == "Siemens")
        #expect(YAMLText.scalar("SIMATIC S7-1500") == "SIMATIC S7-1500")
        #expect(YAMLText.scalar("2.1") == "\"2.1\"")
        #expect(YAMLText.scalar("yes") == "\"yes\"")
        #expect(YAMLText.scalar("00:1b") == "\"00:1b\"")
        #expect(YAMLText.scalar("a # b") == "\"a # b\"")
    }
}
