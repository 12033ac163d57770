import Foundation
import OrderedCollections
import Testing
import ZoneLabModel
import ZoneLabSource

/// Ids, references between items, conduits and channels, entries, targets and attackers.
@Suite struct ReferenceErrorTests {
    // MARK: Duplicate ids

    @Test(arguments: [
        ErrorCase(
            "zone and zone", edit(minimalScenario, "  - id: control\n", "  - id: control\n  - id: internet\n"), 7, 9,
            "duplicate id 'internet': already the id of a zone at line 5, column 9 (ids are unique across zones, assets and conduits)"
        ),
        ErrorCase(
            "zone and asset", minimalScenario + "  - id: control\n    zone: control\n", 11, 9,
            "duplicate id 'control': already the id of a zone at line 6, column 9"),
        ErrorCase(
            "asset and conduit", minimalScenario + "conduits:\n  - id: plc1\n    zones: [internet, control]\n", 12, 9,
            "duplicate id 'plc1': already the id of an asset at line 8, column 9"),
        ErrorCase(
            "conduit and conduit",
            minimalScenario
                + "conduits:\n  - id: c1\n    zones: [internet, control]\n  - id: c1\n    zones: [control, internet]\n",
            14, 9, "duplicate id 'c1': already the id of a conduit at line 12, column 9"),
        ErrorCase(
            "vulnerability in its asset",
            minimalScenario
                + "    vulnerabilities:\n      - {id: CVE-1, severity: high}\n      - {id: CVE-1, severity: low}\n", 13,
            14, "duplicate vulnerability id 'CVE-1' in asset 'plc1' (first at line 12, column 14)"),
        ErrorCase(
            "attacker", minimalScenario + "attackers:\n  - {id: a1, capability: 1}\n  - {id: a1, capability: 2}\n", 13,
            10, "duplicate attacker id 'a1' (first at line 12, column 10)"),
    ])
    func duplicateIDs(_ c: ErrorCase) {
        expectSingleError(in: c.yaml, c.line, c.column, c.fragment)
    }

    @Test func vulnerabilityIDsMayRepeatAcrossAssets() throws {
        let yaml =
            minimalScenario + """
                    vulnerabilities: [{id: CVE-1, severity: high}]
                  - id: hmi1
                    zone: control
                    vulnerabilities: [{id: CVE-1, severity: high, exploit: public}]

                """
        let loaded = try loadScenario(yaml)
        #expect(loaded.scenario.assets["plc1"]?.vulnerabilities.map(\.id) == ["CVE-1"])
        #expect(loaded.scenario.assets["hmi1"]?.vulnerabilities.first?.exploit == .public)
    }

    @Test func attackerIDsHaveTheirOwnNamespace() throws {
        let loaded = try loadScenario(minimalScenario + "attackers:\n  - {id: control, capability: 2}\n")
        #expect(loaded.scenario.attackers?.map(\.id) == ["control"])
    }

    // MARK: Dangling references

