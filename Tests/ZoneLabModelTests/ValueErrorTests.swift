import Foundation
import OrderedCollections
import Testing
import ZoneLabModel
import ZoneLabSource

/// Values of the wrong type or out of range, reported at the value.
@Suite struct ValueErrorTests {
    static func zoneWith(_ line: String) -> String {
        edit(minimalScenario, "  - id: internet\n", "  - id: internet\n    \(line)\n")
    }

    @Test(arguments: [
        ErrorCase(
            "name a list", edit(minimalScenario, "name: Test Plant", "name: [a]"), 2, 7,
            "'name' must be a text value, found a list"),
        ErrorCase(
            "name empty", edit(minimalScenario, "name: Test Plant", "name: \"\""), 2, 7, "'name' must not be empty"),
        ErrorCase(
            "name blank", edit(minimalScenario, "name: Test Plant", "name: '  '"), 2, 7, "'name' must not be empty"),
        ErrorCase(
            "description a mapping", minimalScenario + "description: {a: 1}\n", 11, 14,
            "'description' must be a text value, found a mapping"),
        ErrorCase(
            "tolerable quoted", minimalScenario + "tolerable: \"0.05\"\n", 11, 12,
            "'tolerable' must be a number, found the string \"0.05\""),
        ErrorCase(
            "tolerable a word", minimalScenario + "tolerable: low\n", 11, 12,
            "'tolerable' must be a number, found 'low'"),
        ErrorCase(
            "level a word", zoneWith("level: high"), 6, 12,
            "'level' of zone 'internet' (Purdue level) must be a whole number from 0 to 5, or 3.5, found 'high'"),
        ErrorCase(
            "level a fraction", zoneWith("level: 2.5"), 6, 12, "must be from 0 to 5 (a whole number, or 3.5), found 2.5"
        ),
        ErrorCase(
            "critical yes", edit(minimalScenario, "critical: true", "critical: yes"), 10, 15,
            "'critical' of asset 'plc1' must be true or false, found 'yes'"),
        ErrorCase(
            "critical quoted", edit(minimalScenario, "critical: true", "critical: \"true\""), 10, 15,
            "must be true or false, found the string \"true\""),
        ErrorCase(
            "SL a list", zoneWith("sl_target: [1, 2]"), 6, 16,
            "'sl_target' of zone 'internet' must be a level 0–4 or a map of FRs such as {IAC: 2, RDF: 3}, found a list"),
        ErrorCase(
            "SL quoted", zoneWith("sl_achieved: \"2\""), 6, 18,
            "'sl_achieved' of zone 'internet' must be an integer from 0 to 4, found the string \"2\""),
        ErrorCase(
            "SL map value a word", zoneWith("sl_target: {IAC: high}"), 6, 22,
            "IAC in 'sl_target' of zone 'internet' must be an integer from 0 to 4, found 'high'"),
        ErrorCase(
            "upgrade_cost a word", zoneWith("upgrade_cost: cheap"), 6, 19,
            "'upgrade_cost' of zone 'internet' must be a number, found 'cheap'"),
        ErrorCase(
            "compensating a list", zoneWith("compensating: [a]"), 6, 19,
            "'compensating' of zone 'internet' must be a text value, found a list"),
        ErrorCase(
            "entry a mapping", edit(minimalScenario, "entry: [internet]", "entry: {a: b}"), 3, 8,
            "'entry' must be a list, found a mapping"),
        ErrorCase(
            "zone a word", edit(minimalScenario, "  - id: control\n", "  - id: control\n  - dmz\n"), 7, 5,
            "zone #3 must be a mapping of keys, found 'dmz'"),
        ErrorCase(
            "assets a mapping",
            "zonelab: 1\nname: T\nentry: [internet]\ntargets: [control]\nzones:\n  - id: internet\n  - id: control\nassets: {plc1: control}\n",
            8, 9, "'assets' must be a list, found a mapping"),
        ErrorCase(
            "vulnerabilities a word", minimalScenario + "    vulnerabilities: CVE-1\n", 11, 22,
            "'vulnerabilities' of asset 'plc1' must be a list, found 'CVE-1'"),
        ErrorCase(
            "severity unknown", minimalScenario + "    vulnerabilities:\n      - {id: CVE-1, severity: severe}\n", 12,
            31,
            "'severity' of vulnerability 'CVE-1' of asset 'plc1' must be one of low, medium, high, critical, found 'severe'"
        ),
        ErrorCase(
            "exploit unknown",
            minimalScenario + "    vulnerabilities:\n      - {id: CVE-1, severity: low, exploit: publc}\n", 12, 45,
            "'exploit' of vulnerability 'CVE-1' of asset 'plc1' must be one of public, none, found 'publc'; did you mean 'public'?"
        ),
        ErrorCase(
            "direction unknown",
            minimalScenario + "conduits:\n  - id: c1\n    zones: [internet, control]\n    direction: forwards\n", 14,
            16, "'direction' of conduit 'c1' must be one of both, forward, found 'forwards'; did you mean 'forward'?"),
        ErrorCase(
            "conduit zones a word", minimalScenario + "conduits:\n  - id: c1\n    zones: internet\n", 13, 12,
            "'zones' of conduit 'c1' must be a list, found 'internet'"),
        ErrorCase(
            "channels a mapping",
            minimalScenario
                + "conduits:\n  - id: c1\n    zones: [internet, control]\n    channels: {from: internet, to: plc1}\n",
            14, 15, "'channels' of conduit 'c1' must be a list, found a mapping"),
        ErrorCase(
            "attackers a mapping", minimalScenario + "attackers: {id: a1}\n", 11, 12,
            "'attackers' must be a list, found a mapping"),
        ErrorCase(
            "capability quoted", minimalScenario + "attackers:\n  - id: a1\n    capability: \"3\"\n", 13, 17,
            "'capability' of attacker 'a1' must be an integer from 1 to 4, found the string \"3\""),
        ErrorCase(
            "id with a space", edit(minimalScenario, "  - id: control\n", "  - id: control\n  - id: \"dmz zone\"\n"), 7,
            9, "the id of zone #3 'dmz zone' is not a valid id: use letters, digits, '_', '.' and '-' only"),
        ErrorCase(
            "id with a hash", minimalScenario + "  - id: plc#2\n    zone: control\n", 11, 9,
            "the id of asset #2 'plc#2' is not a valid id"),
        ErrorCase(
            "id a list", minimalScenario + "  - id: [a]\n    zone: control\n", 11, 9,
            "the id of asset #2 must be a text value, found a list"),
        ErrorCase(
            "iacs_types a word", minimalScenario + "calibration:\n  iacs_types: plc\n", 12, 15,
            "'iacs_types' of 'calibration' must be a list, found 'plc'"),
    ])
    func wrongType(_ c: ErrorCase) {
        expectSingleError(in: c.yaml, c.line, c.column, c.fragment)
    }

