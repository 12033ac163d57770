import Foundation
import Testing
import ZoneLabModel
import ZoneLabSource
import ZoneLabTestSupport

/// The JSON Schema of the scenario format, checked with a real validator (Python's jsonschema,
/// python3-jsonschema on Debian; `.ci/run` installs it) against the loader: every sample plant
/// passes both, every structural bad case fails both.
@Suite struct SchemaTests {
    static let schemaPath = RepositoryRoot.url("schema/zonelab-scenario.schema.json").path
    static let script = RepositoryRoot.url("scripts/check-schema.py").path

    /// Writes each YAML text as JSON and returns the validator's verdict per name: "ok" or the message.
    static func validate(_ documents: [(name: String, yaml: String)]) throws -> [String: String] {
        let files = try TemporaryFiles("schema")
        defer { files.cleanUp() }
        var paths: [String: String] = [:]
        for document in documents {
            let node = try DocumentParser.parse(Data(document.yaml.utf8), file: document.name)
            paths[try files.write("\(document.name).json", node.jsonValue.serialized())] = document.name
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, schemaPath] + paths.keys.sorted()
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        var verdicts: [String: String] = [:]
        for line in text.split(separator: "\n") {
            for (path, name) in paths where line.hasPrefix(path + ": ") {
                verdicts[name] = String(line.dropFirst(path.count + 2))
            }
        }
        return verdicts
    }

    @Test func theFileIsWhatTheSchemaCommandPrints() throws {
        let file = try String(contentsOfFile: Self.schemaPath, encoding: .utf8)
        #expect(file == ScenarioSchema.text, "regenerate with: zonelab schema > schema/zonelab-scenario.schema.json")
    }

    @Test func everySamplePlantValidates() throws {
        let plants = RepositoryRoot.bundledScenarios
        #expect(plants.count >= 4)
        let documents = try plants.map { path in
            (
                name: URL(fileURLWithPath: path).lastPathComponent,
                yaml: try String(contentsOfFile: path, encoding: .utf8)
            )
        }
        let verdicts = try Self.validate(documents)
        for document in documents {
            #expect(verdicts[document.name] == "ok", "\(document.name): \(verdicts[document.name] ?? "no verdict")")
        }
    }

    @Test func theWholeV2FormatValidates() throws {
        let verdicts = try Self.validate([(name: "v2", yaml: Self.v2Plant)])
        #expect(verdicts["v2"] == "ok", "\(verdicts)")
    }

