import Foundation
import Testing
import ZoneLabSource

/// The typed readers: keys of a mapping, strings, ids, integers, numbers, booleans, lists.
@Suite struct FieldsTests {
    /// The value of key `v` in a one-line document.
    func value(_ text: String) throws -> DocumentNode {
        try #require(try parse("v: \(text)")["v"])
    }

    // MARK: fields(of:)

    @Test func fieldsReportUnknownAndMissingKeys() throws {
        let node = try parse("nmae: x\nlevel: 2\ncolour: red\n")
        var d = Diagnostics(file: "doc.yaml")
        let read = d.fields(of: node, "zone #1", allowed: ["id", "name", "level"], required: ["id", "level"])
        let fields = try #require(read)
        #expect(
            d.sorted.map(\.description) == [
                "doc.yaml:1:1: error: unknown key 'nmae' in zone #1; did you mean 'name'?",
                "doc.yaml:1:1: error: zone #1 is missing the required key 'id'",
                "doc.yaml:3:1: error: unknown key 'colour' in zone #1",
            ], "\(describe(d.all))")
        #expect(fields["level"]?.text == "2")
        #expect(fields["id"] == nil)
        #expect(fields.location(of: "level") == Location(line: 2, column: 1))
        #expect(fields.location(of: "id") == node.location)
    }

    @Test func nullValuesCountAsNotGiven() throws {
        let node = try parse("a:\nb: ~\nc: 1\n")
        var d = Diagnostics(file: "doc.yaml")
        let read = d.fields(of: node, "it", allowed: ["a", "b", "c"], required: ["a"])
        let fields = try #require(read)
        #expect(fields["a"] == nil && fields["b"] == nil)
        #expect(fields.contains("a") && fields.contains("b") && !fields.contains("z"))
        #expect(d.errors.map(\.description) == ["doc.yaml:1:1: error: 'a' of it must have a value"])
    }

    @Test func fieldsOfSomethingElseThanAMapping() throws {
        var d = Diagnostics(file: "doc.yaml")
        #expect(d.fields(of: try value("[1]"), "the thing", allowed: []) == nil)
        #expect(
            d.errors.map(\.description) == ["doc.yaml:1:4: error: the thing must be a mapping of keys, found a list"])
    }

    // MARK: Scalars

    @Test(arguments: [("abc", "abc"), ("'quoted text'", "quoted text"), ("12", "12"), ("true", "true")])
    func strings(_ text: String, _ expected: String) throws {
        var d = Diagnostics(file: "doc.yaml")
        #expect(d.string(try value(text), "'name'") == expected)
        #expect(!d.hasErrors)
    }

    @Test(arguments: [("[a]", "a list"), ("{a: 1}", "a mapping"), ("~", "nothing (null)")])
    func notStrings(_ text: String, _ found: String) throws {
        var d = Diagnostics(file: "doc.yaml")
        #expect(d.string(try value(text), "'name'") == nil)
        #expect(d.errors.map(\.message) == ["'name' must be a text value, found \(found)"])
        #expect(d.errors.first?.location == Location(line: 1, column: 4))
    }

    @Test(arguments: ["a", "Z9", "plc-1", "CVE-2022-1234", "a_b.c", "0", "..."])
    func validIdentifiers(_ id: String) throws {
        #expect(Diagnostics.isIdentifier(id))
        var d = Diagnostics(file: "doc.yaml")
        #expect(d.identifier(try value("'\(id)'"), "the id") == id)
        #expect(!d.hasErrors)
    }

    @Test(arguments: ["", "a b", "plc#1", "zone/1", "é", "a:b", "tab\t"])
    func invalidIdentifiers(_ id: String) {
        #expect(!Diagnostics.isIdentifier(id))
    }

    @Test func invalidIdentifierMessage() throws {
        var d = Diagnostics(file: "doc.yaml")
        #expect(d.identifier(try value("'plc #1'"), "the id of asset #2") == nil)
        #expect(
            d.errors.map(\.description) == [
                "doc.yaml:1:4: error: the id of asset #2 'plc #1' is not a valid id: use letters, digits, '_', '.' and '-' only"
            ])
    }

    @Test(arguments: [("0", 0), ("4", 4), ("+2", 2), ("-0", 0), ("03", 3)])
    func integersInRange(_ text: String, _ expected: Int) throws {
        var d = Diagnostics(file: "doc.yaml")
        #expect(d.integer(try value(text), "'level'", in: 0...4) == expected)
        #expect(!d.hasErrors)
    }

    @Test(arguments: [
        ("5", "'level' must be from 0 to 4, found 5"),
        ("-1", "'level' must be from 0 to 4, found -1"),
        ("2.0", "'level' must be an integer from 0 to 4, found '2.0'"),
        ("'2'", "'level' must be an integer from 0 to 4, found the string \"2\""),
        ("two", "'level' must be an integer from 0 to 4, found 'two'"),
        ("99999999999999999999", "'level' must be an integer from 0 to 4, found '99999999999999999999'"),
        ("[2]", "'level' must be an integer from 0 to 4, found a list"),
    ])
    func badIntegers(_ text: String, _ message: String) throws {
        var d = Diagnostics(file: "doc.yaml")
        #expect(d.integer(try value(text), "'level'", in: 0...4) == nil)
        #expect(d.errors.map(\.message) == [message])
    }

    @Test(arguments: [("0.5", 0.5), ("1", 1), ("-0.25", -0.25), ("1e-3", 0.001), (".5", 0.5), ("2E2", 200), ("+3", 3)])
    func numbers(_ text: String, _ expected: Double) throws {
        var d = Diagnostics(file: "doc.yaml")
        #expect(d.number(try value(text), "'x'") == expected)
        #expect(!d.hasErrors)
    }

    @Test(arguments: [
        ("1.5", 0.0...1.0, "'p' must be from 0 to 1, found 1.5"),
        ("-1", 0.0...Double.greatestFiniteMagnitude, "'p' must be zero or more, found -1"),
        ("0.5", 1.0...Double.greatestFiniteMagnitude, "'p' must be at least 1, found 0.5"),
        ("7", -Double.greatestFiniteMagnitude...5.0, "'p' must be at most 5, found 7"),
        ("1e999", 0.0...1.0, "'p' must be finite, found 1e999"),
        ("'0.5'", 0.0...1.0, "'p' must be a number, found the string \"0.5\""),
        (".inf", 0.0...1.0, "'p' must be a number, found '.inf'"),
        ("0x10", 0.0...1.0, "'p' must be a number, found '0x10'"),
        ("1_000", 0.0...1.0, "'p' must be a number, found '1_000'"),
    ])
    func badNumbers(_ text: String, _ range: ClosedRange<Double>, _ message: String) throws {
        var d = Diagnostics(file: "doc.yaml")
        #expect(d.number(try value(text), "'p'", in: range) == nil)
        #expect(d.errors.map(\.message) == [message])
    }

    @Test(arguments: ["12", "-0.5", "1e-3", ".5", "1.", "+7"])
    func parseNumberAcceptsDecimals(_ text: String) {
        #expect(Diagnostics.parseNumber(text) == Double(text))
    }

    @Test(arguments: ["", "-", ".", "e", "abc", "0x1F", "inf", "nan", "1,5", "1 000", "١٢"])
    func parseNumberRejectsTheRest(_ text: String) {
        #expect(Diagnostics.parseNumber(text) == nil)
    }

    @Test(arguments: [
        ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false),
    ])
    func booleans(_ text: String, _ expected: Bool) throws {
        var d = Diagnostics(file: "doc.yaml")
        #expect(d.boolean(try value(text), "'critical'") == expected)
        #expect(!d.hasErrors)
    }

    @Test(arguments: ["yes", "no", "on", "1", "'true'", "[true]"])
    func notBooleans(_ text: String) throws {
        var d = Diagnostics(file: "doc.yaml")
        #expect(d.boolean(try value(text), "'critical'") == nil)
        #expect(d.errors.count == 1 && d.errors[0].message.hasPrefix("'critical' must be true or false, found "))
    }

    @Test func lists() throws {
        var d = Diagnostics(file: "doc.yaml")
        #expect(d.list(try value("[a, b]"), "'zones'")?.map(\.text) == ["a", "b"])
        #expect(d.list(try value("[]"), "'zones'")?.isEmpty == true)
        #expect(!d.hasErrors)
        #expect(d.list(try value("a"), "'zones'") == nil)
        #expect(d.errors.map(\.message) == ["'zones' must be a list, found 'a'"])
    }
}
