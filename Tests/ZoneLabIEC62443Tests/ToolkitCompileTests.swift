import Foundation
import OrderedCollections
import Testing
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

@testable import ZoneLabIEC62443

/// SPEC 3.5 compiled: every new node and edge id, the MFA rule both ways, a conduit without an
/// IAC barrier, monitoring levels (3.4) and paths told in plant words.
@Suite struct ToolkitCompileTests {
    static let plant = """
        zonelab: 1
        name: Toolkit
        entry: [internet]
        zones:
          - {id: internet, sl_target: 0}
          - {id: enterprise, sl_target: 2, sl_achieved: {IAC: 1, UC: 1, SI: 1, DC: 2, TRE: 1}}
          - {id: remote, sl_target: 3, sl_achieved: {IAC: 2, UC: 2, SI: 2, TRE: 3}}
        assets:
          - {id: laptop, name: Engineering laptop, zone: enterprise, type: workstation, media: true,
             sl_achieved: {SI: 3, UC: 1}, transient: [{zone: remote, every: 30d}]}
          - {id: appliance, name: VPN appliance, zone: remote, type: firewall,
             vulnerabilities: [{id: CVE-2018-13379, severity: critical, exploit: public, preauth: true},
                               {id: CVE-B, severity: high, exploit: public, preauth: true}]}
          - {id: plc, name: Filter PLC, zone: remote, type: plc, critical: true}
        conduits:
          - {id: it, name: IT firewall, zones: [internet, enterprise], sl_achieved: {RDF: 1, IAC: 1}}
          - {id: vpn, name: Vendor VPN, zones: [internet, remote], sl_achieved: {RDF: 2, IAC: 2, TRE: 2}}
          - id: jump
            zones: [enterprise, remote]
            sl_achieved: {RDF: 2, IAC: 2}
            channels:
              - {from: laptop, to: appliance, protocol: https}
              - {from: enterprise, to: remote, protocol: rdp}
        credentials:
          - {id: vpn-creds, name: Vendor VPN accounts, stored_on: [laptop], grants: [vpn, jump, plc]}
        """

    static func skeleton(_ yaml: String = plant) throws -> AttackSkeleton {
        try Fixtures.model(yaml).skeleton
    }

    static func edge(_ s: AttackSkeleton, _ id: String) -> AttackSkeleton.Edge? { s.edges.first { $0.id == id } }

    static func ends(_ s: AttackSkeleton, _ id: String) -> String? {
        edge(s, id).map { "\(s.nodes[$0.from].id) -> \(s.nodes[$0.to].id)" }
    }

