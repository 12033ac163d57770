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
        base: PlantBase?, start: RunSet? = nil
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
        // The plan as designed, with every trial's times kept: `start` when the caller ran it already.
        var current =
            start.flatMap { $0.perTrial == nil ? nil : $0 } ?? model.simulate(settings, keepingTrials: true)
        let weights = current.targets.indices.map { current.riskWeight(target: $0) }
        var steps: [RoadmapStep] = []
        let entryZones = Set(model.attackers.flatMap(\.entry).compactMap { model.scenario.zone(of: $0) })
        while true {
            if current.hasRiskRatedTargets {
                let tolerable = current.targets.indices.allSatisfy {
                    current.targets[$0].consequence?.impact == nil || current.riskRating(target: $0).tolerable == true
                }
                if tolerable { return (steps, .tolerable) }
            } else if ZoneVerdicts(current).failing.isEmpty {
                return (steps, .meetsSLT)
            }
            if steps.count >= maxSteps { return (steps, .maxSteps) }
            guard let plan = scenario(measures: measures, raises: raises) else { return (steps, .noCandidateHelps) }
            var candidates: [(change: RoadmapChange, cost: Double?, scenario: Scenario)] = []
            // A raise off every compromise path changes no trial (monotone coupling): skip it.
            let onPaths = touched(current, in: plan)
            for raise in raiseCandidates(plan, excluding: entryZones) where onPaths.contains(raise) {
                candidates.append((.raise(raise), raise.cost(in: plan), raise.applied(to: plan)))
            }
            for measure in countermeasures where !measures.contains(where: { $0.file == measure.file }) {
                if let s = scenario(measures: measures + [measure], raises: raises) {
                    candidates.append((.countermeasure(name: measure.name, file: measure.file), measure.cost, s))
                }
            }
            var best: (index: Int, set: RunSet, reduction: (mean: Double, lower: Double, upper: Double), rank: Double)?
            for (i, candidate) in candidates.enumerated() {
                let set = model.with(scenario: candidate.scenario).simulate(settings, keepingTrials: true)
                let reduction = pairedReduction(before: current, after: set, weights: weights)
                guard reduction.lower > 0 else { continue }
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
                if better { best = (i, set, reduction, rank) }
            }
            guard let chosen = best else { return (steps, .noCandidateHelps) }
            let candidate = candidates[chosen.index]
            steps.append(
                RoadmapStep(
                    change: candidate.change, cost: candidate.cost, pBefore: probabilities(current),
                    pAfter: probabilities(chosen.set), riskBefore: risks(current), riskAfter: risks(chosen.set),
                    scoreBefore: score(current, weights), scoreAfter: score(chosen.set, weights),
                    reductionCI95: (chosen.reduction.lower, chosen.reduction.upper),
                    zonesMeetingAfter: ZoneVerdicts(chosen.set).verdicts.filter(\.meets).count))
            switch candidate.change {
            case .raise(let h): raises.append(h)
            case .countermeasure(_, let file):
                if let m = countermeasures.first(where: { $0.file == file }) { measures.append(m) }
            }
            current = chosen.set
        }
    }

    /// The conduits the compromise paths cross and the zones of the assets they take: the only
    /// places whose raise can change a trial.
    static func touched(_ set: RunSet, in s: Scenario) -> Touched {
        var touched = Touched()
        var seen = Set<String>()
        for outcomes in set.outcomes {
            for outcome in outcomes {
                for path in outcome.paths {
                    for edge in path.edges where seen.insert(edge).inserted {
                        switch EdgeID(edge) {
                        case .exploit(let a): if let z = s.assets[a]?.zone { touched.zones.insert(z) }
                        case .cross(let c, _, _, _), .channel(let c, _, _): touched.conduits.insert(c)
                        case .enter(let c, let cid):
                            touched.conduits.insert(c)
                            if let to = s.conduits[c]?.channel(withCID: cid)?.to, let z = s.assets[to]?.zone {
                                touched.zones.insert(z)
                            }
                        case .some(let step) where step.isToolkit:  // SPEC 3.5: where it acts
                            if let c = step.conduit { touched.conduits.insert(c) }
                            if let a = step.asset, let z = s.assets[a]?.zone { touched.zones.insert(z) }
                        default: break
                        }
                    }
                }
            }
        }
        return touched
    }

    struct Touched {
        var conduits = Set<String>()
        var zones = Set<String>()

        func contains(_ change: Hardening) -> Bool {
            switch change {
            case .conduitToTarget(let c): conduits.contains(c)
            case .zoneToTarget(let z): zones.contains(z)
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

    /// The mean and paired 95% interval of the per-trial score differences before − after, the
    /// trial's score being Σ_T w_T Σ_a rate_a · 1[T compromised by a] (SPEC 4).
    static func pairedReduction(before: RunSet, after: RunSet, weights: [Double]) -> (
        mean: Double, lower: Double, upper: Double
    ) {
        guard let b = before.perTrial, let a = after.perTrial, before.trials > 0 else { return (0, 0, 0) }
        let n = before.trials
        var sum = 0.0
        var sumSquares = 0.0
        let afterTarget = before.targets.map { t in after.targets.firstIndex { $0.id == t.id } }
        let afterAttacker = before.attackers.map { x in after.attackers.firstIndex { $0.id == x.id } }
        for row in 0..<n {
            var d = 0.0
            for (ai, attacker) in before.attackers.enumerated() {
                let rate = attacker.rate ?? 0
                guard rate > 0 else { continue }
                for t in before.targets.indices {
                    let was = b[ai].compromised(row: row, target: t)
                    let isNow =
                        afterAttacker[ai].flatMap { aa in afterTarget[t].map { a[aa].compromised(row: row, target: $0) }
                        }
                        ?? false
                    if was != isNow { d += (was ? 1 : -1) * rate * weights[t] }
                }
            }
            sum += d
            sumSquares += d * d
        }
        let mean = sum / Double(n)
        let half = Statistics.pairedHalfWidth(sum: sum, sumOfSquares: sumSquares, count: n)
        return (mean, mean - half, mean + half)
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
