import OrderedCollections
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

/// The IEC 62443-3-2 ZCR 5 worksheet (SPEC 4.1, `zonelab risk`): per zone with targets, the
/// threats, vulnerabilities, consequence, unmitigated and residual likelihood and risk, and the
/// declared against the risk-based SL-T, with a sentence an assessor can paste.
public struct RiskWorksheet: Sendable {
    /// An attacker as a threat to a target: capability, rate and P.
    public struct Threat: Sendable, Hashable {
        public var attacker: String
        public var capability: Int
        public var rate: Double
        public var entry: [String]
        /// P within the horizon (before containment) as designed.
        public var p: Double
    }

    public struct TargetRow: Sendable {
        public var id: String
        public var consequence: Consequence
        public var threats: [Threat]
        /// Nil for a target without impact.
        public var unmitigated: RiskRating?
        public var residual: RiskRating
    }

    public struct ZoneRow: Sendable {
        public var id: String
        public var name: String
        /// The declared SL-T, max over FRs.
        public var slTarget: Int
        public var riskBasedSLT: Int?
        /// Why there is no risk-based SL-T ("no risk-rated target", "not reachable by SL").
        public var reason: String?
        /// Static gaps on assessed FRs, and the FRs not assessed.
        public var gaps: [(fr: FR, gap: Int)]
        public var notAssessed: [FR]
        /// Known vulnerabilities of the zone's assets, `asset: CVE (severity, exploit)`.
        public var vulnerabilities: [String]
        public var targets: [TargetRow]
        public var rationale: String
    }

    public var seed: UInt64
    public var trials: Int
    public var sha256: String
    public var calibration: JSONValue
    public var risk: RiskSettings
    public var zones: [ZoneRow]
    /// Where even SL 4 everywhere cannot make a zone tolerable: the attacker entry in or beside it.
    public var structural: [String]

    /// Simulates the plant as designed, unmitigated and at the uniform SLs 1–4, and fills the worksheet.
    public static func assess(
        model: PlantModel, settings: SimulationSettings, progress: AnalysisProgress = .silent
    ) -> RiskWorksheet {
        var settings = settings
        settings.shard = nil
        settings.firstTrial = 0
        let (designed, uniform) = runs(model, settings: settings, progress: progress)
        return RiskWorksheet(model: model, designed: designed, uniform: uniform)
    }

    /// The runs the worksheet and the SL-T justification read: the plant as designed (with the
    /// unmitigated plant's counts when a target is risk-rated) and the five uniform plants.
    static func runs(
        _ model: PlantModel, settings: SimulationSettings, progress: AnalysisProgress
    ) -> (designed: RunSet, uniform: UniformPlants) {
        let perPlant = settings.trials * model.attackers.count
        progress.phase("the plant as designed", perPlant)
        var designed = model.simulate(settings, progress: progress.trials)
        if designed.hasRiskRatedTargets {
            progress.phase("the unmitigated plant (every SL-A 0)", perPlant)
            designed.unmitigated = model.unmitigatedCounts(settings, progress: progress.trials)
        }
        progress.phase("the uniform plants at SL 1-4", 4 * perPlant)
        let uniform = UniformPlants.simulate(model, settings: settings, designed: designed, progress: progress.trials)
        return (designed, uniform)
    }

    /// The worksheet from runs already made (`designed` with its unmitigated counts).
    public init(model: PlantModel, designed: RunSet, uniform: UniformPlants) {
        let s = model.scenario
        seed = designed.seed
        trials = designed.trials
        sha256 = designed.sha256
        calibration = designed.calibration
        risk = s.risk
        var zoneOrder = OrderedSet<String>()
        for target in designed.targets { if let zone = target.zone { zoneOrder.append(zone) } }
        var structural: [String] = []
        zones = zoneOrder.map { zoneID in
            let zone = s.zones[zoneID]
            let indices = UniformPlants.targets(in: zoneID, of: designed)
            let rows = indices.map { t in
                TargetRow(
                    id: designed.targets[t].id, consequence: designed.targets[t].consequence ?? Consequence(),
                    threats: designed.attackers.enumerated().map { a, attacker in
                        Threat(
                            attacker: attacker.id, capability: attacker.capability ?? 0, rate: attacker.rate ?? 0,
                            entry: model.attackers.first { $0.id == attacker.id }?.entry ?? [],
                            p: designed.outcomes[a][t].probability)
                    },
                    unmitigated: designed.unmitigatedRating(target: t), residual: designed.riskRating(target: t))
            }
            let (level, reason) = uniform.riskBasedSLT(zone: zoneID)
            let slTarget = zone?.slTarget.maximum ?? 0
            if reason == "not reachable by SL" {
                structural.append(Self.structuralFinding(zone: zoneID, model: model))
            }
            let achieved = zone?.slAchieved ?? .notAssessed
            return ZoneRow(
                id: zoneID, name: zone?.name ?? zoneID, slTarget: slTarget, riskBasedSLT: level, reason: reason,
                gaps: achieved.gaps(to: zone?.slTarget ?? SLVector()), notAssessed: achieved.notAssessedFRs,
                vulnerabilities: s.assets(in: zoneID).flatMap { asset in
                    asset.vulnerabilities.map {
                        "\(asset.id): \($0.id) (\($0.severity.rawValue)\($0.exploit == .public ? ", public exploit" : ""))"
                    }
                },
                targets: rows,
                rationale: Self.rationale(
                    zone: zoneID, slTarget: slTarget, level: level, reason: reason, indices: indices, rows: rows,
                    uniform: uniform))
        }
        self.structural = structural
    }