    @Test(arguments: [
        ErrorCase(
            "asset zone", edit(minimalScenario, "zone: control", "zone: contrl"), 9, 11,
            "'zone' of asset 'plc1': 'contrl' is not a known zone; did you mean 'control'?"),
        ErrorCase(
            "conduit zone", minimalScenario + "conduits:\n  - id: c1\n    zones: [internet, contro]\n", 13, 23,
            "'zones' of conduit 'c1': 'contro' is not a known zone; did you mean 'control'?"),
        ErrorCase(
            "conduit zone, far off", minimalScenario + "conduits:\n  - id: c1\n    zones: [internet, field]\n", 13, 23,
            "'zones' of conduit 'c1': 'field' is not a known zone"),
        ErrorCase(
            "conduit zone that is an asset", minimalScenario + "conduits:\n  - id: c1\n    zones: [internet, plc1]\n",
            13, 23, "'zones' of conduit 'c1': 'plc1' is an asset, not a zone (it lies in zone 'control')"),
        ErrorCase(
            "asset zone that is an asset", minimalScenario + "  - id: hmi1\n    zone: plc1\n", 12, 11,
            "'zone' of asset 'hmi1': 'plc1' is an asset, not a zone"),
        ErrorCase(
            "channel from",
            minimalScenario
                + "conduits:\n  - id: c1\n    zones: [internet, control]\n    channels:\n      - {from: internt, to: plc1}\n",
            15, 16,
            "'from' of channel #1 of conduit 'c1': 'internt' is not a known zone or asset; did you mean 'internet'?"),
        ErrorCase(
            "channel to",
            minimalScenario
                + "conduits:\n  - id: c1\n    zones: [internet, control]\n    channels:\n      - {from: internet, to: plc2}\n",
            15, 30, "'to' of channel #1 of conduit 'c1': 'plc2' is not a known zone or asset; did you mean 'plc1'?"),
        ErrorCase(
            "entry", edit(minimalScenario, "entry: [internet]", "entry: [internett]"), 3, 9,
            "'entry': 'internett' is not a known zone or asset; did you mean 'internet'?"),
        ErrorCase(
            "target", minimalScenario + "targets: [contol]\n", 11, 11,
            "'targets': 'contol' is not a known zone or asset; did you mean 'control'?"),
        ErrorCase(
            "attacker entry", minimalScenario + "attackers:\n  - {id: a1, capability: 2, entry: [vpn]}\n", 12, 37,
            "'entry' of attacker 'a1': 'vpn' is not a known zone or asset"),
    ])
    func danglingReference(_ c: ErrorCase) {
        expectSingleError(in: c.yaml, c.line, c.column, c.fragment)
    }

    @Test func farOffReferenceHasNoSuggestion() {
        let all = errors(in: minimalScenario + "attackers:\n  - {id: a1, capability: 2, entry: [vpn]}\n")
        #expect(all.count == 1 && !all[0].message.contains("did you mean"), "\(listing(all))")
    }

    @Test func referencesMayComeBeforeTheirItems() throws {
        // Assets and conduits may be listed before the zones they name.
        let yaml = """
            zonelab: 1
            name: Order
            entry: [hmi]
            assets:
              - {id: hmi, zone: b}
              - {id: plc, zone: b, critical: true}
            conduits:
              - {id: c, zones: [a, b]}
            zones:
              - id: a
              - id: b

            """
        let loaded = try loadScenario(yaml)
        #expect(loaded.scenario.zone(of: "hmi") == "b")
    }

    // MARK: Conduits

    @Test(arguments: [
        ErrorCase(
            "one zone", minimalScenario + "conduits:\n  - id: c1\n    zones: [internet]\n", 13, 12,
            "'zones' of conduit 'c1' must name exactly two zones, found 1"),
        ErrorCase(
            "three zones", minimalScenario + "conduits:\n  - id: c1\n    zones: [internet, control, internet]\n", 13,
            12, "'zones' of conduit 'c1' must name exactly two zones, found 3"),
        ErrorCase(
            "no zone", minimalScenario + "conduits:\n  - id: c1\n    zones: []\n", 13, 12,
            "must name exactly two zones, found 0"),
        ErrorCase(
            "the same zone twice", minimalScenario + "conduits:\n  - id: c1\n    zones: [control, control]\n", 13, 12,
            "'zones' of conduit 'c1' must be two different zones, found 'control' twice"),
    ])
    func conduitZones(_ c: ErrorCase) {
        expectSingleError(in: c.yaml, c.line, c.column, c.fragment)
    }

    // MARK: Channels

