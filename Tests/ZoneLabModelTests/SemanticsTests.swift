import Foundation
import OrderedCollections
import Testing
import ZoneLabModel
import ZoneLabSource

/// What a valid file means: SL vectors, defaults, attackers, targets, slug and hash.
@Suite struct SemanticsTests {
    static let plant = """
        zonelab: 1
        name: Riverside Water
        description: A test plant.
        entry: [internet]
        zones:
          - id: internet
            name: Internet
            sl_target: 0
          - id: enterprise
            level: 4
            sl_target: {IAC: 2, RDF: 3}
            sl_achieved: 1
            upgrade_cost: 100000
          - id: control
            level: 2
            sl_target: 3
            sl_achieved: {IAC: 2, UC: 2, SI: 1, DC: 1, RDF: 2, TRE: 1, RA: 2}
            compensating: Jump host with session recording.
        assets:
          - id: hmi
            zone: control
            type: hmi
          - id: plc2
            zone: control
            type: PLC
            critical: true
            sl_achieved: {SI: 4, DC: 0}
            vulnerabilities:
              - {id: CVE-2022-1, severity: critical, exploit: public}
              - {id: CVE-2022-2, severity: low}
          - id: plc1
            name: Filter PLC
            zone: control
            critical: true
            sl_achieved: 3
        conduits:
          - id: it-ot
            zones: [enterprise, control]
          - id: web
            name: Web firewall
            zones: [internet, enterprise]
            direction: forward
            sl_achieved: {RDF: 2, IAC: 2}
            sl_target: 3
            upgrade_cost: 2500.5

        """

    static func load(_ yaml: String = plant) throws -> Scenario {
        try loadScenario(yaml).scenario
    }

    @Test func scalarSLIsEveryFR() throws {
        let s = try Self.load()
        #expect(s.zones["control"]?.slTarget == SLVector(uniform: 3))
        #expect(s.zones["enterprise"]?.slAchieved == SLVector(uniform: 1))
        #expect(s.zones["internet"]?.slTarget == SLVector(uniform: 0))
    }

    @Test func slMapGivesZeroToTheFRsLeftOut() throws {
        let target = try #require(try Self.load().zones["enterprise"]?.slTarget)
        #expect(target[.IAC] == 2)
        #expect(target[.RDF] == 3)
        for fr in [FR.UC, .SI, .DC, .TRE, .RA] { #expect(target[fr] == 0, "\(fr)") }
        #expect(target.compact == "2000300")
    }

    /// An absent SL-A is 0 for the simulation and assesses no FR (SPEC 4 "not assessed").
    @Test func missingSLIsZeroAndNotAssessed() throws {
        let s = try Self.load()
        for vector in [s.zones["internet"]?.slAchieved, s.conduits["it-ot"]?.slAchieved] {
            let v = try #require(vector)
            #expect(FR.allCases.allSatisfy { v[$0] == 0 })
            #expect(v.assessedFRs.isEmpty)
            #expect(v.gaps(to: SLVector(uniform: 3)).isEmpty)
        }
    }

    /// An SL-A map assesses the FRs it names only; gaps and the compact form skip the others.
    @Test func slAchievedMapLeavesTheOtherFRsNotAssessed() throws {
        let s = try Self.load()
        let control = try #require(s.zones["control"])
        let assessed = control.slAchieved.assessedFRs
        #expect(!assessed.isEmpty)
        #expect(control.slAchieved.gaps(to: SLVector(uniform: 4)).map(\.fr) == assessed)
        #expect(SLVector([.IAC: 2, .RDF: 1]).compact == "2---1--")
        #expect(SLVector([.IAC: 2, .RDF: 1]).gaps(to: SLVector(uniform: 3)).map(\.fr) == [.IAC, .RDF])
        #expect(SLVector(uniform: 1).assessedFRs == FR.allCases)
    }

    @Test func assetSLOverridesOnlyTheFRsItNames() throws {
        let s = try Self.load()
        let plc2 = try #require(s.assets["plc2"])
        #expect(plc2.slAchievedOverrides == [.SI: 4, .DC: 0])
        // The zone's SL-A is 2 2 1 1 2 1 2; the asset sets SI to 4 and DC to 0.
        #expect(s.slAchieved(of: plc2).compact == "2240212")
        let hmi = try #require(s.assets["hmi"])
        #expect(hmi.slAchievedOverrides.isEmpty)
        #expect(s.slAchieved(of: hmi) == s.zones["control"]?.slAchieved)
    }

    @Test func assetScalarSLOverridesEveryFR() throws {
        let s = try Self.load()
        let plc1 = try #require(s.assets["plc1"])
        #expect(s.slAchieved(of: plc1) == SLVector(uniform: 3))
    }

    @Test func conduitSLTargetDefaultsToTheLargerOfItsZonesPerFR() throws {
        let s = try Self.load()
        let itOT = try #require(s.conduits["it-ot"])
        #expect(itOT.slTarget == nil)
        // enterprise {IAC 2, RDF 3}, control 3 everywhere: per FR the larger.
        #expect(s.slTarget(of: itOT) == SLVector(uniform: 3))
        let web = try #require(s.conduits["web"])
        #expect(s.slTarget(of: web) == SLVector(uniform: 3))
    }

    @Test func conduitSLTargetIsPerFRMaximum() throws {
        let yaml = """
            zonelab: 1
            name: Per FR
            entry: [a]
            targets: [b]
            zones:
              - {id: a, sl_target: {IAC: 3, UC: 1}}
              - {id: b, sl_target: {UC: 2, RA: 4}}
            conduits:
              - {id: c, zones: [a, b]}

            """
        let s = try Self.load(yaml)
        let c = try #require(s.conduits["c"])
        #expect(s.slTarget(of: c).compact == "3200004")
    }

    @Test func defaultsOfOptionalKeys() throws {
        let s = try Self.load()
        #expect(s.tolerable == 0.05)
        #expect(s.horizon == nil)
        #expect(s.description == "A test plant.")
        #expect(s.zones["enterprise"]?.name == "enterprise")
        #expect(s.zones["internet"]?.name == "Internet")
        #expect(s.zones["internet"]?.level == nil)
        #expect(s.zones["enterprise"]?.level == 4)
        #expect(s.zones["enterprise"]?.upgradeCost == 100000)
        #expect(s.zones["control"]?.compensating == "Jump host with session recording.")
        #expect(s.assets["hmi"]?.critical == false)
        #expect(s.assets["hmi"]?.name == "hmi")
        #expect(s.assets["plc1"]?.name == "Filter PLC")
        #expect(s.assets["hmi"]?.type == "hmi")
        #expect(s.assets["plc1"]?.type == nil)
        #expect(s.conduits["it-ot"]?.direction == .both)
        #expect(s.conduits["it-ot"]?.name == "it-ot")
        #expect(s.conduits["web"]?.direction == .forward)
        #expect(s.conduits["web"]?.name == "Web firewall")
        #expect(s.conduits["web"]?.upgradeCost == 2500.5)
        #expect(s.attackers == nil)
        #expect(s.calibrationOverride == CalibrationOverride())
    }

    @Test func vulnerabilitiesAndTheirCaps() throws {
        let plc2 = try #require(try Self.load().assets["plc2"])
        #expect(
            plc2.vulnerabilities == [
                Vulnerability(id: "CVE-2022-1", severity: .critical, exploit: .public),
                Vulnerability(id: "CVE-2022-2", severity: .low, exploit: .none),
            ])
        #expect(plc2.vulnerabilities.map(\.protectionCap) == [0, 3])
    }

