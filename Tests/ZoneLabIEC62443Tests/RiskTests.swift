import Foundation
import Testing
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource
import ZoneLabTestSupport

@testable import ZoneLabIEC62443

/// SPEC 4.1: λ, likelihood levels, risk levels, the unmitigated plant, risk-based SL-T.
@Suite struct RiskTests {
    /// Every step certain and instant: an attacker that can reach a target always takes it, so P
    /// is exactly 1 or 0 and λ is the sum of the rates of the attackers that reach it.
    static let certain = """
        zonelab: 1
        name: Certain
        entry: [net]
        zones:
          - {id: net, sl_target: 0}
          - {id: ctl, sl_target: 2, sl_achieved: 2}
          - {id: island, sl_target: 2, sl_achieved: 2}
        assets:
          - {id: plc, zone: ctl, type: plc, critical: true, impact: {safety: 4, production: 2}, loss: 2500}
          - {id: lone, zone: island, critical: true, impact: 5}
        conduits:
          - {id: c1, zones: [net, ctl], sl_achieved: 1}
        attackers:
          - {id: a, capability: 2, rate: 0.05}
          - {id: b, capability: 3, rate: 0.004}
          - {id: c, capability: 4}
        targets: [{id: ctl, impact: 2}]
        calibration:
          rate: {4: 0.0001}
          gap:
        """ + (-3...4).map { "\n    \($0): {p: 1, ttc: {dist: instant}}" }.joined()

    static func run(_ yaml: String, trials: Int = 200) throws -> (PlantModel, RunSet) {
        let settings = SimulationSettings(trials: trials, seed: 3, threads: 2)
        let model = try PlantModel(try ScenarioLoader.load(data: Data(yaml.utf8), file: "r.yaml"), settings: settings)
        var set = model.simulate(settings)
        set.unmitigated = model.unmitigatedCounts(settings)
        return (model, set)
    }

    @Test func lambdaLevelsAndRiskByHand() throws {
        let (model, set) = try Self.run(Self.certain)
        #expect(model.attackers.map(\.rate) == [0.05, 0.004, 0.0001])
        let plc = try #require(set.targets.firstIndex { $0.id == "plc" })
        let lone = try #require(set.targets.firstIndex { $0.id == "lone" })
        let zone = try #require(set.targets.firstIndex { $0.id == "ctl" })
        // plc: every attacker reaches it: λ = 0.05 + 0.004 + 0.0001 = 0.0541 ≥ 0.01 → level 3;
        // impact 4 (safety) → matrix[4][3] = high, not tolerable (medium is).
        let r = set.riskRating(target: plc)
        #expect(abs(r.likelihood - 0.0541) < 1e-12)
        #expect(r.likelihoodLevel == 3 && r.risk == .high && r.tolerable == false)
        // lone: no conduit into its zone: λ = 0 → level 1; impact 5 → medium, tolerable.
        let l = set.riskRating(target: lone)
        #expect(l.likelihood == 0 && l.likelihoodLevel == 1 && l.risk == .medium && l.tolerable == true)
        // The zone target takes the impact of its `targets:` entry: 2 at level 3 → medium.
        #expect(set.targets[zone].consequence?.impact?.level == 2)
        #expect(set.riskRating(target: zone).risk == .medium)
        // Weights: loss only when every risk-rated target has one; else 10^(impact − 1).
        #expect(set.riskWeight(target: plc) == 1000)  // 10^(4 − 1): not every rated target has a loss
        #expect(set.riskWeight(target: lone) == 10_000)
        #expect(abs(set.riskScore - (0.0541 * 1000 + 0 + 0.0541 * 10)) < 1e-9)
        // The JSON carries the v2 fields with these values.
        let json = set.json()
        let target = try #require(json["targets"]?.array?.first { $0["id"]?.string == "plc" })
        #expect(target["impact"]?.int == 4 && target["loss"]?.double == 2500)
        #expect(target["likelihood_level"]?.int == 3 && target["risk"]?.string == "high")
        #expect(target["tolerable"] == .bool(false))
        #expect(target["risk_unmitigated"]?["risk"]?.string == "high")
    }

    @Test func aTargetWithoutImpactIsNotRiskRated() throws {
        let yaml = Self.certain.replacingOccurrences(of: ", impact: 5}", with: "}")
        let (_, set) = try Self.run(yaml)
        let lone = try #require(set.targets.firstIndex { $0.id == "lone" })
        let r = set.riskRating(target: lone)
        #expect(r.likelihoodLevel == nil && r.risk == nil && r.tolerable == nil)
        let target = try #require(set.json()["targets"]?.array?.first { $0["id"]?.string == "lone" })
        #expect(target["impact"] == .null && target["risk"] == .null && target["risk_unmitigated"] == .null)
        #expect(target["likelihood"]?.double == 0)
    }