    @Test func everyStructuralBadCaseIsRejectedByTheSchemaAndTheLoader() throws {
        let documents = Self.badCases.map { (name: $0.name, yaml: Self.minimal($0.change)) }
        let verdicts = try Self.validate(documents)
        for document in documents {
            let verdict = verdicts[document.name] ?? "no verdict"
            #expect(verdict.hasPrefix("invalid: "), "\(document.name) passed the schema: \(verdict)")
            #expect(throws: DiagnosticError.self, "\(document.name) passed the loader") {
                try ScenarioLoader.load(data: Data(document.yaml.utf8), file: document.name)
            }
        }
        // The same plant without a change passes both: each bad case fails for its change alone.
        #expect(try Self.validate([(name: "good", yaml: Self.minimal(""))])["good"] == "ok")
        #expect(throws: Never.self) { try ScenarioLoader.load(data: Data(Self.minimal("").utf8), file: "good") }
    }

    /// A small valid plant; `change` is appended (later keys of the same name replace nothing:
    /// the bad cases add or break one thing each).
    static func minimal(_ change: String) -> String {
        """
        zonelab: 1
        name: Tiny
        entry: [net]
        zones:
          - {id: net, sl_target: 0}
          - {id: ctl, level: 2, sl_target: 2, sl_achieved: {IAC: 1, RDF: 2}}
        assets:
          - {id: plc, zone: ctl, type: plc, critical: true}
        conduits:
          - {id: c1, zones: [net, ctl], sl_achieved: 1}
        \(change)
        """
    }

    static let badCases: [(name: String, change: String)] = [
        ("unknown-top-key", "colour: red"),
        ("empty-attackers", "attackers: []"),
        ("capability-0", "attackers: [{id: a, capability: 0}]"),
        ("attacker-without-capability", "attackers: [{id: a}]"),
        ("bad-horizon", "horizon: 5 days"),
        ("tolerable-above-1", "tolerable: 1.5"),
        ("unknown-calibration-key", "calibration: {speed: 2}"),
        ("gap-key-out-of-range", "calibration: {gap: {7: {p: 0.5}}}"),
        ("bad-ttc", "calibration: {gap: {0: {ttc: {dist: gamma, mean: 1d}}}}"),
        ("risk-row-of-four", "risk: {matrix: {1: [low, low, low, low]}}"),
        ("risk-bad-level", "risk: {tolerable: extreme}"),
        ("target-a-list-in-a-list", "targets: [[plc]]"),
        ("empty-entry-of-attacker", "attackers: [{id: a, capability: 2, entry: []}]"),
        ("target-impact-6", "targets: [{id: plc, impact: 6}]"),
        ("bad-id-charset", "targets: [\"p l c\"]"),
    ]

    /// Every key of SPEC 2 including the v2 block.
    static let v2Plant = """
        zonelab: 1
        name: Whole v2
        horizon: 30d
        tolerable: 0.05
        entry: [internet]
        zones:
          - {id: internet, sl_target: 0}
          - {id: remote, level: 3.5, sl_target: 2, sl_achieved: {IAC: 2}, upgrade_cost: 1000}
          - {id: enterprise, level: 4, sl_target: 2, sl_achieved: 1}
          - {id: control, level: 2, sl_target: 3, sl_achieved: {IAC: 2, UC: 2, SI: 1, DC: 1, RDF: 2, TRE: 1, RA: 2},
             compensating: "jump host"}
        assets:
          - {id: plc1, zone: control, type: plc, critical: true, sl_achieved: {SI: 2},
             impact: {safety: 4, production: 3}, loss: 2500000, media: true,
             vulnerabilities: [{id: CVE-2022-1234, severity: critical, exploit: public}]}
          - {id: vpn-appliance, zone: remote, type: firewall,
             vulnerabilities: [{id: CVE-2018-13379, severity: critical, exploit: public, preauth: true}]}
          - {id: eng-laptop, zone: enterprise, type: workstation, transient: [{zone: control, every: 30d}]}
          - {id: hmi-3, zone: control, type: hmi, impact: 3,
             inventory: {ip: 10.20.3.14, mac: "00:1b:1b:aa:01:02", vendor: Siemens, model: SIMATIC IPC477E,
                         firmware: V2.1}}
        conduits:
          - id: vendor-vpn
            zones: [internet, remote]
            direction: forward
            sl_achieved: {RDF: 2, IAC: 2, TRE: 1}
            sl_target: 3
            channels:
              - {id: rdp-jump, from: internet, to: vpn-appliance, protocol: rdp}
              - {from: internet, to: remote}
          - {id: remote-ctl, zones: [remote, control], channels: []}
        credentials:
          - {id: vpn-creds, name: Vendor VPN accounts, stored_on: [eng-laptop], grants: [vendor-vpn], factor: password}
        attackers:
          - {id: APT, capability: 4, rate: 0.02, media: true, entry: [internet], horizon: 90d}
        targets: [control, {id: hmi-3, impact: 5, loss: 10}]
        risk:
          likelihood_bands: [0.001, 0.01, 0.1, 1]
          tolerable: medium
          matrix: {1: [low, low, low, medium, medium], 2: [low, low, medium, medium, high],
                   3: [low, medium, medium, high, high], 4: [medium, medium, high, high, critical],
                   5: [medium, high, high, critical, critical]}
        calibration:
          gap:
            0: {p: 0.4, ttc: {dist: lognormal, median: 4d, sigma: 1}}
            -1: {p: 0.05, ttc: {dist: uniform, min: 1h, max: 2d}}
            2: {ttc: {dist: instant}}
            3: {ttc: {dist: fixed, time: 90m}}
            4: {ttc: {dist: exponential, mean: 12}}
          horizon: {3: 60d}
          conduit_frs: [RDF, IAC]
          asset_frs: [IAC, UC, SI]
          iacs_types: [plc, sis, rtu]
          iacs_capability: 3
          iacs_penalty: 1
          detect: {0: 0.25, -1: 0.45}
          response: {3: {dist: lognormal, median: 1d, sigma: 1}}
          rate: {1: 10, 2: 1, 3: 0.1, 4: 0.01}
          mfa_level: 3
        """
}
