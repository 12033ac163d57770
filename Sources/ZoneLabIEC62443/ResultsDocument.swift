import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

/// A results file (`simulate --json`, `merge`; SPEC 7) read back: what it states, per target
/// and attacker, and for shard files the raw data merging needs. The one reader of results
/// files: `merge` turns shard documents into `RunSet`s, pictures read their paths from it.
public struct ResultsDocument: Sendable {
    /// One attacker's result on one target.
    public struct Result: Sendable {
        public var attacker: String
        public var capability: Int?
        public var horizonHours: Double?
        public var rate: Double? = nil
        public var compromised: Int
        public var p: Double
        /// The v2 defender fields (SPEC 3.4, 7); nil in files written before them.
        public var defender: Defender? = nil
        /// The top paths as the file lists them: share of compromises and edge ids.
        public var paths: [(frequency: Double, edges: [String])]
        /// A shard's every successful time and every distinct path; nil in a whole run's file.
        public var shardData: TargetOutcome?
    }

    public struct Target: Sendable {
        public var id: String
        public var zone: String?
        public var slTarget: Int?
        public var consequence: Consequence? = nil
        public var results: [Result]
    }

    public struct Conduit: Sendable {
        public var id: String
        public var slGap: [FR: Int]
        /// Per attacker id, as the file states it (absent in shard files).
        public var criticality: [String: Double]?
    }

    public var seed: UInt64?
    public var trials: Int
    public var sha256: String?
    public var calibration: JSONValue
    public var toolVersion: String
    public var tolerable: Double?
    public var targets: [Target]
    public var conduits: [Conduit]
    /// Shard `index` of `count` of a run of `runTrials` trials, for shard files.
    public var shard: (index: Int, count: Int, runTrials: Int)?
    /// A shard's hardening counts.
    public var hardening: HardeningTally?
    /// The risk settings the run used.
    public var risk: RiskSettings?
    /// A shard's unmitigated compromise counts.
    public var unmitigated: [[Int]]?

    /// Reads a results file (strict JSON), every problem with its line and column.
    public static func read(path: String) throws(DiagnosticError) -> ResultsDocument {
        try decode(StrictJSON.parse(contentsOf: path), file: path)
    }

    /// Decodes a parsed results document. Keys not listed here are left alone (a results file
    /// may carry more); a key that is needed but missing or mistyped is an error at its place.
    public static func decode(_ root: DocumentNode, file: String) throws(DiagnosticError) -> ResultsDocument {
        var decoder = Decoder(d: Diagnostics(file: file))
        let document = decoder.document(root)
        try decoder.d.throwIfErrors()
        guard let document else {
            throw DiagnosticError([Diagnostic(.error, file: file, at: root.location, "not a ZoneLab results file")])
        }
        return document
    }

    /// The results set of a shard file, for merging; an error when the file is not a shard's.
    public func shardRunSet(file: String) throws(DiagnosticError) -> RunSet {
        func fail(_ message: String) -> DiagnosticError {
            DiagnosticError([Diagnostic(.error, file: file, at: .start, message)])
        }
        guard let shard else {
            throw fail("not a shard file: it has no \"shard\" block (a whole run's results cannot be merged)")
        }
        guard let seed, let sha256 else { throw fail("the shard file has no seed or scenario_sha256") }
        var attackers: [RunSet.AttackerInfo] = []
        var outcomes: [[TargetOutcome]] = []
        for (t, target) in targets.enumerated() {
            if t == 0 {
                attackers = target.results.map {
                    .init(
                        id: $0.attacker, capability: $0.capability, horizonHours: $0.horizonHours ?? 0, rate: $0.rate)
                }
                outcomes = attackers.map { _ in [] }
            }
            guard target.results.map(\.attacker) == attackers.map(\.id) else {
                throw fail("target '\(target.id)' lists other attackers than the first target")
            }
            for (a, result) in target.results.enumerated() {
                guard var outcome = result.shardData else {
                    throw fail("result \(a + 1) of target '\(target.id)' has no shard data")
                }
                outcome.target = t
                outcomes[a].append(outcome)
            }
        }
        var set = RunSet(
            seed: seed, trials: trials, sha256: sha256, calibration: calibration, toolVersion: toolVersion,
            tolerable: tolerable, attackers: attackers,
            targets: targets.map {
                .init(id: $0.id, zone: $0.zone, slTarget: $0.slTarget, consequence: $0.consequence)
            },
            conduits: conduits.map { .init(id: $0.id, slGap: $0.slGap) }, outcomes: outcomes)
        set.shard = (shard.index, shard.count)
        set.runTrials = shard.runTrials
        set.hardening = hardening
        set.risk = risk
        set.unmitigated = unmitigated
        return set
    }