    @Test(arguments: [
        ErrorCase(
            "to beyond the conduit", channelScenario + "    channels:\n      - {from: erp, to: plc}\n", 20, 25,
            "'to' of channel #1 of conduit 'it-dmz': 'plc' lies in zone 'ot', not on either side of the conduit ('it' and 'dmz')"
        ),
        ErrorCase(
            "from beyond the conduit", channelScenario + "    channels:\n      - {from: plc, to: hist}\n", 20, 16,
            "'from' of channel #1 of conduit 'it-dmz': 'plc' lies in zone 'ot', not on either side of the conduit ('it' and 'dmz')"
        ),
        ErrorCase(
            "a zone beyond the conduit", channelScenario + "    channels:\n      - {from: it, to: ot}\n", 20, 24,
            "'to' of channel #1 of conduit 'it-dmz': 'ot' lies in zone 'ot', not on either side"),
        ErrorCase(
            "both ends in one zone", channelScenario + "    channels:\n      - {from: erp, to: it}\n", 20, 25,
            "channel #1 of conduit 'it-dmz' runs from 'erp' to 'it', both in zone 'it': a channel crosses the conduit"),
        ErrorCase(
            "backwards on a forward conduit",
            channelScenario + "    direction: forward\n    channels:\n      - {from: hist, to: erp}\n", 21, 16,
            "channel #1 of conduit 'it-dmz' runs against the conduit's direction: it is 'forward' (only from 'it' to 'dmz'), but 'hist' lies in 'dmz'"
        ),
        ErrorCase(
            "the second channel",
            channelScenario + "    channels:\n      - {from: erp, to: hist}\n      - {from: dmz, to: dmz}\n", 21, 25,
            "channel #2 of conduit 'it-dmz' runs from 'dmz' to 'dmz', both in zone 'dmz'"),
    ])
    func channelErrors(_ c: ErrorCase) {
        expectSingleError(in: c.yaml, c.line, c.column, c.fragment)
    }

