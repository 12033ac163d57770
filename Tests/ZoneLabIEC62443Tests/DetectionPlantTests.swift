import Foundation
import Testing
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

@testable import ZoneLabIEC62443

/// SPEC 3.4 on plants: monitoring levels per step, the calibration tables, monotone coupling
/// of TRE, and plants without TRE giving exactly the unopposed numbers.
@Suite struct DetectionPlantTests {
    /// The Purdue fixture: enterprise, dmz and ops have scalar SL-A 2 (TRE 2 assessed); control
    /// and every conduit leave TRE out (not assessed: no monitoring).
    static func graph(_ yaml: String = Fixtures.purdue, capability: Int) throws -> AttackGraph {
        let model = try Fixtures.model(yaml)
        let attacker = try #require(model.attackers.first { $0.capability == capability })
        return model.skeleton.graph(for: attacker)
    }

    @Test func monitoringLevelsFollowTheSpec() throws {
        let g = try Self.graph(capability: 3)
        func detect(_ id: String) -> Detection? { g.edges[g.edgeIndex(of: id)!].detect }
        // exploit: into an asset of a TRE 2 zone; capability 3: d = 1, q 0.10, response of level 2.
        #expect(detect("exploit:scada") == Detection(p: 0.10, response: .lognormal(medianHours: 7 * 24, sigma: 1)))
        #expect(detect("exploit:plc1") == nil)  // control leaves TRE not assessed
        #expect(detect("pivot:scada") == nil)
        #expect(detect("cross:inet-ent:internet>enterprise/RDF") == nil)  // conduit TRE not assessed
        #expect(detect("enter:dmz-ops:hist>scada:opc-ua")?.p == 0.10)  // into the asset scada (ops, TRE 2)
        // A conduit's own TRE monitors its barriers, and the asset's TRE overrides its zone's.
        let monitored = Fixtures.purdue
            .replacingOccurrences(
                of: "{id: inet-ent, zones: [internet, enterprise], sl_achieved: {RDF: 2, IAC: 2}}",
                with: "{id: inet-ent, zones: [internet, enterprise], sl_achieved: {RDF: 2, IAC: 2, TRE: 4}}"
            )
            .replacingOccurrences(
                of: "{id: scada, zone: ops, type: server}",
                with: "{id: scada, zone: ops, type: server, sl_achieved: {TRE: 0}}")
        let h = try Self.graph(monitored, capability: 1)
        let barrier = h.edges[h.edgeIndex(of: "cross:inet-ent:internet>enterprise/IAC")!].detect
        #expect(barrier == Detection(p: 0.80, response: .lognormal(medianHours: 4, sigma: 1)))  // d = 1 - 4 = -3
        #expect(h.edges[h.edgeIndex(of: "exploit:scada")!].detect == nil)
    }

