import Foundation
import Testing
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

@testable import ZoneLabIEC62443

/// SPEC 3.2 v2 and 4: one edge per asset with the lowest vulnerability cap, content channel ids,
/// order-free lists, and hardening trials that shards sum.
@Suite struct OrderAndCapTests {
    /// A plant written from lists, optionally with every order-free list reversed (SPEC 4: zones,
    /// assets, conduits, channels, vulnerabilities, attackers, targets, entry).
    static func plant(reversed: Bool, extraVulnerabilities: [String] = []) -> String {
        func order<T>(_ items: [T]) -> [T] { reversed ? items.reversed() : items }
        let zones = [
            "{id: internet, level: 5, sl_target: 0}", "{id: vendor, level: 5, sl_target: 0}",
            "{id: enterprise, level: 4, sl_target: 2, sl_achieved: 2}",
            "{id: dmz, level: 3, sl_target: 3, sl_achieved: {IAC: 2, UC: 2, SI: 2, RDF: 2}}",
            "{id: ops, level: 3, sl_target: 3, sl_achieved: 2}",
            "{id: control, level: 2, sl_target: 3, sl_achieved: {IAC: 2, UC: 2, SI: 1, RDF: 2}}",
        ]
        let histVulns = order(
            [
                "{id: CVE-2021-0002, severity: high, exploit: public}",
                "{id: CVE-2021-0001, severity: critical, exploit: none}",
                "{id: CVE-2020-9999, severity: low}",
            ] + extraVulnerabilities)
        let assets = [
            "{id: ws1, zone: enterprise, type: workstation}",
            "{id: hist, zone: dmz, type: historian, vulnerabilities: [\(histVulns.joined(separator: ", "))]}",
            "{id: scada, zone: ops, type: server, critical: true}",
            "{id: ews, zone: ops, type: ews}",
            "{id: plc1, zone: control, type: plc, critical: true, vulnerabilities: [\(order(["{id: CVE-B, severity: critical, exploit: public}", "{id: CVE-A, severity: critical, exploit: public}"]).joined(separator: ", "))]}",
            "{id: hmi1, zone: control, type: hmi}",
        ]
        let channels = order([
            "{from: hist, to: scada, protocol: opc-ua}", "{from: hist, to: scada, protocol: https}",
            "{from: ops, to: hist}",
            "{id: eng-push, from: ews, to: hist, protocol: smb}",
        ])
        let conduits = [
            "{id: inet-ent, zones: [internet, enterprise], sl_achieved: {RDF: 2, IAC: 2}}",
            "{id: vendor-ops, zones: [vendor, ops], sl_achieved: {RDF: 1, IAC: 1}}",
            "{id: ent-dmz, zones: [enterprise, dmz], sl_achieved: {RDF: 2, IAC: 1}}",
            "{id: dmz-ops, zones: [dmz, ops], sl_achieved: {RDF: 2, IAC: 2}, channels: [\(channels.joined(separator: ", "))]}",
            "{id: ops-ctl, zones: [ops, control], sl_achieved: {RDF: 2, IAC: 2}}",
        ]
        let attackers = [
            "{id: outsider, capability: 3, entry: [\(order(["internet", "vendor"]).joined(separator: ", "))]}",
            "{id: casual, capability: 2}", "{id: apt, capability: 4, horizon: 60d}",
        ]
        func list(_ items: [String]) -> String { order(items).map { "  - \($0)" }.joined(separator: "\n") }
        return """
            zonelab: 1
            name: Order Plant
            entry: [\(order(["internet", "vendor"]).joined(separator: ", "))]
            targets: [\(order(["control", "ews"]).joined(separator: ", "))]
            zones:
            \(list(zones))
            assets:
            \(list(assets))
            conduits:
            \(list(conduits))
            attackers:
            \(list(attackers))
            """
    }