    /// Reads with positions; `d` collects every problem.
    struct Decoder {
        var d: Diagnostics

        mutating func require(_ node: DocumentNode, _ key: String, in what: String) -> DocumentNode? {
            guard case .mapping = node.kind else {
                d.error("\(what) must be a mapping of keys, found \(node.kindDescription)", at: node.location)
                return nil
            }
            guard let value = node[key], !value.isNull else {
                d.error("\(what) is missing the required key '\(key)'", at: node.location)
                return nil
            }
            return value
        }

        mutating func text(_ node: DocumentNode, _ what: String) -> String? {
            guard let scalar = node.scalar, !scalar.isPlain else {
                d.error("\(what) must be a string, found \(node.kindDescription)", at: node.location)
                return nil
            }
            return scalar.text
        }

        mutating func count(_ node: DocumentNode, _ what: String) -> Int? {
            d.integer(node, what, in: 0...Int.max)
        }

        mutating func document(_ root: DocumentNode) -> ResultsDocument? {
            guard case .mapping = root.kind else {
                d.error("a results file must be a JSON object, found \(root.kindDescription)", at: root.location)
                return nil
            }
            guard root["zonelab_results"]?.jsonValue.int == 1 else {
                d.error("not a ZoneLab results file (no \"zonelab_results\": 1)", at: root.location)
                return nil
            }
            let trials = require(root, "trials", in: "the results").flatMap { count($0, "'trials'") } ?? 0
            let seed = root["seed"].flatMap { d.integer($0, "'seed'", in: Int.min...Int.max) }.map {
                UInt64(bitPattern: Int64($0))
            }
            let sha = root["scenario_sha256"].flatMap { text($0, "'scenario_sha256'") }
            let tolerable = root["tolerable"].flatMap { d.number($0, "'tolerable'", in: 0...1) }
            var targets: [Target] = []
            let targetNodes = require(root, "targets", in: "the results").flatMap { d.list($0, "'targets'") } ?? []
            for (t, node) in targetNodes.enumerated() {
                if let target = target(node, index: t) { targets.append(target) }
            }
            var conduits: [Conduit] = []
            for node in root["conduits"].flatMap({ d.list($0, "'conduits'") }) ?? [] {
                guard let id = require(node, "id", in: "a conduit").flatMap({ text($0, "the id of a conduit") }) else {
                    continue
                }
                var gap: [FR: Int] = [:]
                for (key, value) in node["sl_gap"]?.jsonValue.object ?? [] {
                    if let fr = FR(rawValue: key), let g = value.int { gap[fr] = g }
                }
                var criticality: [String: Double]?
                if let c = node["criticality"]?.jsonValue.object {
                    criticality = Dictionary(
                        c.compactMap { key, value in value.double.map { (key, $0) } }, uniquingKeysWith: { a, _ in a })
                }
                conduits.append(Conduit(id: id, slGap: gap, criticality: criticality))
            }
            var document = ResultsDocument(
                seed: seed, trials: trials, sha256: sha, calibration: root["calibration"]?.jsonValue ?? .object([]),
                toolVersion: root["tool"]?["version"]?.text ?? "", tolerable: tolerable, targets: targets,
                conduits: conduits)
            if let shard = root["shard"] {
                let index = require(shard, "index", in: "'shard'").flatMap { count($0, "'index' of 'shard'") }
                let shards = require(shard, "count", in: "'shard'").flatMap { count($0, "'count' of 'shard'") }
                let runTrials = shard["run_trials"].flatMap { count($0, "'run_trials' of 'shard'") } ?? trials
                if let index, let shards { document.shard = (index, shards, runTrials) }
            }
            if let h = root["shard_hardening"] { document.hardening = hardening(h) }
            document.risk = root["risk"].flatMap { riskSettings($0) }
            document.unmitigated = root["shard_unmitigated"].flatMap { unmitigated($0) }
            return document
        }

