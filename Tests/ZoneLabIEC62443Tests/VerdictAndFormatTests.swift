import Foundation
import Testing
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

@testable import ZoneLabIEC62443

/// SPEC 4: a zone's verdict considers its own targets and the attackers up to its SL-T; one
/// formatting vocabulary; the what-if's zone summary, appeared and vanished paths.
@Suite struct VerdictAndFormatTests {
    /// Two target zones: `cell` (SL-T 2) behind weak conduits, `sis` (SL-T 4) behind strong ones.
    static let plant = """
        zonelab: 1
        name: Verdicts
        entry: [internet]
        zones:
          - {id: internet, sl_target: 0}
          - {id: cell, sl_target: 2, sl_achieved: 2}
          - {id: sis, sl_target: 4, sl_achieved: 4}
        assets:
          - {id: plc, zone: cell, type: plc, critical: true}
          - {id: sis1, zone: sis, type: sis, critical: true}
        conduits:
          - {id: inet-cell, zones: [internet, cell], sl_achieved: {RDF: 2, IAC: 2}}
          - {id: cell-sis, zones: [cell, sis], sl_achieved: {RDF: 4, IAC: 4}}
        attackers:
          - {id: casual, capability: 1}
          - {id: simple, capability: 2, horizon: 30d}
          - {id: apt, capability: 4, horizon: 365d}
        """

    static func run(_ yaml: String = plant) throws -> (PlantModel, RunSet) {
        let settings = SimulationSettings(trials: 4_000, seed: 11, threads: 2)
        let model = try PlantModel(try ScenarioLoader.load(data: Data(yaml.utf8), file: "v.yaml"), settings: settings)
        return (model, model.simulate(settings))
    }

    @Test func attackersAboveTheSLTNeverCountAgainstAZone() throws {
        let (model, set) = try Self.run()
        let apt = try #require(set.attackers.firstIndex { $0.id == "apt" })
        let plc = try #require(set.targets.firstIndex { $0.id == "plc" })
        // The capability-4 attacker takes the SL-T 2 cell's PLC often: it must not fail the cell.
        #expect(set.outcomes[apt][plc].probability > 0.5)
        let cell = try #require(ZoneVerdicts(set, model: model).verdicts.first { $0.zone == "cell" })
        let simple = try #require(set.attackers.firstIndex { $0.id == "simple" })
        #expect(cell.meets == (set.outcomes[simple][plc].probability <= 0.05))
        #expect(cell.worst?.attacker != "apt")
        #expect(cell.targets == ["plc"])
    }

    /// A zone's verdict only considers its own targets: the cell's PLC never counts for `sis`.
    @Test func aZoneIsJudgedOnItsOwnTargets() throws {
        let (model, set) = try Self.run()
        let verdicts = ZoneVerdicts(set, model: model)
        let sis = try #require(verdicts.verdicts.first { $0.zone == "sis" })
        #expect(sis.targets == ["sis1"])
        let apt = try #require(set.attackers.firstIndex { $0.id == "apt" })
        let sisTarget = try #require(set.targets.firstIndex { $0.id == "sis1" })
        var worst = 0.0
        for a in set.attackers.indices { worst = max(worst, set.outcomes[a][sisTarget].probability) }
        #expect(sis.worst?.p == worst)
        #expect(sis.meets == (set.outcomes[apt][sisTarget].probability <= 0.05 && worst <= 0.05))
        // The target-sl table lists each zone with its own targets only.
        let justification = TargetSLJustification.analyse(
            model: model, settings: SimulationSettings(trials: 300, seed: 1, threads: 2), maxSteps: 0)
        #expect(justification.zones.map(\.dependents) == [["plc"], ["sis1"]])
    }