    static func results(_ yaml: String, trials: Int = 3_000, shard: (Int, Int)? = nil, hardening: Int = 1_000) throws
        -> RunSet
    {
        let loaded = try ScenarioLoader.load(data: Data(yaml.utf8), file: "plant.yaml")
        var settings = SimulationSettings(trials: trials, seed: 7, threads: 2)
        settings.shard = shard
        let model = try PlantModel(loaded, settings: settings)
        var set = model.simulate(settings)
        set.hardening = model.hardeningTally(trials: min(trials, hardening), settings: settings)
        return set
    }

    /// The value with every object's keys sorted (objects keyed by attacker follow the
    /// scenario's order of attackers, which is free).
    static func canonical(_ json: JSONValue) -> JSONValue {
        switch json {
        case .object(let pairs): .object(pairs.sorted { $0.0 < $1.0 }.map { ($0.0, canonical($0.1)) })
        case .array(let items): .array(items.map(canonical))
        default: json
        }
    }

    /// A results document with its arrays keyed by id, for comparing runs of reordered plants.
    static func byID(_ json: JSONValue) -> [String: String] {
        let json = canonical(json)
        var out: [String: String] = [:]
        for target in json["targets"]?.array ?? [] {
            for result in target["results"]?.array ?? [] {
                out["target \(target["id"]!.string!) / \(result["attacker"]!.string!)"] = result.serialized()
            }
            out["target \(target["id"]!.string!) effective_sl"] = target["effective_sl"]?.serialized() ?? "-"
        }
        for conduit in json["conduits"]?.array ?? [] { out["conduit \(conduit["id"]!.string!)"] = conduit.serialized() }
        for key in ["seed", "trials", "calibration", "hardening_trials", "tolerable"] {
            out[key] = json[key]?.serialized() ?? "-"
        }
        return out
    }

    @Test func everyOrderFreeListMayBeReversed() throws {
        let forward = Self.plant(reversed: false)
        let backward = Self.plant(reversed: true)
        #expect(forward != backward)
        let a = try Self.results(forward).json()
        let b = try Self.results(backward).json()
        #expect(a["scenario_sha256"] != b["scenario_sha256"])
        let x = Self.byID(a)
        let y = Self.byID(b)
        #expect(x.count > 20)
        #expect(x.keys.sorted() == y.keys.sorted())
        for key in x.keys.sorted() { #expect(x[key] == y[key], "\(key)") }
        // The run compromises something, so the comparison compares numbers, not zeros.
        #expect(try Self.results(forward).outcomes.flatMap { $0 }.contains { $0.compromised > 100 })
    }

    /// Equal caps are broken by the smallest id, whatever the list order: CVE-A, not CVE-B.
    @Test func equalCapsChooseTheSmallestID() throws {
        for reversed in [false, true] {
            let model = try PlantModel(
                try ScenarioLoader.load(data: Data(Self.plant(reversed: reversed).utf8), file: "p.yaml"),
                settings: SimulationSettings())
            let edge = try #require(model.skeleton.edges.first { $0.id == "exploit:plc1" })
            #expect(edge.step.vulnerability == "CVE-A")
            #expect(edge.protection == 0)
            let hist = try #require(model.skeleton.edges.first { $0.id == "exploit:hist" })
            #expect(hist.step.vulnerability == "CVE-2021-0001" || hist.step.vulnerability == "CVE-2021-0002")
            #expect(hist.protection == 1)
            // Both cap at 1: the smaller id as bytes wins.
            #expect(hist.step.vulnerability == "CVE-2021-0001")
            #expect(
                model.skeleton.graph(for: model.attackers[0]).edges.first { $0.id == "exploit:hist" }?.vulnerability
                    == "CVE-2021-0001")
        }
    }

