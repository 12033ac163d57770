import Foundation
import Testing
import ZoneLabSource

@testable import ZoneLabEngine

/// The fast reading of graph files gives the checked reading's graph, and gives up on anything
/// the checked reading would report.
@Suite struct GraphFileFastPathTests {
    static let full = """
        {"zonelab_graph": 1,
         "nodes": [{"id": "a"}, {"id": "b", "type": "or"}, {"id": "d", "type": "and"}, {"id": "t"}],
         "edges": [
           {"id": "e1", "from": "a", "to": "b", "p": 0.9, "ttc": {"dist": "exponential", "mean_hours": 24},
            "technique": "T0886", "label": "take over — PLC 1", "vulnerability": "CVE-2020-0001"},
           {"id": "e2", "from": "a", "to": "d", "ttc": {"sigma": 1.5, "dist": "lognormal", "median_hours": 12},
            "detect": {"p": 0.25, "response": {"dist": "fixed", "hours": 48}}},
           {"id": "e3", "from": "b", "to": "d", "p": 0, "ttc": {"dist": "uniform", "min_hours": 1, "max_hours": 1}},
           {"id": "e\\u00e94", "from": "d", "to": "t", "p": 1e-3, "ttc": {"dist": "instant"}},
           {"id": "e5", "from": "b", "to": "t", "ttc": {"dist": "fixed", "hours": 0},
            "detect": {"response": {"dist": "lognormal", "median_hours": 168, "sigma": 1}, "p": 1}}],
         "entry": ["a"], "targets": ["t", "d"], "horizon_hours": 8760.5}
        """

    static func root(_ text: String) throws -> DocumentNode {
        try StrictJSON.parse(Data(text.utf8), file: "g.json")
    }

    static func same(_ x: AttackGraph, _ y: AttackGraph) -> Bool {
        x.nodes == y.nodes && x.edges == y.edges && x.entries == y.entries && x.targets == y.targets
            && x.horizonHours.bitPattern == y.horizonHours.bitPattern
    }

    @Test func aValidFileReadsAsTheCheckedReadingReadsIt() throws {
        let root = try Self.root(Self.full)
        let fast = try #require(GraphFile.readValid(root))
        #expect(Self.same(fast, try GraphFile.readChecked(root, file: "g.json")))
        #expect(fast.edges[3].id == "eé4" && fast.edges[0].label == "take over — PLC 1")
        // The byte reader takes no escapes: the same file with the character written out.
        #expect(GraphFile.readValid(bytes: Data(Self.full.utf8)) == nil)
        let plain = Self.full.replacingOccurrences(of: "e\\u00e94", with: "eé4")
        let bytes = try #require(GraphFile.readValid(bytes: Data(plain.utf8)))
        #expect(Self.same(bytes, try GraphFile.readChecked(try Self.root(plain), file: "g.json")))
        #expect(bytes.edges[3].id == "eé4")
    }

    @Test func aWrittenGraphReadsBackTheSame() throws {
        let graph = try GraphFile.readChecked(try Self.root(Self.full), file: "g.json")
        let text = GraphFile.json(graph).serialized(indent: 2)
        #expect(Self.same(try #require(GraphFile.readValid(try Self.root(text))), graph))
        #expect(Self.same(try #require(GraphFile.readValid(bytes: Data(text.utf8))), graph))
    }