    /// "Zone X: consequence 5 (safety). Unmitigated likelihood 5 (λ 1.4/y) → critical. With SL 3 on
    /// the paths into X the likelihood falls to 2 → medium, tolerable; SL 2 is not enough
    /// (λ 0.04/y → high). Risk-based SL-T 3; declared 3: adequate."
    static func rationale(
        zone: String, slTarget: Int, level: Int?, reason: String?, indices: [Int], rows: [TargetRow],
        uniform: UniformPlants
    ) -> String {
        // The target that decides: the highest impact, then the highest residual λ.
        let rated = zip(indices, rows).filter { $0.1.consequence.impact != nil }
        guard
            let (t, row) = rated.max(by: {
                ($0.1.consequence.impact!.level, $0.1.residual.likelihood)
                    < ($1.1.consequence.impact!.level, $1.1.residual.likelihood)
            }), let impact = row.consequence.impact
        else {
            return
                "Zone \(zone): no target in it has an impact, so it has no risk-based SL-T; its declared SL-T \(slTarget) is judged in practice only (see target-sl)."
        }
        let why = impact.leadingCategories.isEmpty ? "" : " (\(impact.leadingCategories.joined(separator: ", ")))"
        var text = "Zone \(zone): consequence \(impact.level)\(why)"
        if rated.count > 1 { text += " for \(row.id)" }
        text += ". "
        if let u = row.unmitigated {
            text +=
                "Unmitigated likelihood \(u.likelihoodLevel ?? 0) (λ \(lambda(u.likelihood))) → \(u.risk?.rawValue ?? "-"). "
        }
        func describe(_ r: RiskRating) -> String {
            "\(r.likelihoodLevel ?? 0) → \(r.risk?.rawValue ?? "-")\(r.tolerable == true ? ", tolerable" : "")"
        }
        if let level {
            let at = uniform.rating(target: t, at: level)
            text +=
                "With SL \(level) on the paths into \(zone) the likelihood is \(describe(at)) (λ \(lambda(at.likelihood)))"
            if level > 0 {
                let below = uniform.rating(target: t, at: level - 1)
                text +=
                    "; SL \(level - 1) is not enough (λ \(lambda(below.likelihood)) → \(below.risk?.rawValue ?? "-"))"
            }
            let verdict =
                level == slTarget
                ? "adequate" : level < slTarget ? "above what risk requires" : "too low: raise it to \(level)"
            text += ". Risk-based SL-T \(level); declared \(slTarget): \(verdict)."
        } else {
            let top = uniform.rating(target: t, at: 4)
            text +=
                "Even SL 4 on every zone and conduit leaves the likelihood at \(describe(top)) (λ \(lambda(top.likelihood))): no SL-T makes it tolerable; the structure must change (\(reason ?? "")). Declared \(slTarget)."
        }
        return text
    }

    /// `0.31/y`, `0.0042/y`, `5.0e-6/y`: two significant digits (λ is an estimate).
    public static func lambda(_ value: Double) -> String {
        if value == 0 { return "0/y" }
        var decimals = 1
        var scaled = value
        while scaled < 1 && decimals < 4 {
            scaled *= 10
            decimals += 1
        }
        if value < 0.001 {
            var exponent = 0
            var mantissa = value
            while mantissa < 1 {
                mantissa *= 10
                exponent -= 1
            }
            return Formatting.fixed(mantissa, decimals: 1) + "e\(exponent)/y"
        }
        return Formatting.fixed(value, decimals: value >= 1 ? 2 : decimals) + "/y"
    }

    /// Names the attacker entries inside `zone` or one conduit away from it.
    static func structuralFinding(zone: String, model: PlantModel) -> String {
        let s = model.scenario
        let neighbours = Set(s.conduits.values.filter { $0.zones.contains(zone) }.flatMap(\.zones))
        var entries: [String] = []
        for attacker in model.attackers {
            for entry in attacker.entry {
                guard let entryZone = s.zone(of: entry) else { continue }
                if entryZone == zone {
                    entries.append("\(attacker.id) starts inside \(zone) (at \(entry))")
                } else if neighbours.contains(entryZone) {
                    entries.append("\(attacker.id) starts in \(entryZone), one conduit from \(zone)")
                }
            }
        }
        let list =
            entries.isEmpty ? "the attackers' entries reach it through too few barriers" : Formatting.list(entries)
        return
            "Zone \(zone) is not made tolerable by any SL: \(list). Add a zone boundary (a conduit with its own barriers, a data diode) between the entry and the zone, or remove the access."
    }
}
