import Foundation
import OrderedCollections
import Testing
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

@testable import ZoneLabIEC62443

@Suite struct CompilerTests {
    @Test func nodeAndEdgeIDsFollowTheSpec() throws {
        let skeleton = try Fixtures.model().skeleton
        let nodes = Set(skeleton.nodes.map(\.id))
        let edges = Set(skeleton.edges.map(\.id))
        for id in [
            "zone:internet", "asset:plc1", "reach:dmz-ops:hist>scada:opc-ua", "reach:dmz-ops:ops>hist",
            "gate:inet-ent:internet>enterprise/IAC", "gate:inet-ent:enterprise>internet/IAC",
            "gate:dmz-ops:hist>scada:opc-ua/IAC",
        ] {
            #expect(nodes.contains(id), "missing node \(id)")
        }
        for id in [
            "exploit:plc1", "exploit:hist", "pivot:plc1",
            "cross:inet-ent:internet>enterprise/RDF", "cross:inet-ent:internet>enterprise/IAC",
            "cross:inet-ent:enterprise>internet/RDF", "channel:dmz-ops:hist>scada:opc-ua/RDF",
            "channel:dmz-ops:hist>scada:opc-ua/IAC", "enter:dmz-ops:hist>scada:opc-ua", "enter:dmz-ops:ops>hist",
        ] {
            #expect(edges.contains(id), "missing edge \(id)")
        }
        // One exploit edge per asset and one enter edge per channel (SPEC 3.2 v2): no per-CVE edges.
        #expect(!edges.contains { $0.hasPrefix("exploit:hist:") || $0.hasPrefix("enter:dmz-ops:ops>hist:") })
        #expect(edges.count == Set(skeleton.edges.map(\.id)).count)
        // A conduit with channels has no cross: edges.
        #expect(!edges.contains { $0.hasPrefix("cross:dmz-ops:") })
        // zone:ops -> reach:dmz-ops:1 -> asset:hist (a zone end starts at zone:X).
        let channel = skeleton.edges.first { $0.id == "channel:dmz-ops:ops>hist/RDF" }!
        #expect(skeleton.nodes[channel.from].id == "zone:ops")
        let enterZone = skeleton.edges.first { $0.id == "enter:dmz-ops:hist>scada:opc-ua" }!
        #expect(skeleton.nodes[enterZone.to].id == "asset:scada")
    }

    @Test func protectionsAndCaps() throws {
        let skeleton = try Fixtures.model().skeleton
        func edge(_ id: String) -> AttackSkeleton.Edge { skeleton.edges.first { $0.id == id }! }
        // hist: SL-A 2, CVE-1 (high, public) caps it at 1 and is named on the one edge.
        #expect(edge("exploit:hist").protection == 1)
        #expect(edge("exploit:hist").step.vulnerability == "CVE-1")
        #expect(edge("enter:dmz-ops:ops>hist").protection == 1)
        #expect(edge("enter:dmz-ops:ops>hist").step.vulnerability == "CVE-1")
        #expect(edge("exploit:scada").step.vulnerability == nil)
        #expect(edge("pivot:plc1").protection == nil)
        #expect(edge("exploit:plc1").needsIACSSkill)
        #expect(!edge("exploit:scada").needsIACSSkill)
        // IACS rule: an SL2 attacker meets plc protection 2 + 1; SL3 meets 2.
        #expect(skeleton.protection(of: edge("exploit:plc1"), capability: 2) == 3)
        #expect(skeleton.protection(of: edge("exploit:plc1"), capability: 3) == 2)
        // The weakest avenue: control's DC (0) is not among asset_frs, so protection is min(IAC, UC, SI) = 2.
        #expect(edge("exploit:hmi1").protection == 2)
    }

    @Test func conduitFRsShapeTheChain() throws {
        let yaml = Fixtures.purdue + "\ncalibration:\n  conduit_frs: [RDF, IAC, SI]\n"
        let skeleton = try Fixtures.model(yaml).skeleton
        let ids = Set(skeleton.edges.map(\.id))
        #expect(ids.contains("cross:ops-ctl:ops>control/SI"))
        #expect(
            Set(skeleton.nodes.map(\.id)).isSuperset(of: [
                "gate:ops-ctl:ops>control/IAC", "gate:ops-ctl:ops>control/SI",
            ]))
    }

    @Test func techniquesAreATTACKForICS() throws {
        let skeleton = try Fixtures.model().skeleton
        for edge in skeleton.edges {
            #expect(edge.technique.name != nil, "\(edge.id) carries unknown technique \(edge.technique.id)")
        }
        #expect(skeleton.edges.first { $0.id == "cross:inet-ent:internet>enterprise/RDF" }!.technique.id == "T0822")
        #expect(skeleton.edges.first { $0.id == "exploit:plc1" }!.technique.id == "T0843")
        #expect(skeleton.edges.first { $0.id == "exploit:scada" }!.technique.id == "T0859")
        #expect(skeleton.edges.first { $0.id == "exploit:hist" }!.technique.id == "T0866")  // through CVE-1
    }

    /// Compile output is identical across runs and does not depend on YAML key order.
    @Test func compileIsStableAndKeyOrderFree() throws {
        let reordered = Fixtures.purdue
            .replacingOccurrences(
                of: "{id: plc1, name: Filter PLC, zone: control, type: plc, critical: true}",
                with: "{critical: true, type: plc, zone: control, name: Filter PLC, id: plc1}"
            )
            .replacingOccurrences(
                of: "{id: inet-ent, zones: [internet, enterprise], sl_achieved: {RDF: 2, IAC: 2}}",
                with: "{sl_achieved: {IAC: 2, RDF: 2}, zones: [internet, enterprise], id: inet-ent}")
        #expect(reordered != Fixtures.purdue)
        func compiled(_ yaml: String) throws -> String {
            let model = try Fixtures.model(yaml)
            return GraphFile.json(model.skeleton.graph(for: model.attackers[2])).serialized()
        }
        #expect(try compiled(Fixtures.purdue) == compiled(Fixtures.purdue))
        #expect(try compiled(Fixtures.purdue) == compiled(reordered))
    }

    /// Simulating the compiled graph JSON gives exactly that attacker's numbers.
    @Test func compiledGraphSimulatesToTheSameNumbers() throws {
        let model = try Fixtures.model()
        let attacker = model.attackers[2]
        let json = GraphFile.json(model.skeleton.graph(for: attacker)).serialized()
        let graph = try GraphFile.load(data: Data(json.utf8), file: "g.json")
        let fromGraph = Simulator(graph: graph, seed: 4, threads: 1).run(TrialPlan(count: 3_000))
        let fromModel = model.simulate(SimulationSettings(trials: 3_000, seed: 4, attackers: [attacker.id]))
        #expect(fromModel.attackers.map(\.id) == ["SL1", "SL2", "SL3", "SL4"])
        let index = fromModel.attackers.firstIndex { $0.id == attacker.id }!
        #expect(fromGraph.targets.map(\.times) == fromModel.outcomes[index].map(\.times))
        #expect(fromGraph.targets.map(\.paths) == fromModel.outcomes[index].map(\.paths))
        #expect(fromGraph.targets[0].compromised > 0)
    }
}
