import Foundation
import Testing
import ZoneLabSource

/// Inputs built to exhaust memory or the stack end in a diagnostic, never a crash.
@Suite struct HostileInputTests {
    /// "Billion laughs": each level a list of ten aliases to the level below.
    static func aliasBomb(levels: Int, width: Int = 10) -> String {
        var text = "l0: &l0 [" + Array(repeating: "lol", count: width).joined(separator: ", ") + "]\n"
        for level in 1..<levels {
            text +=
                "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: width).joined(separator: ", ")
                + "]\n"
        }
        return text
    }

    @Test(arguments: [9, 10])
    func aliasBombIsStopped(_ levels: Int) {
        let all = parseErrors(Self.aliasBomb(levels: levels))
        #expect(all.count == 1, "\(describe(all))")
        #expect(all.first?.message.hasPrefix("the document expands to more than 4000000 values") == true)
        // Reported at the alias that goes past the limit: the third `*l5` in level 6.
        #expect(all.first?.location == Location(line: 7, column: 20), "\(describe(all))")
    }

    @Test func aliasBombOfMappingsIsStopped() {
        var text = "m0: &m0 {a: x, b: x, c: x, d: x, e: x, f: x, g: x, h: x, i: x, j: x}\n"
        for level in 1..<10 {
            let keys = "abcdefghij".map { "\($0): *m\(level - 1)" }.joined(separator: ", ")
            text += "m\(level): &m\(level) {\(keys)}\n"
        }
        let all = parseErrors(text)
        #expect(all.count == 1 && all[0].message.contains("expands to more than"), "\(describe(all))")
    }

    @Test func smallAliasTreesAreExpanded() throws {
        let root = try parse(Self.aliasBomb(levels: 3))
        let top = try #require(root["l2"]?.items)
        #expect(top.count == 10)
        #expect(top.allSatisfy { $0.items?.count == 10 && $0.items?.allSatisfy { $0.items?.count == 10 } == true })
        #expect(top[9].items?[9].items?[9].text == "lol")
    }

    @Test func aliasesBelowTheLimitAreAccepted() throws {
        // 10^6 values in all: well under the limit.
        let root = try parse(Self.aliasBomb(levels: 6))
        #expect(root["l5"]?.items?.count == 10)
    }

    @Test(arguments: [
        ("flow lists", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)),
        ("flow mappings", String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000)),
        ("block lists", String(repeating: "- ", count: 10_000) + "x\n"),
        ("flow in block", "a: " + String(repeating: "[", count: 10_000) + "\n"),
    ])
    func deepNestingIsStopped(_ label: String, _ text: String) {
        let all = parseErrors(text)
        #expect(all.count == 1, "\(label): \(describe(all))")
        #expect(
            all.first?.message == "lists and mappings are nested more than 1000 levels deep",
            "\(label): \(describe(all))")
        #expect(all.first?.location.line == 1)
    }

    @Test func deepBlockMappingsAreStopped() {
        let text = (0..<1_500).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " x\n"
        let all = parseErrors(text)
        #expect(all.count == 1 && all[0].message.contains("nested more than 1000 levels"), "\(describe(all))")
        #expect(all.first?.location.line == 1000)
    }

    @Test func nestingBelowTheLimitIsAccepted() throws {
        let depth = 900
        var node = try parse(String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth))
        for _ in 1..<depth {
            let items = try #require(node.items)
            node = try #require(items.first)
        }
        #expect(node.items?.first?.text == "x")
    }

    @Test func manyKeysInOneMapping() throws {
        let count = 100_000
        let text = (0..<count).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nk7: again\n"
        var diagnostics = Diagnostics(file: "doc.yaml")
        let root = try #require(DocumentParser.parse(Data(text.utf8), into: &diagnostics))
        #expect(root.keys?.count == count)
        #expect(diagnostics.errors.map(\.location) == [Location(line: count + 1, column: 1)])
    }

    @Test func longScalar() throws {
        let long = String(repeating: "abcdefghij", count: 1_000_000)
        let root = try parse("a: \(long)\n")
        #expect(root["a"]?.text?.utf8.count == 10_000_000)
        #expect(root["a"]?.kindDescription.count == 42)
    }

    @Test func longListOfScalarsIsLinear() throws {
        // 500,000 items: quadratic appends would take minutes here.
        let text = "a: [" + Array(repeating: "1", count: 500_000).joined(separator: ",") + "]\n"
        #expect(try parse(text)["a"]?.items?.count == 500_000)
    }

    @Test func tooManyValuesWithoutAliases() {
        // Over four million values written out: the same limit as for aliases.
        let text = "a: [" + Array(repeating: "1", count: 4_100_000).joined(separator: ",") + "]\n"
        let all = parseErrors(text)
        #expect(all.count == 1 && all[0].message.contains("expands to more than 4000000 values"), "\(describe(all))")
    }
}
