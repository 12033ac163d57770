import Foundation
import Testing
import ZoneLabSource
import ZoneLabTestSupport

/// Parses JSON text that must parse.
private func strict(_ text: String) throws -> DocumentNode {
    try StrictJSON.parse(Data(text.utf8), file: "g.json")
}

/// The diagnostics thrown for JSON bytes, or none when they parse.
private func strictErrors(_ data: Data) -> [Diagnostic] {
    do {
        _ = try StrictJSON.parse(data, file: "g.json")
        return []
    } catch {
        return error.diagnostics
    }
}

/// One bad input and the single error it must give.
struct BadJSON: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var line: Int
    var column: Int
    var message: String

    init(_ name: String, _ text: String, _ line: Int, _ column: Int, _ message: String) {
        self.init(name, Array(text.utf8), line, column, message)
    }

    init(_ name: String, _ bytes: [UInt8], _ line: Int, _ column: Int, _ message: String) {
        self.name = name
        self.bytes = bytes
        self.line = line
        self.column = column
        self.message = message
    }

    var testDescription: String { name }
}

/// A node's shape, kinds, texts, quoting and positions, to compare trees.
private func shape(_ node: DocumentNode) -> String {
    let at = "@\(node.location)"
    switch node.kind {
    case .scalar(let s): return (s.isPlain ? s.text : "\"\(s.text)\"") + at
    case .sequence(let items): return "[" + items.map(shape).joined(separator: ",") + "]" + at
    case .mapping(let pairs):
        return "{" + pairs.map { shape($0.key) + ":" + shape($0.value) }.joined(separator: ",") + "}" + at
    }
}