        mutating func target(_ node: DocumentNode, index t: Int) -> Target? {
            let what = "target #\(t + 1)"
            guard let id = require(node, "id", in: what).flatMap({ text($0, "the id of \(what)") }),
                let resultsNode = require(node, "results", in: "target '\(id)'")
            else { return nil }
            var results: [Result] = []
            for (r, item) in (d.list(resultsNode, "the results of target '\(id)'") ?? []).enumerated() {
                if let result = result(item, what: "result #\(r + 1) of target '\(id)'", target: t) {
                    results.append(result)
                }
            }
            var target = Target(
                id: id, zone: node["zone"].flatMap { text($0, "'zone' of target '\(id)'") },
                slTarget: node["sl_target"].flatMap { d.integer($0, "'sl_target' of target '\(id)'", in: 0...4) },
                results: results)
            target.consequence = consequence(node, of: id)
            return target
        }

        mutating func result(_ node: DocumentNode, what: String, target t: Int) -> Result? {
            guard let attacker = require(node, "attacker", in: what).flatMap({ text($0, "'attacker'") }) else {
                return nil
            }
            let p = require(node, "p", in: what).flatMap { d.number($0, "'p'", in: 0...1) } ?? 0
            let compromised = require(node, "compromised", in: what).flatMap { count($0, "'compromised'") } ?? 0
            var paths: [(frequency: Double, edges: [String])] = []
            if let pathsNode = require(node, "paths", in: what) {
                for (k, pathNode) in (d.list(pathsNode, "'paths'") ?? []).enumerated() {
                    let pathWhat = "path #\(k + 1) of \(what)"
                    guard
                        let f = require(pathNode, "frequency", in: pathWhat).flatMap({
                            d.number($0, "'frequency'", in: 0...1)
                        }),
                        let edgesNode = require(pathNode, "edges", in: pathWhat)
                    else { continue }
                    paths.append((f, (d.list(edgesNode, "'edges'") ?? []).compactMap { text($0, "an edge id") }))
                }
            }
            var shardData: TargetOutcome?
            if let data = node["shard_data"] {
                let trials =
                    require(data, "trials", in: "'shard_data' of \(what)").flatMap { count($0, "'trials'") } ?? 0
                let times = (data["times"].flatMap { d.list($0, "'times'") } ?? []).compactMap {
                    d.number($0, "a time")
                }
                var counts: [PathCount] = []
                for item in data["paths"].flatMap({ d.list($0, "'paths' of 'shard_data'") }) ?? [] {
                    guard let c = require(item, "count", in: "a shard path").flatMap({ count($0, "'count'") }),
                        let edges = require(item, "edges", in: "a shard path").flatMap({ d.list($0, "'edges'") })
                    else { continue }
                    counts.append(PathCount(edges: edges.compactMap { text($0, "an edge id") }, count: c))
                }
                shardData = TargetOutcome(target: t, trials: trials, times: times, paths: PathCount.sorted(counts))
                shardDefender(data, into: &shardData!)
            }
            var result = Result(
                attacker: attacker, capability: node["capability"].flatMap { d.integer($0, "'capability'", in: 1...5) },
                horizonHours: node["horizon_hours"].flatMap {
                    d.number($0, "'horizon_hours'", in: 0...Double.greatestFiniteMagnitude)
                },
                compromised: compromised, p: p, paths: paths, shardData: shardData)
            result.defender = defender(node, what: what)
            result.rate = node["rate"].flatMap { d.number($0, "'rate'", in: 0...Double.greatestFiniteMagnitude) }
            return result
        }

        mutating func hardening(_ node: DocumentNode) -> HardeningTally? {
            let what = "'shard_hardening'"
            guard let runTrials = require(node, "run_trials", in: what).flatMap({ count($0, "'run_trials'") }),
                let trials = require(node, "trials", in: what).flatMap({ count($0, "'trials'") }),
                let targets = require(node, "targets", in: what).flatMap({ count($0, "'targets'") }),
                let candidates = require(node, "candidates", in: what).flatMap({ d.list($0, "'candidates'") }),
                let dropsNode = require(node, "drops", in: what)
            else { return nil }
            var drops: [String: [String: Int]] = [:]
            if case .mapping(let perAttacker) = dropsNode.kind {
                for pair in perAttacker {
                    guard let attacker = pair.key.text, case .mapping(let perConduit) = pair.value.kind else {
                        continue
                    }
                    for entry in perConduit {
                        if let conduit = entry.key.text,
                            let drop = d.integer(entry.value, "a hardening drop", in: Int.min...Int.max)
                        {
                            drops[attacker, default: [:]][conduit] = drop
                        }
                    }
                }
            }
            return HardeningTally(
                candidates: candidates.compactMap { text($0, "a candidate conduit") }, runTrials: runTrials,
                trials: trials,
                targets: targets, drops: drops)
        }
    }
}
