import Foundation
import OrderedCollections
import Testing
import ZoneLabEngine
import ZoneLabModel

@testable import ZoneLabIEC62443

/// SPEC 3.5 simulated on small hand-built plants against closed forms (within 4 standard
/// errors, fixed seeds), and the properties that adding a credential never lowers a count and
/// that a password into an MFA-protected conduit changes nothing.
@Suite struct ToolkitExactTests {
    /// An attacker of capability 2 with a long horizon; every step instant, so only p counts:
    /// protection 0 (gap 2): 0.9, 1 (gap 1): 0.5, 2 (gap 0): 0.2, 3 (gap -1): 0.1.
    static let chain = """
        zonelab: 1
        name: Exact
        entry: [internet]
        attackers: [{id: a2, capability: 2, horizon: 1y}]
        zones:
          - {id: internet, sl_target: 0}
          - {id: ot, sl_target: 3, sl_achieved: {IAC: 0}}
        assets:
          - {id: laptop, zone: internet, sl_achieved: {DC: 1}}
          - {id: srv, zone: ot, type: server, critical: true}
        conduits:
          - {id: vpn, zones: [internet, ot], direction: forward, sl_achieved: {RDF: 0, IAC: 2}}
        credentials:
          - {id: k, stored_on: [laptop], grants: [vpn]}
        calibration:
          gap:
            2: {p: 0.9, ttc: {dist: instant}}
            1: {p: 0.5, ttc: {dist: instant}}
            0: {p: 0.2, ttc: {dist: instant}}
            -1: {p: 0.1, ttc: {dist: instant}}
        """

    static let trials = 20_000

    static func outcome(_ yaml: String, seed: UInt64 = 7) throws -> TargetOutcome {
        try Fixtures.run(yaml, trials: trials, seed: seed).outcomes[0][0]
    }

    static func withinFourSE(_ p: Double, _ exact: Double) -> Bool {
        abs(p - exact) <= 4 * (exact * (1 - exact) / Double(trials)).squareRoot() + 1e-12
    }

    /// P = p_RDF · [1 − (1 − p_IAC)(1 − p_exploit(laptop) · p_harvest)] · p_exploit(srv).
    @Test func aHarvestedCredentialOnAChain() throws {
        let o = try Self.outcome(Self.chain)
        let exact = 0.9 * (1 - 0.8 * (1 - 0.9 * 0.5)) * 0.9  // 0.4536
        #expect(Self.withinFourSE(o.probability, exact), "P = \(o.probability), exact \(exact)")
        // One attack, one path: the login keeps its route and its credential's theft. It is
        // taken when the IAC barrier fails and the theft succeeds (the barrier wins ties on steps).
        let t = "login:k:cross:vpn:internet>ot"
        let login = [
            "exploit:laptop", "harvest:k:laptop", "\(t)/cred", "cross:vpn:internet>ot/RDF", "\(t)/via", t,
            "exploit:srv",
        ]
        let share = Double(o.paths.first { $0.edges == login }?.count ?? 0) / Double(o.compromised)
        let exactShare = 0.9 * 0.8 * 0.45 * 0.9 / exact
        let se = (exactShare * (1 - exactShare) / Double(o.compromised)).squareRoot()
        #expect(abs(share - exactShare) <= 4 * se, "login path share \(share), exact \(exactShare)")
        #expect(Set(o.paths.map(\.edges)).count == 2)  // the barrier, or the login: no half paths
    }

    /// A password into an MFA-protected conduit (IAC 3) opens nothing: P = 0.9 · 0.1 · 0.9; a
    /// token does: P = 0.9 · [1 − 0.9 · 0.55] · 0.9.
    @Test func theMFARuleInNumbers() throws {
        let mfa = Self.chain.replacingOccurrences(of: "RDF: 0, IAC: 2", with: "RDF: 0, IAC: 3")
        #expect(Self.withinFourSE(try Self.outcome(mfa).probability, 0.9 * 0.1 * 0.9))
        let token = mfa.replacingOccurrences(of: "grants: [vpn]}", with: "grants: [vpn], factor: token}")
        #expect(Self.withinFourSE(try Self.outcome(token).probability, 0.9 * (1 - 0.9 * 0.55) * 0.9))
    }

