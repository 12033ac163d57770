import Foundation
import Testing
import ZoneLabModel
import ZoneLabSource

/// Duplicate, unknown and missing keys, each reported where it was written.
@Suite struct KeyErrorTests {
    // MARK: Duplicate keys

    @Test func duplicateTopLevelKeyIsReportedAtTheRepeatedKey() {
        expectSingleError(
            in: minimalScenario + "name: Again\n", 11, 1, "duplicate key 'name' (first given at line 2, column 1)")
    }

    @Test func duplicateKeyInsideAListItem() {
        let yaml = edit(minimalScenario, "    zone: control\n", "    zone: control\n    zone: internet\n")
        expectSingleError(in: yaml, 10, 5, "duplicate key 'zone' (first given at line 9, column 5)")
    }

    @Test func duplicateKeyInAFlowMapping() {
        let yaml =
            edit(minimalScenario, "entry: [internet]\n", "entry: [internet]\nhorizon: 1d\n")
            + "calibration: {iacs_penalty: 1, iacs_penalty: 2}\n"
        expectSingleError(in: yaml, 12, 32, "duplicate key 'iacs_penalty' (first given at line 12, column 15)")
    }

    @Test func everyDuplicateKeyIsReported() {
        let all = errors(in: minimalScenario + "name: Again\nentry: [control]\nname: Third\n")
        #expect(all.map(\.location.line) == [11, 12, 13], "\(listing(all))")
        expectError(all, 11, 1, ["duplicate key 'name' (first given at line 2, column 1)"])
        expectError(all, 12, 1, ["duplicate key 'entry' (first given at line 3, column 1)"])
        expectError(all, 13, 1, ["duplicate key 'name' (first given at line 2, column 1)"])
    }

    @Test func theFirstOfDuplicateKeysIsTheOneRead() {
        // Reported, and the file's other problems are checked against the first value.
        let all = errors(in: edit(minimalScenario, "entry: [internet]\n", "entry: [internet]\nentry: [nowhere]\n"))
        #expect(all.count == 1, "\(listing(all))")
        expectError(all, 4, 1, ["duplicate key 'entry' (first given at line 3, column 1)"])
    }

    @Test func duplicateKeysAreReportedWithTheFilesOtherProblems() {
        let yaml = edit(minimalScenario, "name: Test Plant\n", "name: Test Plant\nname: Again\n") + "tolerable: 2\n"
        let all = errors(in: yaml)
        #expect(all.count == 2, "\(listing(all))")
        expectError(all, 3, 1, ["duplicate key 'name'"])
        expectError(all, 12, 12, ["'tolerable' must be from 0 to 1, found 2"])
    }

    // MARK: Unknown keys

    @Test(arguments: [
        ErrorCase(
            "top level", minimalScenario + "zone: x\n", 11, 1,
            "unknown key 'zone' in the scenario; did you mean 'zones'?"),
        ErrorCase(
            "zone", edit(minimalScenario, "  - id: internet\n", "  - id: internet\n    sl_targt: 2\n"), 6, 5,
            "unknown key 'sl_targt' in zone 'internet'; did you mean 'sl_target'?"),
        ErrorCase(
            "asset", minimalScenario + "    typ: plc\n", 11, 5,
            "unknown key 'typ' in asset 'plc1'; did you mean 'type'?"),
        ErrorCase(
            "vulnerability",
            minimalScenario
                + "    vulnerabilities:\n      - id: CVE-1\n        severity: high\n        exploitt: public\n", 14, 9,
            "unknown key 'exploitt' in vulnerability 'CVE-1' of asset 'plc1'; did you mean 'exploit'?"),
        ErrorCase(
            "conduit",
            minimalScenario + "conduits:\n  - id: c1\n    zones: [internet, control]\n    direciton: forward\n", 14, 5,
            "unknown key 'direciton' in conduit 'c1'; did you mean 'direction'?"),
        ErrorCase(
            "channel",
            minimalScenario
                + "conduits:\n  - id: c1\n    zones: [internet, control]\n    channels:\n      - {from: internet, to: plc1, protocl: modbus}\n",
            15, 36, "unknown key 'protocl' in channel #1 of conduit 'c1'; did you mean 'protocol'?"),
        ErrorCase(
            "attacker", minimalScenario + "attackers:\n  - id: a1\n    capability: 2\n    horizn: 5d\n", 14, 5,
            "unknown key 'horizn' in attacker 'a1'; did you mean 'horizon'?"),
        ErrorCase(
            "calibration", minimalScenario + "calibration:\n  conduit_fr: [RDF]\n", 12, 3,
            "unknown key 'conduit_fr' in 'calibration'; did you mean 'conduit_frs'?"),
        ErrorCase(
            "calibration cell", minimalScenario + "calibration:\n  gap:\n    0: {q: 0.5}\n", 13, 9,
            "unknown key 'q' in gap 0 of 'calibration'"),
        ErrorCase(
            "FR in an SL map",
            edit(minimalScenario, "  - id: internet\n", "  - id: internet\n    sl_target: {IAC: 1, IAX: 2}\n"), 6, 25,
            "unknown key 'IAX' in 'sl_target' of zone 'internet'; did you mean 'IAC'?"),
        ErrorCase(
            "FR written in lower case", minimalScenario + "    sl_achieved: {rdf: 2}\n", 11, 19,
            "unknown key 'rdf' in 'sl_achieved' of asset 'plc1'; did you mean 'RDF'?"),
    ])
    func unknownKeyWithSuggestion(_ c: ErrorCase) {
        expectSingleError(in: c.yaml, c.line, c.column, c.fragment)
    }

