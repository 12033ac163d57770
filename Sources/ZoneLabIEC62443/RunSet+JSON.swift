import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

extension RunSet {
    /// How many paths each result lists.
    public static let topPathCount = 5

    /// The results document of SPEC 7 (`zonelab_results: 1`); shard files also carry what
    /// merging needs (every successful time and every distinct path).
    public func json() -> JSONValue {
        var top: [(String, JSONValue)] = [
            ("zonelab_results", 1),
            ("tool", .object([("name", "zonelab"), ("version", .string(toolVersion))])),
            ("seed", .int(Int(truncatingIfNeeded: seed))),
            ("trials", .int(trials)),
            ("scenario_sha256", .string(sha256)),
        ]
        if let tolerable { top.append(("tolerable", .number(tolerable))) }
        top.append(("calibration", calibration))
        if let risk { top.append(("risk", Self.json(risk))) }
        if let hardening, shard == nil { top.append(("hardening_trials", .int(hardening.runTrials))) }
        if let shard {
            if let counts = unmitigatedJSON { top.append(("shard_unmitigated", counts)) }
            top.append(
                (
                    "shard",
                    .object([
                        ("index", .int(shard.index)), ("count", .int(shard.count)),
                        ("run_trials", .int(runTrials ?? trials)),
                    ])
                ))
            if let hardening {
                top.append(
                    (
                        "shard_hardening",
                        .object([
                            ("run_trials", .int(hardening.runTrials)), ("trials", .int(hardening.trials)),
                            ("targets", .int(hardening.targets)),
                            ("candidates", .array(hardening.candidates.map(JSONValue.string))),
                            (
                                "drops",
                                .object(
                                    attackers.map { attacker in
                                        (
                                            attacker.id,
                                            .object(
                                                hardening.candidates.map { c in
                                                    (c, .int(hardening.drops[attacker.id]?[c] ?? 0))
                                                })
                                        )
                                    })
                            ),
                        ])
                    ))
            }
        }
        var targetsJSON: [JSONValue] = []
        let verdicts = ZoneVerdicts(self)
        for (t, target) in targets.enumerated() {
            var pairs: [(String, JSONValue)] = [("id", .string(target.id))]
            if let zone = target.zone { pairs.append(("zone", .string(zone))) }
            if let sl = target.slTarget { pairs.append(("sl_target", .int(sl))) }
            if let eff = effectiveSL(target: t), shard == nil { pairs.append(("effective_sl", .int(eff))) }
            pairs += consequenceJSON(target: t)
            if shard == nil { pairs += riskJSON(target: t, verdicts: verdicts) }
            pairs.append(
                ("results", .array(attackers.indices.map { a in resultJSON(attacker: a, outcome: outcomes[a][t]) })))
            targetsJSON.append(.object(pairs))
        }
        top.append(("targets", .array(targetsJSON)))
        let criticalities = attackers.indices.map { criticality(attacker: $0) }
        top.append(
            (
                "conduits",
                .array(
                    conduits.map { conduit in
                        var pairs: [(String, JSONValue)] = [
                            ("id", .string(conduit.id)),
                            (
                                "sl_gap",
                                .object(
                                    conduit.slGap.sorted { $0.key < $1.key }.map { ($0.key.rawValue, .int($0.value)) })
                            ),
                        ]
                        if shard == nil {
                            pairs.append(
                                (
                                    "criticality",
                                    .object(
                                        attackers.indices.map { a in
                                            (attackers[a].id, .number(criticalities[a][conduit.id] ?? 0))
                                        })
                                ))
                            if let hardening {
                                // Measured candidates have a gain; a conduit without a static gap is not
                                // changed by raising it to its SL-T (0); one beyond the candidate limit is null.
                                let measured = hardening.candidates.contains(conduit.id)
                                pairs.append(
                                    (
                                        "hardening_gain",
                                        .object(
                                            attackers.map { attacker in
                                                let gain = hardening.gain(attacker: attacker.id, conduit: conduit.id)
                                                return (
                                                    attacker.id,
                                                    measured
                                                        ? .number(gain ?? 0)
                                                        : conduit.slGap.isEmpty ? .number(0) : .null
                                                )
                                            })
                                    ))
                            }
                        }
                        return .object(pairs)
                    })
            ))
        return .object(top)
    }

