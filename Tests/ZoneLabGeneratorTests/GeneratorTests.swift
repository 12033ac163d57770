import Foundation
import OrderedCollections
import Testing
import ZoneLabGenerator
import ZoneLabModel

@Suite struct GeneratorTests {
    /// A generated plant written as YAML loads back to the same model, and grows linearly.
    @Test(arguments: [1, 3, 10])
    func generatedPlantsRoundTrip(sites: Int) throws {
        let plant = PlantGenerator(sites: sites, seed: 4).generate()
        let yaml = ScenarioWriter.yaml(plant)
        let loaded = try ScenarioLoader.load(data: Data(yaml.utf8), file: "generated.yaml")
        #expect(loaded.scenario == plant)
        #expect(plant.zones.count == 3 + sites * 10)
        #expect(plant.targets.count == sites * 5)
        #expect(plant.conduits.values.contains { $0.direction == .forward } == (sites >= 10))
        #expect(plant.assets.values.contains { !$0.vulnerabilities.isEmpty })
        #expect(plant.zones.values.contains { $0.compensating != nil })
    }

    /// The seed changes the plant but not its shape. (That one seed gives the same bytes in
    /// separate processes is checked on the command line: CommandTests.)
    @Test func otherSeedOtherPlantSameShape() {
        let one = PlantGenerator(sites: 2, seed: 1).generate()
        let two = PlantGenerator(sites: 2, seed: 2).generate()
        #expect(one != two)
        #expect(ScenarioWriter.yaml(one) != ScenarioWriter.yaml(two))
        #expect(one.zones.count == two.zones.count)
        #expect(one.targets.count == two.targets.count)
    }

    @Test func hostileTextSurvivesTheWriter() throws {
        var plant = PlantGenerator(sites: 1).generate()
        plant.name = "Plant \"A\" \\ <b>&\n# not a comment: {x}"
        plant.zones["enterprise"]!.name = "Ünïcødé: 'quoted' — tab\there"
        let loaded = try ScenarioLoader.load(data: Data(ScenarioWriter.yaml(plant).utf8), file: "hostile.yaml")
        #expect(loaded.scenario.name == plant.name)
        #expect(loaded.scenario.zones["enterprise"]?.name == plant.zones["enterprise"]?.name)
    }
}
