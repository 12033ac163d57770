import Testing
import ZoneLabModel
import ZoneLabTestSupport

@testable import ZoneLabIEC62443

/// The one edge-id grammar (SPEC 3.2): every id the compiler builds parses back to its step.
@Suite struct EdgeIDTests {
    @Test(arguments: [
        ("exploit:plc1", EdgeID.exploit(asset: "plc1")),
        ("pivot:hmi", .pivot(asset: "hmi")),
        ("cross:it-dmz:enterprise>dmz/RDF", .cross(conduit: "it-dmz", from: "enterprise", to: "dmz", fr: .RDF)),
        ("channel:c1:hist>erp:https/IAC", .channel(conduit: "c1", channel: "hist>erp:https", fr: .IAC)),
        ("channel:c1:hist>erp/RDF", .channel(conduit: "c1", channel: "hist>erp", fr: .RDF)),
        ("channel:c1:rdp-jump/RDF", .channel(conduit: "c1", channel: "rdp-jump", fr: .RDF)),
        ("enter:c1:hist>erp:s7comm+", .enter(conduit: "c1", channel: "hist>erp:s7comm+")),
        ("enter:c1:rdp-jump", .enter(conduit: "c1", channel: "rdp-jump")),
    ])
    func parsesAndPrints(id: String, step: EdgeID) {
        #expect(EdgeID(id) == step)
        #expect(step.description == id)
    }

    @Test(arguments: [
        "", "exploit", "exploit:", "cross:c:a/RDF", "cross:c:>b/RDF", "cross:c:a>b/XYZ", "channel:c:x",
        "channel:c:/RDF",
        "warp:a", "exploit::", "enter:c:", "enter:c:a/b", "exploit:a:CVE-1", "pivot:a b",
    ])
    func rejectsOtherForms(id: String) {
        #expect(EdgeID(id) == nil)
    }

    /// Every edge the compiler builds for the bundled plants parses back to the step it stands for.
    @Test func everyCompiledEdgeRoundTrips() throws {
        for name in RepositoryRoot.sampleNames {
            let loaded = try ScenarioLoader.load(path: RepositoryRoot.scenario(name))
            let skeleton = PlantCompiler.compile(loaded.scenario, calibration: loaded.scenario.calibration())
            for edge in skeleton.edges {
                #expect(EdgeID(edge.id) == edge.step.id, "\(name): \(edge.id)")
            }
        }
    }
}
