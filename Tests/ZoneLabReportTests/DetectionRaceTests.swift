import Foundation
import Testing
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel

@testable import ZoneLabReport

/// The report's detection race (SPEC 3.4): one chart per critical asset when the plant has a
/// defender, none when no TRE is assessed anywhere.
@Suite struct DetectionRaceTests {
    @Test func theDemoPlantShowsTheRace() throws {
        let loaded = try Fixtures.load("scenarios/riverside-water.yaml")
        let content = try Fixtures.content(loaded)
        let html = HTMLReport(content).render()
        #expect(html.contains("Detection race, per critical asset"))
        let (_, error) = PageReader.read(html)
        #expect(error == nil, "\(error ?? "")")
        let targets = loaded.scenario.targets.count
        #expect(html.components(separatedBy: "stroke-dasharray=\"5 3\"").count - 1 >= targets)
    }

    @Test func noTRENoRace() throws {
        let yaml = """
            zonelab: 1
            name: Quiet Plant
            entry: [internet]
            zones:
              - {id: internet, sl_target: 0}
              - {id: control, sl_target: 2, sl_achieved: {IAC: 1, UC: 1, SI: 1}}
            assets:
              - {id: plc1, zone: control, type: plc, critical: true}
            conduits:
              - {id: c1, zones: [internet, control], sl_achieved: {RDF: 1, IAC: 1}}
            """
        let loaded = try ScenarioLoader.load(data: Data(yaml.utf8), file: "quiet.yaml")
        let html = HTMLReport(try Fixtures.content(loaded)).render()
        #expect(!html.contains("Detection race"))
        #expect(html.contains("P(compromise) over time"))
    }
}
