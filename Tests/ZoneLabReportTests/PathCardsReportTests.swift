import Foundation
import Testing
import ZoneLabEngine
import ZoneLabGenerator
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabRender

@testable import ZoneLabReport

/// "Paths per critical asset": cards for the highest-risk targets, a table for the others.
@Suite struct PathCardsReportTests {
    /// A generated plant of three sites: 33 zones, 15 critical assets.
    static func generated() throws -> (PlantModel, RunSet) {
        let scenario = PlantGenerator(sites: 3, assetsPerZone: 3, seed: 2).generate()
        let loaded = try ScenarioLoader.load(data: Data(ScenarioWriter.yaml(scenario).utf8), file: "generated.yaml")
        let settings = SimulationSettings(trials: 200, seed: 3, threads: 2)
        let model = try PlantModel(loaded, settings: settings)
        return (model, model.simulate(settings))
    }

    @Test func demoReportHasCardsForEveryCriticalAsset() throws {
        let demo = try Fixtures.demo.get()
        let start = try #require(demo.html.range(of: "<h3>Paths per critical asset</h3>"))
        let end = try #require(demo.html.range(of: "id=\"charts\""))
        let section = String(demo.html[start.upperBound..<end.lowerBound])
        // Six targets (five critical assets and the SCADA zone), each with a heading; no table of others.
        #expect(section.components(separatedBy: "<h4>").count - 1 == 6)
        #expect(!section.contains("The other targets"))
        let cards = section.components(separatedBy: "<figure class=\"path-card\">").count - 1
        #expect(cards >= 6 && cards <= 6 * ReportPathCards.cardsPerTarget)
        // Every card's picture is a Graphviz SVG that keeps its class, and says the techniques.
        let svgs = section.components(separatedBy: "<svg").dropFirst()
        #expect(svgs.count == cards)
        #expect(svgs.allSatisfy { $0.contains("class=\"graphviz\"") })
        #expect(section.contains("T0866 Exploitation of"))
        #expect(section.contains("of the asset's compromises (all attackers)"))
        #expect(section.contains(" → "), "each card is narrated in one line")
    }

    @Test func atMostTwelveTargetsGetCardsTheRestATable() throws {
        let (model, results) = try Self.generated()
        #expect(results.targets.count == 15)
        let section = try ReportAnalysis.pathCards(model: model, results: results)
        #expect(section.targets.count == ReportPathCards.targetLimit)
        #expect(section.rest.count == 3)
        #expect(Set(section.targets.map(\.id) + section.rest.map(\.id)) == Set(results.targets.map(\.id)))
        // Highest risk first: no target in the table outranks a target with cards.
        func risk(_ t: Int) -> Double { results.likelihood(target: t) * results.riskWeight(target: t) }
        let lowestCarded = section.targets.map { risk($0.index) }.min() ?? 0
        #expect(section.rest.allSatisfy { risk($0.index) <= lowestCarded })
        #expect(section.targets.allSatisfy { $0.cards.count <= ReportPathCards.cardsPerTarget })
        for target in section.targets {
            for card in target.cards {
                #expect(card.card.target == target.id)
                #expect(card.svg?.contains("class=\"graphviz\"") == true)
            }
        }
        for row in section.rest {
            #expect((row.path != nil) == (row.probability > 0), "\(row.id)")
        }
        // Fewer targets than the limit: every one gets cards, nothing in the table.
        let small = try ReportAnalysis.pathCards(model: model, results: results, targetLimit: 20)
        #expect(small.targets.count == 15 && small.rest.isEmpty)
    }

    @Test func targetsAreRankedByRiskThenWorstP() throws {
        let (_, results) = try Self.generated()
        let order = ReportAnalysis.targetsByRisk(results)
        #expect(order.sorted() == Array(results.targets.indices))
        let risks = order.map { results.likelihood(target: $0) * results.riskWeight(target: $0) }
        #expect(zip(risks, risks.dropFirst()).allSatisfy { $0 >= $1 })
    }
}