    func resultJSON(attacker a: Int, outcome: TargetOutcome) -> JSONValue {
        let attacker = attackers[a]
        var pairs: [(String, JSONValue)] = [("attacker", .string(attacker.id))]
        if let c = attacker.capability { pairs.append(("capability", .int(c))) }
        pairs.append(("horizon_hours", .number(attacker.horizonHours)))
        if let rate = attacker.rate { pairs.append(("rate", .number(rate))) }
        pairs.append(("compromised", .int(outcome.compromised)))
        pairs.append(("p", .number(outcome.probability)))
        let (lo, hi) = outcome.wilson95
        pairs.append(("ci95", [.number(lo), .number(hi)]))
        pairs.append(contentsOf: Self.defenderJSON(outcome))
        if outcome.compromised > 0 {
            pairs.append(
                (
                    "ttc_hours",
                    .object([
                        ("n", .int(outcome.compromised)), ("p10", .number(outcome.percentile(10)!)),
                        ("p50", .number(outcome.percentile(50)!)),
                        ("p90", .number(outcome.percentile(90)!)),
                    ])
                ))
        } else {
            pairs.append(("ttc_hours", .null))
        }
        let total = Double(max(outcome.compromised, 1))
        pairs.append(
            (
                "paths",
                .array(
                    outcome.topPaths(Self.topPathCount).map { path in
                        .object([
                            ("frequency", .number(Double(path.count) / total)),
                            ("edges", .array(path.edges.map { .string($0) })),
                        ])
                    })
            ))
        if shard != nil {
            pairs.append(
                (
                    "shard_data",
                    .object([
                        ("trials", .int(outcome.trials)),
                        ("times", .array(outcome.times.map { .number($0) })),
                        ("unopposed_times", .array(outcome.unopposedTimes.map { .number($0) })),
                        ("detection_times", .array(outcome.detectionTimes.map { .number($0) })),
                        ("containment_times", .array(outcome.containmentTimes.map { .number($0) })),
                        (
                            "paths",
                            .array(
                                outcome.paths.map { path in
                                    .object([
                                        ("count", .int(path.count)), ("edges", .array(path.edges.map { .string($0) })),
                                    ])
                                })
                        ),
                    ])
                ))
        }
        return .object(pairs)
    }

    /// Merges shard sets into the set of the whole run; errors name the file that does not fit.
    public static func merge(_ shards: [(file: String, set: RunSet)]) throws(DiagnosticError) -> RunSet {
        guard let first = shards.first else { throw DiagnosticError([]) }
        var errors: [Diagnostic] = []
        let count = first.set.shard?.count ?? 1
        var seen = Set<Int>()
        for (file, set) in shards {
            func problem(_ m: String) { errors.append(Diagnostic(.error, file: file, at: .start, m)) }
            if set.seed != first.set.seed {
                problem("seed \(set.seed) differs from \(first.file)'s seed \(first.set.seed)")
            }
            if set.sha256 != first.set.sha256 {
                problem("comes from another scenario (SHA-256 differs from \(first.file))")
            }
            if set.calibration != first.set.calibration {
                problem("was run with another calibration than \(first.file)")
            }
            if set.attackers != first.set.attackers || set.targets != first.set.targets {
                problem("has other attackers or targets than \(first.file)")
            }
            if set.shard?.count != count { problem("is a shard of \(set.shard?.count ?? 1), not of \(count)") }
            if let i = set.shard?.index, !seen.insert(i).inserted { problem("repeats shard \(i)/\(count)") }
            if set.hardening?.runTrials != first.set.hardening?.runTrials
                || set.hardening?.candidates != first.set.hardening?.candidates
            {
                problem(
                    "was run with other hardening settings than \(first.file) (hardening trials or candidate conduits differ)"
                )
            }
        }
        if errors.isEmpty && seen.count != count {
            let missing = (0..<count).filter { !seen.contains($0) }.map { "\($0)/\(count)" }
            errors.append(
                Diagnostic(
                    .error, file: first.file, at: .start,
                    "shards missing for a whole run: \(missing.joined(separator: ", "))"))
        }
        if errors.isEmpty, let runTrials = first.set.runTrials {
            for (file, set) in shards where set.runTrials != runTrials {
                errors.append(
                    Diagnostic(
                        .error, file: file, at: .start,
                        "is a shard of a run of \(set.runTrials ?? 0) trials, not \(runTrials) as \(first.file)"))
            }
            let total = shards.map(\.set.trials).reduce(0, +)
            if errors.isEmpty && total != runTrials {
                errors.append(
                    Diagnostic(
                        .error, file: first.file, at: .start,
                        "the shards hold \(total) trials, not the run's \(runTrials)"))
            }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        let ordered = shards.sorted { $0.set.shard!.index < $1.set.shard!.index }
        var merged = ordered[0].set
        merged.trials = 0
        merged.outcomes = merged.outcomes.map {
            $0.map { TargetOutcome(target: $0.target, trials: 0, times: [], paths: []) }
        }
        merged.unmitigated = merged.unmitigated.map { $0.map { $0.map { _ in 0 } } }
        if var h = merged.hardening {
            h.trials = 0
            h.drops = [:]
            merged.hardening = h
        }
        for shard in ordered { merged = merged.merged(with: shard.set) }
        // The whole run's trial count is the plan's, not the sum of shards' (they are equal).
        merged.shard = nil
        return merged
    }
}
