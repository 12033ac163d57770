import Foundation
import OrderedCollections
import Testing
import ZoneLabEngine
import ZoneLabModel

@testable import ZoneLabIEC62443

/// Monotone coupling makes hardening safe trial by trial: for the same seed, no change that
/// strengthens the plant raises any compromise count.
@Suite struct PropertyTests {
    static let base = Fixtures.purdue

    static let hardenings: [(String, String, String)] = [
        (
            "raise a zone's SL-A", "{id: ops, level: 3, sl_target: 3, sl_achieved: 2}",
            "{id: ops, level: 3, sl_target: 3, sl_achieved: 3}"
        ),
        (
            "raise an asset's SL-A", "{id: plc1, name: Filter PLC, zone: control, type: plc, critical: true}",
            "{id: plc1, name: Filter PLC, zone: control, type: plc, critical: true, sl_achieved: {IAC: 4, UC: 4, SI: 4}}"
        ),
        (
            "raise a conduit's SL-A", "{id: ent-dmz, zones: [enterprise, dmz], sl_achieved: {RDF: 2, IAC: 2}}",
            "{id: ent-dmz, zones: [enterprise, dmz], sl_achieved: {RDF: 3, IAC: 4}}"
        ),
        ("remove a conduit", "\n  - {id: ops-ctl, zones: [ops, control], sl_achieved: {RDF: 2, IAC: 2}}", ""),
        ("remove a channel", "      - {from: ops, to: hist}\n", ""),
        (
            "make a conduit forward", "{id: ent-dmz, zones: [enterprise, dmz], sl_achieved: {RDF: 2, IAC: 2}}",
            "{id: ent-dmz, zones: [enterprise, dmz], direction: forward, sl_achieved: {RDF: 2, IAC: 2}}"
        ),
        ("remove a vulnerability", ", vulnerabilities: [{id: CVE-1, severity: high, exploit: public}]", ""),
    ]

    @Test(arguments: hardenings.map { HardeningCase(name: $0.0, from: $0.1, to: $0.2) })
    func hardeningNeverRaisesACompromiseCount(_ change: HardeningCase) throws {
        let variant = Self.base.replacingOccurrences(of: change.from, with: change.to)
        #expect(variant != Self.base, "the edit did not apply")
        let before = try Fixtures.run(Self.base, trials: 3_000, seed: 21)
        let after = try Fixtures.run(variant, trials: 3_000, seed: 21)
        for (a, outcomes) in after.outcomes.enumerated() {
            for (t, outcome) in outcomes.enumerated() {
                let was = before.outcomes[a][t]
                #expect(outcome.compromised <= was.compromised, "\(change.name): \(after.attackers[a].id) rose")
                // Trial by trial: every time of compromise after is matched by an earlier-or-equal one before.
                #expect(outcome.times.count <= was.times.count)
            }
        }
    }

    struct HardeningCase: Sendable, CustomTestStringConvertible {
        var name: String
        var from: String
        var to: String
        var testDescription: String { name }
    }

    @Test func noPathMeansExactlyZero() throws {
        let isolated = Self.base.replacingOccurrences(
            of: "\n  - {id: ops-ctl, zones: [ops, control], sl_achieved: {RDF: 2, IAC: 2}}", with: "")
        #expect(isolated != Self.base)
        let set = try Fixtures.run(isolated, trials: 2_000)
        for outcomes in set.outcomes {
            #expect(outcomes[0].compromised == 0)
            #expect(outcomes[0].probability == 0)
            #expect(outcomes[0].percentile(50) == nil)
        }
    }

    @Test func strongAttackerInsideTheZoneNearlyAlwaysWins() throws {
        let yaml =
            Self.base + """

                attackers:
                  - {id: insider, capability: 4, entry: [control], horizon: 30d}
                """
        let set = try Fixtures.run(yaml, trials: 4_000)
        // One step at gap 2 (plc protection 2): p = 0.95, median 12 h, well inside 30 days.
        #expect(set.outcomes[0][0].probability > 0.94)
    }

    @Test func dataDiodeOnTheOnlyPathDropsPToZero() throws {
        let diode = Self.base.replacingOccurrences(
            of: "{id: ops-ctl, zones: [ops, control], sl_achieved: {RDF: 2, IAC: 2}}",
            with: "{id: ops-ctl, zones: [control, ops], direction: forward, sl_achieved: {RDF: 2, IAC: 2}}")
        let set = try Fixtures.run(diode, trials: 2_000)
        #expect(Fixtures.counts(set).allSatisfy { $0[0] == 0 })
    }