    @Test func everyNewNodeAndEdgeHasItsSpecID() throws {
        let s = try Self.skeleton()
        let kinds = Dictionary(uniqueKeysWithValues: s.nodes.map { ($0.id, $0.kind) })
        #expect(kinds["cred:vpn-creds"] == .or)
        #expect(kinds["media"] == .or)
        for login in [
            "login:vpn-creds:cross:vpn:internet>remote", "login:vpn-creds:cross:vpn:remote>internet",
            "login:vpn-creds:channel:jump:laptop>appliance:https", "login:vpn-creds:channel:jump:enterprise>remote:rdp",
            "login:vpn-creds:plc",
        ] {
            #expect(kinds[login] == .and, "\(login)")
        }
        let t = "login:vpn-creds:cross:vpn:internet>remote"
        #expect(Self.ends(s, "harvest:vpn-creds:laptop") == "asset:laptop -> cred:vpn-creds")
        #expect(Self.ends(s, "\(t)/via") == "gate:vpn:internet>remote/IAC -> \(t)")
        #expect(Self.ends(s, "\(t)/cred") == "cred:vpn-creds -> \(t)")
        #expect(Self.ends(s, t) == "\(t) -> zone:remote")
        let c = "login:vpn-creds:channel:jump:laptop>appliance:https"
        #expect(Self.ends(s, "\(c)/via") == "gate:jump:laptop>appliance:https/IAC -> \(c)")
        #expect(Self.ends(s, c) == "\(c) -> reach:jump:laptop>appliance:https")
        #expect(Self.ends(s, "login:vpn-creds:plc/via") == "zone:remote -> login:vpn-creds:plc")
        #expect(Self.ends(s, "login:vpn-creds:plc/cred") == "cred:vpn-creds -> login:vpn-creds:plc")
        #expect(Self.ends(s, "login:vpn-creds:plc") == "login:vpn-creds:plc -> asset:plc")
        #expect(Self.ends(s, "media:laptop") == "media -> asset:laptop")
        #expect(Self.ends(s, "visit:laptop:remote") == "asset:laptop -> zone:remote")
        // Pre-auth: each traversal into the appliance's zone, and the channel to it; not the rdp
        // channel to the zone (exploit:appliance counts the cap there).
        #expect(
            Self.ends(s, "preauth:appliance:cross:vpn:internet>remote")
                == "gate:vpn:internet>remote/IAC -> asset:appliance")
        #expect(
            Self.ends(s, "preauth:appliance:channel:jump:laptop>appliance:https")
                == "gate:jump:laptop>appliance:https/IAC -> asset:appliance")
        #expect(!s.edges.contains { $0.id.hasPrefix("preauth:appliance:channel:jump:enterprise") })
        #expect(!s.edges.contains { $0.id.hasPrefix("preauth:appliance:cross:vpn:remote>internet") })
        #expect(!s.edges.contains { $0.id.hasPrefix("preauth:plc") })
        // Every new id parses back to the step it names, and prints as itself.
        for e in s.edges where EdgeID(e.id)?.isToolkit == true || e.id.hasPrefix("login") {
            #expect(EdgeID(e.id)?.description == e.id)
            #expect(e.step.id.description == e.id)
        }
    }

    @Test func protectionsOfTheNewSteps() throws {
        let s = try Self.skeleton()
        #expect(Self.edge(s, "harvest:vpn-creds:laptop")?.protection == 2)  // the laptop's DC
        #expect(Self.edge(s, "harvest:vpn-creds:laptop")?.needsIACSSkill == false)
        #expect(Self.edge(s, "media:laptop")?.protection == 1)  // min(SI 3, UC 1)
        #expect(Self.edge(s, "login:vpn-creds:plc")?.protection == nil)  // instant, p = 1
        let visit = Self.edge(s, "visit:laptop:remote")
        #expect(visit?.protection == nil)
        #expect(visit?.fixedTTC == .exponential(meanHours: 720))
        let preauth = Self.edge(s, "preauth:appliance:cross:vpn:internet>remote")
        #expect(preauth?.protection == 0)  // the lowest pre-auth cap
        #expect(preauth?.step.vulnerability == "CVE-2018-13379")
        let attacker = ResolvedAttacker(id: "a", capability: 2, entry: ["internet"], horizonHours: 100)
        let graph = s.graph(for: attacker)
        let v = try #require(graph.edgeIndex(of: "visit:laptop:remote"))
        #expect(graph.edges[v].p == 1 && graph.edges[v].ttc == .exponential(meanHours: 720))
        #expect(
            graph.edges[graph.edgeIndex(of: "preauth:appliance:cross:vpn:internet>remote")!].vulnerability
                == "CVE-2018-13379")
        #expect(!graph.entries.contains(graph.nodeIndex(of: "media")!))  // no media for this attacker
        var withMedia = attacker
        withMedia.media = true
        #expect(s.graph(for: withMedia).entries.contains(graph.nodeIndex(of: "media")!))
    }

    @Test func monitoringLevelsFollowSpec34() throws {
        let s = try Self.skeleton()
        let t = "login:vpn-creds:cross:vpn:internet>remote"
        #expect(Self.edge(s, t)?.monitoring == 2)  // the conduit's TRE
        #expect(Self.edge(s, "\(t)/via")?.monitoring == 0)
        #expect(Self.edge(s, "\(t)/cred")?.monitoring == 0)
        #expect(Self.edge(s, "login:vpn-creds:plc")?.monitoring == 3)  // the asset's (its zone's) TRE
        #expect(Self.edge(s, "harvest:vpn-creds:laptop")?.monitoring == 1)
        #expect(Self.edge(s, "media:laptop")?.monitoring == 1)
        #expect(Self.edge(s, "preauth:appliance:cross:vpn:internet>remote")?.monitoring == 3)
        #expect(Self.edge(s, "visit:laptop:remote")?.monitoring == 0)
    }

    /// IEC 62443-3-3 SR 1.1 RE 2: a password opens nothing whose IAC SL-A is at least `mfa_level`.
    @Test(
        arguments: [
            ("password", 2, nil, true), ("password", 3, nil, false), ("password", 4, nil, false),
            ("token", 3, nil, true), ("token", 4, nil, true), ("password", 3, 4, true), ("password", 1, 1, false),
        ] as [(String, Int, Int?, Bool)])
    func theMFARule(factor: String, iac: Int, mfaLevel: Int?, opens: Bool) throws {
        var yaml = Self.plant.replacingOccurrences(
            of: "grants: [vpn, jump, plc]}", with: "grants: [vpn, plc], factor: \(factor)}")
        yaml = yaml.replacingOccurrences(of: "{RDF: 2, IAC: 2, TRE: 2}", with: "{RDF: 2, IAC: \(iac), TRE: 2}")
        yaml = yaml.replacingOccurrences(
            of: "{id: plc, name: Filter PLC, zone: remote, type: plc, critical: true}",
            with: "{id: plc, name: Filter PLC, zone: remote, type: plc, critical: true, sl_achieved: {IAC: \(iac)}}")
        if let mfaLevel { yaml += "\ncalibration: {mfa_level: \(mfaLevel)}\n" }
        let s = try Self.skeleton(yaml)
        let ids = Set(s.edges.map(\.id)).union(s.nodes.map(\.id))
        for id in ["login:vpn-creds:cross:vpn:internet>remote", "login:vpn-creds:plc"] {
            #expect(ids.contains(id) == opens, "\(id) with \(factor) at IAC \(iac)")
            #expect(ids.contains(id + "/via") == opens)
        }
        #expect(ids.contains("harvest:vpn-creds:laptop"))  // the theft itself is always there
    }

    @Test func aConduitWithoutAnIACBarrierHasNothingToOpen() throws {
        let s = try Self.skeleton(Self.plant + "\ncalibration: {conduit_frs: [RDF]}\n")
        #expect(
            !s.nodes.contains { $0.id.hasPrefix("login:vpn-creds:cross") || $0.id.hasPrefix("login:vpn-creds:channel") }
        )
        #expect(!s.edges.contains { $0.id.hasPrefix("preauth:") })
        #expect(s.nodes.contains { $0.id == "login:vpn-creds:plc" })  // an asset login needs no conduit barrier
        // IAC first: the barrier starts at the traversal's own start.
        let first = try Self.skeleton(Self.plant + "\ncalibration: {conduit_frs: [IAC, RDF]}\n")
        let t = "login:vpn-creds:cross:vpn:internet>remote"
        #expect(Self.ends(first, "\(t)/via") == "zone:internet -> \(t)")
        #expect(Self.ends(first, t) == "\(t) -> gate:vpn:internet>remote/RDF")
    }

    @Test func aPlantWithoutTheNewKeysCompilesAsBefore() throws {
        let s = try Fixtures.model().skeleton
        #expect(!s.nodes.contains { $0.kind == .and || $0.id == "media" || $0.id.hasPrefix("cred:") })
        #expect(!s.edges.contains { EdgeID($0.id)?.isToolkit == true })
    }

    @Test func pathsAreToldInPlantWords() throws {
        let model = try Fixtures.model(Self.plant)
        let narrator = PathNarrator(scenario: model.scenario, skeleton: model.skeleton)
        let t = "login:vpn-creds:cross:vpn:internet>remote"
        let text = narrator.narrate([
            "cross:it:internet>enterprise/RDF", "cross:it:internet>enterprise/IAC", "exploit:laptop",
            "harvest:vpn-creds:laptop", "\(t)/cred", "cross:vpn:internet>remote/RDF", "\(t)/via", t, "exploit:plc",
        ])
        #expect(
            text
                == "internet → [IT firewall] → enterprise → Engineering laptop → harvested Vendor VPN accounts on Engineering laptop → internet → [Vendor VPN] → logged in through Vendor VPN with Vendor VPN accounts → remote → Filter PLC"
        )
        #expect(
            narrator.narrate(["media:laptop", "visit:laptop:remote", "exploit:plc"])
                == "removable media → Engineering laptop → Engineering laptop carried into remote → Filter PLC")
        #expect(
            narrator.narrate(["cross:vpn:internet>remote/RDF", "preauth:appliance:cross:vpn:internet>remote"])
                == "internet → [Vendor VPN] → VPN appliance (CVE-2018-13379, pre-auth)")
    }
}
