import Foundation
import OrderedCollections
import Testing
import ZoneLabModel

@testable import ZoneLabRender

/// Large plants stay readable and fast: zones collapse to nodes with counts, and the paths view
/// draws only the zones, assets and conduits on the paths shown.
@Suite struct LargePlantTests {
    @Test func zonesCollapseAboveTheThreshold() throws {
        let scenario = Support.synthetic(zones: 30, assetsPerZone: 10)
        #expect(scenario.assets.count == 300)
        let graph = ZonesPicture.graph(scenario)
        #expect(graph.allNodes.filter { $0.id.hasPrefix("asset_") }.isEmpty)
        let summaries = graph.allNodes.filter { $0.id.hasPrefix("zone_") }
        #expect(summaries.count == 30)
        guard case .html(let label)? = summaries.first(where: { $0.id == "zone_z0" })?.attributes["label"] else {
            Issue.record("zone summary without HTML label")
            return
        }
        #expect(label.markup.contains("10 assets"))
        #expect(label.markup.contains("2 critical"))
        let start = Date()
        let output = try Graphviz.render(graph.text, format: .svg)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(output.warnings.isEmpty, "\(output.warnings)")
        let svg = try Support.parseSVG(output.data)
        for zone in scenario.zones.keys { #expect(svg.ids[DOTEscaping.safeName("zone", zone)] != nil, "\(zone)") }
        for conduit in scenario.conduits.keys { #expect(svg.ids[DOTEscaping.safeName("conduit", conduit)] != nil) }
    }

    @Test func smallPlantsDoNotCollapse() {
        let scenario = Support.synthetic(zones: 10, assetsPerZone: 15)
        #expect(scenario.assets.count == 150)
        let graph = ZonesPicture.graph(scenario)
        #expect(graph.allNodes.filter { $0.id.hasPrefix("asset_") }.count == 150)
    }

    @Test func onlyAssetsOnThePathsAreDrawn() throws {
        let scenario = Support.synthetic(zones: 30, assetsPerZone: 10)
        // z0 → z1 → z2, taking a15 in z1 and a20 (critical) in z2.
        let path = [
            "cross:c0:z0>z1/RDF", "cross:c0:z0>z1/IAC", "exploit:a15", "pivot:a15",
            "cross:c1:z1>z2/RDF", "cross:c1:z1>z2/IAC", "exploit:a20",
        ]
        // a40 (critical, in z4) is taken straight from removable media: no line, but on a path.
        let evidence = AttackEvidence(
            attacker: "SL3", capability: 3, horizonHours: 2160, trials: 1_000, seed: 1,
            targets: [
                .init(id: "a20", probability: 0.3, compromised: 300, paths: [.init(edges: path, count: 200)]),
                .init(id: "a40", probability: 0.01, compromised: 10, paths: [.init(edges: ["media:a40"], count: 10)]),
            ],
            criticality: [:])
        let graph = PathsPicture.graph(scenario, evidence: evidence)
        let drawn = Set(graph.allNodes.map(\.id).filter { $0.hasPrefix("asset_") })
        #expect(drawn == ["asset_a15", "asset_a20", "asset_a40"])
        // Only the zones on the paths are drawn, as clusters; no other zone, no conduit off the paths.
        let clusters = Set(graph.allSubgraphs.compactMap(\.id).filter { $0.hasPrefix("cluster_") })
        #expect(clusters == ["cluster_zone_z0", "cluster_zone_z1", "cluster_zone_z2", "cluster_zone_z4"])
        #expect(graph.allNodes.filter { $0.id.hasPrefix("zone_") }.isEmpty)
        #expect(Set(graph.allNodes.map(\.id).filter { $0.hasPrefix("conduit_") }) == ["conduit_c0", "conduit_c1"])
        let output = try Graphviz.render(graph.text, format: .svg)
        #expect(output.warnings.isEmpty, "\(output.warnings)")
        let svg = try Support.parseSVG(output.data)
        #expect(svg.texts.contains { $0.contains("P(compromise) 30.0%") })
    }
}
