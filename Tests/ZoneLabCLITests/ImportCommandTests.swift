import Foundation
import OrderedCollections
import Testing
import ZoneLabModel
import ZoneLabTestSupport

@testable import ZoneLabCLI

/// `zonelab import inventory|firewall|advisories` on the example inputs of examples/import/.
@Suite struct ImportCommandTests {
    static func example(_ name: String) -> String { RepositoryRoot.url("examples/import/\(name)").path }

    static let advisories = [
        example("csaf/ssa-example-s7-1500.json"), example("csaf/icsa-example-triconex.json"),
    ]

    /// inventory → firewall → advisories, each output written with -o.
    static func importAll(into files: TemporaryFiles) throws -> (plant: String, firewall: String, vulns: String) {
        let plant = files.path("plant.yaml")
        let firewall = files.path("plant-fw.yaml")
        let vulns = files.path("plant-vulns.yaml")
        let a = try ProcessTests.run(["import", "inventory", example("inventory.csv"), "-o", plant])
        #expect(a.status == 0, "\(a.stderr)")
        let b = try ProcessTests.run([
            "import", "firewall", example("firewall-rules.csv"), "--into", plant, "-o", firewall,
        ])
        #expect(b.status == 0, "\(b.stderr)")
        let c = try ProcessTests.run(
            ["import", "advisories"] + advisories + ["--kev", example("kev.json"), "--into", firewall, "-o", vulns])
        #expect(c.status == 0, "\(c.stderr)")
        return (plant, firewall, vulns)
    }

    @Test func importRoundTripValidatesAndSimulates() throws {
        let files = try TemporaryFiles("import-round-trip")
        defer { files.cleanUp() }
        let paths = try Self.importAll(into: files)
        for path in [paths.plant, paths.firewall, paths.vulns] {
            let validated = try ProcessTests.run(["validate", path])
            #expect(validated.status == 0, "\(path): \(validated.stderr)")
            let simulated = try ProcessTests.run(["simulate", path, "--trials", "200"])
            #expect(simulated.status == 0, "\(path): \(simulated.stderr)")
        }
        let plant = try ScenarioLoader.load(path: paths.vulns).scenario
        #expect(plant.zones.keys.elementsEqual(["internet", "vlan-10", "vlan-20", "vlan-30"]))
        #expect(plant.assets["HMI-3"]?.name == "HMI 3")
        #expect(plant.assets["SIS-1"]?.inventory?.firmware == "11.6")
        #expect(plant.assets["SIS-1"]?.type == "sis")
        #expect(plant.assets.values.filter(\.critical).map(\.id) == ["PLC-Filter", "PLC-Dosing", "SIS-1"])
        // Rules 10, 11 (by ip) and 14 become channels; 12 (one zone), 13 (deny), 15 (unknown host) add nothing.
        #expect(plant.conduits.keys.elementsEqual(["vlan-10-vlan-20", "vlan-20-vlan-30"]))
        #expect(plant.conduits["vlan-10-vlan-20"]?.channels?.map(\.cid) == ["rule-10", "rule-11"])
        #expect(plant.conduits["vlan-20-vlan-30"]?.channels?.map(\.cid) == ["rule-14"])
        // Guessed values are marked; the comments of the inventory import survive the later ones.
        let text = try String(contentsOfFile: paths.vulns, encoding: .utf8)
        #expect(text.contains("entry: [internet]  # guessed"))
        #expect(text.contains("    critical: true  # guessed"))
        #expect(text.hasPrefix("# A scenario skeleton imported by `zonelab import inventory`"))
    }