    /// Twenty vulnerabilities that cap nothing change nothing, to the byte (apart from the
    /// scenario's SHA-256): the host falls through its weakest avenue once.
    @Test func nonCappingVulnerabilitiesChangeNothing() throws {
        let extra = (1...20).map { "{id: CVE-2030-\(1000 + $0), severity: low, exploit: public}" }
        let base = try Self.results(Self.plant(reversed: false))
        let variant = try Self.results(Self.plant(reversed: false, extraVulnerabilities: extra))
        var a = base.json()
        var b = variant.json()
        #expect(a["scenario_sha256"] != b["scenario_sha256"])
        a = Self.withoutSHA(a)
        b = Self.withoutSHA(b)
        #expect(a.serialized() == b.serialized())
        // And the paired what-if of the two is exactly 0 everywhere.
        let settings = SimulationSettings(trials: 2_000, seed: 3, threads: 2)
        let m1 = try PlantModel(
            try ScenarioLoader.load(data: Data(Self.plant(reversed: false).utf8), file: "a.yaml"), settings: settings)
        let m2 = try PlantModel(
            try ScenarioLoader.load(
                data: Data(Self.plant(reversed: false, extraVulnerabilities: extra).utf8), file: "b.yaml"),
            settings: settings)
        let comparison = WhatIfComparison(
            base: m1.simulate(settings, keepingTrials: true), variant: m2.simulate(settings, keepingTrials: true))
        #expect(!comparison.rows.isEmpty)
        for row in comparison.rows {
            #expect(row.difference == 0 && row.ci95.lower == 0 && row.ci95.upper == 0, "\(row.target) \(row.attacker)")
            #expect(row.appeared.isEmpty && row.vanished.isEmpty)
        }
    }

    static func withoutSHA(_ json: JSONValue) -> JSONValue {
        guard case .object(let pairs) = json else { return json }
        return .object(pairs.filter { $0.0 != "scenario_sha256" })
    }

    /// Channel ids come from content, so swapping two channels changes no step id.
    @Test func channelIDsAreByContent() throws {
        let model = try PlantModel(
            try ScenarioLoader.load(data: Data(Self.plant(reversed: false).utf8), file: "p.yaml"),
            settings: SimulationSettings())
        let ids = Set(model.skeleton.edges.map(\.id))
        for id in [
            "channel:dmz-ops:hist>scada:opc-ua/RDF", "channel:dmz-ops:hist>scada:https/IAC", "enter:dmz-ops:ops>hist",
            "channel:dmz-ops:eng-push/RDF", "enter:dmz-ops:eng-push",
        ] {
            #expect(ids.contains(id), "\(id)")
        }
    }

    /// Shards of a run with hardening merge into the single run, byte for byte (SPEC 4).
    @Test func shardsWithHardeningMergeIntoTheSingleRun() throws {
        let yaml = Self.plant(reversed: false)
        let whole = try Self.results(yaml, trials: 1_500, hardening: 700)
        let shards = try (0..<3).map { i in
            let set = try Self.results(yaml, trials: 1_500, shard: (i, 3), hardening: 700)
            let text = set.json().serialized()
            let root = try StrictJSON.parse(Data(text.utf8), file: "s\(i).json")
            return (
                file: "s\(i).json",
                set: try ResultsDocument.decode(root, file: "s\(i).json").shardRunSet(file: "s\(i).json")
            )
        }
        let merged = try RunSet.merge(shards)
        #expect(whole.hardening?.candidates.isEmpty == false)
        // The plant has TRE (scalar SL-A 2 in enterprise and ops): the defender is on (SPEC 3.4).
        #expect(whole.outcomes.joined().contains { $0.detected > 0 && $0.compromised < $0.unopposed })
        #expect(merged.json().serialized() == whole.json().serialized())
    }

    /// Candidates are fixed before any trial: conduits with a gap on an assessed FR, largest
    /// summed gap first, then id.
    @Test func hardeningCandidatesComeFromStaticGaps() throws {
        let model = try PlantModel(
            try ScenarioLoader.load(data: Data(Self.plant(reversed: false).utf8), file: "p.yaml"),
            settings: SimulationSettings())
        // vendor-ops: SL-T max(0, 3) = 3 on RDF, IAC (assessed) at 1: gap 4; ent-dmz: RDF 1 + IAC 2 = 3;
        // dmz-ops, ops-ctl: 1 + 1 = 2; inet-ent: SL-T 2, no gap.
        #expect(model.hardeningCandidates() == ["vendor-ops", "ent-dmz", "dmz-ops", "ops-ctl"])
    }
}
