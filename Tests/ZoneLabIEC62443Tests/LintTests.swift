import Foundation
import Testing
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// `zonelab lint`: a clean plant has no finding, and each variant breaks exactly one rule, found
/// at the offending item's first line.
@Suite struct LintTests {
    static let clean = """
        zonelab: 1
        name: Clean
        entry: [internet]
        zones:
          - {id: internet, level: 5, sl_target: 0, sl_achieved: 0}
          - {id: enterprise, level: 4, sl_target: 2, sl_achieved: 2}
          - {id: dmz, level: 3.5, sl_target: 2, sl_achieved: 2}
          - {id: ops, level: 3, sl_target: 2, sl_achieved: 2}
          - {id: control, level: 2, sl_target: 2, sl_achieved: 2}
          - {id: sis, level: 1, sl_target: 2, sl_achieved: 2}
        assets:
          - {id: plc1, zone: control, type: plc, critical: true}
          - {id: sis1, zone: sis, type: sis}
        conduits:
          - {id: inet-ent, zones: [internet, enterprise], sl_achieved: 2, channels: [{from: internet, to: enterprise}]}
          - {id: ent-dmz, zones: [enterprise, dmz], sl_achieved: 2}
          - {id: dmz-ops, zones: [dmz, ops], sl_achieved: 2}
          - {id: ops-ctl, zones: [ops, control], sl_achieved: 2}
          - {id: ctl-sis, zones: [control, sis], sl_achieved: 2}

        """

    static func lint(_ yaml: String) throws -> [LintFinding] {
        let data = Data(yaml.utf8)
        let loaded = try ScenarioLoader.load(data: data, file: "plant.yaml")
        let root = try DocumentParser.parse(data, file: "plant.yaml")
        return Linter(scenario: loaded.scenario, file: "plant.yaml", locations: ItemLocations(root)).findings()
    }

