import OrderedCollections
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

/// A change the roadmap can make: raise a zone or conduit to its SL-T, or a countermeasure patch.
public enum RoadmapChange: Sendable, CustomStringConvertible {
    case raise(Hardening)
    case countermeasure(name: String, file: String)

    public var kind: String {
        switch self {
        case .raise: "raise"
        case .countermeasure: "countermeasure"
        }
    }

    public var description: String {
        switch self {
        case .raise(let h): h.description
        case .countermeasure(let name, _): name
        }
    }
}

/// Why the roadmap stopped (SPEC 4, `stopped_because`).
public enum RoadmapStop: String, Sendable {
    case tolerable
    case meetsSLT = "meets_sl_t"
    case noCandidateHelps = "no_candidate_helps"
    case maxSteps = "max_steps"

    public var sentence: String {
        switch self {
        case .tolerable: "every risk-rated target is tolerable"
        case .meetsSLT: "every zone meets its SL-T in practice"
        case .noCandidateHelps: "no remaining candidate reduces the risk with a paired 95% interval above 0"
        case .maxSteps: "the roadmap reached its most steps (--max-steps)"
        }
    }
}

/// One cumulative step of the roadmap, with its effect measured paired against the plan before it.
public struct RoadmapStep: Sendable {
    public var change: RoadmapChange
    public var cost: Double?
    /// Per target id, per attacker id: P before and after.
    public var pBefore: [String: [String: Double]]
    public var pAfter: [String: [String: Double]]
    /// Per target id: the risk level before and after (nil for targets without impact).
    public var riskBefore: [String: RiskLevel?]
    public var riskAfter: [String: RiskLevel?]
    public var scoreBefore: Double
    public var scoreAfter: Double
    /// Paired 95% interval of the score's reduction.
    public var reductionCI95: (lower: Double, upper: Double)
    public var zonesMeetingAfter: Int

    /// The targets among `targets` (in that order) whose risk level the step changes.
    public func riskChanges(among targets: [String]) -> [(target: String, before: RiskLevel, after: RiskLevel)] {
        targets.compactMap { t in
            guard let before = riskBefore[t] ?? nil, let after = riskAfter[t] ?? nil, before != after else {
                return nil
            }
            return (t, before, after)
        }
    }

    /// Worst P over the targets per attacker, before and after.
    public var worstBefore: [String: Double] { Self.worst(pBefore) }
    public var worstAfter: [String: Double] { Self.worst(pAfter) }

    static func worst(_ p: [String: [String: Double]]) -> [String: Double] {
        var result: [String: Double] = [:]
        for perAttacker in p.values {
            for (attacker, value) in perAttacker { result[attacker] = max(result[attacker] ?? 0, value) }
        }
        return result
    }

    func json(step: Int) -> JSONValue {
        func nested(_ p: [String: [String: Double]]) -> JSONValue {
            .object(
                p.keys.sorted().map { t in
                    (t, .object(p[t]!.keys.sorted().map { ($0, .number(p[t]![$0]!)) }))
                })
        }
        func risks(_ r: [String: RiskLevel?]) -> JSONValue {
            .object(r.keys.sorted().map { ($0, r[$0]!.map { .string($0.rawValue) } ?? .null) })
        }
        return .object([
            ("step", .int(step)), ("kind", .string(change.kind)), ("change", .string(change.description)),
            ("cost", cost.map(JSONValue.number) ?? .null), ("p_before", nested(pBefore)), ("p_after", nested(pAfter)),
            ("risk_before", risks(riskBefore)), ("risk_after", risks(riskAfter)),
            ("score_before", .number(scoreBefore)), ("score_after", .number(scoreAfter)),
            ("reduction_ci95", [.number(reductionCI95.lower), .number(reductionCI95.upper)]),
            ("zones_meeting_sl_t_after", .int(zonesMeetingAfter)),
        ])
    }
}

/// The greedy roadmap of SPEC 4: by risk reduction per cost, every candidate measured paired
/// against the current plan; a candidate whose paired 95% interval of reduction includes 0 is
/// never proposed.
public enum Roadmap {
    /// At most this many raise candidates per step (largest static gap first, then id).
    public static let raiseCandidateLimit = 24

