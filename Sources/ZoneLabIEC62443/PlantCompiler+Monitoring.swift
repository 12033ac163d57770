import OrderedCollections
import ZoneLabModel

extension PlantCompiler {
    /// The monitoring level m of a step (SPEC 3.4): the TRE SL-A of the place where it acts.
    /// An asset's (its own over its zone's) for `exploit:` and `enter:` into an asset; the
    /// conduit's for `cross:` and `channel:`; 0 for `pivot:` and `enter:` into a zone; SPEC 3.5's
    /// steps as 3.4 lists them (`visit:`, `/via` and `/cred` none). A TRE
    /// left "not assessed" reads as 0, as every unassessed FR does in the simulation.
    static func monitoring(of step: AttackStep, in scenario: Scenario) -> Int {
        func assessed(_ sl: SLVector) -> Int { sl.isAssessed(.TRE) ? sl[.TRE] : 0 }
        switch step {
        case .exploit(let asset, _), .enter(_, _, let asset, _):
            guard let a = scenario.assets[asset] else { return 0 }  // enter: into a zone
            return assessed(scenario.slAchieved(of: a))
        case .cross(let conduit, _, _, _, _), .channel(let conduit, _, _, _):
            return scenario.conduits[conduit].map { assessed($0.slAchieved) } ?? 0
        case .harvest(_, let asset), .media(let asset, _), .preauth(let asset, _, _):
            return scenario.assets[asset].map { assessed(scenario.slAchieved(of: $0)) } ?? 0
        case .login(_, let through, let part):
            // SPEC 3.4: the login itself where it acts; its instant `/via` and `/cred` helpers none.
            guard part == .open else { return 0 }
            if let a = scenario.assets[through] { return assessed(scenario.slAchieved(of: a)) }
            return EdgeID(through + "/IAC")?.conduit.flatMap { scenario.conduits[$0] }.map { assessed($0.slAchieved) }
                ?? 0
        case .pivot, .visit:
            return 0
        }
    }
}