    /// The 1-based line of the first line of `yaml` that contains `text`.
    static func line(of text: String, in yaml: String) -> Int? {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }.map { $0 + 1 }
    }

    @Test func theCleanPlantHasNoFinding() throws {
        #expect(try Self.lint(Self.clean).map(\.diagnostic.description) == [])
    }

    /// (rule, the change to the clean plant: replace `old` with `new`, the item the finding is at)
    static let variants: [(rule: LintRule, old: String, new: String, at: String)] = [
        (
            .purdueLevelSkip, "  - {id: ctl-sis",
            "  - {id: ent-ctl, zones: [enterprise, control], sl_achieved: 2}\n  - {id: ctl-sis", "{id: ent-ctl"
        ),
        (.entryIntoControl, "entry: [internet]", "entry: [internet, ops]", "{id: ops-ctl"),
        (
            .sisNotIsolated, "  - {id: sis1, zone: sis, type: sis}",
            "  - {id: sis1, zone: sis, type: sis}\n  - {id: sis-ews, zone: sis, type: ews}", "{id: sis, level"
        ),
        (
            .conduitBelowZoneTarget, "{id: ctl-sis, zones: [control, sis], sl_achieved: 2}",
            "{id: ctl-sis, zones: [control, sis], sl_achieved: {IAC: 1, RDF: 2}}", "{id: ctl-sis"
        ),
        (
            .remoteAccessBypassesDMZ, "  - {id: ctl-sis",
            """
              - {id: inet-ra, zones: [internet, remote], sl_achieved: 2, channels: [{from: internet, to: vpn1}]}
              - {id: ra-ent, zones: [remote, enterprise], sl_achieved: 2}
              - {id: ctl-sis
            """, "{id: remote,"
        ),
        (
            .criticalAssetInEntryZone, "  - {id: sis1,",
            "  - {id: web, zone: internet, type: server, critical: true}\n  - {id: sis1,", "{id: web"
        ),
        (
            .openConduitAcrossTargets, "sl_achieved: 2, channels: [{from: internet, to: enterprise}]}",
            "sl_achieved: 2}", "{id: inet-ent"
        ),
        (
            .credentialStoredBelowTarget, "  - {id: sis1, zone: sis, type: sis}",
            """
              - {id: sis1, zone: sis, type: sis}
              - {id: kiosk, zone: internet, type: workstation}
            credentials:
              - {id: ops-creds, stored_on: [kiosk, plc1], grants: [ops-ctl]}
            """, "{id: ops-creds"
        ),
        (
            .notAssessed, "  - {id: sis, level",
            "  - {id: lab, level: 3, sl_target: 2}\n  - {id: sis, level", "{id: lab"
        ),
    ]

    @Test(arguments: variants.indices)
    func eachVariantBreaksOnlyItsRule(index: Int) throws {
        let variant = Self.variants[index]
        var yaml = Self.clean.replacingOccurrences(of: variant.old, with: variant.new)
        if variant.rule == .remoteAccessBypassesDMZ {
            yaml = yaml.replacingOccurrences(
                of: "  - {id: sis, level",
                with: "  - {id: remote, level: 4, sl_target: 2, sl_achieved: 2}\n  - {id: sis, level")
            yaml = yaml.replacingOccurrences(
                of: "  - {id: sis1,", with: "  - {id: vpn1, zone: remote, type: vpn}\n  - {id: sis1,")
        }
        #expect(yaml != Self.clean)
        let findings = try Self.lint(yaml)
        let line = try #require(Self.line(of: variant.at, in: yaml))
        #expect(findings.map(\.rule) == [variant.rule], "\(findings.map(\.diagnostic.description))")
        let finding = try #require(findings.first)
        #expect(finding.location.line == line)
        #expect(finding.location.column == 5)
        #expect(finding.severity == variant.rule.severity)
        #expect(
            finding.diagnostic.description.hasPrefix(
                "plant.yaml:\(line):5: \(variant.rule.severity.rawValue): [\(variant.rule.id)] "))
    }

    @Test func everyRuleHasAVariant() {
        let covered = Set(Self.variants.map(\.rule))
        #expect(Set(LintRule.allCases).subtracting(covered).isEmpty)
    }

    @Test func aCredentialStoredAtItsOwnLevelIsFine() throws {
        let yaml =
            Self.clean
            + "credentials:\n  - {id: k, stored_on: [plc1], grants: [ops-ctl, sis1]}\n"
        #expect(try Self.lint(yaml).isEmpty)
    }

    @Test func severitiesAreThoseOfSpec8() {
        let errors = LintRule.allCases.filter { $0.severity == .error }.map(\.id)
        #expect(errors == ["ZL001", "ZL002", "ZL003", "ZL006"])
        #expect(LintRule.allCases.map(\.id) == (1...9).map { String(format: "ZL%03d", $0) })
    }

    @Test func aBlockMappingItemIsFoundAtItsFirstLine() throws {
        let yaml = Self.clean.replacingOccurrences(
            of: "  - {id: ctl-sis, zones: [control, sis], sl_achieved: 2}",
            with: "  - id: ctl-sis\n    zones: [control, sis]\n    sl_achieved: {IAC: 1}")
        let finding = try #require(try Self.lint(yaml).first)
        #expect(finding.rule == .conduitBelowZoneTarget)
        #expect(finding.location.line == Self.line(of: "id: ctl-sis", in: yaml))
    }

    @Test func theSARIFLogHasThe210Structure() throws {
        let yaml = Self.clean.replacingOccurrences(of: "entry: [internet]", with: "entry: [internet, ops]")
        let findings = try Self.lint(yaml)
        let text = LintSARIF.log(findings, toolVersion: "9.9").serialized()
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "zonelab")
        #expect(driver["version"] as? String == "9.9")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == LintRule.allCases.map(\.id))
        for rule in rules {
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(level == "error" || level == "warning")
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 1)
        let result = try #require(results.first)
        #expect(result["ruleId"] as? String == "ZL002")
        #expect(result["ruleIndex"] as? Int == 1)
        #expect(result["level"] as? String == "error")
        #expect((result["message"] as? [String: Any])?["text"] as? String == findings[0].message)
        let physical = try #require(
            ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "plant.yaml")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == Self.line(of: "{id: ops-ctl", in: yaml))
        #expect(region["startColumn"] as? Int == 5)
    }

    @Test func theSARIFURIPercentEncodesUnsafeCharacters() {
        let log = LintSARIF.log(
            [LintFinding(rule: .notAssessed, file: "my plants/a#b.yaml", location: .start, message: "m")],
            toolVersion: "1")
        #expect(log.serialized().contains("\"uri\": \"my%20plants/a%23b.yaml\""))
    }
}

