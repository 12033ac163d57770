import OrderedCollections
import ZoneLabModel

extension PlantCompiler {
    /// The monitoring level m of a step (SPEC 3.4): the TRE SL-A of the place where it acts.
    /// An asset's (its own over its zone's) for `exploit:` and `enter:` into an asset; the
    /// conduit's for `cross:` and `channel:`; 0 for `pivot:` and `enter:` into a zone. A TRE
    /// left "not assessed" reads as 0, as every unassessed FR does in the simulation.
    static func monitoring(of step: AttackStep, in scenario: Scenario) -> Int {
        func assessed(_ sl: SLVector) -> Int { sl.isAssessed(.TRE) ? sl[.TRE] : 0 }
        switch step {
        case .exploit(let asset, _), .enter(_, _, let asset, _):
            guard let a = scenario.assets[asset] else { return 0 }  // enter: into a zone
            return assessed(scenario.slAchieved(of: a))
        case .cross(let conduit, _, _, _, _), .channel(let conduit, _, _, _):
            return scenario.conduits[conduit].map { assessed($0.slAchieved) } ?? 0
        case .pivot:
            return 0
        }
    }
}
