import Foundation
import Testing
import ZoneLabTestSupport

@testable import ZoneLabCLI

/// `render --view`: zones up to 12 zones, the overview above, and every view on request.
@Suite struct RenderViewTests {
    @Test func largePlantsAreDrawnAsTheOverviewByDefault() throws {
        let files = try TemporaryFiles("render-views")
        defer { files.cleanUp() }
        let plant = files.path("plant.yaml")
        try CommandTests.run(["generate", "--sites", "2", "--assets-per-zone", "2", "-o", plant], as: Generate.self)
        let parsed = try CommandTests.run(
            ["render", plant, "--format", "dot", "-o", files.path("default.dot")], as: Render.self)
        #expect(parsed.view == nil)
        let overview = try files.read("default.dot")
        #expect(overview.hasPrefix("digraph \"overview\""))
        #expect(overview.contains("\"group_0\""))
        try CommandTests.run(
            ["render", plant, "--view", "zones", "--format", "dot", "-o", files.path("zones.dot")], as: Render.self)
        #expect(try files.read("zones.dot").hasPrefix("digraph \"zones\""))
        // A small plant keeps the zones picture; the overview is there on request.
        try CommandTests.run(
            ["render", CommandTests.pharma, "--format", "dot", "-o", files.path("small.dot")], as: Render.self)
        #expect(try files.read("small.dot").hasPrefix("digraph \"zones\""))
        try CommandTests.run(
            ["render", CommandTests.pharma, "--view", "overview", "--format", "dot", "-o", files.path("o.dot")],
            as: Render.self)
        #expect(try files.read("o.dot").hasPrefix("digraph \"overview\""))
    }
}