    @Test(arguments: [
        ErrorCase(
            "SL 5", zoneWith("sl_target: 5"), 6, 16, "'sl_target' of zone 'internet' must be from 0 to 4, found 5"),
        ErrorCase(
            "SL -1", zoneWith("sl_achieved: -1"), 6, 18,
            "'sl_achieved' of zone 'internet' must be from 0 to 4, found -1"),
        ErrorCase(
            "SL map value 7", zoneWith("sl_target: {IAC: 7}"), 6, 22,
            "IAC in 'sl_target' of zone 'internet' must be from 0 to 4, found 7"),
        ErrorCase(
            "asset SL 9", minimalScenario + "    sl_achieved: {SI: 9}\n", 11, 23,
            "SI in 'sl_achieved' of asset 'plc1' must be from 0 to 4, found 9"),
        ErrorCase(
            "conduit SL 5",
            minimalScenario + "conduits:\n  - id: c1\n    zones: [internet, control]\n    sl_target: {RDF: 5}\n", 14,
            22, "RDF in 'sl_target' of conduit 'c1' must be from 0 to 4, found 5"),
        ErrorCase(
            "level 6", zoneWith("level: 6"), 6, 12,
            "'level' of zone 'internet' (Purdue level) must be from 0 to 5 (a whole number, or 3.5), found 6"),
        ErrorCase("level -1", zoneWith("level: -1"), 6, 12, "must be from 0 to 5 (a whole number, or 3.5), found -1"),
        ErrorCase(
            "capability 0", minimalScenario + "attackers:\n  - id: a1\n    capability: 0\n", 13, 17,
            "'capability' of attacker 'a1' must be from 1 to 4, found 0"),
        ErrorCase(
            "capability 5", minimalScenario + "attackers:\n  - id: a1\n    capability: 5\n", 13, 17,
            "'capability' of attacker 'a1' must be from 1 to 4, found 5"),
        ErrorCase(
            "tolerable 1.5", minimalScenario + "tolerable: 1.5\n", 11, 12, "'tolerable' must be from 0 to 1, found 1.5"),
        ErrorCase(
            "tolerable -0.1", minimalScenario + "tolerable: -0.1\n", 11, 12,
            "'tolerable' must be from 0 to 1, found -0.1"),
        ErrorCase(
            "tolerable 1e400", minimalScenario + "tolerable: 1e400\n", 11, 12, "'tolerable' must be finite, found 1e400"
        ),
        ErrorCase(
            "p 1.5", minimalScenario + "calibration:\n  gap:\n    0: {p: 1.5}\n", 13, 12,
            "'p' of gap 0 of 'calibration' must be from 0 to 1, found 1.5"),
        ErrorCase(
            "p -0.5", minimalScenario + "calibration:\n  gap:\n    -2: {p: -0.5}\n", 13, 13,
            "'p' of gap -2 of 'calibration' must be from 0 to 1, found -0.5"),
        ErrorCase(
            "zone upgrade_cost -1", zoneWith("upgrade_cost: -1"), 6, 19,
            "'upgrade_cost' of zone 'internet' must be zero or more, found -1"),
        ErrorCase(
            "conduit upgrade_cost -0.5",
            minimalScenario + "conduits:\n  - id: c1\n    zones: [internet, control]\n    upgrade_cost: -0.5\n", 14, 19,
            "'upgrade_cost' of conduit 'c1' must be zero or more, found -0.5"),
        ErrorCase(
            "iacs_capability 6", minimalScenario + "calibration:\n  iacs_capability: 6\n", 12, 20,
            "'iacs_capability' of 'calibration' must be from 1 to 5, found 6"),
        ErrorCase(
            "iacs_capability 0", minimalScenario + "calibration:\n  iacs_capability: 0\n", 12, 20,
            "must be from 1 to 5, found 0"),
        ErrorCase(
            "iacs_penalty 5", minimalScenario + "calibration:\n  iacs_penalty: 5\n", 12, 17,
            "'iacs_penalty' of 'calibration' must be from 0 to 4, found 5"),
    ])
    func outOfRange(_ c: ErrorCase) {
        expectSingleError(in: c.yaml, c.line, c.column, c.fragment)
    }

    @Test(arguments: ["0", "4"])
    func slBoundsAreAccepted(_ level: String) throws {
        let loaded = try loadScenario(Self.zoneWith("sl_target: \(level)"))
        #expect(loaded.scenario.zones["internet"]?.slTarget == SLVector(uniform: Int(level)!))
    }

    @Test(arguments: [("0", 0.0), ("1", 1.0), ("0.05", 0.05), (".5", 0.5), ("1e-3", 0.001)])
    func tolerableBoundsAreAccepted(_ text: String, _ value: Double) throws {
        let loaded = try loadScenario(minimalScenario + "tolerable: \(text)\n")
        #expect(loaded.scenario.tolerable == value)
    }

    @Test func upgradeCostZeroIsAccepted() throws {
        let loaded = try loadScenario(Self.zoneWith("upgrade_cost: 0"))
        #expect(loaded.scenario.zones["internet"]?.upgradeCost == 0)
    }
}
