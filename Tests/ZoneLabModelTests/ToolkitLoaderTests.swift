import Foundation
import OrderedCollections
import Testing
import ZoneLabModel
import ZoneLabSource

/// SPEC 2's v2 keys of SPEC 3.5: `credentials:`, asset `media:`/`transient:`, attacker `media:`,
/// vulnerability `preauth:`, calibration `mfa_level`, their errors, diffs and patches.
@Suite struct ToolkitLoaderTests {
    /// The minimal plant with a laptop, a conduit and a credential. Lines 11–19 are the added text.
    static let plant =
        minimalScenario + """
                media: true
                vulnerabilities: [{id: CVE-9, severity: high, exploit: public, preauth: true}]
              - {id: laptop, zone: internet, transient: [{zone: control, every: 30d}]}
            conduits:
              - {id: vpn, zones: [internet, control], sl_achieved: {RDF: 2, IAC: 2}}
            credentials:
              - {id: vpn-creds, name: Vendor VPN accounts, stored_on: [laptop], grants: [vpn, plc1], factor: token}
            attackers:
              - {id: apt, capability: 4, media: true}
              - {id: casual, capability: 1}
            calibration: {mfa_level: 4}

            """

    @Test func everyNewKeyIsRead() throws {
        let s = try loadScenario(Self.plant).scenario
        let k = try #require(s.credentials["vpn-creds"])
        #expect(k.name == "Vendor VPN accounts")
        #expect(k.storedOn == ["laptop"])
        #expect(k.grants == ["vpn", "plc1"])
        #expect(k.factor == .token)
        #expect(s.assets["plc1"]?.media == true)
        #expect(s.assets["laptop"]?.media == false)
        #expect(s.assets["plc1"]?.vulnerabilities.first?.preauth == true)
        #expect(s.assets["laptop"]?.transient == [TransientVisit(zone: "control", every: TimeSpan(hours: 720))])
        #expect(s.attackers?.map(\.media) == [true, false])
        #expect(s.calibration().mfaLevel == 4)
    }

    @Test func theDefaultsAreThoseOfSpec35() throws {
        let s = try loadScenario(
            minimalScenario
                + "  - {id: ws, zone: internet}\ncredentials:\n  - {id: k, stored_on: ws, grants: plc1}\n"
        ).scenario
        #expect(s.credentials["k"]?.factor == .password)
        #expect(s.credentials["k"]?.name == "k")
        #expect(s.calibration().mfaLevel == 3)
        #expect(Calibration.standard.mfaLevel == 3)
        let attackers = s.resolvedAttackers(calibration: s.calibration())
        #expect(attackers.map(\.media) == [false, false, true, true])  // default SL3 and SL4 bring media
    }