    @Test func channelsAreReadInOrder() throws {
        let yaml =
            channelScenario + """
                    channels:
                      - {from: erp, to: hist, protocol: https}
                      - {from: hist, to: erp}
                      - {from: it, to: dmz}

                """
        let conduit = try #require(try loadScenario(yaml).scenario.conduits["it-dmz"])
        #expect(conduit.direction == .both)
        #expect(
            conduit.channels == [
                Channel(from: "erp", to: "hist", protocol: "https"), Channel(from: "hist", to: "erp"),
                Channel(from: "it", to: "dmz"),
            ])
    }

    @Test func forwardChannelFromTheFirstZoneIsAccepted() throws {
        let yaml = channelScenario + "    direction: forward\n    channels:\n      - {from: erp, to: hist}\n"
        let conduit = try #require(try loadScenario(yaml).scenario.conduits["it-dmz"])
        #expect(conduit.direction == .forward)
        #expect(conduit.channels == [Channel(from: "erp", to: "hist")])
    }

    @Test func absentChannelsAllowAnyFlowAndAnEmptyListNone() throws {
        let open = try loadScenario(channelScenario).scenario.conduits["it-dmz"]
        #expect(open?.channels == nil)
        let closed = try loadScenario(channelScenario + "    channels: []\n").scenario.conduits["it-dmz"]
        #expect(closed?.channels == [])
    }

    @Test func channelEndInAnAssetWithAnUnknownZoneIsReportedOnce() {
        // The asset's zone is the problem; the channel is not reported again.
        let yaml =
            edit(channelScenario, "    zone: it\n", "    zone: itt\n")
            + "    channels:\n      - {from: erp, to: hist}\n"
        expectSingleError(in: yaml, 12, 11, "'zone' of asset 'erp': 'itt' is not a known zone; did you mean 'it'?")
    }

    // MARK: Entries and targets

    @Test func emptyEntryIsAnError() {
        expectSingleError(
            in: edit(minimalScenario, "entry: [internet]", "entry: []"), 3, 8,
            "'entry' must name at least one zone or asset")
    }

    @Test func nullEntryIsAnError() {
        expectSingleError(
            in: edit(minimalScenario, "entry: [internet]", "entry:"), 3, 1,
            "'entry' of the scenario must have a value: the default attackers SL1–SL4 start there")
    }

    @Test func missingEntryWithDefaultAttackers() {
        expectSingleError(
            in: edit(minimalScenario, "entry: [internet]\n", ""), 1, 1,
            "the scenario is missing the required key 'entry' (the zones or assets where attackers start): the default attackers SL1–SL4 start there"
        )
    }

    @Test func missingEntryIsValidWhenEveryAttackerHasItsOwn() throws {
        let yaml =
            edit(minimalScenario, "entry: [internet]\n", "")
            + "attackers:\n  - {id: a1, capability: 2, entry: [internet]}\n  - {id: a2, capability: 4, entry: [plc1]}\n"
        let loaded = try loadScenario(yaml)
        #expect(loaded.scenario.entry == [])
        let resolved = loaded.scenario.resolvedAttackers(calibration: loaded.scenario.calibration())
        #expect(resolved.map(\.entry) == [["internet"], ["plc1"]])
    }

    @Test func missingEntryNamesTheAttackersWithoutOne() {
        let yaml =
            edit(minimalScenario, "entry: [internet]\n", "")
            + "attackers:\n  - {id: a1, capability: 2, entry: [internet]}\n  - {id: a2, capability: 3}\n  - {id: a3, capability: 4}\n"
        expectSingleError(
            in: yaml, 1, 1,
            "the scenario is missing the required key 'entry' (the zones or assets where attackers start): attackers 'a2', 'a3' name no 'entry' of their own"
        )
    }

    @Test func attackerEntryMustNotBeEmpty() {
        expectSingleError(
            in: minimalScenario + "attackers:\n  - {id: a1, capability: 2, entry: []}\n", 12, 36,
            "'entry' of attacker 'a1' must name at least one zone or asset")
    }

    @Test func entryMayBeASingleIDOrAnAsset() throws {
        let single = try loadScenario(edit(minimalScenario, "entry: [internet]", "entry: internet"))
        #expect(single.scenario.entry == ["internet"])
        let asset = try loadScenario(edit(minimalScenario, "entry: [internet]", "entry: [plc1, internet]"))
        #expect(asset.scenario.entry == ["plc1", "internet"])
    }

    @Test func noTargetAtAll() {
        expectSingleError(
            in: edit(minimalScenario, "    critical: true\n", ""), 1, 1,
            "the scenario has no target: mark an asset 'critical: true' or list zones or assets under 'targets'")
    }

    @Test func emptyTargetsWithoutCriticalAssetIsNoTarget() {
        expectSingleError(
            in: edit(minimalScenario, "    critical: true\n", "    critical: false\n") + "targets: []\n", 1, 1,
            "the scenario has no target")
    }

    @Test func aMisspeltCriticalIsNotAlsoNoTarget() {
        expectSingleError(
            in: edit(minimalScenario, "    critical: true\n", "    critcal: true\n"), 10, 5,
            "unknown key 'critcal' in asset 'plc1'; did you mean 'critical'?")
    }

    @Test func misspeltTargetsIsNotAlsoNoTarget() {
        expectSingleError(
            in: edit(minimalScenario, "    critical: true\n", "") + "tagrets: [control]\n", 10, 1,
            "unknown key 'tagrets' in the scenario; did you mean 'targets'?")
    }

    @Test func aZoneTargetIsEnough() throws {
        let loaded = try loadScenario(edit(minimalScenario, "    critical: true\n", "") + "targets: [control]\n")
        #expect(loaded.scenario.targets == ["control"])
    }

    // MARK: Attackers

    @Test func emptyAttackersIsAnError() {
        expectSingleError(
            in: minimalScenario + "attackers: []\n", 11, 12,
            "'attackers' must not be empty; leave it out for the default attackers SL1–SL4")
    }
}