    public static func plan(
        model: PlantModel, settings: SimulationSettings, maxSteps: Int, countermeasures: [Countermeasure],
        base: PlantBase?, progress: AnalysisProgress = .silent
    ) -> (steps: [RoadmapStep], stop: RoadmapStop) {
        var measures: [Countermeasure] = []
        var raises: [Hardening] = []
        func scenario(measures: [Countermeasure], raises: [Hardening]) -> Scenario? {
            var s = model.scenario
            if !measures.isEmpty {
                guard let base, let patched = try? base.scenario(with: measures) else { return nil }
                s = patched
            }
            for raise in raises { s = raise.applied(to: s) }
            return s
        }
        let plan = TrialPlan(count: settings.trials)
        var steps: [RoadmapStep] = []
        // The step chosen last, finished with the plan after it once that plan has run.
        var chosen: (change: RoadmapChange, cost: Double?, before: RunSet, reduction: PairedReduction)?
        var weights: [Double] = []
        let entryZones = Set(model.attackers.flatMap(\.entry).compactMap { model.scenario.zone(of: $0) })
        while true {
            guard let planScenario = scenario(measures: measures, raises: raises) else {
                return (steps, .noCandidateHelps)
            }
            let current = measures.isEmpty && raises.isEmpty ? model : model.with(scenario: planScenario)
            let last = steps.count + (chosen == nil ? 0 : 1) >= maxSteps
            // The candidates, each with the tag bit its trials will be marked with.
            var candidates: [PlanCandidate] = []
            if !last {
                for raise in raiseCandidates(planScenario, excluding: entryZones) {
                    candidates.append(
                        PlanCandidate(
                            change: .raise(raise), cost: raise.cost(in: planScenario),
                            scenario: raise.applied(to: planScenario)))
                }
                for measure in countermeasures where !measures.contains(where: { $0.file == measure.file }) {
                    if let s = scenario(measures: measures + [measure], raises: raises) {
                        candidates.append(
                            PlanCandidate(
                                change: .countermeasure(name: measure.name, file: measure.file), cost: measure.cost,
                                scenario: s))
                    }
                }
            }
            progress.phase(
                last
                    ? "roadmap: the plan after step \(steps.count + 1)"
                    : "roadmap: step \(steps.count + (chosen == nil ? 1 : 2)) of at most \(maxSteps), \(candidates.count) candidate\(candidates.count == 1 ? "" : "s")",
                0)
            let run = ScreeningPlan.run(
                current, settings: settings, plan: plan, candidates: &candidates)
            if steps.isEmpty && chosen == nil {
                weights = run.set.targets.indices.map { run.set.riskWeight(target: $0) }
            }
            if let c = chosen {
                steps.append(
                    RoadmapStep(
                        change: c.change, cost: c.cost, pBefore: probabilities(c.before),
                        pAfter: probabilities(run.set), riskBefore: risks(c.before), riskAfter: risks(run.set),
                        scoreBefore: score(c.before, weights), scoreAfter: score(run.set, weights),
                        reductionCI95: (c.reduction.lower, c.reduction.upper),
                        zonesMeetingAfter: ZoneVerdicts(run.set).verdicts.filter(\.meets).count))
                chosen = nil
            }
            if run.set.hasRiskRatedTargets {
                let tolerable = run.set.targets.indices.allSatisfy {
                    run.set.targets[$0].consequence?.impact == nil || run.set.riskRating(target: $0).tolerable == true
                }
                if tolerable { return (steps, .tolerable) }
            } else if ZoneVerdicts(run.set).failing.isEmpty {
                return (steps, .meetsSLT)
            }
            if last { return (steps, .maxSteps) }
            var best: (index: Int, reduction: PairedReduction, rank: Double)?
            // Candidates measured side by side (each is a pure function of the plan and itself).
            let reductions = run.reductions(by: candidates, model: model, weights: weights)
            for (i, candidate) in candidates.enumerated() {
                guard let reduction = reductions[i], reduction.lower > 0 else { continue }
                // Costed candidates by reduction per cost first; those without a cost after, by reduction.
                let rank = candidate.cost.map { reduction.mean / max($0, 1e-9) } ?? reduction.mean
                let costed = candidate.cost != nil
                let better: Bool
                if let b = best {
                    let bCosted = candidates[b.index].cost != nil
                    better = costed != bCosted ? costed : rank > b.rank
                } else {
                    better = true
                }
                if better { best = (i, reduction, rank) }
            }
            guard let pick = best else { return (steps, .noCandidateHelps) }
            let candidate = candidates[pick.index]
            chosen = (candidate.change, candidate.cost, run.set, pick.reduction)
            switch candidate.change {
            case .raise(let h): raises.append(h)
            case .countermeasure(_, let file):
                if let m = countermeasures.first(where: { $0.file == file }) { measures.append(m) }
            }
        }
    }

    /// Zones (outside the attackers' entry zones) and conduits with a static gap on an assessed FR,
    /// raised to their SL-T; at most `raiseCandidateLimit`, largest summed gap first, then id.
    static func raiseCandidates(_ s: Scenario, excluding entryZones: Set<String>) -> [Hardening] {
        var list: [(change: Hardening, id: String, gap: Int)] = []
        for zone in s.zones.values where !entryZones.contains(zone.id) {
            let gap = zone.slAchieved.gaps(to: zone.slTarget).map(\.gap).reduce(0, +)
            if gap > 0 { list.append((.zoneToTarget(zone.id), zone.id, gap)) }
        }
        for conduit in s.conduits.values {
            let gap = conduit.slAchieved.gaps(to: s.slTarget(of: conduit)).map(\.gap).reduce(0, +)
            if gap > 0 { list.append((.conduitToTarget(conduit.id), conduit.id, gap)) }
        }
        return list.sorted { $0.gap != $1.gap ? $0.gap > $1.gap : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            .prefix(raiseCandidateLimit).map(\.change)
    }

    /// The risk score of a plan with fixed weights: Σ_T w_T λ_T (the mean of the per-trial scores).
    static func score(_ set: RunSet, _ weights: [Double]) -> Double {
        set.targets.indices.reduce(0) { $0 + weights[$1] * set.likelihood(target: $1) }
    }

    static func probabilities(_ set: RunSet) -> [String: [String: Double]] {
        var result: [String: [String: Double]] = [:]
        for (t, target) in set.targets.enumerated() {
            var perAttacker: [String: Double] = [:]
            for (a, attacker) in set.attackers.enumerated() {
                perAttacker[attacker.id] = set.outcomes[a][t].probability
            }
            result[target.id] = perAttacker
        }
        return result
    }

    static func risks(_ set: RunSet) -> [String: RiskLevel?] {
        var result: [String: RiskLevel?] = [:]
        for (t, target) in set.targets.enumerated() { result[target.id] = set.riskRating(target: t).risk }
        return result
    }
}
