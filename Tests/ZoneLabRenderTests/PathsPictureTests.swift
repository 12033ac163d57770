import Foundation
import OrderedCollections
import Testing
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource
import ZoneLabTestSupport

@testable import ZoneLabRender

/// Attack paths: edge ids mapped onto zones and assets, and the paths picture of a simulation.
@Suite struct PathsPictureTests {
    static func simulated(attacker: String = "SL4", trials: Int = 2_000) throws -> (Scenario, RunSet) {
        let loaded = try ScenarioLoader.load(path: RepositoryRoot.scenario("riverside-water"))
        let settings = SimulationSettings(trials: trials, seed: 1, threads: 2, attackers: [attacker])
        let model = try PlantModel(loaded, settings: settings)
        return (loaded.scenario, model.simulate(settings))
    }

    /// The long way of the demo plant: barriers collapse into one hop that lands on the asset
    /// taken next; channels and their enter steps are one hop; pivots make lateral moves.
    @Test func hopsCollapseBarriersAndLandOnAssets() throws {
        let scenario = try Support.load("riverside-water")
        let path = [
            "cross:inet-ent:internet>enterprise/RDF", "cross:inet-ent:internet>enterprise/IAC",
            "exploit:office-ws", "pivot:office-ws", "exploit:it-admin-ws",
            "channel:ent-dmz:it-admin-ws>jump-host:rdp/RDF", "channel:ent-dmz:it-admin-ws>jump-host:rdp/IAC",
            "enter:ent-dmz:it-admin-ws>jump-host:rdp", "pivot:jump-host", "channel:dmz-scada:jump-host>ews-a:rdp/RDF",
            "channel:dmz-scada:jump-host>ews-a:rdp/IAC", "enter:dmz-scada:jump-host>ews-a:rdp",
        ]
        let (hops, unplaced) = PathHop.trace(path, in: scenario)
        #expect(unplaced == 0)
        #expect(
            hops == [
                PathHop(from: .zone("internet"), to: .asset("office-ws"), conduit: "inet-ent"),
                PathHop(from: .asset("office-ws"), to: .asset("it-admin-ws"), conduit: nil),
                PathHop(from: .asset("it-admin-ws"), to: .asset("jump-host"), conduit: "ent-dmz"),
                PathHop(from: .asset("jump-host"), to: .asset("ews-a"), conduit: "dmz-scada"),
            ])
        // A traversal that ends in a zone (a zone target) lands on the zone; unknown ids are counted.
        let (zoneHops, missing) = PathHop.trace(
            ["cross:vpn-scada:vendor-vpn>a-scada/RDF", "exploit:nowhere", "warp:x"], in: scenario)
        #expect(zoneHops == [PathHop(from: .zone("vendor-vpn"), to: .zone("a-scada"), conduit: "vpn-scada")])
        #expect(missing == 2)
    }

    @Test func pathsPictureDrawsTheSimulatedPaths() throws {
        let (scenario, set) = try Self.simulated()
        let evidence = AttackEvidence(set, attacker: 0)
        #expect(evidence.attacker == "SL4")
        #expect(evidence.totalCompromised > 0)
        let flow = PathFlow(evidence, scenario: scenario)
        #expect(!flow.hops.isEmpty)
        #expect(flow.unplacedEdges == 0)
        // Widths follow shares: the heaviest hop is at least as wide as any other.
        let graph = PathsPicture.graph(scenario, evidence: evidence)
        let pathEdges = graph.allEdges.filter {
            ZonesPictureTests.string($0.attributes["id"])?.hasPrefix("path-") == true
        }
        #expect(!pathEdges.isEmpty)
        let widths = pathEdges.compactMap { ZonesPictureTests.string($0.attributes["penwidth"]).flatMap(Double.init) }
        #expect(widths.count == pathEdges.count)
        #expect(widths.allSatisfy { $0 >= 1.2 && $0 <= 8.2 })
        // Only what a path touches is drawn: its zones, the assets it takes, the conduits it crosses.
        let clusters = Set(graph.allSubgraphs.compactMap(\.id).filter { $0.hasPrefix("cluster_zone_") })
        #expect(clusters == Set(flow.zones.map { DOTEscaping.safeName("cluster_zone", $0) }))
        #expect(clusters.count < scenario.zones.count)
        let assetNodes = Set(graph.allNodes.map(\.id).filter { $0.hasPrefix("asset_") })
        #expect(assetNodes == Set(flow.assets.map { DOTEscaping.safeName("asset", $0) }))
        let badges = Set(graph.allNodes.map(\.id).filter { $0.hasPrefix("conduit_") })
        #expect(badges == Set(flow.conduits.map { DOTEscaping.safeName("conduit", $0) }))
        #expect(badges.count < scenario.conduits.count)
        let shown = PathsPicture.onPaths(scenario, flow: flow, entries: ["internet"])
        try ZonesPictureTests.checkStacking(shown, graph, "paths")
        let output = try Graphviz.render(graph.text, format: .svg)
        #expect(output.warnings.isEmpty, "\(output.warnings)")
        let svg = try Support.parseSVG(output.data)
        #expect(svg.ids["legend"] == "node")
        #expect(svg.texts.contains { $0.contains("Attacker SL4") })
        #expect(svg.ids.keys.filter { $0.hasPrefix("path-") }.count == pathEdges.count)
    }

    @Test func strongestAttackerIsTheMostCapable() {
        func evidence(_ id: String, _ capability: Int?, _ compromised: Int) -> AttackEvidence {
            AttackEvidence(
                attacker: id, capability: capability, horizonHours: nil, trials: 10, seed: nil,
                targets: [.init(id: "t", probability: 0, compromised: compromised, paths: [])], criticality: [:])
        }
        let list = [evidence("a", 2, 9), evidence("b", 4, 1), evidence("c", 4, 5), evidence("d", 3, 10)]
        #expect(AttackEvidence.strongest(list)?.attacker == "c")
        #expect(AttackEvidence.strongest([]) == nil)
    }

    @Test func resultsFileGivesTheSamePicture() throws {
        let (scenario, set) = try Self.simulated(attacker: "vendor-sl3", trials: 1_000)
        let files = try TemporaryFiles("render")
        defer { files.cleanUp() }
        let url = files.url("results.json")
        try Data((set.json().serialized() + "\n").utf8).write(to: url)
        let document = try ResultsDocument.read(path: url.path)
        #expect(document.sha256 == set.sha256)
        let read = try #require(AttackEvidence.all(document).first)
        let direct = AttackEvidence(set, attacker: 0)
        #expect(read.attacker == "vendor-sl3")
        #expect(read.targets.map(\.id) == direct.targets.map(\.id))
        #expect(read.targets.map(\.compromised) == direct.targets.map(\.compromised))
        #expect(read.targets.map { $0.paths.map(\.edges) } == direct.targets.map { $0.paths.map(\.edges) })
        #expect(read.targets.map { $0.paths.map(\.count) } == direct.targets.map { $0.paths.map(\.count) })
        for (id, value) in direct.criticality {
            #expect(abs((read.criticality[id] ?? -1) - value) < 1e-9, "\(id)")
        }
        // Same evidence, same picture.
        #expect(
            PathsPicture.graph(scenario, evidence: read).text == PathsPicture.graph(scenario, evidence: direct).text)
    }

    @Test func badResultsFilesAreInputErrors() throws {
        let files = try TemporaryFiles("bad")
        defer { files.cleanUp() }
        let url = files.url("bad.json")
        let text = """
            {"zonelab_results": 1, "trials": 10,
             "targets": [{"id": "plc1", "results": [{"attacker": "SL3", "p": "high", "compromised": 3,
               "paths": [{"frequency": 2, "edges": ["exploit:plc1"]}]}]}]}
            """
        try Data(text.utf8).write(to: url)
        let error = #expect(throws: DiagnosticError.self) { try ResultsDocument.read(path: url.path) }
        let messages = error?.diagnostics.map(\.description) ?? []
        #expect(messages.contains { $0.contains(":2:66:") && $0.contains("'p' must be a number") })
        #expect(messages.contains { $0.contains(":3:") && $0.contains("'frequency' must be from 0 to 1, found 2") })
        try Data("{\"zonelab_graph\": 1}".utf8).write(to: url)
        #expect(throws: DiagnosticError.self) { try ResultsDocument.read(path: url.path) }
    }
}