    @Test(arguments: [
        ErrorCase(
            "stored_on a zone", minimalScenario + "credentials:\n  - {id: k, stored_on: [control], grants: [plc1]}\n",
            12, 25, "'stored_on' of credential 'k': 'control' is a zone, not an asset"),
        ErrorCase(
            "stored_on unknown", minimalScenario + "credentials:\n  - {id: k, stored_on: [plc2], grants: [plc1]}\n",
            12, 25, "'stored_on' of credential 'k': 'plc2' is not a known asset; did you mean 'plc1'?"),
        ErrorCase(
            "grants a zone", minimalScenario + "credentials:\n  - {id: k, stored_on: [plc1], grants: [control]}\n", 12,
            41, "'grants' of credential 'k': 'control' is a zone: a credential grants conduits (their logins) or assets"
        ),
        ErrorCase(
            "grants unknown", minimalScenario + "credentials:\n  - {id: k, stored_on: [plc1], grants: [nope]}\n", 12,
            41,
            "'grants' of credential 'k': 'nope' is not a known conduit or asset"),
        ErrorCase(
            "stored_on empty", minimalScenario + "credentials:\n  - {id: k, stored_on: [], grants: [plc1]}\n", 12, 24,
            "'stored_on' of credential 'k' must name at least one asset"),
        ErrorCase(
            "grants empty", minimalScenario + "credentials:\n  - {id: k, stored_on: [plc1], grants: []}\n", 12, 40,
            "'grants' of credential 'k' must name at least one conduit or asset"),
        ErrorCase(
            "factor", minimalScenario + "credentials:\n  - {id: k, stored_on: [plc1], grants: [plc1], factor: pin}\n",
            12, 56, "'factor' of credential 'k' must be one of password, token, found 'pin'"),
        ErrorCase(
            "id shared with a zone",
            minimalScenario + "credentials:\n  - {id: control, stored_on: [plc1], grants: [plc1]}\n",
            12, 10, "duplicate id 'control': already the id of a zone at line 6, column 9"),
        ErrorCase(
            "missing grants", minimalScenario + "credentials:\n  - {id: k, stored_on: [plc1]}\n", 12, 5,
            "missing the required key 'grants'"),
        ErrorCase(
            "transient into its own zone", minimalScenario + "    transient: [{zone: control, every: 30d}]\n", 11, 24,
            "'zone' of visit #1 in 'transient' of asset 'plc1' is 'control', the asset's own zone"),
        ErrorCase(
            "transient every zero", minimalScenario + "    transient: [{zone: internet, every: 0}]\n", 11, 41,
            "'every' of visit #1 in 'transient' of asset 'plc1' must be positive, found 0"),
        ErrorCase(
            "transient unknown zone", minimalScenario + "    transient: [{zone: dmz, every: 1d}]\n", 11, 24,
            "'zone' of visit #1 in 'transient' of asset 'plc1': 'dmz' is not a known zone"),
        ErrorCase(
            "media not a boolean", minimalScenario + "    media: often\n", 11, 12,
            "'media' of asset 'plc1'"),
        ErrorCase(
            "preauth not a boolean",
            minimalScenario + "    vulnerabilities: [{id: C, severity: low, preauth: maybe}]\n", 11, 55,
            "'preauth' of vulnerability 'C' of asset 'plc1'"),
        ErrorCase(
            "attacker media", minimalScenario + "attackers:\n  - {id: a, capability: 2, media: 3}\n", 12, 35,
            "'media' of attacker 'a'"),
        ErrorCase(
            "mfa_level out of range", minimalScenario + "calibration: {mfa_level: 6}\n", 11, 26,
            "'mfa_level' of 'calibration' (the IAC SL-A from which MFA stops a password) must be"),
    ])
    func preciseErrors(_ c: ErrorCase) {
        expectSingleError(in: c.yaml, c.line, c.column, c.fragment)
    }

    @Test func theDiffComparesCredentialsAndTheNewFields() throws {
        let old = try loadScenario(Self.plant).scenario
        let changed = edit(
            edit(edit(Self.plant, "factor: token", "factor: password"), "preauth: true", "preauth: false"),
            "    media: true\n", "")
        let new = try loadScenario(changed).scenario
        let lines = ScenarioDiff(old: old, new: new).changes.map(\.text)
        #expect(lines.contains("~ credential vpn-creds: factor token → password"))
        #expect(lines.contains("~ vulnerability plc1/CVE-9: preauth true → false"))
        #expect(lines.contains("~ asset plc1: media true → false"))
        let gone = try loadScenario(edit(Self.plant, "grants: [vpn, plc1]", "grants: [plc1, vpn]")).scenario
        #expect(ScenarioDiff(old: old, new: gone).changes.isEmpty)  // list order is no change
    }

    @Test func aPatchAddsChangesAndRemovesCredentials() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zonelab-toolkit-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.appendingPathComponent("base.yaml").path
        try Data(Self.plant.utf8).write(to: URL(fileURLWithPath: base))
        func variant(_ text: String) throws -> Scenario {
            let path = folder.appendingPathComponent("patch.yaml").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return try ScenarioPatch.loadVariant(path: path, basePath: base).scenario
        }
        #expect(
            try variant("zonelab_patch: 1\nchange:\n  vpn-creds: {factor: password}\n").credentials["vpn-creds"]?.factor
                == .password)
        #expect(try variant("zonelab_patch: 1\nremove: [vpn-creds]\n").credentials.isEmpty)
        let added = try variant(
            "zonelab_patch: 1\nadd:\n  credentials: [{id: k2, stored_on: [plc1], grants: [laptop], factor: token}]\n")
        #expect(added.credentials.keys.elements == ["vpn-creds", "k2"])
        // Removing where a credential is stored takes the credential with it; removing one of
        // what it opens only shortens `grants`.
        #expect(try variant("zonelab_patch: 1\nremove: [laptop]\n").credentials.isEmpty)
        #expect(try variant("zonelab_patch: 1\nremove: [vpn]\n").credentials["vpn-creds"]?.grants == ["plc1"])
        let raised = try variant("zonelab_patch: 1\nset:\n  calibration: {mfa_level: 2}\n")
        #expect(raised.calibration().mfaLevel == 2)
    }
}