    @Test func unknownKeyFarFromEveryKnownOneHasNoSuggestion() {
        let yaml = edit(minimalScenario, "  - id: internet\n", "  - id: internet\n    colour: red\n")
        let all = errors(in: yaml)
        expectError(all, 6, 5, ["unknown key 'colour' in zone 'internet'"])
        #expect(all.count == 1)
        #expect(!all[0].message.contains("did you mean"), "\(all[0].message)")
    }

    @Test func unknownKeysAreReportedEveryOne() {
        let all = errors(in: minimalScenario + "colour: red\nowner: ops\n")
        #expect(all.count == 2, "\(listing(all))")
        expectError(all, 11, 1, ["unknown key 'colour' in the scenario"])
        expectError(all, 12, 1, ["unknown key 'owner' in the scenario"])
    }

    @Test func mergeKeysAreNotSupported() {
        let yaml = edit(minimalScenario, "  - id: control\n", "  - id: control\n    <<: {level: 2}\n")
        expectSingleError(
            in: yaml, 7, 5, "unknown key '<<' in zone 'control': YAML merge keys are not supported; write the keys out")
    }

    @Test func windowsLineEndingsKeepLineNumbers() {
        let yaml = (minimalScenario + "colour: red\n").replacingOccurrences(of: "\n", with: "\r\n")
        expectSingleError(in: yaml, 11, 1, "unknown key 'colour' in the scenario")
    }

    // MARK: Missing required keys

    @Test(arguments: [
        ErrorCase(
            "name", edit(minimalScenario, "name: Test Plant\n", ""), 1, 1,
            "the scenario is missing the required key 'name'"),
        ErrorCase(
            "entry", edit(minimalScenario, "entry: [internet]\n", ""), 1, 1,
            "the scenario is missing the required key 'entry'"),
        ErrorCase(
            "zone id", edit(minimalScenario, "  - id: control\n", "  - id: control\n  - name: Extra\n"), 7, 5,
            "zone #3 is missing the required key 'id'"),
        ErrorCase(
            "asset id", minimalScenario + "  - name: HMI\n    zone: control\n", 11, 5,
            "asset #2 is missing the required key 'id'"),
        ErrorCase(
            "asset zone", minimalScenario + "  - id: hmi1\n", 11, 5, "asset 'hmi1' is missing the required key 'zone'"),
        ErrorCase(
            "conduit id", minimalScenario + "conduits:\n  - zones: [internet, control]\n", 12, 5,
            "conduit #1 is missing the required key 'id'"),
        ErrorCase(
            "conduit zones", minimalScenario + "conduits:\n  - id: c1\n", 12, 5,
            "conduit 'c1' is missing the required key 'zones'"),
        ErrorCase(
            "vulnerability id", minimalScenario + "    vulnerabilities:\n      - severity: high\n", 12, 9,
            "vulnerability #1 of asset 'plc1' is missing the required key 'id'"),
        ErrorCase(
            "vulnerability severity", minimalScenario + "    vulnerabilities:\n      - id: CVE-1\n", 12, 9,
            "vulnerability 'CVE-1' of asset 'plc1' is missing the required key 'severity'"),
        ErrorCase(
            "attacker id", minimalScenario + "attackers:\n  - capability: 2\n", 12, 5,
            "attacker #1 is missing the required key 'id'"),
        ErrorCase(
            "attacker capability", minimalScenario + "attackers:\n  - id: a1\n", 12, 5,
            "attacker 'a1' is missing the required key 'capability'"),
        ErrorCase(
            "channel end",
            minimalScenario
                + "conduits:\n  - id: c1\n    zones: [internet, control]\n    channels:\n      - {from: internet}\n",
            15, 9, "channel #1 of conduit 'c1' is missing the required key 'to'"),
        ErrorCase(
            "ttc dist", minimalScenario + "calibration:\n  gap:\n    0: {ttc: {median: 4d}}\n", 13, 14,
            "'ttc' of gap 0 of 'calibration' is missing the required key 'dist'"),
        ErrorCase(
            "a key without a value", edit(minimalScenario, "  - id: control\n", "  - id: control\n  - id:\n"), 7, 5,
            "'id' of zone #3 must have a value"),
    ])
    func missingRequiredKey(_ c: ErrorCase) {
        expectSingleError(in: c.yaml, c.line, c.column, c.fragment)
    }

    @Test func missingZones() {
        let all = errors(in: "zonelab: 1\nname: T\nentry: [a]\ntargets: [a]\n")
        expectError(all, 1, 1, ["the scenario is missing the required key 'zones'"])
    }

    @Test func emptyZones() {
        let all = errors(in: "zonelab: 1\nname: T\nentry: [a]\nzones: []\n")
        expectError(all, 4, 8, ["'zones' must list at least one zone"])
    }

    @Test func everyMissingKeyOfTheScenarioIsReported() {
        let all = errors(in: "description: nothing else\n")
        let messages = all.map(\.message)
        #expect(all.allSatisfy { $0.location == .start }, "\(listing(all))")
        for key in ["zonelab", "name", "zones", "entry"] {
            #expect(messages.contains { $0.contains("missing the required key '\(key)'") }, "\(key): \(listing(all))")
        }
        #expect(messages.contains { $0.contains("has no target") })
    }
}
