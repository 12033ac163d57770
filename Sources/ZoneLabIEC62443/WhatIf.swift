import ZoneLabEngine
import ZoneLabSource

/// A paired comparison of a base plant and a variant simulated with the same seed (SPEC 4):
/// steps with the same id draw the same random numbers in both, so the difference in P per
/// target and attacker carries its own, narrow, paired 95% interval.
public struct WhatIfComparison: Sendable {
    /// A zone before and after: the largest P over its targets and every attacker, and whether
    /// it meets its SL-T in practice (SPEC 4) on each side.
    public struct ZoneChange: Sendable, Hashable {
        public var id: String
        public var slTargetBase: Int
        public var slTargetVariant: Int
        public var worstPBase: Double
        public var worstPVariant: Double
        public var meetsBase: Bool
        public var meetsVariant: Bool
    }

    public struct Row: Sendable {
        public var target: String
        public var attacker: String
        public var pBase: Double
        public var pVariant: Double
        /// Variant minus base.
        public var difference: Double
        /// Paired 95% interval of the difference.
        public var ci95: (lower: Double, upper: Double)
        /// Half-width two independent runs of the same size would give.
        public var independentHalfWidth: Double
        /// Trials where only the base fell, and where only the variant fell.
        public var onlyBase: Int
        public var onlyVariant: Int
        /// Median time to compromise on each side, nil when none fell.
        public var p50Base: Double?
        public var p50Variant: Double?
        /// Paths (edge ids) in the variant's top 5 and not in the base's top 5 (SPEC 4), and
        /// the other way round, each in its side's order.
        public var appeared: [[String]]
        public var vanished: [[String]]

        public var pairedHalfWidth: Double { (ci95.upper - ci95.lower) / 2 }
        /// How many times narrower the paired interval is than independent runs' (nil when 0).
        public var narrowing: Double? { pairedHalfWidth > 0 ? independentHalfWidth / pairedHalfWidth : nil }
    }

    public var seed: UInt64
    public var trials: Int
    public var baseSHA256: String
    public var variantSHA256: String
    public var rows: [Row]
    /// Per zone with targets on both sides: worst P and verdict before and after (SPEC 4).
    public var zones: [ZoneChange]
    /// Targets present on one side only (their P is not compared).
    public var onlyInBase: [String]
    public var onlyInVariant: [String]

    /// Compares two runs made with `keepingTrials` and the same seed and trial count.
    public init(base: RunSet, variant: RunSet) {
        precondition(
            base.seed == variant.seed && base.trials == variant.trials,
            "a what-if compares runs of the same seed and trials")
        seed = base.seed
        trials = base.trials
        baseSHA256 = base.sha256
        variantSHA256 = variant.sha256
        let variantTargets = Dictionary(uniqueKeysWithValues: variant.targets.enumerated().map { ($1.id, $0) })
        let variantAttackers = Dictionary(uniqueKeysWithValues: variant.attackers.enumerated().map { ($1.id, $0) })
        onlyInBase = base.targets.map(\.id).filter { variantTargets[$0] == nil }
        onlyInVariant = variant.targets.map(\.id).filter { id in !base.targets.contains { $0.id == id } }
        var rows: [Row] = []
        for (t, target) in base.targets.enumerated() {
            guard let vt = variantTargets[target.id] else { continue }
            for (a, attacker) in base.attackers.enumerated() {
                guard let va = variantAttackers[attacker.id] else { continue }
                let b = base.outcomes[a][t]
                let v = variant.outcomes[va][vt]
                var onlyBase = 0
                var onlyVariant = 0
                if let bt = base.perTrial?[a], let vtimes = variant.perTrial?[va] {
                    for row in 0..<bt.trials {
                        let x = bt.compromised(row: row, target: t)
                        let y = vtimes.compromised(row: row, target: vt)
                        if x && !y { onlyBase += 1 }
                        if y && !x { onlyVariant += 1 }
                    }
                }
                let n = Double(max(1, b.trials))
                // The per-trial differences D are in {-1, 0, 1}: their squares sum to the trials that differ.
                let half = Statistics.pairedHalfWidth(
                    sum: Double(onlyVariant - onlyBase), sumOfSquares: Double(onlyVariant + onlyBase), count: b.trials)
                let pb = b.probability
                let pv = v.probability
                let independent = Statistics.z95 * ((pb * (1 - pb) + pv * (1 - pv)) / n).squareRoot()
                let baseTop = b.topPaths(RunSet.topPathCount).map(\.edges)
                let variantTop = v.topPaths(RunSet.topPathCount).map(\.edges)
                let basePaths = Set(baseTop)
                let variantPaths = Set(variantTop)
                rows.append(
                    Row(
                        target: target.id, attacker: attacker.id, pBase: pb, pVariant: pv, difference: pv - pb,
                        ci95: (pv - pb - half, pv - pb + half), independentHalfWidth: independent,
                        onlyBase: onlyBase, onlyVariant: onlyVariant, p50Base: b.percentile(50),
                        p50Variant: v.percentile(50),
                        appeared: variantTop.filter { !basePaths.contains($0) },
                        vanished: baseTop.filter { !variantPaths.contains($0) }))
            }
        }
        self.rows = rows
        zones = Self.zoneChanges(base: base, variant: variant)
    }

