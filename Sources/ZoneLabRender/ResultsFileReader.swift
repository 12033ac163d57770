import ZoneLabSource

/// Reads the attack paths of a results file (`simulate --json`, SPEC 7) back for pictures:
/// per attacker and target P, `compromised` and the top paths (`frequency`, `edges`), and per
/// conduit the criticality. Other keys are left alone; a missing or mistyped key the pictures
/// need is reported as `FILE:LINE:COLUMN: error:` like any bad input.
public enum ResultsFileReader {
    /// What a results file holds for pictures.
    public struct ResultsFile: Sendable, Hashable {
        /// The SHA-256 of the scenario the results come from, when the file states it.
        public var scenarioSHA256: String?
        /// One entry per attacker, in the file's order.
        public var attackers: [AttackEvidence]
    }

    public static func read(path: String) throws(DiagnosticError) -> ResultsFile {
        try read(StrictJSON.parse(contentsOf: path), file: path)
    }

    public static func read(_ root: DocumentNode, file: String) throws(DiagnosticError) -> ResultsFile {
        var reader = Reader(diagnostics: Diagnostics(file: file))
        let evidence = reader.results(root)
        try reader.diagnostics.throwIfErrors()
        return ResultsFile(scenarioSHA256: reader.value(root, "scenario_sha256")?.jsonValue.string, attackers: evidence)
    }

    struct Reader {
        var diagnostics: Diagnostics

        func value(_ node: DocumentNode, _ key: String) -> DocumentNode? {
            guard case .mapping(let pairs) = node.kind else { return nil }
            return pairs.first { $0.key.text == key }?.value
        }

        mutating func require(_ node: DocumentNode, _ key: String, in what: String) -> DocumentNode? {
            guard case .mapping = node.kind else {
                diagnostics.error("\(what) must be a mapping of keys, found \(node.kindDescription)", at: node.location)
                return nil
            }
            guard let v = value(node, key), !v.isNull else {
                diagnostics.error("\(what) is missing the required key '\(key)'", at: node.location)
                return nil
            }
            return v
        }

        mutating func list(_ node: DocumentNode, _ what: String) -> [DocumentNode] {
            guard case .sequence(let items) = node.kind else {
                diagnostics.error("\(what) must be a list, found \(node.kindDescription)", at: node.location)
                return []
            }
            return items
        }

        mutating func number(_ node: DocumentNode, _ what: String, in range: ClosedRange<Double>) -> Double? {
            guard let d = node.jsonValue.double, d.isFinite, range.contains(d) else {
                diagnostics.error("\(what) must be a number from \(DOTAttributes.number(range.lowerBound)) to \(DOTAttributes.number(range.upperBound)), found \(node.kindDescription)", at: node.location)
                return nil
            }
            return d
        }

        mutating func count(_ node: DocumentNode, _ what: String) -> Int? {
            guard let i = node.jsonValue.int, i >= 0 else {
                diagnostics.error("\(what) must be a whole number >= 0, found \(node.kindDescription)", at: node.location)
                return nil
            }
            return i
        }

        mutating func text(_ node: DocumentNode, _ what: String) -> String? {
            guard let s = node.jsonValue.string else {
                diagnostics.error("\(what) must be a string, found \(node.kindDescription)", at: node.location)
                return nil
            }
            return s
        }

        mutating func results(_ root: DocumentNode) -> [AttackEvidence] {
            guard case .mapping = root.kind else {
                diagnostics.error("a results file must be a JSON object, found \(root.kindDescription)", at: root.location)
                return []
            }
            guard value(root, "zonelab_results")?.jsonValue.int == 1 else {
                diagnostics.error("not a ZoneLab results file (no \"zonelab_results\": 1); write one with `zonelab simulate FILE --json PATH`", at: root.location)
                return []
            }
            let trials = require(root, "trials", in: "the results").flatMap { count($0, "'trials'") } ?? 0
            let seed = value(root, "seed")?.jsonValue.int.map { UInt64(truncatingIfNeeded: $0) }
            var order: [String] = []
            var byAttacker: [String: AttackEvidence] = [:]
            let targets = require(root, "targets", in: "the results").map { list($0, "'targets'") } ?? []
            for (t, target) in targets.enumerated() {
                let what = "target #\(t + 1)"
                guard let id = require(target, "id", in: what).flatMap({ text($0, "the id of \(what)") }),
                    let results = require(target, "results", in: "target '\(id)'")
                else { continue }
                for (r, result) in list(results, "the results of target '\(id)'").enumerated() {
                    let what = "result #\(r + 1) of target '\(id)'"
                    guard let attacker = require(result, "attacker", in: what).flatMap({ text($0, "'attacker'") }) else { continue }
                    let p = require(result, "p", in: what).flatMap { number($0, "'p'", in: 0...1) } ?? 0
                    let compromised = require(result, "compromised", in: what).flatMap { count($0, "'compromised'") } ?? 0
                    var paths: [AttackEvidence.Path] = []
                    if let pathsNode = require(result, "paths", in: what) {
                        for (k, pathNode) in list(pathsNode, "'paths'").enumerated() {
                            let pathWhat = "path #\(k + 1) of \(what)"
                            guard let f = require(pathNode, "frequency", in: pathWhat).flatMap({ number($0, "'frequency'", in: 0...1) }),
                                let edgesNode = require(pathNode, "edges", in: pathWhat)
                            else { continue }
                            let edges = list(edgesNode, "'edges'").compactMap { text($0, "an edge id") }
                            paths.append(.init(edges: edges, count: Int((f * Double(compromised)).rounded())))
                        }
                    }
                    if byAttacker[attacker] == nil {
                        order.append(attacker)
                        byAttacker[attacker] = AttackEvidence(
                            attacker: attacker, capability: value(result, "capability")?.jsonValue.int,
                            horizonHours: value(result, "horizon_hours")?.jsonValue.double, trials: trials, seed: seed,
                            targets: [], criticality: [:])
                    }
                    byAttacker[attacker]!.targets.append(
                        .init(id: id, probability: p, compromised: compromised, paths: paths))
                }
            }
            // Criticality as the file states it, else from the paths it lists.
            var stated: [String: [String: Double]] = [:]
            if let conduits = value(root, "conduits") {
                for conduit in list(conduits, "'conduits'") {
                    guard let id = value(conduit, "id")?.jsonValue.string, let c = value(conduit, "criticality") else { continue }
                    for (attacker, share) in c.jsonValue.object ?? [] {
                        if let share = share.double { stated[attacker, default: [:]][id] = share }
                    }
                }
            }
            return order.map { id in
                var evidence = byAttacker[id]!
                evidence.criticality = stated[id] ?? AttackEvidence.criticality(from: evidence.targets)
                return evidence
            }
        }
    }
}
