import Foundation
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel

/// A small five-zone Purdue plant; `patch` edits the YAML text before loading.
enum Fixtures {
    static let purdue = """
        zonelab: 1
        name: Test Plant
        entry: [internet]
        zones:
          - {id: internet, level: 5, sl_target: 0}
          - {id: enterprise, level: 4, sl_target: 2, sl_achieved: 2}
          - {id: dmz, level: 3, sl_target: 3, sl_achieved: 2}
          - {id: ops, level: 3, sl_target: 3, sl_achieved: 2}
          - {id: control, level: 2, sl_target: 3, sl_achieved: {IAC: 2, UC: 2, SI: 2, RDF: 2}}
        assets:
          - {id: ws1, zone: enterprise, type: workstation}
          - {id: hist, zone: dmz, type: historian, vulnerabilities: [{id: CVE-1, severity: high, exploit: public}]}
          - {id: scada, zone: ops, type: server}
          - {id: ews, zone: ops, type: ews}
          - {id: plc1, name: Filter PLC, zone: control, type: plc, critical: true}
          - {id: hmi1, zone: control, type: hmi}
        conduits:
          - {id: inet-ent, zones: [internet, enterprise], sl_achieved: {RDF: 2, IAC: 2}}
          - {id: ent-dmz, zones: [enterprise, dmz], sl_achieved: {RDF: 2, IAC: 2}}
          - id: dmz-ops
            zones: [dmz, ops]
            sl_achieved: {RDF: 2, IAC: 2}
            channels:
              - {from: hist, to: scada, protocol: opc-ua}
              - {from: ops, to: hist}
          - {id: ops-ctl, zones: [ops, control], sl_achieved: {RDF: 2, IAC: 2}}
        """

    static func load(_ yaml: String = purdue) throws -> LoadedScenario {
        try ScenarioLoader.load(data: Data(yaml.utf8), file: "test.yaml")
    }

    static func model(_ yaml: String = purdue, attackers: [String] = []) throws -> PlantModel {
        try PlantModel(try load(yaml), settings: SimulationSettings(attackers: attackers))
    }

    static func run(_ yaml: String, trials: Int = 4_000, seed: UInt64 = 1) throws -> RunSet {
        try model(yaml).simulate(SimulationSettings(trials: trials, seed: seed, threads: 2))
    }

    /// Compromise counts per attacker and target.
    static func counts(_ set: RunSet) -> [[Int]] { set.outcomes.map { $0.map(\.compromised) } }
}