    /// Each change makes the file one the checked reading rejects, or reads only by its own rules
    /// (null as absent, a number as text): the fast reading leaves it to the checked one.
    @Test(arguments: [
        ("\"zonelab_graph\": 1", "\"zonelab_graph\": 2"),
        ("\"zonelab_graph\": 1", "\"zonelab_graph\": \"1\""),
        ("\"p\": 0.9", "\"p\": 1.5"),
        ("\"p\": 0.9", "\"p\": null"),
        ("\"p\": 0.9", "\"p\": \"0.9\""),
        ("\"mean_hours\": 24", "\"mean_hours\": 0"),
        ("\"mean_hours\": 24", "\"hours\": 24"),
        ("\"mean_hours\": 24", "\"mean_hours\": 24, \"sigma\": 1"),
        ("\"sigma\": 1.5, ", ""),
        ("\"sigma\": 1.5", "\"sigma\": 0"),
        ("\"dist\": \"instant\"", "\"dist\": \"instant\", \"hours\": 1"),
        ("\"dist\": \"instant\"", "\"dist\": \"gamma\""),
        ("\"max_hours\": 1}", "\"max_hours\": 0.5}"),
        ("\"hours\": 48", "\"hours\": -1"),
        ("\"p\": 0.25", "\"p\": 2"),
        ("\"p\": 0.25, ", ""),
        ("{\"id\": \"d\", \"type\": \"and\"}", "{\"id\": \"d\", \"type\": \"xor\"}"),
        ("{\"id\": \"b\", \"type\": \"or\"}", "{\"id\": \"a\"}"),
        ("{\"id\": \"b\", \"type\": \"or\"}", "{\"id\": \"\"}"),
        ("{\"id\": \"b\", \"type\": \"or\"}", "{\"id\": \"b\", \"kind\": \"or\"}"),
        ("{\"id\": \"b\", \"type\": \"or\"}", "{\"id\": 7}"),
        ("\"id\": \"e3\"", "\"id\": \"e1\""),
        ("\"id\": \"e3\"", "\"id\": \"\""),
        ("\"id\": \"e3\", ", ""),
        ("\"from\": \"b\", \"to\": \"d\"", "\"from\": \"x\", \"to\": \"d\""),
        ("\"from\": \"b\", \"to\": \"d\"", "\"to\": \"d\""),
        ("\"technique\": \"T0886\"", "\"technique\": 886"),
        ("\"technique\": \"T0886\"", "\"weight\": 1"),
        ("\"entry\": [\"a\"]", "\"entry\": []"),
        ("\"entry\": [\"a\"]", "\"entry\": [\"z\"]"),
        ("\"targets\": [\"t\", \"d\"]", "\"targets\": \"t\""),
        ("\"horizon_hours\": 8760.5", "\"horizon_hours\": 0"),
        ("\"horizon_hours\": 8760.5", "\"horizon_hours\": -5"),
        ("\"horizon_hours\": 8760.5", "\"horizon_hours\": 1, \"extra\": 1"),
    ])
    func anythingNotPlainlyValidGoesToTheCheckedReading(old: String, new: String) throws {
        precondition(Self.full.contains(old), "fixture lacks \(old)")
        let text = Self.full.replacingOccurrences(of: old, with: new)
        #expect(GraphFile.readValid(try Self.root(text)) == nil)
        #expect(GraphFile.readValid(bytes: Data(text.utf8)) == nil)
    }

    /// What strict JSON refuses, the byte reader leaves to it; so does what it reads only
    /// itself (escapes, literals, a byte order mark).
    @Test(arguments: [
        ("\"p\": 0.9", "\"p\": 0.9,"), ("\"p\": 0.9", "\"p\": .9"), ("\"p\": 0.9", "\"p\": 00.9"),
        ("\"p\": 0.9", "\"p\": 0.9e"), ("\"p\": 0.9", "\"p\": 1."), ("\"p\": 0.9", "\"p\": +0.9"),
        ("\"p\": 0.9", "\"p\": 0.9x"), ("\"p\": 0.9", "\"p\": NaN"), ("\"p\": 0.9", "\"p\": true"),
        ("\"p\": 0.9", "\"p\": 0.9, \"p\": 0.8"), ("\"p\": 0.9", "'p': 0.9"), ("\"p\": 0.9", "p: 0.9"),
        ("\"p\": 0.9", "\"p\": 0.9 /* c */"), ("\"p\": 0.9", "\"p\" 0.9"), ("\"p\": 0.9", "\"p\": -0.9"),
        ("\"T0886\"", "\"T0\\u0038\""), ("\"T0886\"", "\"T0\t886\""), ("\"T0886\"", "\"T0886"),
        ("\"horizon_hours\": 8760.5}", "\"horizon_hours\": 8760.5} x"),
        ("\"horizon_hours\": 8760.5}", "\"horizon_hours\": 8760.5}}"),
        ("\"horizon_hours\": 8760.5}", "\"horizon_hours\": 8760.5"),
        ("{\"zonelab_graph\": 1,", "\u{FEFF}{\"zonelab_graph\": 1,"),
        ("{\"zonelab_graph\": 1,", "{\"zonelab_graph\": 1.0,"),
        ("\"dist\": \"instant\"", "\"dist\": \"instant\", \"dist\": \"instant\""),
        ("\"sigma\": 1.5", "\"median_hours\": 12"),
    ])
    func whatStrictJSONRefusesIsLeftToIt(old: String, new: String) {
        precondition(Self.full.contains(old), "fixture lacks \(old)")
        let text = Self.full.replacingOccurrences(of: "e\\u00e94", with: "eé4").replacingOccurrences(of: old, with: new)
        #expect(GraphFile.readValid(bytes: Data(text.utf8)) == nil)
    }

    @Test func invalidUTF8IsLeftToStrictJSON() {
        var bytes = Array(Self.full.replacingOccurrences(of: "e\\u00e94", with: "eé4").utf8)
        #expect(GraphFile.readValid(bytes: Data(bytes)) != nil)
        let i = bytes.firstIndex(of: 0xC3)!  // é
        bytes[i + 1] = 0x28
        #expect(GraphFile.readValid(bytes: Data(bytes)) == nil)
        bytes[i] = 0xC0  // overlong
        bytes[i + 1] = 0xA9
        #expect(GraphFile.readValid(bytes: Data(bytes)) == nil)
    }
}
