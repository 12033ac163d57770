import Benchmark
import Foundation
import ZoneLabEngine
import ZoneLabGenerator
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabRender
import ZoneLabReport

/// A generated plant of `sites` sites, compiled for the default SL3 attacker.
func plantGraph(sites: Int) -> (scenario: Scenario, graph: AttackGraph) {
    let scenario = PlantGenerator(sites: sites).generate()
    let calibration = scenario.calibration()
    let skeleton = PlantCompiler.compile(scenario, calibration: calibration)
    let attacker = scenario.resolvedAttackers(calibration: calibration).first { $0.capability == 3 }!
    return (scenario, skeleton.graph(for: attacker))
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 5
    )
    let relaxationsPerSecond = BenchmarkMetric.custom(
        "relaxations/s (M)", polarity: .prefersLarger, useScalingFactor: false)

    for sites in [1, 100] {
        let (_, graph) = plantGraph(sites: sites)
        let trials = sites == 1 ? 20_000 : 2_000
        for threads in [1, 2] {
            Benchmark(
                "engine: trial loop, \(sites) site(s), SL3, \(threads) thread(s)",
                configuration: .init(
                    metrics: [.wallClock, .throughput, .mallocCountTotal, relaxationsPerSecond], scalingFactor: .one)
            ) { benchmark in
                let simulator = Simulator(graph: graph, seed: 1, threads: threads)
                benchmark.startMeasurement()
                let start = DispatchTime.now().uptimeNanoseconds
                let (relaxations, _) = simulator.throughput(TrialPlan(count: trials))
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                benchmark.stopMeasurement()
                blackHole(relaxations)
                benchmark.measurement(relaxationsPerSecond, Int(Double(relaxations) / seconds / 1e6))
            }
        }
    }

    // Allocations of the per-trial loop: a run of 1,000 and one of 10,000 trials allocate the
    // same (the workspace and the result table), so the loop itself allocates nothing.
    let (_, small) = plantGraph(sites: 1)
    for trials in [1_000, 10_000] {
        Benchmark("engine: allocations, \(trials) trials, 1 thread", configuration: .init(metrics: [.mallocCountTotal]))
        { benchmark in
            blackHole(Simulator(graph: small, seed: 1, threads: 1).throughput(TrialPlan(count: trials)).relaxations)
        }
    }

    RenderBenchmarks.register()

    for sites in [1, 10, 100] {
        let yaml = ScenarioWriterBridge.yaml(sites: sites)
        Benchmark("plant: load + compile, \(sites) site(s)") { benchmark in
            for _ in benchmark.scaledIterations {
                let loaded = try ScenarioLoader.load(data: Data(yaml.utf8), file: "plant.yaml")
                let calibration = loaded.scenario.calibration()
                let skeleton = PlantCompiler.compile(loaded.scenario, calibration: calibration)
                blackHole(loaded.scenario.resolvedAttackers(calibration: calibration).map { skeleton.graph(for: $0) })
            }
        }
        Benchmark(
            "plant: simulate all four attackers, 10,000 trials, \(sites) site(s)",
            configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxIterations: sites == 100 ? 1 : 3)
        ) { benchmark in
            let loaded = try ScenarioLoader.load(data: Data(yaml.utf8), file: "plant.yaml")
            let model = try PlantModel(loaded, settings: SimulationSettings())
            benchmark.startMeasurement()
            blackHole(model.simulate(SimulationSettings(trials: 10_000)))
            benchmark.stopMeasurement()
        }
        // The risk analyses against a plain simulation of the same plant (SPEC 4.1: five uniform
        // plants and the unmitigated plant, not one simulation per zone and level).
        let analysis = Benchmark.Configuration(metrics: [.wallClock], maxIterations: 1)
        // What `zonelab simulate --no-hardening` does after loading: the plant, and for a
        // risk-rated plant the unmitigated one in the same trials (`risk_unmitigated`).
        @Sendable func plainSimulate(_ model: PlantModel, trials: Int) -> RunSet {
            let settings = SimulationSettings(trials: trials)
            var set = model.simulate(settings)
            if set.hasRiskRatedTargets { set.unmitigated = model.unmitigatedCounts(settings) }
            return set
        }
        for trials in sites == 1 ? [2_000] : [2_000, 10_000] {
            Benchmark(
                "analysis: simulate --no-hardening, \(Formatting.count(trials)) trials, \(sites) site(s)",
                configuration: analysis
            ) { benchmark in
                let model = try PlantModel(
                    ScenarioLoader.load(data: Data(yaml.utf8), file: "p.yaml"), settings: .init())
                benchmark.startMeasurement()
                blackHole(plainSimulate(model, trials: trials))
                benchmark.stopMeasurement()
            }
        }
        Benchmark("analysis: risk, 2,000 trials, \(sites) site(s)", configuration: analysis) { benchmark in
            let model = try PlantModel(ScenarioLoader.load(data: Data(yaml.utf8), file: "p.yaml"), settings: .init())
            benchmark.startMeasurement()
            blackHole(RiskWorksheet.assess(model: model, settings: SimulationSettings(trials: 2_000)))
            benchmark.stopMeasurement()
        }
        Benchmark("analysis: target-sl with roadmap, 2,000 trials, \(sites) site(s)", configuration: analysis) {
            benchmark in
            let model = try PlantModel(ScenarioLoader.load(data: Data(yaml.utf8), file: "p.yaml"), settings: .init())
            benchmark.startMeasurement()
            blackHole(TargetSLJustification.analyse(model: model, settings: SimulationSettings(trials: 2_000)))
            benchmark.stopMeasurement()
        }
        // The whole report against "analysis: simulate --no-hardening, 10,000 trials" of the same
        // plant: the main run, hardening gains, SL-T plants and roadmap (2,000 trials), risk,
        // every picture laid out by Graphviz and the page (issue: within 15x on 100 sites).
        guard sites > 1 else { continue }
        Benchmark(
            "analysis: report, 10,000 trials, \(sites) sites",
            configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxIterations: 1)
        ) { benchmark in
            let model = try PlantModel(ScenarioLoader.load(data: Data(yaml.utf8), file: "p.yaml"), settings: .init())
            benchmark.startMeasurement()
            let settings = SimulationSettings(trials: 10_000)
            let content = try ReportAnalysis.content(
                model: model, results: plainSimulate(model, trials: settings.trials), settings: settings,
                provenance: ReportProvenance(scenarioFile: "p.yaml", commandLine: "zonelab report p.yaml"))
            blackHole(HTMLReport(content).render())
            benchmark.stopMeasurement()
        }
    }
}

enum RenderBenchmarks {
    static func register() {
        for sites in [1, 10, 100] {
            let scenario = PlantGenerator(sites: sites).generate()
            Benchmark(
                "render: zones picture to SVG, \(sites) site(s)",
                configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxIterations: 3)
            ) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try Graphviz.render(ZonesPicture.graph(scenario).text, format: .svg))
                }
            }
        }
    }
}

enum ScenarioWriterBridge {
    static func yaml(sites: Int) -> String { ScenarioWriter.yaml(PlantGenerator(sites: sites).generate()) }
}
