import Foundation
import Testing
import ZoneLabEngine
import ZoneLabModel
import ZoneLabTestSupport

@testable import ZoneLabIEC62443

/// The incident replays in scenarios/incidents/ validate and simulate, and each one's strongest
/// attacker finds a way in through the SPEC 3.5 toolkit it was built to show.
@Suite struct IncidentReplayTests {
    @Test(arguments: [
        ("ukraine-2015", "harvest:vpn-creds:"), ("triton-2017", "harvest:ot-accounts:"), ("stuxnet", "media:wincc"),
    ])
    func replaysLoadAndSimulate(name: String, step: String) throws {
        let path = RepositoryRoot.url("scenarios/incidents/\(name).yaml").path
        let model = try PlantModel(try ScenarioLoader.load(path: path), settings: SimulationSettings())
        let set = model.simulate(SimulationSettings(trials: 1_000, seed: 1, threads: 2))
        let sl4 = try #require(set.attackers.firstIndex { $0.id == "SL4" })
        let outcome = set.outcomes[sl4][0]
        #expect(outcome.compromised > 0)
        #expect(outcome.paths.contains { $0.edges.contains { $0.hasPrefix(step) } })
    }
}
