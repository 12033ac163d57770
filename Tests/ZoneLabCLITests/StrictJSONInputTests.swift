import Foundation
import Testing
import ZoneLabTestSupport

/// `.json` inputs of the command line are strict JSON: a graph for `simulate` and shards for
/// `merge` that flow YAML would have read are bad input (exit 65, `FILE:LINE:COLUMN: error:`),
/// and nothing is written.
@Suite struct StrictJSONInputTests {
    @Test func simulateRefusesAGraphWithATrailingComma() throws {
        let files = try TemporaryFiles("strict-input")
        defer { files.cleanUp() }
        let dir = files.folder
        let graph = dir.appendingPathComponent("g.json")
        try Data(
            """
            {"zonelab_graph": 1, "nodes": [{"id": "a"}, {"id": "b"}],
             "edges": [{"id": "e", "from": "a", "to": "b"},],
             "entry": ["a"], "targets": ["b"], "horizon_hours": 24}
            """.utf8
        ).write(to: graph)
        let out = dir.appendingPathComponent("out.json")
        let r = try ProcessTests.run(["simulate", graph.path, "--trials", "100", "--json", out.path])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("\(graph.path):2:47: error: trailing comma before ']'"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func mergeRefusesAShardThatIsNotJSON() throws {
        let files = try TemporaryFiles("strict-input")
        defer { files.cleanUp() }
        let dir = files.folder
        let shard = dir.appendingPathComponent("s0.json")
        try Data("{'zonelab_results': 1}\n".utf8).write(to: shard)
        let out = dir.appendingPathComponent("merged.json")
        let r = try ProcessTests.run(["merge", shard.path, "--json", out.path])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(
            r.stderr.contains("\(shard.path):1:2: error: strings in JSON use double quotes, not single quotes"),
            "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
