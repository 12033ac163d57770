import OrderedCollections
import ZoneLabEngine
import ZoneLabModel

/// A target's risk per IEC 62443-3-2 (SPEC 4.1): λ = Σ over attackers of rate × P (expected
/// compromises per year), its likelihood level, and with an impact the risk level of the matrix.
public struct RiskRating: Sendable, Hashable {
    /// λ, expected compromises per year.
    public var likelihood: Double
    /// 1–5; nil for a target without impact (not risk-rated).
    public var likelihoodLevel: Int?
    public var risk: RiskLevel?
    public var tolerable: Bool?

    public init(likelihood: Double, impact: Int?, settings: RiskSettings) {
        self.likelihood = likelihood
        guard let impact else { return }
        let level = settings.likelihoodLevel(likelihood)
        likelihoodLevel = level
        let risk = settings.level(impact: impact, likelihood: level)
        self.risk = risk
        tolerable = settings.isTolerable(risk)
    }
}

extension RunSet {
    /// λ of target `t`: Σ over attackers of rate × P (P before containment); `counts` replaces
    /// the compromise counts (for the unmitigated plant's).
    public func likelihood(target t: Int, counts: [[Int]]? = nil) -> Double {
        var lambda = 0.0
        for (a, attacker) in attackers.enumerated() {
            let compromised = counts?[a][t] ?? outcomes[a][t].compromised
            lambda += (attacker.rate ?? 0) * Double(compromised) / Double(max(1, outcomes[a][t].trials))
        }
        return lambda
    }

    /// The residual risk of target `t` (the plant as designed).
    public func riskRating(target t: Int) -> RiskRating {
        RiskRating(
            likelihood: likelihood(target: t), impact: targets[t].consequence?.impact?.level,
            settings: risk ?? .standard)
    }

    /// The unmitigated risk of target `t` (every SL-A 0), when it was simulated.
    public func unmitigatedRating(target t: Int) -> RiskRating? {
        guard let unmitigated, targets[t].consequence?.impact != nil else { return nil }
        return RiskRating(
            likelihood: likelihood(target: t, counts: unmitigated), impact: targets[t].consequence?.impact?.level,
            settings: risk ?? .standard)
    }

    /// Whether any target has an impact (is risk-rated).
    public var hasRiskRatedTargets: Bool { targets.contains { $0.consequence?.impact != nil } }

    /// The weight of target `t` in the risk score and the roadmap (SPEC 4.1): its loss when every
    /// risk-rated target has one, else 10^(impact − 1); 1 for a target without impact.
    public func riskWeight(target t: Int) -> Double {
        guard let impact = targets[t].consequence?.impact?.level else { return 1 }
        let rated = targets.filter { $0.consequence?.impact != nil }
        if rated.allSatisfy({ $0.consequence?.loss != nil }), let loss = targets[t].consequence?.loss { return loss }
        var weight = 1.0
        for _ in 1..<max(1, impact) { weight *= 10 }
        return weight
    }

    /// The risk score: Σ over targets of λ × weight (the expected annual loss when every target
    /// is risk-rated and has a loss; a target without impact weighs 1).
    public var riskScore: Double {
        targets.indices.reduce(0) { $0 + likelihood(target: $1) * riskWeight(target: $1) }
    }
}

extension PlantModel {
    /// The unmitigated plant (SPEC 4.1): every SL-A of zones, conduits and assets at 0 on every FR;
    /// structure, directions, channels and vulnerabilities as designed.
    public var unmitigated: PlantModel {
        var s = scenario
        for id in s.zones.keys { s.zones[id]!.slAchieved = SLVector(uniform: 0) }
        for id in s.conduits.keys { s.conduits[id]!.slAchieved = SLVector(uniform: 0) }
        for id in s.assets.keys { s.assets[id]!.slAchievedOverrides = [:] }
        return with(scenario: s)
    }

    /// The uniform plant k (SPEC 4.1): every zone, conduit and asset at SL-A max(designed, k) on
    /// every FR, except the attackers' entry zones and the assets in them, which stay as designed.
    public func uniform(_ k: Int) -> PlantModel {
        var s = scenario
        let entryZones = Set(attackers.flatMap(\.entry).compactMap { s.zone(of: $0) })
        for (id, zone) in s.zones where !entryZones.contains(id) {
            s.zones[id]!.slAchieved = zone.slAchieved.withEveryFR.atLeast(k)
        }
        for (id, conduit) in s.conduits {
            s.conduits[id]!.slAchieved = conduit.slAchieved.withEveryFR.atLeast(k)
        }
        for (id, asset) in s.assets where !entryZones.contains(asset.zone) {
            s.assets[id]!.slAchievedOverrides = asset.slAchievedOverrides.mapValues { max($0, k) }
        }
        return with(scenario: s)
    }

    /// The unmitigated plant's compromise counts in the trials of `settings`, `[attacker][target]`.
    public func unmitigatedCounts(
        _ settings: SimulationSettings, progress: (@Sendable (Int) -> Void)? = nil
    ) -> [[Int]] {
        unmitigated.simulate(settings, paths: false, progress: progress).outcomes.map { $0.map(\.compromised) }
    }
}

extension SLVector {
    /// Every FR at least `level`.
    func atLeast(_ level: Int) -> SLVector {
        var result = self
        for fr in FR.allCases { result[fr] = Swift.max(self[fr], level) }
        return result
    }
}