    @Test func advisoriesMatchVendorModelAndVersionAndNeverTheDecoys() throws {
        let files = try TemporaryFiles("import-advisories")
        defer { files.cleanUp() }
        let paths = try Self.importAll(into: files)
        let plant = try ScenarioLoader.load(path: paths.vulns).scenario
        func cves(_ id: String) -> [String] { plant.assets[id]?.vulnerabilities.map(\.id) ?? [] }
        #expect(cves("PLC-Filter") == ["CVE-2024-50001"])  // V2.9.2 in <3.0.1; not 50003 (fixed only)
        // V3.1.0 outside <3.0.1; the S7-1200 and the S7-1500 Software Controller are other products.
        #expect(cves("PLC-Dosing") == [])
        #expect(cves("HMI-3") == ["CVE-2024-50004"])  // product_version 2.1 = firmware V2.1
        #expect(cves("SIS-1") == ["CVE-2024-50010"])  // not 50011: outside <11.3.0, and "Tricon CX" is another model
        #expect(cves("ENG-WS-01") == [] && cves("HIST-01") == [])
        #expect(plant.assets["SIS-1"]?.vulnerabilities.first?.severity == .critical)
        #expect(plant.assets["SIS-1"]?.vulnerabilities.first?.exploit == .public)  // in the KEV excerpt
        #expect(plant.assets["PLC-Filter"]?.vulnerabilities.first?.severity == .high)
        #expect(plant.assets["PLC-Filter"]?.vulnerabilities.first?.exploit == ExploitAvailability.none)

        let again = try ProcessTests.run(
            ["import", "advisories"] + Self.advisories + ["--kev", Self.example("kev.json"), "--into", paths.firewall])
        #expect(
            again.stderr.contains(
                "PLC-Filter: CVE-2024-50001 (Siemens SIMATIC S7-1500 firmware V2.9.2 in vers:generic/<3.0.1"))
        #expect(again.stderr.contains("PLC-Dosing: CVE-2024-50001 not matched (firmware V3.1.0 outside"))
        #expect(!again.stderr.contains("CVE-2024-50002 ("))
        #expect(again.stdout == (try String(contentsOfFile: paths.vulns, encoding: .utf8)), "stdout without -o")
    }

    @Test func importingTheSameDataTwiceAddsNothing() throws {
        let files = try TemporaryFiles("import-twice")
        defer { files.cleanUp() }
        let paths = try Self.importAll(into: files)
        let firewall = try ProcessTests.run([
            "import", "firewall", Self.example("firewall-rules.csv"), "--into", paths.firewall,
        ])
        #expect(firewall.status == 0)
        #expect(firewall.stdout == (try String(contentsOfFile: paths.firewall, encoding: .utf8)))
        #expect(firewall.stderr.contains("rule 'rule-10' is already channel of conduit 'vlan-10-vlan-20'"))
        let advisories = try ProcessTests.run(["import", "advisories"] + Self.advisories + ["--into", paths.vulns])
        #expect(advisories.status == 0)
        #expect(advisories.stdout == (try String(contentsOfFile: paths.vulns, encoding: .utf8)))
        let inventory = try ProcessTests.run(["import", "inventory", Self.example("inventory.csv")])
        #expect(inventory.stdout == (try String(contentsOfFile: paths.plant, encoding: .utf8)))
    }

    @Test func badRowsAreErrorsWithTheirPositionOrWarningsWhenSkipped() throws {
        let files = try TemporaryFiles("import-bad-rows")
        defer { files.cleanUp() }
        let csv = try files.write(
            "bad.csv", "hostname,ip,vlan\nplc-1,10.0.0.1,20\nplc-2,10.0.0.300,20\nplc-3\n\"hmi, 4\",10.0.0.4,20\n")
        let output = files.path("out.yaml")
        let failed = try ProcessTests.run(["import", "inventory", csv, "-o", output])
        #expect(failed.status == 65)
        #expect(
            CommandTests.lines(failed.stderr) == [
                "\(csv):3:7: error: '10.0.0.300' is not an IPv4 address (four numbers 0-255 with dots)",
                "\(csv):4:6: error: the row has 1 field, the header 3: a field is missing (a comma in a value needs quotes)",
            ])
        #expect(!FileManager.default.fileExists(atPath: output))

        let skipped = try ProcessTests.run(["import", "inventory", csv, "--skip-bad-rows", "-o", output])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stderr.contains("\(csv):3:7: warning: '10.0.0.300' is not an IPv4 address"))
        let plant = try ScenarioLoader.load(path: output).scenario
        #expect(plant.assets.keys.elementsEqual(["plc-1", "hmi-4"]))

        let noIP = try files.write("noip.csv", "name,vendor\nx,y\n")
        let missing = try ProcessTests.run(["import", "inventory", noIP, "--skip-bad-rows"])
        #expect(missing.status == 65)
        #expect(missing.stderr.hasPrefix("\(noIP):1:1: error: the header has no column 'ip'"))

        let rules = try files.write("rules.csv", "source,destination,port,action\nplc-1,hmi-4,99999,allow\n")
        let badPort = try ProcessTests.run(["import", "firewall", rules, "--into", output])
        #expect(badPort.status == 65)
        #expect(badPort.stderr.contains("\(rules):2:13: error: '99999' is not a port"))
    }

    @Test func intoKeepsCommentsAndAddsToExistingConduitsAndLists() throws {
        let files = try TemporaryFiles("import-into")
        defer { files.cleanUp() }
        let scenario = try files.write(
            "plant.yaml",
            """
            # Our plant.
            zonelab: 1
            name: Mill
            entry: [it]
            zones: [{id: it}, {id: ot}]
            assets:
              - {id: ews, zone: it, inventory: {ip: 10.1.1.5}}
              # the controller
              - id: plc
                zone: ot
                critical: true
                vulnerabilities: [{id: CVE-2020-0001, severity: low}]
                inventory: {ip: 10.2.2.5, vendor: ACME, model: X1, firmware: v1.0}
            conduits:
              - id: it-ot  # the only way in
                zones: [it, ot]

            """)
        let rules = try files.write(
            "rules.csv", "Rule,Source,Destination,Protocol,Port,Action\nR1,10.1.1.5,plc,tcp,502,permit\n")
        let result = try ProcessTests.run(["import", "firewall", rules, "--into", scenario])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("# Our plant.\n") && result.stdout.contains("  # the controller\n"))
        #expect(
            result.stdout.contains(
                "  - id: it-ot  # the only way in\n    zones: [it, ot]\n    channels: [{id: R1, from: ews, to: plc, protocol: tcp/502}]\n"
            ))
        #expect(result.stderr.contains("conduit 'it-ot' had no channel list"))
        #expect(try String(contentsOfFile: scenario, encoding: .utf8).contains("channels") == false, "input unchanged")
    }
}