    /// A target's outcome with `compromised` of `trials` trials, each along `path`.
    static func outcome(_ compromised: Int, of trials: Int, path: [String] = ["exploit:plc1"]) -> TargetOutcome {
        TargetOutcome(
            target: 0, trials: trials, times: Array(repeating: 1, count: compromised),
            paths: compromised == 0 ? [] : [PathCount(edges: path, count: compromised)])
    }

    /// The effective SL is the largest capability k whose attackers, and all weaker ones, stay at
    /// or below the tolerable P; the zone's verdict looks at the attackers up to its SL-T (3).
    /// Outcomes are set by hand (attackers SL1…SL4, tolerable 0.05), so each answer is known.
    @Test(arguments: [
        ([0, 0, 0, 0], 4, true),
        ([5, 50, 50, 900], 3, true),  // 5% is tolerable; SL4 above the SL-T does not fail the zone
        ([10, 40, 60, 0], 2, false),  // SL3 at 6%: effective 2, and SL4's 0% does not raise it
        ([50, 50, 50, 50], 4, true),  // exactly the tolerable P is tolerable
        ([51, 0, 0, 0], 0, false),  // the weakest already exceeds it
        ([0, 51, 0, 0], 1, false),  // a gap stops the count even when stronger attackers fail
    ])
    func effectiveSLAndVerdicts(compromised: [Int], effective: Int, meets: Bool) throws {
        var set = try Fixtures.run(Self.base, trials: 100)
        let model = try Fixtures.model()
        #expect(set.attackers.map(\.capability) == [1, 2, 3, 4])
        let plc = try #require(set.targets.firstIndex { $0.id == "plc1" })
        set.tolerable = 0.05
        for (a, count) in compromised.enumerated() {
            set.outcomes[a][plc] = Self.outcome(count, of: 1_000)
        }
        #expect(set.effectiveSL(target: plc) == effective)
        let verdict = try #require(ZoneVerdicts(set, model: model).verdicts.first { $0.zone == "control" })
        #expect(verdict.slTarget == 3)
        #expect(verdict.meets == meets)
        #expect(verdict.worst?.p == Double(compromised[0..<3].max() ?? 0) / 1_000)
    }

    @Test func criticalityCountsCompromisesCrossingEachConduit() throws {
        let set = try Fixtures.run(Self.base, trials: 3_000)
        let crit = set.criticality(attacker: 3)
        // Every compromise of plc1 from the internet crosses inet-ent and ops-ctl.
        // The plant is a chain, so every compromise crosses every conduit on it.
        #expect(crit["inet-ent"] == 1)
        #expect(crit["ent-dmz"] == 1)
        #expect(crit["dmz-ops"] == 1)
        #expect(crit["ops-ctl"] == 1)
        #expect(crit.count == 4)
        #expect(EdgeID("channel:dmz-ops:0/RDF")?.conduit == "dmz-ops")
        #expect(EdgeID("enter:dmz-ops:1:CVE-1")?.conduit == "dmz-ops")
        #expect(EdgeID("exploit:hist")?.conduit == nil)
    }

    /// Shares counted per trial and target: 3 of 4 compromises cross dmz-ops (a path counted
    /// once however many of its edges cross it), 1 of 4 crosses neither it nor ops-ctl.
    @Test func criticalityIsTheShareOfCompromisesOnPathsThatCrossTheConduit() throws {
        var set = try Fixtures.run(Self.base, trials: 100)
        let plc = try #require(set.targets.firstIndex { $0.id == "plc1" })
        for t in set.outcomes[2].indices { set.outcomes[2][t] = Self.outcome(0, of: 100) }
        set.outcomes[2][plc] = TargetOutcome(
            target: 0, trials: 100, times: [1, 2, 3, 4],
            paths: [
                PathCount(
                    edges: [
                        "cross:dmz-ops:dmz>ops/RDF", "cross:dmz-ops:dmz>ops/IAC", "cross:ops-ctl:ops>control/RDF",
                        "exploit:plc1",
                    ], count: 3),
                PathCount(edges: ["exploit:plc1"], count: 1),
            ])
        let crit = set.criticality(attacker: 2)
        #expect(crit["dmz-ops"] == 0.75)
        #expect(crit["ops-ctl"] == 0.75)
        #expect(crit["inet-ent"] == nil)
        #expect(crit.count == 2)
    }
}
