import Foundation
import OrderedCollections
import Testing
import ZoneLabEngine
import ZoneLabGenerator
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabRender

@testable import ZoneLabReport

/// Large plants get an overview with drill-down pictures; plants of at most 12 zones keep their
/// zones picture.
@Suite struct OverviewReportTests {
    @Test func smallPlantsKeepTheirZonesPicture() throws {
        let demo = try Fixtures.demo.get()
        let start = try #require(demo.html.range(of: "id=\"pictures\""))
        let end = try #require(demo.html.range(of: "<h3>Paths per critical asset</h3>"))
        let section = String(demo.html[start.upperBound..<end.lowerBound])
        // The zones picture first, then one paths picture per attacker: no overview, no drill-down.
        let headings = section.components(separatedBy: "<h3>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(headings.first == "Zones and conduits")
        #expect(headings.dropFirst().allSatisfy { $0.hasPrefix("Attack paths of ") })
        #expect(headings.count == 1 + 6)
        #expect(!section.contains("Overview") && !section.contains("Zones per site") && !section.contains("<h4>"))
        #expect(section.contains("id=\"zones-zone_enterprise\""))
    }

    /// The whole report of a generated plant of three sites (33 zones, 15 critical assets).
    @Test func largePlantReportShowsOverviewDrillDownCardsAndTables() throws {
        let (model, results) = try PathCardsReportTests.generated()
        let settings = SimulationSettings(trials: results.trials, seed: results.seed, threads: 2)
        let content = try ReportAnalysis.content(
            model: model, results: results, settings: settings,
            provenance: ReportProvenance(scenarioFile: "generated.yaml", commandLine: "zonelab report generated.yaml"),
            roadmapTrialCap: 50)
        let html = HTMLReport(content).render()
        let (reader, error) = PageReader.read(html)
        #expect(error == nil, "\(error ?? "")")
        #expect(Set(reader.ids).count == reader.ids.count, "duplicate ids")
        let start = try #require(html.range(of: "id=\"pictures\""))
        let end = try #require(html.range(of: "id=\"charts\""))
        let section = String(html[start.upperBound..<end.lowerBound])
        #expect(section.contains("<h3>Overview: zones by Purdue level</h3>"))
        #expect(!section.contains("<h3>Zones and conduits</h3>"))
        #expect(section.contains("<h3>Zones per site</h3>"))
        for site in 1...3 { #expect(section.contains("<h4>Site \(site)</h4>")) }
        #expect(!section.contains("The other sites"))
        // Twelve targets with cards, the three others in the table.
        let cards = try #require(section.range(of: "<h3>Paths per critical asset</h3>"))
        let cardSection = section[cards.upperBound...]
        let table = try #require(cardSection.range(of: "<h4>The other targets</h4>"))
        #expect(cardSection[..<table.lowerBound].components(separatedBy: "<h4>").count - 1 == 12)
        #expect(cardSection[table.upperBound...].components(separatedBy: "<tr>").count - 1 == 1 + 3)
        // Every Graphviz picture keeps its class (the zoom script finds them by it).
        let svgs = section.components(separatedBy: "<svg").dropFirst()
        #expect(svgs.count > 12 + 3 + 1)
        #expect(svgs.allSatisfy { $0.prefix(400).contains("class=\"graphviz\"") })
        // The charts draw the same twelve highest-risk targets; the results table has all 15.
        let featured = content.featuredTargets
        #expect(featured.count == 12 && results.targets.count == 15)
        #expect(Set(featured) == Set(ReportAnalysis.targetsByRisk(results).prefix(12)))
        let charts = try #require(html.range(of: "id=\"charts\""))
        let risk = try #require(html.range(of: "id=\"risk\""))
        let chartSection = String(html[charts.upperBound..<risk.lowerBound])
        #expect(chartSection.contains("the 12 highest-risk critical assets of 15"))
        let grid = try #require(chartSection.range(of: "class=\"chart-grid\""))
        let resultsTable = try #require(chartSection.range(of: "<h3>Results per critical asset</h3>"))
        // Twelve per grid: compromise over time, and the detection race when there is a defender.
        let grids =
            chartSection[grid.lowerBound..<resultsTable.lowerBound].components(separatedBy: "chart-grid").count - 1
        #expect(grids >= 1)
        #expect(
            chartSection[grid.lowerBound..<resultsTable.lowerBound].components(separatedBy: "<figure").count - 1
                == 12 * grids)
        for t in results.targets.indices where !featured.contains(t) {
            let name = model.scenario.assets[results.targets[t].id]?.name ?? results.targets[t].id
            #expect(
                !chartSection[grid.lowerBound..<resultsTable.lowerBound].contains(">\(name)<"), "\(name) is charted")
            #expect(chartSection[resultsTable.upperBound...].contains(name), "\(name) is missing from the table")
        }
        // Attack-path pictures draw only the paths to those twelve.
        #expect(section.contains("to the 12 highest-risk critical assets of 15"))
    }

    @Test func largePlantsGetTheOverviewAndAPicturePerSite() throws {
        let scenario = PlantGenerator(sites: 14, assetsPerZone: 1, seed: 4).generate()
        let evidence = AttackEvidence(
            attacker: "SL4", capability: 4, horizonHours: nil, trials: 10, seed: 1, targets: [], criticality: [:])
        let overview = try #require(try ReportAnalysis.overview(scenario, evidence: evidence))
        #expect(overview.picture.title == "Overview: zones by Purdue level")
        #expect(overview.picture.svg?.contains("class=\"graphviz\"") == true)
        // Graphviz writes "-" in ids as "&#45;".
        #expect(overview.picture.svg?.contains("id=\"overview-group_level&#45;3\"") == true)
        #expect(overview.kind == .site)
        #expect(overview.drillDown.count == OverviewPicture.drillDownLimit)
        #expect(overview.drillDown.allSatisfy { $0.svg?.contains("class=\"graphviz\"") == true })
        #expect(overview.others.count == 2)
        #expect(overview.others.allSatisfy { $0.zones == 10 && $0.worstP == nil })
        let titles = Set(overview.drillDown.map(\.title) + overview.others.map(\.title))
        #expect(titles == Set((1...14).map { "Site \($0)" }))
        // Ids stay unique across the pictures of one page.
        let ids = overview.drillDown.compactMap(\.svg).flatMap { svg in
            svg.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        }
        #expect(Set(ids).count == ids.count)
        // At most 12 zones: no overview.
        let small = PlantGenerator(sites: 1, assetsPerZone: 1, seed: 4, cellsPerSite: 1).generate()
        #expect(!OverviewPicture.isLarge(small))
        #expect(try ReportAnalysis.overview(small, evidence: evidence) == nil)
    }
}