    /// Without an attacker up to its SL-T, a zone meets it vacuously.
    @Test func noAttackerUpToTheSLTMeetsVacuously() throws {
        let yaml = Self.plant.replacingOccurrences(
            of: "  - {id: casual, capability: 1}\n  - {id: simple, capability: 2, horizon: 30d}\n", with: "")
        let (model, set) = try Self.run(yaml)
        let cell = try #require(ZoneVerdicts(set, model: model).verdicts.first { $0.zone == "cell" })
        #expect(cell.worst == nil)
        #expect(cell.meets)
    }

    @Test func oneFormattingVocabulary() {
        #expect(Formatting.percent(0.421) == "42.1%")
        #expect(Formatting.percent(0.0035) == "0.35%")
        #expect(Formatting.percent(0) == "0%")
        #expect(Formatting.percent(1) == "100%")
        #expect(Formatting.percent(0.99999) == "100.0%")
        #expect(Formatting.signedPoints(-0.004) == "−0.40 pp")
        #expect(Formatting.signedPoints(0.0235) == "+2.35 pp")
        #expect(Formatting.signedPoints(0.00001) == "0 pp")
        // A gap is SL-T − SL-A, positive, as `sl_gap` in the results JSON.
        let gaps = SLVector([.IAC: 1, .RDF: 3]).gaps(to: SLVector(uniform: 3))
        #expect(Formatting.gaps(gaps) == "IAC 2")
        #expect(Formatting.notAssessed(SLVector([.IAC: 1, .RDF: 3])) == "not assessed: UC, SI, DC, TRE, RA")
        #expect(Formatting.list(["a", "b", "c"]) == "a, b and c")
        #expect(Formatting.count(1_234_567) == "1,234,567")
    }

    /// SPEC 7's what-if fields: a per-zone summary, and `appeared`/`vanished` measured against
    /// the other side's top 5.
    @Test func whatIfJSONHasZonesAppearedAndVanished() throws {
        let base = try Self.run()
        let variantYAML = Self.plant.replacingOccurrences(
            of: "{id: inet-cell, zones: [internet, cell], sl_achieved: {RDF: 2, IAC: 2}}",
            with:
                "{id: inet-cell, zones: [internet, cell], sl_achieved: {RDF: 2, IAC: 2}}\n  - {id: inet-sis, zones: [internet, sis], sl_achieved: {RDF: 1, IAC: 1}}"
        )
        let settings = SimulationSettings(trials: 4_000, seed: 11, threads: 2)
        let variantModel = try PlantModel(
            try ScenarioLoader.load(data: Data(variantYAML.utf8), file: "w.yaml"), settings: settings)
        let comparison = WhatIfComparison(
            base: base.0.simulate(settings, keepingTrials: true),
            variant: variantModel.simulate(settings, keepingTrials: true))
        let json = comparison.json(toolVersion: "test", calibration: .object([]))
        let zones = try #require(json["zones"]?.array)
        #expect(zones.compactMap { $0["id"]?.string } == ["cell", "sis"])
        let sis = try #require(zones.first { $0["id"]?.string == "sis" })
        #expect((sis["worst_p_variant"]?.double ?? 0) > (sis["worst_p_base"]?.double ?? 1))
        let results = (json["targets"]?.array ?? []).flatMap { $0["results"]?.array ?? [] }
        #expect(results.allSatisfy { $0["appeared"] != nil && $0["vanished"] != nil && $0["paths_appeared"] == nil })
        // A direct conduit into sis makes new paths appear for sis1; each is in the variant's
        // top 5 and not in the base's top 5.
        let row = try #require(comparison.rows.first { $0.target == "sis1" && $0.attacker == "apt" })
        #expect(!row.appeared.isEmpty)
        let aptIndex = try #require(base.1.attackers.firstIndex { $0.id == "apt" })
        let baseTop = Set(base.1.outcomes[aptIndex][1].topPaths(5).map(\.edges))
        #expect(row.appeared.allSatisfy { !baseTop.contains($0) && $0.contains("cross:inet-sis:internet>sis/RDF") })
    }
}