/// Strict JSON (RFC 8259) for graph, results and shard files: what it refuses, where, and what it builds.
@Suite struct StrictJSONTests {
    static let badInputs: [BadJSON] = [
        BadJSON("trailing comma in an array", #"{"a": [1, 2,]}"#, 1, 12, "trailing comma before ']'"),
        BadJSON("trailing comma in an object", "{\n  \"a\": 1,\n}", 2, 9, "trailing comma before '}'"),
        BadJSON("single-quoted value", #"{"a": 'x'}"#, 1, 7, "strings in JSON use double quotes, not single quotes"),
        BadJSON("single-quoted key", #"{'a': 1}"#, 1, 2, "strings in JSON use double quotes, not single quotes"),
        BadJSON(
            "column after non-ASCII", #"{"é€😀": 'x'}"#, 1, 9, "strings in JSON use double quotes, not single quotes"),
        BadJSON("unquoted key", #"{a: 1}"#, 1, 2, #"object keys in JSON are strings in double quotes: write "a""#),
        BadJSON(
            "missing comma", "{\"a\": 1\n \"b\": 2}", 2, 2,
            "expected ',' or '}' after an object member, found '\"' (a missing ','?)"),
        BadJSON(
            "mismatched bracket", #"{"a": 1]"#, 1, 8,
            "expected ',' or '}' after an object member, found ']' (the object opened at line 1, column 1 is still open)"
        ),
        BadJSON("missing comma in an array", "[1 2]", 1, 4, "expected ',' or ']' after an array element, found '2'"),
        BadJSON("missing colon", #"{"a" 1}"#, 1, 6, #"expected ':' after the key "a", found '1'"#),
        BadJSON("empty value", "[1,,2]", 1, 4, "expected a value before ','"),
        BadJSON("missing value", #"{"a": }"#, 1, 7, "expected a value after ':', found '}'"),
        BadJSON("line comment", "{\n  // note\n  \"a\": 1\n}", 2, 3, "comments are not allowed in JSON"),
        BadJSON("block comment", "[1, /* two */ 2]", 1, 5, "comments are not allowed in JSON"),
        BadJSON("duplicate key", "{\"x\": 1,\n \"x\": 2}", 2, 2, "duplicate key 'x' (first given at line 1, column 2)"),
        BadJSON(
            "invalid escape", #"["a\qb"]"#, 1, 4,
            #"invalid escape '\q' in a string: JSON has \", \\, \/, \b, \f, \n, \r, \t and \uXXXX"#),
        BadJSON(
            "escaped single quote", #"["it\'s"]"#, 1, 5,
            #"invalid escape '\'' in a string: a single quote needs no escape in JSON"#),
        BadJSON(
            "short \\u escape", #"["\u12G4"]"#, 1, 3,
            #"invalid escape '\u12G4': \u is followed by four hexadecimal digits"#),
        BadJSON("tab in a string", "[\"a\tb\"]", 1, 4, #"tab in a string: write it as \t"#),
        BadJSON(
            "line break in a string", "[\"ab\ncd\"]", 1, 5,
            #"line break in a string: write it as \n (or is the closing '"' missing?)"#),
        BadJSON(
            "control character in a string", [0x5B, 0x22, 0x61, 0x01, 0x22, 0x5D], 1, 4,
            #"control character U+0001 in a string: write it as \u0001"#),
        BadJSON("leading zero", "[01]", 1, 2, "numbers in JSON have no leading zeros: '01'"),
        BadJSON("negative leading zero", "{\n \"n\": -007}", 2, 7, "numbers in JSON have no leading zeros: '-007'"),
        BadJSON("NaN", #"{"p": NaN}"#, 1, 7, "'NaN' is not a JSON number: JSON has no NaN or Infinity"),
        BadJSON("minus Infinity", "[-Infinity]", 1, 2, "'-Infinity' is not a JSON number: JSON has no NaN or Infinity"),
        BadJSON("hexadecimal number", "[0x1F]", 1, 2, "'0x1F' is not a JSON number: JSON numbers are decimal"),
        BadJSON("fraction without a leading digit", "[.5]", 1, 2, "numbers in JSON start with a digit: write '0.5'"),
        BadJSON("YAML infinity", "[1, -.inf]", 1, 5, "'-.inf' is not a JSON number: JSON has no NaN or Infinity"),
        BadJSON("plus sign", "[+1]", 1, 2, "numbers in JSON have no '+' sign: write '1'"),
        BadJSON("decimal point without digits", "[1.]", 1, 2, "expected a digit after the decimal point in '1.'"),
        BadJSON("exponent without digits", "[1e+]", 1, 2, "expected a digit in the exponent of '1e+'"),
        BadJSON("capitalised literal", "[True]", 1, 2, "'True' is not JSON: write true"),
        BadJSON(
            "unquoted string", #"{"dist": exponential}"#, 1, 10,
            "unquoted text 'exponential': strings in JSON are written in double quotes"),
        BadJSON(
            "lone high surrogate", #"["x\uD800y"]"#, 1, 4,
            #"lone surrogate '\uD800' in a string: a high surrogate (\uD800-\uDBFF) must be followed by a low one (\uDC00-\uDFFF)"#
        ),
        BadJSON(
            "lone low surrogate", #"["\uDC00"]"#, 1, 3,
            #"lone surrogate '\uDC00' in a string: a low surrogate (\uDC00-\uDFFF) must follow a high one (\uD800-\uDBFF)"#
        ),
        BadJSON("NUL in a key", #"{"\u0000": 1}"#, 1, 2, "an object key cannot contain the character U+0000"),
        BadJSON(
            "trailing data", #"{"a": 1} x"#, 1, 10, "unexpected 'x' after the JSON value: a JSON file holds one value"),
        BadJSON("second value", "{}\n{}", 2, 1, "unexpected '{' after the JSON value: a JSON file holds one value"),
        BadJSON(
            "unterminated string", #"{"a": "bc"#, 1, 7,
            #"unterminated string: no closing '"' before the end of the file"#),
        BadJSON(
            "unclosed object", "{\"a\": [1]\n", 2, 1,
            "the file ends inside the object opened at line 1, column 1: a closing '}' is missing"),
        BadJSON("empty file", "", 1, 1, "the file is empty"),
        BadJSON("only whitespace", " \n\t\n", 1, 1, "the file is empty"),
        BadJSON(
            "invalid UTF-8", [0x5B, 0x22, 0xE9, 0x74, 0xE9, 0x22, 0x5D], 1, 3,
            "not a UTF-8 text file: invalid byte 0xE9 at byte 2 (is it binary, or in another encoding?)"),
        BadJSON(
            "binary file", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], 2, 1,
            "not a text file: control byte 0x1A at byte 6 (is it binary?)"),
        BadJSON(
            "too deep", String(repeating: "[", count: 1_001) + String(repeating: "]", count: 1_001), 1, 1_001,
            "arrays and objects are nested more than 1000 levels deep"),
    ]

    @Test(arguments: badInputs)
    func badInputGivesOneErrorAtItsPosition(_ bad: BadJSON) {
        let errors = strictErrors(Data(bad.bytes))
        #expect(errors.count == 1, "\(describe(errors))")
        let error = errors.first
        #expect(error?.location == Location(line: bad.line, column: bad.column), "\(describe(errors))")
        #expect(error?.message == bad.message, "\(describe(errors))")
        #expect(error?.file == "g.json")
    }

    @Test func whatYAMLAcceptsIsRefused() {
        // Each of these was read as flow YAML before, without a word.
        for text in [#"{"a": [1, 2,],}"#, "{'a': 1}", "{a: 1}", "{\"a\": 1} # note", "[.5]", "[0x1F]", "{\"a\": .inf}"]
        {
            #expect((try? DocumentParser.parse(Data(text.utf8), file: "y.yaml")) != nil, "\(text)")
            #expect(!strictErrors(Data(text.utf8)).isEmpty, "\(text)")
        }
    }

    @Test func valuesRoundTrip() throws {
        let text = #"""
            {"numbers": [0, -0, 12, -2.5e-3, 1E+10, 6.02e23, 0.5],
             "literals": [true, false, null],
             "strings": ["", "plain", "\"\\\/\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00", "é€😀", "\u0041"],
             "empty": {"array": [], "object": {}},
             "nested": [[[{"deep": [1]}]]]}
            """#
        let root = try strict(text)
        let expected: JSONValue = .object([
            ("numbers", [0, 0, 12, .double(-2.5e-3), .double(1e10), .double(6.02e23), 0.5]),
            ("literals", [true, false, .null]),
            ("strings", ["", "plain", "\"\\/\u{8}\u{C}\n\r\t", "é€", "😀", "é€😀", "A"]),
            ("empty", .object([("array", []), ("object", .object([]))])),
            ("nested", [[[.object([("deep", [1])])]]]),
        ])
        #expect(root.jsonValue == expected)
        // Numbers keep their text as written.
        let numbers = try #require(root["numbers"]?.items)
        #expect(numbers.map(\.text) == ["0", "-0", "12", "-2.5e-3", "1E+10", "6.02e23", "0.5"])
        #expect(numbers.allSatisfy { $0.scalar?.isPlain == true })
    }

    @Test func quotedNumbersAreStrings() throws {
        let root = try strict(#"{"n": 1, "s": "1", "b": "true", "z": "null"}"#)
        var d = Diagnostics(file: "g.json")
        #expect(d.integer(try #require(root["n"]), "'n'", in: 0...9) == 1)
        #expect(d.integer(try #require(root["s"]), "'s'", in: 0...9) == nil)
        #expect(d.boolean(try #require(root["b"]), "'b'") == nil)
        #expect(root["z"]?.isNull == false)
        #expect(
            d.errors.map(\.message) == [
                "'s' must be an integer from 0 to 9, found the string \"1\"",
                "'b' must be true or false, found the string \"true\"",
            ])
        #expect(d.errors.map(\.location) == [Location(line: 1, column: 15), Location(line: 1, column: 25)])
    }

    @Test func validJSONGivesTheTreeTheYAMLPathGave() throws {
        let text = """
            {"zonelab_graph": 1,
             "nodes": [{"id": "a"}, {"id": "é", "type": "and"}],
             "edges": [{"id": "e1", "from": "a", "to": "é", "p": 0.9,
                        "ttc": {"dist": "exponential", "mean_hours": 24}}],
             "entry": ["a"], "targets": ["é"], "horizon_hours": 720, "x": [null, true, false, "", -1e-3]}
            """
        let viaYAML = try DocumentParser.parse(Data(text.utf8), file: "g.json")
        let viaJSON = try strict(text)
        #expect(shape(viaJSON) == shape(viaYAML))
        #expect(viaJSON["targets"]?.items?.first?.location == Location(line: 5, column: 30))
    }

    @Test func positionsSkipAByteOrderMarkAndCountCharacters() throws {
        let root = try strict("\u{FEFF}{\"a\": \"é😀\", \"b\": 2,\r\n  \"c\": [true]}")
        #expect(root.location == Location(line: 1, column: 1))
        #expect(root["b"]?.location == Location(line: 1, column: 18))
        #expect(root["c"]?.location == Location(line: 2, column: 8))
        #expect(root["c"]?.items?.first?.location == Location(line: 2, column: 9))
    }

    @Test func everyDuplicateKeyIsReportedAndTheTreeStaysUsable() throws {
        // More keys than the linear search handles, so the index finds the repeats.
        let keys = (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ",\n")
        let text = "{\(keys),\n\"k3\": 99,\n\"k17\": 98}"
        var diagnostics = Diagnostics(file: "g.json")
        let root = try #require(StrictJSON.parse(Data(text.utf8), into: &diagnostics))
        #expect(
            diagnostics.errors.map(\.description) == [
                "g.json:21:1: error: duplicate key 'k3' (first given at line 4, column 1)",
                "g.json:22:1: error: duplicate key 'k17' (first given at line 18, column 1)",
            ])
        #expect(root.keys?.count == 20)
        #expect(root["k3"]?.text == "3")
    }

    @Test func duplicateKeysCompareDecodedText() {
        let errors = strictErrors(Data(#"{"ab": 1, "a\u0062": 2}"#.utf8))
        #expect(errors.map(\.message) == ["duplicate key 'ab' (first given at line 1, column 2)"])
        #expect(errors.first?.location == Location(line: 1, column: 11))
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = DocumentParser.maximumDepth
        var node = try strict(String(repeating: "[", count: depth) + "7" + String(repeating: "]", count: depth))
        var levels = 0
        while let items = node.items, let first = items.first {
            node = first
            levels += 1
        }
        #expect(levels == depth)
        #expect(node.text == "7")
    }

    @Test func aDuplicateAndASyntaxErrorAreBothReported() {
        let errors = strictErrors(Data("{\"a\": 1, \"a\": 2,\n}".utf8))
        #expect(
            errors.map(\.description) == [
                "g.json:1:10: error: duplicate key 'a' (first given at line 1, column 2)",
                "g.json:1:16: error: trailing comma before '}'",
            ])
    }

    @Test func filesAreReadWithTheDocumentParsersChecks() throws {
        let missing = #expect(throws: DiagnosticError.self) {
            try StrictJSON.parse(contentsOf: "/nonexistent/g.json", displayName: "g.json")
        }
        #expect(missing?.description == "g.json:1:1: error: no such file")
        let files = try TemporaryFiles("strict")
        defer { files.cleanUp() }
        let url = files.url("g.json")
        try Data("{\"a\": [1, 2,]}\n".utf8).write(to: url)
        let bad = #expect(throws: DiagnosticError.self) { try StrictJSON.parse(contentsOf: url.path) }
        #expect(bad?.description == "\(url.path):1:12: error: trailing comma before ']'")
        try Data("{\"a\": [1, 2]}\n".utf8).write(to: url)
        #expect(try StrictJSON.parse(contentsOf: url.path)["a"]?.items?.count == 2)
    }
}