    /// A pre-auth exploit skips the IAC barrier: P(appliance) = p_RDF · [1 − (1 − p_IAC · p_exploit)(1 − p_preauth)].
    @Test func aPreauthExploitSkipsTheLogin() throws {
        let yaml = Self.chain.replacingOccurrences(
            of: "  - {id: srv, zone: ot, type: server, critical: true}",
            with:
                "  - {id: srv, zone: ot, type: firewall, critical: true, sl_achieved: {IAC: 2, UC: 2, SI: 2},\n     vulnerabilities: [{id: CVE-P, severity: high, exploit: public, preauth: true}]}"
        ).replacingOccurrences(of: "credentials:\n  - {id: k, stored_on: [laptop], grants: [vpn]}\n", with: "")
        // exploit:srv and preauth both at the cap 1 (gap 1: 0.5).
        let exact = 0.9 * (1 - (1 - 0.2 * 0.5) * (1 - 0.5))
        #expect(Self.withinFourSE(try Self.outcome(yaml).probability, exact))
    }

    /// Removable media and a transient visit: P = p_media · (1 − e^{−h/D}) · p_exploit.
    @Test func mediaAndATransientVisit() throws {
        let yaml = """
            zonelab: 1
            name: Air gap
            entry: [outside]
            attackers: [{id: a2, capability: 2, horizon: 30d, media: true}]
            zones:
              - {id: outside, sl_target: 0}
              - {id: office, sl_target: 2, sl_achieved: 1}
              - {id: ot, sl_target: 3, sl_achieved: 0}
            assets:
              - {id: laptop, zone: office, media: true, sl_achieved: {SI: 2, UC: 1}, transient: [{zone: ot, every: 60d}]}
              - {id: srv, zone: ot, type: server, critical: true}
            calibration:
              gap:
                2: {p: 0.9, ttc: {dist: instant}}
                1: {p: 0.5, ttc: {dist: instant}}
            """
        let exact = 0.5 * (1 - exp(-720.0 / 1440)) * 0.9
        #expect(Self.withinFourSE(try Self.outcome(yaml).probability, exact))
        let without = yaml.replacingOccurrences(of: ", media: true}]", with: "}]")
        #expect(try Self.outcome(without).compromised == 0)  // listed attackers bring no media by default
    }

    /// Adding a credential adds steps and never lowers a compromise count (same seed), before
    /// containment; a password into conduits and hosts whose IAC is at least `mfa_level`
    /// compiles to nothing and changes no number and no path.
    @Test func addingACredentialNeverLowersACount() throws {
        let credentials = [
            "credentials:\n  - {id: k, stored_on: [ws1], grants: [ops-ctl, plc1, ent-dmz]}\n",
            "credentials:\n  - {id: k, stored_on: [hist, scada], grants: [dmz-ops], factor: token}\n",
        ]
        let before = try Fixtures.run(Fixtures.purdue, trials: 3_000, seed: 21)
        for text in credentials {
            let after = try Fixtures.run(Fixtures.purdue + "\n" + text, trials: 3_000, seed: 21)
            for (a, outcomes) in after.outcomes.enumerated() {
                for (t, outcome) in outcomes.enumerated() {
                    #expect(outcome.unopposed >= before.outcomes[a][t].unopposed, "\(text): \(after.attackers[a].id)")
                }
            }
        }
        let mfa = Fixtures.purdue.replacingOccurrences(
            of: "{id: ops-ctl, zones: [ops, control], sl_achieved: {RDF: 2, IAC: 2}}",
            with: "{id: ops-ctl, zones: [ops, control], sl_achieved: {RDF: 2, IAC: 3}}")
        let base = try Fixtures.run(mfa, trials: 3_000, seed: 21)
        let withPassword = try Fixtures.run(
            mfa + "\ncredentials:\n  - {id: k, stored_on: [ws1], grants: [ops-ctl], factor: password}\n", trials: 3_000,
            seed: 21)
        for (a, outcomes) in withPassword.outcomes.enumerated() {
            for (t, outcome) in outcomes.enumerated() {
                let was = base.outcomes[a][t]
                #expect(outcome.times == was.times && outcome.unopposedTimes == was.unopposedTimes)
                #expect(outcome.paths.map(\.edges) == was.paths.map(\.edges))
            }
        }
    }
}
