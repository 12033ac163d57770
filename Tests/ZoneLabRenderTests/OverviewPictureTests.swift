import Foundation
import OrderedCollections
import Testing
import ZoneLabGenerator
import ZoneLabModel

@testable import ZoneLabRender

/// The overview of a large plant: zones grouped by Purdue level, conduits bundled between the
/// groups, and a zones picture per site to drill down into.
@Suite struct OverviewPictureTests {
    /// 30 sites: 3 shared zones and 10 zones per site, 310 conduits.
    static let thirtySites = PlantGenerator(sites: 30, assetsPerZone: 2, seed: 5).generate()

    static func label(_ attributes: DOTAttributes) -> String {
        if case .html(let label)? = attributes["label"] { return label.markup }
        return ""
    }

    @Test func thirtySitesGiveOneNodePerLevelAndBundledConduits() throws {
        let scenario = Self.thirtySites
        #expect(scenario.zones.count == 303 && OverviewPicture.isLarge(scenario))
        let groups = ZoneGroup.byLevel(scenario)
        #expect(
            groups.map(\.title) == [
                "Purdue level 5", "Purdue level 4", "Purdue level 3", "Purdue level 2", "Purdue level 1",
            ])
        #expect(groups.flatMap(\.zones).sorted() == scenario.zones.keys.sorted())
        let graph = OverviewPicture.graph(scenario)
        let groupNodes = graph.allNodes.filter { $0.id.hasPrefix("group_") }
        #expect(groupNodes.count == groups.count)
        #expect(Self.label(groupNodes[2].attributes).contains("60 zones"))
        // One drawn line per pair of levels joined by conduits, with their number; all conduits counted once.
        let bundles = OverviewPicture.bundles(scenario, groups: groups, evidence: nil)
        #expect(bundles.reduce(0) { $0 + $1.conduits.count } == scenario.conduits.count)
        let lines = graph.allEdges.filter {
            ZonesPictureTests.string($0.attributes["id"])?.hasPrefix("bundle_") == true
        }
        #expect(lines.count == bundles.filter { $0.a != $0.b }.count)
        #expect(Set(lines.map { [$0.from, $0.to] }).count == lines.count, "one line per pair of groups")
        let opsToCells = try #require(bundles.first { groups[$0.a].level == 3 && groups[$0.b].level == 2 })
        // Per site: operations to 3 supervisory zones and to the legacy zone.
        #expect(opsToCells.conduits.count == 30 * 4)
        let line = try #require(lines.first { $0.from == "group_2" && $0.to == "group_3" })
        #expect(Self.label(line.attributes).contains("120 conduits"))
        for bundle in bundles where bundle.a != bundle.b {
            let edge = try #require(lines.first { $0.from == "group_\(bundle.a)" && $0.to == "group_\(bundle.b)" })
            let red = ZonesPictureTests.string(edge.attributes["color"]) == PictureStyle.gapColor(2)
            #expect(red == (bundle.weak > 0))
        }
        // Conduits inside a level are counted in its box.
        let inside = try #require(bundles.first { $0.a == 2 && $0.b == 2 })
        #expect(Self.label(groupNodes[2].attributes).contains("inside: \(inside.conduits.count) conduits"))
        // Graphviz lays it out cleanly.
        let output = try Graphviz.render(graph.text, format: .svg)
        #expect(output.warnings.isEmpty, "\(output.warnings)")
        let svg = try Support.parseSVG(output.data)
        #expect(svg.ids["group_level-3"] == "node")
        #expect(svg.ids.keys.filter { $0.hasPrefix("bundle_") }.count == lines.count)
    }

    @Test func criticalityMakesABundleWeak() throws {
        let scenario = Support.synthetic(zones: 16, assetsPerZone: 1)
        let groups = ZoneGroup.byLevel(scenario)
        let quiet = OverviewPicture.bundles(scenario, groups: groups, evidence: nil)
        #expect(quiet.allSatisfy { $0.weak == 0 }, "no static gap of 2 in the synthetic plant")
        // c3 joins z3 (level 4) and z4 (level 3).
        let evidence = AttackEvidence(
            attacker: "SL3", capability: 3, horizonHours: nil, trials: 100, seed: 1, targets: [],
            criticality: ["c3": 0.3, "c7": 0.1])
        let bundles = OverviewPicture.bundles(scenario, groups: groups, evidence: evidence)
        #expect(bundles.filter { $0.weak > 0 }.map(\.conduits) == [["c3"]])
        let graph = OverviewPicture.graph(scenario, evidence: evidence)
        let red = graph.allEdges.filter { ZonesPictureTests.string($0.attributes["color"]) == PictureStyle.gapColor(2) }
        #expect(red.count == 1)
        #expect(Self.label(red[0].attributes).contains("1 weak"))
    }

    @Test func generatedSitesAreFoundAndNamed() {
        let sites = ZoneGroup.sites(Self.thirtySites)
        #expect(sites.count == 30)
        #expect(sites.prefix(3).map(\.title) == ["Site 1", "Site 2", "Site 3"])
        #expect(sites.allSatisfy { $0.zones.count == 10 })
        #expect(!sites.contains { $0.zones.contains("enterprise") || $0.zones.contains("internet") })
        #expect(ZoneGroup.drillDown(Self.thirtySites).map(\.kind) == Array(repeating: .site, count: 30))
        // A plant of one site is drilled down by level.
        #expect(ZoneGroup.drillDown(Support.synthetic(zones: 16, assetsPerZone: 1)).allSatisfy { $0.kind == .level })
    }

    @Test func aSiteIsDrawnWithTheZonesItLeadsToAndNothingElse() throws {
        let scenario = Self.thirtySites
        let site = try #require(ZoneGroup.sites(scenario).first { $0.title == "Site 2" })
        let graph = OverviewPicture.drillDown(scenario, group: site)
        let clusters = Set(graph.allSubgraphs.compactMap(\.id).filter { $0.hasPrefix("cluster_zone_") })
        let expected = Set((site.zones + ["enterprise"]).map { DOTEscaping.safeName("cluster_zone", $0) })
        #expect(clusters == expected)
        #expect(graph.text.contains("Synthetic plant 30 sites: Site 2"))
        let output = try Graphviz.render(graph.text, format: .svg)
        #expect(output.warnings.isEmpty, "\(output.warnings)")
    }

    @Test func groupsWithTheLikeliestCompromisesComeFirst() throws {
        let scenario = Self.thirtySites
        let sites = ZoneGroup.sites(scenario)
        let target = try #require(scenario.assets.values.first { $0.critical && $0.zone.hasPrefix("s7-") })
        let evidence = AttackEvidence(
            attacker: "SL4", capability: 4, horizonHours: nil, trials: 100, seed: 1,
            targets: [.init(id: target.id, probability: 0.4, compromised: 40, paths: [])], criticality: [:])
        let ranked = OverviewPicture.ranked(sites, in: scenario, evidence: evidence)
        #expect(ranked.first?.title == "Site 7")
        #expect(ranked.count == sites.count)
    }
}