    /// Every SL-A at 0 can only make attacks easier (monotone coupling): the unmitigated
    /// likelihood is never below the residual, on every bundled plant.
    @Test(arguments: RepositoryRoot.sampleNames)
    func unmitigatedIsNeverBelowResidual(_ name: String) throws {
        let settings = SimulationSettings(trials: 600, seed: 9, threads: 2)
        let model = try PlantModel(try ScenarioLoader.load(path: RepositoryRoot.scenario(name)), settings: settings)
        let residual = model.simulate(settings)
        let unmitigated = model.unmitigatedCounts(settings)
        for a in residual.attackers.indices {
            for t in residual.targets.indices {
                #expect(unmitigated[a][t] >= residual.outcomes[a][t].compromised, "\(name) \(a) \(t)")
            }
        }
    }

    /// A higher impact never lowers the risk-based SL-T (the matrix does not fall down columns).
    @Test func riskBasedSLTNeverFallsAsImpactRises() throws {
        let settings = SimulationSettings(trials: 800, seed: 2, threads: 2)
        let model = try PlantModel(
            try ScenarioLoader.load(path: RepositoryRoot.scenario("riverside-water")), settings: settings)
        let plants = UniformPlants.simulate(model, settings: settings)
        let zones = Set(plants.runs[0].targets.compactMap(\.zone))
        var seenAVariety = Set<Int>()
        for zone in zones.sorted() {
            var previous = -1
            for impact in 1...5 {
                let runs = plants.runs.map { run -> RunSet in
                    var run = run
                    for t in run.targets.indices where run.targets[t].zone == zone {
                        run.targets[t].consequence = Consequence(impact: Impact(level: impact))
                    }
                    return run
                }
                let level = UniformPlants(runs: runs).riskBasedSLT(zone: zone).level ?? 5
                #expect(level >= previous, "\(zone) impact \(impact)")
                previous = level
                seenAVariety.insert(level)
            }
        }
        #expect(seenAVariety.count > 1)  // the property is tested on levels that differ
    }

    @Test func theWorksheetNamesAStructuralFinding() throws {
        let yaml = Self.certain.replacingOccurrences(of: "entry: [net]", with: "entry: [net, ctl]")
        let settings = SimulationSettings(trials: 100, seed: 1, threads: 2)
        let model = try PlantModel(try ScenarioLoader.load(data: Data(yaml.utf8), file: "s.yaml"), settings: settings)
        let sheet = RiskWorksheet.assess(model: model, settings: settings)
        let ctl = try #require(sheet.zones.first { $0.id == "ctl" })
        #expect(ctl.riskBasedSLT == nil && ctl.reason == "not reachable by SL")
        #expect(sheet.structural.contains { $0.contains("starts inside ctl") })
        let island = try #require(sheet.zones.first { $0.id == "island" })
        #expect(island.riskBasedSLT == 0)
        #expect(island.rationale.contains("Risk-based SL-T 0; declared 2"))
        let csv = sheet.csv().split(separator: "\n")
        #expect(csv.count == 1 + sheet.zones.map(\.targets.count).reduce(0, +))
        #expect(csv[0].hasPrefix("zone,zone_name,declared_sl_t,risk_based_sl_t,target,impact"))
        let json = sheet.json(toolVersion: "t")
        #expect(json["zonelab_risk"]?.int == 1)
        #expect(json["zones"]?.array?.first?["targets"]?.array?.first?["residual"]?["risk"] != nil)
    }

    /// A countermeasure that changes nothing has a paired reduction of exactly 0 in every trial:
    /// the roadmap never proposes it, while one that helps is proposed.
    @Test func aCountermeasureWithNoEffectIsNeverProposed() throws {
        let path = RepositoryRoot.scenario("riverside-water")
        let base = try PlantBase(path: path)
        let nothing = try Countermeasure.load(
            path: RepositoryRoot.url("scenarios/countermeasures/no-change.yaml").path, base: base)
        let tunnel = try Countermeasure.load(
            path: RepositoryRoot.url("scenarios/countermeasures/close-vendor-tunnel.yaml").path, base: base)
        #expect(nothing.cost == 1 && tunnel.cost == 12_000)
        let settings = SimulationSettings(trials: 300, seed: 4, threads: 2)
        let model = try PlantModel(try ScenarioLoader.load(path: path), settings: settings)
        let plan = Roadmap.plan(
            model: model, settings: settings, maxSteps: 4, countermeasures: [nothing, tunnel], base: base)
        let names = plan.steps.map(\.change.description)
        #expect(!names.contains(nothing.name))
        #expect(names.contains(tunnel.name))
        for step in plan.steps {
            #expect(step.reductionCI95.lower > 0)
            #expect(step.scoreAfter < step.scoreBefore)
        }
    }
}
