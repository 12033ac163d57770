import Foundation
import OrderedCollections
import Testing
import ZoneLabModel
import ZoneLabTestSupport

@testable import ZoneLabRender

/// The zones picture of the demo plant: stacking, shapes, critical assets, entries, conduits.
@Suite struct ZonesPictureTests {
    static func riverside() throws -> (Scenario, DOTGraph) {
        let scenario = try Support.load("riverside-water")
        return (scenario, ZonesPicture.graph(scenario))
    }

    static func node(_ graph: DOTGraph, _ id: String) -> DOTNode? {
        graph.allNodes.first { $0.id == id }
    }

    static func string(_ value: DOTValue?) -> String? {
        if case .string(let s)? = value { return s }
        return nil
    }

    /// Every zone of a higher Purdue level starts above every zone of a lower one, and the zones
    /// of one level start on one line.
    static func checkStacking(_ scenario: Scenario, _ graph: DOTGraph, _ what: String) throws {
        let svg = try Support.parseSVG(Graphviz.render(graph.text, format: .svg).data)
        var tops: [(level: Double, top: Double)] = []
        for zone in scenario.zones.values {
            guard let level = zone.level else { continue }
            let top = try #require(
                Support.top(of: DOTEscaping.safeName("zone", zone.id), in: svg), "\(what): no outline for \(zone.id)")
            tops.append((level, top))
        }
        #expect(tops.count >= 5)
        for a in tops {
            for b in tops where a.level > b.level {
                #expect(a.top < b.top, "\(what): level \(a.level) at \(a.top) not above level \(b.level) at \(b.top)")
            }
        }
        for level in Set(tops.map(\.level)) {
            let ys = tops.filter { $0.level == level }.map(\.top)
            #expect(ys.max()! - ys.min()! < 1, "\(what): level \(level) tops \(ys)")
        }
    }

    @Test(arguments: RepositoryRoot.sampleNames)
    func zonesAreStackedByPurdueLevel(_ name: String) throws {
        let scenario = try Support.load(name)
        try Self.checkStacking(scenario, ZonesPicture.graph(scenario), name)
    }

    @Test func assetsHaveAShapePerType() throws {
        let (scenario, graph) = try Self.riverside()
        let expected = [
            "plc-filt1": "box3d", "sis-cl2": "box3d", "rtu-pump1": "box3d", "cl2-gasdet": "box3d",
            "hmi-ctrl1": "box", "ews-a": "box", "office-ws": "box", "vendor-laptop": "box",
            "corp-dc": "cylinder", "scada-hist": "cylinder", "ra-broker": "hexagon", "analyzer-gw": "hexagon",
            "a-core-sw": "ellipse", "filt-rio": "ellipse",
        ]
        for (asset, shape) in expected {
            let node = try #require(Self.node(graph, DOTEscaping.safeName("asset", asset)))
            #expect(Self.string(node.attributes["shape"]) == shape, "\(asset)")
        }
        #expect(graph.allNodes.filter { $0.id.hasPrefix("asset_") }.count == scenario.assets.count)
    }

    @Test func criticalAssetsStandOut() throws {
        let (scenario, graph) = try Self.riverside()
        for asset in scenario.assets.values {
            let node = try #require(Self.node(graph, DOTEscaping.safeName("asset", asset.id)))
            let width = Double(Self.string(node.attributes["penwidth"]) ?? "1") ?? 1
            if asset.critical {
                #expect(Self.string(node.attributes["color"]) == PictureStyle.critical)
                #expect(width >= 2)
            } else {
                #expect(width < 2)
            }
        }
    }

    @Test func entriesAreMarked() throws {
        let (_, graph) = try Self.riverside()
        // Default attackers at the internet, vendor-sl3 in the vendor zone, radio-insider in b-field.
        for zone in ["internet", "vendor-vpn", "b-field"] {
            let node = try #require(Self.node(graph, DOTEscaping.safeName("entry", zone)), "no entry marker in \(zone)")
            guard case .html(let label)? = node.attributes["label"] else {
                Issue.record("entry marker without HTML label")
                continue
            }
            #expect(label.markup.contains("ENTRY"))
        }
        #expect(Self.node(graph, DOTEscaping.safeName("entry", "dmz")) == nil)
    }

    @Test func conduitsAreColouredByStaticGap() throws {
        let (scenario, graph) = try Self.riverside()
        for conduit in scenario.conduits.values {
            let badge = try #require(Self.node(graph, DOTEscaping.safeName("conduit", conduit.id)))
            let gap = ConduitAssessment(conduit, in: scenario).maxGap
            #expect(Self.string(badge.attributes["color"]) == PictureStyle.gapColor(gap), "\(conduit.id) gap \(gap)")
        }
        // Spot checks against the plant file: the legacy tunnel is 2 below, the diode meets its target.
        #expect(Self.string(Self.node(graph, "conduit_vpn-scada")?.attributes["color"]) == "#C62828")
        #expect(Self.string(Self.node(graph, "conduit_b-diode")?.attributes["color"]) == "#2E7D32")
        #expect(Self.string(Self.node(graph, "conduit_dmz-scada")?.attributes["color"]) == "#EF6C00")
    }

    @Test func conduitsJoinTheirZonesAndShowDirection() throws {
        let (_, graph) = try Self.riverside()
        let edges = graph.allEdges
        func edge(_ id: String) -> DOTEdge? { edges.first { Self.string($0.attributes["id"]) == id } }
        // b-diode: zones [b-station (level 2), dmz (level 3)], forward: one arrow, pointing at the DMZ above.
        let upper = try #require(edge("conduit_b-diode_upper"))
        let lower = try #require(edge("conduit_b-diode_lower"))
        #expect(Self.string(upper.attributes["ltail"]) == "cluster_zone_dmz")
        #expect(Self.string(lower.attributes["lhead"]) == "cluster_zone_b-station")
        #expect(Self.string(upper.attributes["arrowtail"]) == "normal")
        #expect(Self.string(lower.attributes["arrowhead"]) == "none")
        let badge = try #require(Self.node(graph, "conduit_b-diode"))
        guard case .html(let label)? = badge.attributes["label"] else {
            Issue.record("badge without HTML label")
            return
        }
        #expect(label.markup.contains("DATA DIODE"))
        // A two-way conduit has arrows at both ends.
        #expect(Self.string(edge("conduit_ent-dmz_upper")?.attributes["arrowtail"]) == "normal")
        #expect(Self.string(edge("conduit_ent-dmz_lower")?.attributes["arrowhead"]) == "normal")
    }

    @Test func clusterHeadersCarrySLTAndSLA() throws {
        let (_, graph) = try Self.riverside()
        let cluster = try #require(graph.allSubgraphs.first { $0.id == "cluster_zone_a-scada" })
        guard case .html(let label)? = cluster.attributes["label"] else {
            Issue.record("cluster without HTML label")
            return
        }
        #expect(label.markup.contains("Site A SCADA and control room"))
        #expect(label.markup.contains("a-scada"))
        #expect(label.markup.contains("SL-T"))
        #expect(label.markup.contains("SL-A"))
    }

    @Test func criticalityMakesAConduitWeak() throws {
        let scenario = try Support.load("riverside-water")
        let evidence = AttackEvidence(
            attacker: "SL3", capability: 3, horizonHours: 2160, trials: 100, seed: 1,
            targets: [.init(id: "plc-filt1", probability: 0.5, compromised: 50, paths: [])],
            criticality: ["b-diode": 0.4, "ent-dmz": 0.1])
        let graph = ZonesPicture.graph(scenario, evidence: evidence)
        #expect(Self.string(Self.node(graph, "conduit_b-diode")?.attributes["color"]) == "#C62828")
        #expect(Self.string(Self.node(graph, "conduit_ent-dmz")?.attributes["color"]) == "#EF6C00")
        guard case .html(let label)? = Self.node(graph, "conduit_b-diode")?.attributes["label"] else {
            Issue.record("badge without HTML label")
            return
        }
        #expect(label.markup.contains("criticality 40.0%"))
    }

    @Test func picturesArePureFunctions() throws {
        let (scenario, graph) = try Self.riverside()
        #expect(ZonesPicture.graph(scenario).text == graph.text)
    }
}