/// `zonelab export navigator`: the layer's fields and scores on a plant with one known path.
@Suite struct NavigatorLayerTests {
    static let chain = """
        zonelab: 1
        name: Chain
        entry: [internet]
        zones:
          - {id: internet, sl_target: 0, sl_achieved: 0}
          - {id: control, level: 2, sl_target: 2, sl_achieved: 0}
        assets:
          - {id: plc1, zone: control, type: plc, critical: true}
        conduits:
          - {id: c1, zones: [internet, control], sl_achieved: 0}
        attackers:
          - {id: A, capability: 4, horizon: 1y}
        """

    @Test func theLayerHasTheNavigatorFieldsAndShares() throws {
        let loaded = try ScenarioLoader.load(data: Data(Self.chain.utf8), file: "chain.yaml")
        let settings = SimulationSettings(trials: 400, seed: 3)
        let model = try PlantModel(loaded, settings: settings)
        let runSet = model.simulate(settings)
        let layer = NavigatorLayer.layer(model: model, runSet: runSet)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(layer.serialized().utf8)) as? [String: Any])
        #expect(object["domain"] as? String == "ics-attack")
        #expect((object["versions"] as? [String: Any])?["attack"] as? String == "18")
        #expect((object["versions"] as? [String: Any])?["layer"] as? String == "4.5")
        #expect(object["name"] as? String == "ZoneLab: Chain")
        let techniques = try #require(object["techniques"] as? [[String: Any]])
        #expect(!techniques.isEmpty)
        let (entries, total) = NavigatorLayer.tally(model: model, runSet: runSet)
        #expect(total == runSet.outcomes.flatMap { $0 }.map(\.compromised).reduce(0, +))
        #expect(total > 0)
        for (technique, entry) in zip(techniques, entries) {
            let id = try #require(technique["techniqueID"] as? String)
            #expect(AttackTechnique(id).name != nil, "\(id) is not an ATT&CK for ICS technique")
            let score = try #require((technique["score"] as? NSNumber)?.doubleValue)
            #expect(score > 0 && score <= 1)
            #expect(abs(score - Double(entry.compromises) / Double(total)) < 1e-4)
            #expect((technique["comment"] as? String)?.contains("steps: ") == true)
        }
        // Every compromise crosses the one conduit from the internet.
        #expect(entries.contains { $0.compromises == total })
    }

    @Test func noCompromiseNoTechnique() throws {
        let closed = Self.chain.replacingOccurrences(
            of: "{id: c1, zones: [internet, control], sl_achieved: 0}",
            with: "{id: c1, zones: [internet, control], sl_achieved: 0, channels: []}")
        let loaded = try ScenarioLoader.load(data: Data(closed.utf8), file: "chain.yaml")
        let settings = SimulationSettings(trials: 100, seed: 3)
        let model = try PlantModel(loaded, settings: settings)
        let layer = NavigatorLayer.layer(model: model, runSet: model.simulate(settings))
        #expect(layer["techniques"] == .array([]))
    }
}
