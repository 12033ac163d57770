import Foundation
import Testing
import ZoneLabEngine
import ZoneLabModel
import ZoneLabTestSupport

@testable import ZoneLabIEC62443

/// The roadmap measures each candidate on the trials its changes can reach only; these tests hold
/// it to the full paired comparison of SPEC 4 (every trial of the candidate simulated).
@Suite struct RoadmapScreeningTests {
    static let plants = ["riverside-water", "substation", "pharma-batch", "discrete-manufacturing"]

    /// The paired reduction of SPEC 4 from two full runs, matched by attacker and target id.
    static func fullReduction(before: RunSet, after: RunSet, weights: [Double]) -> (mean: Double, half: Double) {
        let (b, a) = (before.perTrial!, after.perTrial!)
        var sum = 0.0
        var squares = 0.0
        for row in 0..<before.trials {
            var d = 0.0
            for (ai, attacker) in before.attackers.enumerated() {
                let rate = attacker.rate ?? 0
                guard rate > 0, let aa = after.attackers.firstIndex(where: { $0.id == attacker.id }) else { continue }
                for (t, target) in before.targets.enumerated() {
                    let was = b[ai].compromised(row: row, target: t)
                    let isNow =
                        after.targets.firstIndex(where: { $0.id == target.id }).map {
                            a[aa].compromised(row: row, target: $0)
                        } ?? false
                    if was != isNow { d += (was ? 1 : -1) * rate * weights[t] }
                }
            }
            sum += d
            squares += d * d
        }
        return (
            sum / Double(before.trials),
            Statistics.pairedHalfWidth(sum: sum, sumOfSquares: squares, count: before.trials)
        )
    }

    /// Every raise candidate and countermeasure of the first step, on every sample plant (and the
    /// water plant with its OT IDS, where alarms decide trials): the screened reduction is the
    /// full comparison's, to the last bit.
    @Test(arguments: plants + ["riverside-water+ids"]) func screeningEqualsTheFullComparison(plant: String) throws {
        let name = plant.replacingOccurrences(of: "+ids", with: "")
        let path = RepositoryRoot.scenario(name)
        let settings = SimulationSettings(trials: 400, seed: 5, threads: 2)
        let ids = RepositoryRoot.url("scenarios/patches/ot-ids-control-zone.yaml").path
        let loaded =
            plant.hasSuffix("+ids")
            ? try ScenarioPatch.loadVariant(path: ids, basePath: path) : try ScenarioLoader.load(path: path)
        let model = try PlantModel(loaded, settings: settings)
        let base = try PlantBase(path: path)
        var candidates = Roadmap.raiseCandidates(model.scenario, excluding: []).map { raise in
            PlanCandidate(change: .raise(raise), cost: nil, scenario: raise.applied(to: model.scenario))
        }
        if plant == "riverside-water" {
            let folder = RepositoryRoot.url("scenarios/countermeasures")
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let measure = try Countermeasure.load(path: folder.appendingPathComponent(file).path, base: base)
                candidates.append(
                    PlanCandidate(
                        change: .countermeasure(name: measure.name, file: measure.file), cost: measure.cost,
                        scenario: try base.scenario(with: [measure])))
            }
        }
        #expect(candidates.count >= 3)
        let plan = TrialPlan(count: settings.trials)
        let current = ScreeningPlan.run(model, settings: settings, plan: plan, candidates: &candidates)
        let weights = current.set.targets.indices.map { current.set.riskWeight(target: $0) }
        let full = model.simulate(settings, keepingTrials: true)
        var moved = 0
        for candidate in candidates {
            let screened = try #require(current.reduction(by: candidate, model: model, weights: weights))
            let after = model.with(scenario: candidate.scenario).simulate(settings, keepingTrials: true)
            let reference = Self.fullReduction(before: full, after: after, weights: weights)
            #expect(screened.mean == reference.mean, "\(candidate.change)")
            #expect(screened.lower == reference.mean - reference.half, "\(candidate.change)")
            if reference.mean != 0 { moved += 1 }
        }
        #expect(moved > 0, "some candidate should change some trial")
    }

    /// A raise is tagged on the steps acting in its zone or conduit; every step its compiled plant
    /// changes must carry that tag (otherwise a trial could be skipped that the raise changes).
    @Test(arguments: plants) func raiseTagsCoverEveryChangedStep(plant: String) throws {
        let settings = SimulationSettings(trials: 10, seed: 1, threads: 1)
        let model = try PlantModel(try ScenarioLoader.load(path: RepositoryRoot.scenario(plant)), settings: settings)
        let places = EdgePlaces(model.scenario)
        let raises = Roadmap.raiseCandidates(model.scenario, excluding: [])
        #expect(!raises.isEmpty)
        for raise in raises {
            let (zones, conduits): ([String: UInt64], [String: UInt64]) =
                switch raise {
                case .zoneToTarget(let z): ([z: 1], [:])
                case .conduitToTarget(let c): ([:], [c: 1])
                }
            let variant = model.with(scenario: raise.applied(to: model.scenario))
            for (attacker, raised) in zip(model.attackers, variant.attackers) {
                let graph = model.skeleton.graph(for: attacker)
                let changed = try #require(graph.slowedEdges(in: variant.skeleton.graph(for: raised)), "\(raise)")
                for e in changed {
                    let id = graph.edges[e].id
                    #expect(places.tags(of: id, zoneBits: zones, conduitBits: conduits) == 1, "\(raise) changes \(id)")
                }
            }
        }
    }

    /// The graph that shares a model's structure is the graph compiled in full.
    @Test func sharedStructureGivesTheSameRun() throws {
        let settings = SimulationSettings(trials: 1_000, seed: 3, threads: 2)
        let model = try PlantModel(
            try ScenarioLoader.load(path: RepositoryRoot.scenario("riverside-water")), settings: settings)
        let raise = try #require(Roadmap.raiseCandidates(model.scenario, excluding: []).first)
        let variant = model.with(scenario: raise.applied(to: model.scenario))
        for (attacker, raised) in zip(model.attackers, variant.attackers) {
            let shared = variant.skeleton.graph(for: raised, like: model.skeleton.graph(for: attacker))
            let compiled = variant.skeleton.graph(for: raised)
            let plan = TrialPlan(count: settings.trials)
            let a = Simulator(graph: shared, seed: 3, threads: 2).runKeepingTrials(plan).trials
            let b = Simulator(graph: compiled, seed: 3, threads: 2).runKeepingTrials(plan).trials
            #expect(a == b)
        }
    }
}
