import Foundation
import Testing
import ZoneLabEngine
import ZoneLabSource
import ZoneLabTestSupport

/// Graph files (SPEC 7) are strict JSON: what flow YAML let through is now a positioned error,
/// and the graph's own checks still point at the offending value.
@Suite struct GraphFileTests {
    /// SPEC 7's example graph, with `replacing` swapped for `with` when given.
    static func graph(replacing old: String? = nil, with new: String = "") -> Data {
        var text = """
            {"zonelab_graph": 1,
             "nodes": [{"id": "a"}, {"id": "d", "type": "and"}],
             "edges": [{"id": "e1", "from": "a", "to": "d", "p": 0.9,
                        "ttc": {"dist": "exponential", "mean_hours": 24}}],
             "entry": ["a"], "targets": ["d"], "horizon_hours": 720}
            """
        if let old {
            precondition(text.contains(old), "fixture lacks \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return Data(text.utf8)
    }

    static func errors(_ data: Data) -> [String] {
        do {
            _ = try GraphFile.load(data: data, file: "g.json")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func theSpecExampleLoads() throws {
        let graph = try GraphFile.load(data: Self.graph(), file: "g.json")
        #expect(graph.nodes.map(\.id) == ["a", "d"])
        #expect(graph.edges.map(\.p) == [0.9])
        #expect(graph.horizonHours == 720)
    }

    @Test func aTrailingCommaIsAnErrorAtTheComma() {
        // Read as flow YAML, this graph used to load.
        #expect(
            Self.errors(Self.graph(replacing: #""entry": ["a"]"#, with: #""entry": ["a",]"#))
                == ["g.json:5:15: error: trailing comma before ']'"])
    }

    @Test func singleQuotesAreAnErrorAtTheQuote() {
        #expect(
            Self.errors(Self.graph(replacing: #""from": "a""#, with: #""from": 'a'"#))
                == ["g.json:3:33: error: strings in JSON use double quotes, not single quotes"])
    }

    @Test func commentsAndUnquotedKeysAreErrors() {
        #expect(
            Self.errors(Self.graph(replacing: #""horizon_hours": 720}"#, with: "\"horizon_hours\": 720} // a month"))
                == ["g.json:5:58: error: unexpected '/' after the JSON value: a JSON file holds one value"])
        #expect(
            Self.errors(Self.graph(replacing: #"{"zonelab_graph": 1,"#, with: "{zonelab_graph: 1,"))
                == [#"g.json:1:2: error: object keys in JSON are strings in double quotes: write "zonelab_graph""#])
    }

    @Test func aDuplicateKeyIsAnError() {
        #expect(
            Self.errors(Self.graph(replacing: #""targets": ["d"],"#, with: #""targets": ["d"], "entry": ["d"],"#))
                == ["g.json:5:36: error: duplicate key 'entry' (first given at line 5, column 2)"])
    }

    @Test func aQuotedNumberIsNotANumber() {
        #expect(
            Self.errors(Self.graph(replacing: #""p": 0.9"#, with: #""p": "0.9""#))
                == [#"g.json:3:54: error: 'p' of edge 'e1' must be a number, found the string "0.9""#])
        #expect(
            Self.errors(Self.graph(replacing: #""zonelab_graph": 1"#, with: #""zonelab_graph": "1""#))
                == [#"g.json:1:19: error: 'zonelab_graph' must be the format version 1, found the string "1""#])
    }

    @Test func semanticErrorsKeepTheirPositions() {
        #expect(
            Self.errors(Self.graph(replacing: #""type": "and""#, with: #""typ": "and""#))
                == ["g.json:2:37: error: unknown key 'typ' in node #2; did you mean 'type'?"])
    }

    @Test func aGraphFileOnDiskIsReadStrictly() throws {
        let files = try TemporaryFiles("graph")
        defer { files.cleanUp() }
        let url = files.url("g.json")
        try Self.graph(replacing: "720}", with: "720,}").write(to: url)
        let error = #expect(throws: DiagnosticError.self) { try GraphFile.load(path: url.path) }
        #expect(error?.description == "\(url.path):5:56: error: trailing comma before '}'")
        try Self.graph().write(to: url)
        let loaded = try GraphFile.load(path: url.path)
        #expect(loaded.bytes == Self.graph())
        #expect(loaded.graph.entries.count == 1)
    }
}