    @Test(arguments: [
        (Severity.critical, ExploitAvailability.public, 0), (.critical, .none, 1), (.high, .public, 1),
        (.high, .none, 2),
        (.medium, .public, 2), (.medium, .none, 3), (.low, .public, 3), (.low, .none, 3),
    ])
    func protectionCapTable(_ severity: Severity, _ exploit: ExploitAvailability, _ cap: Int) {
        #expect(Vulnerability(id: "v", severity: severity, exploit: exploit).protectionCap == cap)
    }

    @Test func itemsKeepFileOrder() throws {
        let s = try Self.load()
        #expect(Array(s.zones.keys) == ["internet", "enterprise", "control"])
        #expect(Array(s.assets.keys) == ["hmi", "plc2", "plc1"])
        #expect(Array(s.conduits.keys) == ["it-ot", "web"])
        #expect(s.assets(in: "control").map(\.id) == ["hmi", "plc2", "plc1"])
        #expect(s.zone(of: "plc1") == "control")
        #expect(s.zone(of: "enterprise") == "enterprise")
        #expect(s.zone(of: "nowhere") == nil)
    }

    @Test func aScenarioMayBeWrittenInJSON() throws {
        let json = """
            {"zonelab": 1, "name": "JSON Plant", "entry": ["internet"], "horizon": 720, "tolerable": 0.1,
             "zones": [{"id": "internet"}, {"id": "control", "sl_target": {"IAC": 3}}],
             "assets": [{"id": "plc1", "zone": "control", "critical": true}],
             "attackers": [{"id": "a", "capability": 3, "horizon": "2w"}]}
            """
        let s = try Self.load(json)
        #expect(s.name == "JSON Plant")
        #expect(s.horizon == TimeSpan(hours: 720))
        #expect(s.tolerable == 0.1)
        #expect(s.zones["control"]?.slTarget[.IAC] == 3)
        #expect(s.attackers?.first?.horizon == TimeSpan(hours: 336))
        #expect(s.targets == ["plc1"])
    }

    // MARK: Targets

