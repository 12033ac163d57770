import Foundation
import Testing
import ZoneLabModel
import ZoneLabTestSupport

@testable import ZoneLabRender

/// SPEC 3.5 in the zones picture: credentials as note-shaped nodes with a dotted "stored" line
/// and dashed "grants" arrows, transient visits as dashed arrows; and paths that use them.
@Suite struct ToolkitPictureTests {
    static let yaml = """
        zonelab: 1
        name: Toolkit picture
        entry: [internet]
        zones:
          - {id: internet, sl_target: 0}
          - {id: enterprise, sl_target: 2, sl_achieved: 1}
          - {id: remote, sl_target: 3, sl_achieved: 2}
        assets:
          - {id: laptop, zone: enterprise, transient: [{zone: remote, every: 30d}]}
          - {id: plc, zone: remote, type: plc, critical: true}
        conduits:
          - {id: it, zones: [internet, enterprise], sl_achieved: 1}
          - {id: vpn, zones: [internet, remote], sl_achieved: {RDF: 2, IAC: 2}}
        credentials:
          - {id: vpn-creds, name: Vendor VPN accounts, stored_on: [laptop], grants: [vpn, plc]}
        """

    static func string(_ value: DOTValue?) -> String? {
        switch value {
        case .string(let s)?, .label(let s)?: s
        default: nil
        }
    }

    @Test func credentialsAreNotesWithStoredAndGrantsLines() throws {
        let scenario = try ScenarioLoader.load(data: Data(Self.yaml.utf8), file: "t.yaml").scenario
        let graph = ZonesPicture.graph(scenario)
        let id = DOTEscaping.safeName("credential", "vpn-creds")
        let node = try #require(graph.allNodes.first { $0.id == id })
        #expect(Self.string(node.attributes["shape"]) == "note")
        let edges = graph.statements.compactMap { statement -> DOTEdge? in
            if case .edge(let e) = statement { return e }
            return nil
        }
        let grants = edges.filter { $0.from == id && Self.string($0.attributes["label"]) == "grants" }
        #expect(
            Set(grants.map(\.to)) == [DOTEscaping.safeName("conduit", "vpn"), DOTEscaping.safeName("asset", "plc")])
        #expect(grants.allSatisfy { Self.string($0.attributes["style"]) == "dashed" })
        let stored = edges.filter { $0.to == id && Self.string($0.attributes["label"]) == "stored" }
        #expect(stored.map(\.from) == [DOTEscaping.safeName("asset", "laptop")])
        #expect(edges.contains { Self.string($0.attributes["label"]) == "visits ~every 30d" })
        // Graphviz draws it.
        let svg = try Graphviz.render(graph.text, format: .svg).data
        #expect(String(decoding: svg, as: UTF8.self).contains("Vendor VPN accounts"))
    }

    /// Removable media is its own entry marker, with a dashed arrow to each asset that accepts it;
    /// a plant without such assets has no marker.
    @Test func removableMediaIsAnEntryMarker() throws {
        let yaml = Self.yaml.replacingOccurrences(
            of: "- {id: plc, zone: remote, type: plc, critical: true}",
            with: "- {id: plc, zone: remote, type: plc, critical: true, media: true}")
        let graph = ZonesPicture.graph(try ScenarioLoader.load(data: Data(yaml.utf8), file: "m.yaml").scenario)
        let marker = try #require(graph.allNodes.first { $0.id == "entry_removable_media" })
        #expect(Self.string(marker.attributes["shape"]) == "cds")
        let edges = graph.statements.compactMap { statement -> DOTEdge? in
            if case .edge(let e) = statement { return e }
            return nil
        }
        let media = edges.filter { $0.from == "entry_removable_media" }
        #expect(media.map(\.to) == [DOTEscaping.safeName("asset", "plc")])
        #expect(media.allSatisfy { Self.string($0.attributes["style"]) == "dashed" })
        let without = ZonesPicture.graph(try ScenarioLoader.load(data: Data(Self.yaml.utf8), file: "t.yaml").scenario)
        #expect(!without.allNodes.contains { $0.id == "entry_removable_media" })
        let svg = try Graphviz.render(graph.text, format: .svg).data
        #expect(String(decoding: svg, as: UTF8.self).contains("removable media"))
    }

    @Test func aLoginPathIsDrawnAsItsTraversal() throws {
        let scenario = try ScenarioLoader.load(data: Data(Self.yaml.utf8), file: "t.yaml").scenario
        let t = "login:vpn-creds:cross:vpn:internet>remote"
        let (hops, unplaced) = PathHop.trace(
            [
                "cross:it:internet>enterprise/RDF", "cross:it:internet>enterprise/IAC", "exploit:laptop",
                "harvest:vpn-creds:laptop", "\(t)/cred", "cross:vpn:internet>remote/RDF", "\(t)/via", t, "exploit:plc",
            ], in: scenario)
        #expect(unplaced == 0)
        #expect(hops.contains { $0.conduit == "vpn" && $0.to == .asset("plc") })
        #expect(hops.contains { $0.conduit == "it" && $0.to == .asset("laptop") })
    }
}