    static func zoneChanges(base: RunSet, variant: RunSet) -> [ZoneChange] {
        let before = ZoneVerdicts(base)
        let after = ZoneVerdicts(variant)
        func worst(_ set: RunSet, zone: String) -> Double {
            var p = 0.0
            for (t, target) in set.targets.enumerated() where target.zone == zone {
                for a in set.attackers.indices { p = max(p, set.outcomes[a][t].probability) }
            }
            return p
        }
        return before.verdicts.compactMap { b in
            guard let v = after.verdicts.first(where: { $0.zone == b.zone }) else { return nil }
            return ZoneChange(
                id: b.zone, slTargetBase: b.slTarget, slTargetVariant: v.slTarget,
                worstPBase: worst(base, zone: b.zone),
                worstPVariant: worst(variant, zone: b.zone), meetsBase: b.meets, meetsVariant: v.meets)
        }
    }

    /// SPEC 7: `zonelab_whatif: 1`, per target the results per attacker.
    public func json(toolVersion: String, calibration: JSONValue) -> JSONValue {
        var byTarget: [(String, [Row])] = []
        for row in rows {
            if let i = byTarget.firstIndex(where: { $0.0 == row.target }) {
                byTarget[i].1.append(row)
            } else {
                byTarget.append((row.target, [row]))
            }
        }
        return .object([
            ("zonelab_whatif", 1),
            ("tool", .object([("name", "zonelab"), ("version", .string(toolVersion))])),
            ("seed", .int(Int(truncatingIfNeeded: seed))),
            ("trials", .int(trials)),
            ("base_sha256", .string(baseSHA256)),
            ("variant_sha256", .string(variantSHA256)),
            ("calibration", calibration),
            (
                "zones",
                .array(
                    zones.map { z in
                        .object([
                            ("id", .string(z.id)), ("worst_p_base", .number(z.worstPBase)),
                            ("worst_p_variant", .number(z.worstPVariant)),
                            ("meets_base", .bool(z.meetsBase)), ("meets_variant", .bool(z.meetsVariant)),
                        ])
                    })
            ),
            (
                "targets",
                .array(
                    byTarget.map { target, rows in
                        .object([
                            ("id", .string(target)),
                            (
                                "results",
                                .array(
                                    rows.map { r in
                                        .object([
                                            ("attacker", .string(r.attacker)), ("p_base", .number(r.pBase)),
                                            ("p_variant", .number(r.pVariant)),
                                            ("difference", .number(r.difference)),
                                            ("ci95", [.number(r.ci95.lower), .number(r.ci95.upper)]),
                                            ("independent_ci95_half_width", .number(r.independentHalfWidth)),
                                            ("trials_only_base", .int(r.onlyBase)),
                                            ("trials_only_variant", .int(r.onlyVariant)),
                                            (
                                                "ttc_p50_hours",
                                                .object([
                                                    ("base", r.p50Base.map(JSONValue.number) ?? .null),
                                                    ("variant", r.p50Variant.map(JSONValue.number) ?? .null),
                                                ])
                                            ),
                                            ("appeared", .array(r.appeared.map { .array($0.map(JSONValue.string)) })),
                                            ("vanished", .array(r.vanished.map { .array($0.map(JSONValue.string)) })),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            ("targets_only_in_base", .array(onlyInBase.map(JSONValue.string))),
            ("targets_only_in_variant", .array(onlyInVariant.map(JSONValue.string))),
        ])
    }
}