    @Test func targetsAreTheCriticalAssetsInFileOrderThenTheTargetsList() throws {
        let s = try Self.load(Self.plant + "targets: [enterprise, plc1, hmi]\n")
        #expect(s.extraTargets == ["enterprise", "plc1", "hmi"])
        #expect(s.targets == ["plc2", "plc1", "enterprise", "hmi"])
    }

    @Test func targetsWithoutExtraTargets() throws {
        #expect(try Self.load().targets == ["plc2", "plc1"])
    }

    // MARK: Attackers

    @Test func defaultAttackersAreSL1ToSL4() throws {
        let s = try Self.load()
        let resolved = s.resolvedAttackers(calibration: s.calibration())
        #expect(resolved.map(\.id) == ["SL1", "SL2", "SL3", "SL4"])
        #expect(resolved.map(\.capability) == [1, 2, 3, 4])
        #expect(resolved.allSatisfy { $0.entry == ["internet"] })
        #expect(resolved.map(\.horizonHours) == [168, 720, 2160, 8760])
    }

    static let attackers =
        plant + """
            horizon: 30d
            attackers:
              - {id: insider, capability: 2, entry: [hmi], horizon: 12h}
              - {id: crew, capability: 3}
              - {id: state, capability: 4, entry: [enterprise, internet]}

            """

    @Test func attackerHorizonIsItsOwnElseTheScenarios() throws {
        let s = try Self.load(Self.attackers)
        let resolved = s.resolvedAttackers(calibration: s.calibration())
        #expect(resolved.map(\.id) == ["insider", "crew", "state"])
        #expect(resolved.map(\.horizonHours) == [12, 720, 720])
        #expect(resolved.map(\.entry) == [["hmi"], ["internet"], ["enterprise", "internet"]])
        #expect(
            s.attackers?.first == Attacker(id: "insider", capability: 2, entry: ["hmi"], horizon: TimeSpan(hours: 12)))
    }

    @Test func attackerHorizonFallsBackToTheCalibrationPerCapability() throws {
        let yaml = edit(Self.attackers, "horizon: 30d\n", "calibration:\n  horizon: {3: 60d}\n")
        let s = try Self.load(yaml)
        let resolved = s.resolvedAttackers(calibration: s.calibration())
        #expect(resolved.map(\.horizonHours) == [12, 1440, 8760])
    }

    @Test func commandLineHorizonOverridesEveryOther() throws {
        let s = try Self.load(Self.attackers)
        let resolved = s.resolvedAttackers(calibration: s.calibration(), horizonOverride: TimeSpan(hours: 5))
        #expect(resolved.map(\.horizonHours) == [5, 5, 5])
        let defaults = try Self.load()
        #expect(
            defaults.resolvedAttackers(calibration: .standard, horizonOverride: TimeSpan(hours: 7)).map(\.horizonHours)
                == [7, 7, 7, 7])
    }

    @Test func scenarioHorizonAppliesToTheDefaultAttackers() throws {
        let s = try Self.load(Self.plant + "horizon: 2w\n")
        #expect(s.resolvedAttackers(calibration: s.calibration()).map(\.horizonHours) == [336, 336, 336, 336])
    }

    // MARK: Slug

    @Test(arguments: [
        ("Riverside Water Treatment", "riverside-water-treatment"),
        ("Northbrook Biologics Batch Plant", "northbrook-biologics-batch-plant"),
        ("Plant #3 (North)", "plant-3-north-"),
        ("  Leading and trailing  ", "-leading-and-trailing-"),
        ("a--b__c", "a-b-c"),
        ("ALL CAPS 2024", "all-caps-2024"),
        ("Zürich Wasser", "z-rich-wasser"),
        ("日本 plant", "-plant"),
        ("123", "123"),
        ("x", "x"),
        ("---", "-"),
        ("tab\there", "tab-here"),
    ])
    func slug(_ name: String, _ slug: String) {
        #expect(Scenario(name: name, zones: []).slug == slug)
    }

    @Test func slugComesFromTheFilesName() throws {
        #expect(try Self.load().slug == "riverside-water")
    }

    // MARK: SHA-256

    @Test func sha256IsOfTheFilesBytes() throws {
        let loaded = try loadScenario(minimalScenario)
        // sha256sum of the fixture's exact bytes.
        #expect(loaded.sha256 == "e1df51c4078db6bc7df4db801b72231056a0124fe9bbd2e37814ca0b5607a035")
        #expect(loaded.sha256 == ScenarioLoader.sha256Hex(Data(minimalScenario.utf8)))
        #expect(loaded.file == testFile)
    }

    @Test func sha256ChangesWithAComment() throws {
        let a = try loadScenario(minimalScenario)
        let b = try loadScenario(minimalScenario + "# a comment\n")
        #expect(a.scenario == b.scenario)
        #expect(a.sha256 != b.sha256)
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ])
    func sha256KnownValues(_ text: String, _ hex: String) {
        #expect(ScenarioLoader.sha256Hex(Data(text.utf8)) == hex)
    }
}
