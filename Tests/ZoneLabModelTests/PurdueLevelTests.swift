import Foundation
import OrderedCollections
import Testing
import ZoneLabModel
import ZoneLabSource

/// Purdue levels are 0…5 or 3.5, the IT/OT DMZ (SPEC 2).
@Suite struct PurdueLevelTests {
    @Test func levelThreePointFiveLoads() throws {
        let loaded = try loadScenario(edit(minimalScenario, "  - id: control\n", "  - id: control\n    level: 3.5\n"))
        let zone = try #require(loaded.scenario.zones["control"])
        #expect(zone.level == 3.5)
        #expect(zone.levelText == "3.5")
    }

    @Test func wholeLevelsShowWithoutADecimal() throws {
        let loaded = try loadScenario(edit(minimalScenario, "  - id: control\n", "  - id: control\n    level: 2\n"))
        #expect(loaded.scenario.zones["control"]?.levelText == "2")
    }

    @Test func otherFractionsAreRefused() {
        let found = errors(in: edit(minimalScenario, "  - id: control\n", "  - id: control\n    level: 3.7\n"))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("found 3.7") == true, "\(listing(found))")
    }
}