    @Test func calibrationOverridesTheTablesAndWarnsWhenNotMonotone() throws {
        let yaml =
            Fixtures.purdue
            + "\ncalibration:\n  detect: {1: 0.5, 0: 0.3}\n  response: {2: {dist: exponential, mean: 2d}}\n"
        let loaded = try Fixtures.load(yaml)
        #expect(loaded.warnings.contains { $0.message.contains("detect q is lower at gap 0") })
        let g = try Self.graph(yaml, capability: 3)
        #expect(
            g.edges[g.edgeIndex(of: "exploit:scada")!].detect
                == Detection(p: 0.5, response: .exponential(meanHours: 48)))
        let model = try Fixtures.model(yaml)
        #expect(model.calibration.json["detect"]?["1"] == .number(0.5))
        #expect(model.calibration.json["response"]?["2"]?["mean_hours"] == .number(48))
    }

    @Test func badDetectionTablesArePositionedErrors() {
        let yaml =
            Fixtures.purdue + "\ncalibration:\n  detect: {5: 0.5, 0: 1.5}\n  response: {0: {dist: instant}}\n"
        let error = #expect(throws: DiagnosticError.self) { try Fixtures.load(yaml) }
        let messages = (error?.diagnostics ?? []).filter { $0.severity == .error }.map(\.description)
        #expect(messages.count == 3, "\(messages)")
        let lines = Fixtures.purdue.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(messages.filter { $0.hasPrefix("test.yaml:\(lines + 2):") }.count == 2, "\(messages)")  // detect
        #expect(messages.filter { $0.hasPrefix("test.yaml:\(lines + 3):") }.count == 1, "\(messages)")  // response
    }

    /// Raising any TRE (a zone's, an asset's, a conduit's) never raises a compromise count for
    /// the same seed, and leaves the unopposed numbers exactly as they were.
    @Test(arguments: [
        (
            "{id: ops, level: 3, sl_target: 3, sl_achieved: 2}",
            "{id: ops, level: 3, sl_target: 3, sl_achieved: {IAC: 2, UC: 2, SI: 2, DC: 2, RDF: 2, TRE: 3, RA: 2}}", true
        ),
        // The target's own zone: its alarm comes at the time of compromise itself, which still
        // counts (T <= C), so nothing may rise and nothing needs to drop.
        (
            "{id: control, level: 2, sl_target: 3, sl_achieved: {IAC: 2, UC: 2, SI: 2, RDF: 2}}",
            "{id: control, level: 2, sl_target: 3, sl_achieved: {IAC: 2, UC: 2, SI: 2, RDF: 2, TRE: 3}}", false
        ),
        (
            "{id: ops-ctl, zones: [ops, control], sl_achieved: {RDF: 2, IAC: 2}}",
            "{id: ops-ctl, zones: [ops, control], sl_achieved: {RDF: 2, IAC: 2, TRE: 4}}", true
        ),
        (
            "{id: hist, zone: dmz, type: historian,", "{id: hist, zone: dmz, type: historian, sl_achieved: {TRE: 4},",
            true
        ),
    ])
    func raisingTRENeverRaisesACount(from: String, to: String, mustDrop: Bool) throws {
        let base = Fixtures.purdue
        let variant = base.replacingOccurrences(of: from, with: to)
        #expect(variant != base)
        let before = try Fixtures.run(base, trials: 3_000, seed: 31)
        let after = try Fixtures.run(variant, trials: 3_000, seed: 31)
        var dropped = false
        for (a, outcomes) in after.outcomes.enumerated() {
            for (t, outcome) in outcomes.enumerated() {
                let was = before.outcomes[a][t]
                #expect(outcome.compromised <= was.compromised)
                #expect(outcome.unopposedTimes == was.unopposedTimes)
                dropped = dropped || outcome.compromised < was.compromised
            }
        }
        #expect(dropped || !mustDrop)
    }

    /// A plant without TRE anywhere: no edge carries `detect`, and every result row has
    /// p = p_unopposed, the same interval, nothing detected and no time to detect.
    @Test func plantsWithoutTREGiveTheUnopposedNumbers() throws {
        let noTRE = Fixtures.purdue.replacingOccurrences(
            of: "sl_achieved: 2}", with: "sl_achieved: {IAC: 2, UC: 2, SI: 2, RDF: 2}}")
        #expect(try Self.graph(noTRE, capability: 4).edges.allSatisfy { $0.detect == nil })
        let set = try Fixtures.run(noTRE, trials: 2_000, seed: 3)
        let json = set.json()
        var rows = 0
        for target in json["targets"]?.array ?? [] {
            for row in target["results"]?.array ?? [] {
                rows += 1
                #expect(row["p"] == row["p_unopposed"])
                #expect(row["ci95"] == row["ci95_unopposed"])
                #expect(row["detected"] == .number(0))
                #expect(row["ttd_hours"] == .null)
            }
        }
        #expect(rows > 0)
        #expect(set.outcomes.joined().allSatisfy { $0.times == $0.unopposedTimes })
        // The defender fields read back.
        let back = try ResultsDocument.decode(
            StrictJSON.parse(Data(json.serialized().utf8), file: "r.json"), file: "r.json")
        #expect(back.targets.first?.results.first?.defender?.detected == 0)
    }

    /// With TRE the rows report p <= p_unopposed, a detected share and time to detect.
    @Test func resultsReportTheDefender() throws {
        let set = try Fixtures.run(Fixtures.purdue, trials: 3_000, seed: 5)
        let json = set.json()
        let rows = (json["targets"]?.array ?? []).flatMap { $0["results"]?.array ?? [] }
        #expect(rows.contains { ($0["detected"]?.number ?? 0) > 0 && $0["ttd_hours"] != .null })
        for row in rows {
            #expect((row["p"]?.number ?? 2) <= (row["p_unopposed"]?.number ?? -1))
        }
        let back = try ResultsDocument.decode(
            StrictJSON.parse(Data(json.serialized().utf8), file: "r.json"), file: "r.json")
        let firstRow = try #require(rows.first)
        #expect(back.targets.first?.results.first?.defender?.pUnopposed == firstRow["p_unopposed"]?.number)
    }
}

extension JSONValue {
    /// The number, integral or not.
    fileprivate var number: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }
}
