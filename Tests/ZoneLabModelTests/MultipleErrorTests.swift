import Foundation
import Testing
import ZoneLabModel
import ZoneLabSource

/// Every problem of a file in one run, sorted by position.
@Suite struct MultipleErrorTests {
    static let broken = """
        zonelab: 2
        name: Plant
        entry: [internet]
        zones:
          - id: internet
            level: 9
          - id: control
            sl_target: {IAC: 2, RDX: 1}
        assets:
          - id: plc1
            zone: controll
            critical: true
            name: PLC
            name: PLC again
        conduits:
          - id: c1
            zones: [internet, internet]
        attackers:
          - id: a1
            capability: 7
            horizon: 90 m

        """

    @Test func everyProblemIsReportedSortedByPosition() {
        let all = errors(in: Self.broken)
        #expect(
            all.map(\.description) == [
                "test.yaml:1:10: error: unsupported format version zonelab: 2; this ZoneLab reads zonelab: 1",
                "test.yaml:6:12: error: 'level' of zone 'internet' (Purdue level) must be from 0 to 5 (a whole number, or 3.5), found 9",
                "test.yaml:8:25: error: unknown key 'RDX' in 'sl_target' of zone 'control'; did you mean 'RDF'?",
                "test.yaml:11:11: error: 'zone' of asset 'plc1': 'controll' is not a known zone; did you mean 'control'?",
                "test.yaml:14:5: error: duplicate key 'name' (first given at line 13, column 5)",
                "test.yaml:17:12: error: 'zones' of conduit 'c1' must be two different zones, found 'internet' twice",
                "test.yaml:20:17: error: 'capability' of attacker 'a1' must be from 1 to 4, found 7",
                "test.yaml:21:14: error: 'horizon' of attacker 'a1' must be a duration such as 90m, 12h, 1.5d, 2w, 1y or a number of hours, found '90 m' (write the number and its unit without a space, e.g. 90m)",
            ],
            "\(listing(all))")
    }

    @Test func theErrorDescriptionIsOneLinePerProblem() {
        do {
            _ = try loadScenario(Self.broken)
            Issue.record("the broken scenario loaded")
        } catch {
            let lines = error.description.split(separator: "\n")
            #expect(lines.count == 8)
            #expect(lines.allSatisfy { $0.hasPrefix("test.yaml:") && $0.contains(": error: ") })
        }
    }

    @Test func theSameMistakeAtTwoPlacesIsTwoProblems() {
        let yaml = minimalScenario + "targets: [nowhere, nowhere]\n"
        let all = errors(in: yaml)
        #expect(all.map(\.location.column) == [11, 20], "\(listing(all))")
    }

    @Test func problemsInManyItemsAreAllReported() {
        var yaml = "zonelab: 1\nname: Many\nentry: [z0]\ntargets: [z0]\nzones:\n"
        for i in 0..<50 { yaml += "  - {id: z\(i), level: \(i % 2 == 0 ? "1" : "x")}\n" }
        let all = errors(in: yaml)
        #expect(all.count == 25, "\(listing(all))")
        #expect(all.map(\.location.line) == (0..<25).map { 7 + 2 * $0 })
        #expect(all.allSatisfy { $0.message.contains("must be a whole number from 0 to 5, or 3.5, found 'x'") })
    }

    @Test func anItemWithoutAnIDIsStillChecked() {
        let all = errors(
            in: minimalScenario + "  - {zone: contrl, critical: yes, vulnerabilities: [{severity: severe}]}\n")
        #expect(
            all.map(\.description) == [
                "test.yaml:11:5: error: asset #2 is missing the required key 'id'",
                "test.yaml:11:12: error: 'zone' of asset #2: 'contrl' is not a known zone; did you mean 'control'?",
                "test.yaml:11:30: error: 'critical' of asset #2 must be true or false, found 'yes'",
                "test.yaml:11:53: error: vulnerability #1 of asset #2 is missing the required key 'id'",
                "test.yaml:11:64: error: 'severity' of vulnerability #1 of asset #2 must be one of low, medium, high, critical, found 'severe'",
            ], "\(listing(all))")
    }

    @Test func aConduitWithBadZonesIsStillChecked() {
        let all = errors(
            in: minimalScenario + "conduits:\n  - {id: c1, zones: [internet], sl_achieved: 7, direction: up}\n")
        #expect(
            all.map(\.description) == [
                "test.yaml:12:21: error: 'zones' of conduit 'c1' must name exactly two zones, found 1",
                "test.yaml:12:46: error: 'sl_achieved' of conduit 'c1' must be from 0 to 4, found 7",
                "test.yaml:12:60: error: 'direction' of conduit 'c1' must be one of both, forward, found 'up'",
            ], "\(listing(all))")
    }

    @Test func everyChannelEndIsChecked() {
        let yaml =
            channelScenario + """
                    channels:
                      - {from: erp, to: hist}
                      - {from: "e r p", to: hsit}
                      - {from: hist, to: hist}

                """
        let all = errors(in: yaml)
        #expect(
            all.map(\.description) == [
                "test.yaml:21:16: error: 'from' of channel #2 of conduit 'it-dmz' 'e r p' is not a valid id: use letters, digits, '_', '.' and '-' only",
                "test.yaml:21:29: error: 'to' of channel #2 of conduit 'it-dmz': 'hsit' is not a known zone or asset; did you mean 'hist'?",
                "test.yaml:22:26: error: channel #3 of conduit 'it-dmz' runs from 'hist' to 'hist', both in zone 'dmz': a channel crosses the conduit",
            ], "\(listing(all))")
    }

    @Test func channelsOfAConduitWithAnUnknownZoneAreNotReportedAgain() {
        let yaml =
            edit(channelScenario, "zones: [it, dmz]", "zones: [it, dzm]")
            + "    channels:\n      - {from: erp, to: hist}\n"
        expectSingleError(
            in: yaml, 18, 17, "'zones' of conduit 'it-dmz': 'dzm' is not a known zone; did you mean 'dmz'?")
    }

    @Test func valuesWithLineBreaksAreQuotedOnOneLine() {
        let yaml = edit(
            minimalScenario, "  - id: internet\n", "  - id: internet\n    level: \"2\\n3\"\n  - id: \"b\\nc\"\n")
        let all = errors(in: yaml)
        #expect(
            all.map(\.description) == [
                #"test.yaml:6:12: error: 'level' of zone 'internet' (Purdue level) must be a whole number from 0 to 5, or 3.5, found the string "2\n3""#,
                #"test.yaml:7:9: error: the id of zone #2 'b\nc' is not a valid id: use letters, digits, '_', '.' and '-' only"#,
            ], "\(listing(all))")
    }
}
