import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

/// An ATT&CK Navigator layer (SPEC 8 `export navigator`) of the techniques on the simulated
/// paths: domain `ics-attack`, one entry per technique, `score` = the share of compromises
/// (counted per trial, target and attacker, as in `p`) whose path uses it.
public enum NavigatorLayer {
    /// The layer format version written (ATT&CK Navigator layer format 4.5).
    public static let layerFormat = "4.5"
    public static let navigatorVersion = "5.1.0"
    /// Most step ids a technique's comment names; the rest are counted.
    public static let stepLimit = 12

    /// One technique's tally.
    public struct Entry: Sendable, Hashable {
        public var technique: String
        /// Compromises whose path uses it.
        public var compromises: Int
        /// The step ids (edge ids) on those paths that use it, in first-seen order.
        public var steps: [String]
    }

    /// The techniques on the paths of `runSet` (simulated from `model`), in technique id order,
    /// and the number of compromises counted.
    public static func tally(model: PlantModel, runSet: RunSet) -> (entries: [Entry], compromises: Int) {
        var technique: [String: String] = [:]
        for edge in model.skeleton.edges { technique[edge.id] = edge.technique.id }
        var counts: [String: Int] = [:]
        var steps: [String: [String]] = [:]
        var total = 0
        for outcomes in runSet.outcomes {
            for outcome in outcomes {
                total += outcome.compromised
                for path in outcome.paths {
                    var used: Set<String> = []
                    for edge in path.edges {
                        guard let id = technique[edge] else { continue }
                        used.insert(id)
                        if !(steps[id, default: []].contains(edge)) { steps[id, default: []].append(edge) }
                    }
                    for id in used { counts[id, default: 0] += path.count }
                }
            }
        }
        let entries = counts.keys.sorted().compactMap { id -> Entry? in
            guard let count = counts[id], count > 0 else { return nil }
            return Entry(technique: id, compromises: count, steps: steps[id] ?? [])
        }
        return (entries, total)
    }

    /// The layer as JSON.
    public static func layer(model: PlantModel, runSet: RunSet) -> JSONValue {
        let (entries, total) = tally(model: model, runSet: runSet)
        let techniques: [JSONValue] = entries.map { entry in
            let score = total == 0 ? 0 : Double(entry.compromises) / Double(total)
            var named = entry.steps.prefix(stepLimit).joined(separator: ", ")
            if entry.steps.count > stepLimit { named += " and \(entry.steps.count - stepLimit) more" }
            return .object([
                ("techniqueID", .string(entry.technique)),
                ("score", .number((score * 10_000).rounded() / 10_000)),
                ("comment", .string("\(entry.compromises) of \(total) compromises; steps: \(named)")),
                ("enabled", true),
                ("showSubtechniques", false),
            ])
        }
        let attackers = runSet.attackers.map(\.id).joined(separator: ", ")
        return .object([
            ("name", .string("ZoneLab: \(model.scenario.name)")),
            (
                "versions",
                .object([("attack", "18"), ("navigator", .string(navigatorVersion)), ("layer", .string(layerFormat))])
            ),
            ("domain", "ics-attack"),
            (
                "description",
                .string(
                    "Techniques on the simulated attack paths of \(model.scenario.name) (\(runSet.trials) trials, seed \(runSet.seed), attackers \(attackers)); score = share of the \(total) compromises whose path uses the technique. Made by zonelab \(ZoneLabVersion.current)."
                )
            ),
            ("sorting", 3),
            ("hideDisabled", false),
            ("techniques", .array(techniques)),
            (
                "gradient",
                .object([("colors", ["#ffffff", "#ffb366", "#e60000"]), ("minValue", 0), ("maxValue", 1)])
            ),
            ("legendItems", []),
            (
                "metadata",
                [
                    .object([("name", "scenario_sha256"), ("value", .string(runSet.sha256))]),
                    .object([("name", "compromises"), ("value", .string(String(total)))]),
                ]
            ),
            ("showTacticRowBackground", false),
            ("selectTechniquesAcrossTactics", true),
        ])
    }
}
