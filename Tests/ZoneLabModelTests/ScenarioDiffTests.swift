import Foundation
import Testing
import ZoneLabModel
import ZoneLabSource
import ZoneLabTestSupport

/// `zonelab diff`: a pair of plants with a known change list.
@Suite struct ScenarioDiffTests {
    static let old = """
        zonelab: 1
        name: Plant
        entry: [internet, dmz]
        zones:
          - {id: internet, sl_target: 0}
          - {id: dmz, level: 3.5, sl_target: 2, sl_achieved: 2}
          - {id: control, level: 2, sl_target: 3, sl_achieved: {IAC: 1, RDF: 2}}
        assets:
          - {id: plc1, zone: control, type: plc, critical: true,
             vulnerabilities: [{id: CVE-1, severity: high}, {id: CVE-2, severity: low}]}
          - {id: hist, zone: dmz, type: historian}
        conduits:
          - {id: inet-dmz, zones: [internet, dmz], sl_achieved: 2}
          - {id: dmz-ctl, zones: [dmz, control], sl_achieved: {IAC: 2},
             channels: [{from: hist, to: plc1, protocol: opcua}, {from: dmz, to: control}]}
          - {id: legacy, zones: [internet, control]}
        """

    /// The same plant with zones and lists reordered, scalar SLs written as 7-FR maps, and
    /// eight real changes.
    static let new = """
        zonelab: 1
        name: Plant
        entry: [dmz, internet]
        zones:
          - {id: control, level: 2, sl_target: 3, sl_achieved: {RDF: 2, IAC: 2}}
          - {id: dmz, level: 3.5, sl_target: {IAC: 2, UC: 2, SI: 2, DC: 2, RDF: 2, TRE: 2, RA: 2},
             sl_achieved: {IAC: 2, UC: 2, SI: 2, DC: 2, RDF: 2, TRE: 2, RA: 2}}
          - {id: internet, sl_target: 0}
        assets:
          - {id: hist, zone: dmz, type: historian}
          - {id: plc1, zone: control, type: plc, critical: true,
             vulnerabilities: [{id: CVE-2, severity: low}, {id: CVE-1, severity: critical, exploit: public}]}
          - {id: hmi, zone: control, type: hmi}
        conduits:
          - {id: dmz-ctl, zones: [control, dmz], sl_achieved: {IAC: 2},
             channels: [{from: dmz, to: control}, {from: hist, to: plc1, protocol: opcua},
                        {from: hist, to: hmi, protocol: rdp}]}
          - {id: inet-dmz, zones: [dmz, internet], sl_achieved: 3}
        """

    static func load(_ yaml: String) throws -> Scenario {
        try ScenarioLoader.load(data: Data(yaml.utf8), file: "plant.yaml").scenario
    }

    @Test func theKnownChangesAndNothingElse() throws {
        let diff = ScenarioDiff(old: try Self.load(Self.old), new: try Self.load(Self.new))
        #expect(
            diff.changes.map(\.text) == [
                "~ zone control: sl_achieved.IAC 1 → 2",
                "+ asset hmi",
                "~ vulnerability plc1/CVE-1: severity high → critical",
                "~ vulnerability plc1/CVE-1: exploit none → public",
                "- conduit legacy",
                "~ conduit inet-dmz: sl_achieved.IAC 2 → 3",
                "~ conduit inet-dmz: sl_achieved.UC 2 → 3",
                "~ conduit inet-dmz: sl_achieved.SI 2 → 3",
                "~ conduit inet-dmz: sl_achieved.DC 2 → 3",
                "~ conduit inet-dmz: sl_achieved.RDF 2 → 3",
                "~ conduit inet-dmz: sl_achieved.TRE 2 → 3",
                "~ conduit inet-dmz: sl_achieved.RA 2 → 3",
                "+ channel dmz-ctl/hist>hmi:rdp",
            ])
    }

    @Test func aPlantHasNoChangeAgainstItself() throws {
        for path in [RepositoryRoot.scenario("riverside-water"), RepositoryRoot.scenario("pharma-batch")] {
            let plant = try ScenarioLoader.load(path: path).scenario
            #expect(ScenarioDiff(old: plant, new: plant).changes.isEmpty)
        }
    }

    @Test func theJSONHasTheSpec8Shape() throws {
        let diff = ScenarioDiff(old: try Self.load(Self.old), new: try Self.load(Self.new))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(diff.json.serialized().utf8)) as? [String: Any])
        #expect(object["zonelab_diff"] as? Int == 1)
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == diff.changes.count)
        for change in changes {
            #expect(Set(change.keys) == ["kind", "id", "change", "field", "old", "new"])
        }
        let first = try #require(changes.first)
        #expect(first["kind"] as? String == "zone")
        #expect(first["id"] as? String == "control")
        #expect(first["change"] as? String == "changed")
        #expect(first["field"] as? String == "sl_achieved.IAC")
        #expect(first["old"] as? Int == 1)
        #expect(first["new"] as? Int == 2)
        let added = try #require(changes.first { $0["change"] as? String == "added" })
        #expect(added["field"] is NSNull)
    }

    @Test func aForwardConduitTurnedAroundIsAChange() throws {
        let base = """
            zonelab: 1
            name: D
            entry: [a]
            zones: [{id: a}, {id: b}]
            assets: [{id: x, zone: b, critical: true}]
            conduits: [{id: c, zones: [a, b], direction: forward}]
            """
        let turned = base.replacingOccurrences(of: "zones: [a, b], direction", with: "zones: [b, a], direction")
        let diff = ScenarioDiff(old: try Self.load(base), new: try Self.load(turned))
        #expect(diff.changes.map(\.text) == ["~ conduit c: zones [\"a\", \"b\"] → [\"b\", \"a\"]"])
    }
}
