import Foundation
import Testing
import ZoneLabModel
import ZoneLabTestSupport

@testable import ZoneLabCLI

/// The design-as-code commands (issue 15): schema, lint, diff, export navigator, import.
@Suite struct DesignAsCodeCommandTests {
    @Test func schemaPrintsTheSchemaFile() throws {
        try CommandTests.run(["schema"], as: SchemaCommand.self)
        let printed = try ProcessTests.run(["schema"])
        #expect(printed.status == 0, "\(printed.stderr)")
        let file = try String(
            contentsOf: RepositoryRoot.url("schema/zonelab-scenario.schema.json"), encoding: .utf8)
        #expect(printed.stdout == file)
        #expect(printed.stdout.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""))
    }

    static let plant = """
        zonelab: 1
        name: Gate
        entry: [internet]
        zones:
          - {id: internet, level: 5, sl_target: 0, sl_achieved: 0}
          - {id: control, level: 2, sl_target: 2, sl_achieved: 2}
        assets:
          - {id: plc1, zone: control, type: plc, critical: true}
        conduits:
          - {id: c1, zones: [internet, control], sl_achieved: 2, channels: [{from: internet, to: plc1}]}
        """

    @Test func lintPrintsFindingsWritesSARIFAndGatesWithCheck() throws {
        let files = try TemporaryFiles("cmd-lint")
        defer { files.cleanUp() }
        let path = try files.write("gate.yaml", Self.plant)
        let sarif = files.path("lint.sarif")
        let command = try CommandTests.run(["lint", path, "--sarif", sarif], as: Lint.self)
        #expect(command.check == false)
        let log = try CommandTests.object(sarif)
        #expect(log["version"] as? String == "2.1.0")

        let plain = try ProcessTests.run(["lint", path])
        #expect(plain.status == 0, "\(plain.stderr)")
        // The conduit skips levels 5 → 2 (ZL001) and leads from the entry zone into level 2 (ZL002).
        #expect(
            CommandTests.lines(plain.stdout) == [
                "\(path):10:5: error: [ZL001] conduit 'c1' joins 'internet' (level 5) and 'control' (level 2), more than one Purdue level apart with no DMZ (level 3.5) between them",
                "\(path):10:5: error: [ZL002] conduit 'c1' leads from the entry zone 'internet' straight into 'control' at Purdue level 2",
            ])
        #expect(plain.stderr.contains("2 errors, 0 warnings"))
        let gated = try ProcessTests.run(["lint", path, "--check"])
        #expect(gated.status == 3)
        let valid = try ProcessTests.run(["lint", RepositoryRoot.scenario("substation"), "--check"])
        #expect(valid.status == 3, "the substation sample has ZL001 errors")
    }

    @Test func lintOfABadFileIsExit65AndAnUnwritableSARIFIs73() throws {
        let files = try TemporaryFiles("cmd-lint-bad")
        defer { files.cleanUp() }
        let bad = try files.write("bad.yaml", "zonelab: 1\nname: x\nzones: 3\n")
        let result = try ProcessTests.run(["lint", bad])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(bad):3:8: error: 'zones' must be a list"))
        let good = try files.write("gate.yaml", Self.plant)
        let unwritable = try ProcessTests.run(["lint", good, "--sarif", files.path("no/such/dir/x.sarif")])
        #expect(unwritable.status == 73)
        #expect(unwritable.stderr.hasPrefix("zonelab: cannot write "))
    }

    @Test func diffListsChangesAndWritesJSONWithTheWhatIf() throws {
        let files = try TemporaryFiles("cmd-diff")
        defer { files.cleanUp() }
        let json = files.path("diff.json")
        let patch = RepositoryRoot.url("scenarios/patches/close-vendor-tunnel.yaml").path
        try CommandTests.run(
            [
                "diff", CommandTests.riverside, patch, "--json", json, "--results", "--trials", "200", "--attacker",
                "SL3",
            ],
            as: Diff.self)
        let document = try CommandTests.object(json)
        #expect(document["zonelab_diff"] as? Int == 1)
        let changes = try #require(document["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes.first?["kind"] as? String == "conduit")
        #expect(changes.first?["id"] as? String == "vpn-scada")
        #expect(changes.first?["change"] as? String == "removed")
        #expect(document["whatif"] is [String: Any])

        let printed = try ProcessTests.run(["diff", CommandTests.riverside, patch])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(CommandTests.lines(printed.stdout) == ["1 change:", "  - conduit vpn-scada"])
    }

    @Test func exportNavigatorWritesALayer() throws {
        let files = try TemporaryFiles("cmd-navigator")
        defer { files.cleanUp() }
        let layerPath = files.path("layer.json")
        try CommandTests.run(
            ["export", "navigator", CommandTests.pharma, "--trials", "200", "--attacker", "SL3", "-o", layerPath],
            as: ExportNavigator.self)
        let layer = try CommandTests.object(layerPath)
        #expect(layer["domain"] as? String == "ics-attack")
        let techniques = try #require(layer["techniques"] as? [[String: Any]])
        #expect(!techniques.isEmpty)
        #expect(techniques.allSatisfy { ($0["techniqueID"] as? String)?.hasPrefix("T0") == true })
    }
}
