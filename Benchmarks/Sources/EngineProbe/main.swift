// on a generated plant and prints edge relaxations per second.
// Usage: EngineProbe [sites] [trials] [threads] [capability]
import Foundation
// A quick throughput probe for profiling (perf record, callgrind): runs the per-trial loop
import RealModule
import ZoneLabEngine
import ZoneLabGenerator
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabRender
import ZoneLabSource

let args = CommandLine.arguments.dropFirst().compactMap(Int.init)
let sites = args.count > 0 ? args[0] : 100
let trials = args.count > 1 ? args[1] : 2_000
let threads = args.count > 2 ? args[2] : 1
let capability = args.count > 3 ? args[3] : 3
let generated = PlantGenerator(sites: sites).generate()
let yaml = Data(ScenarioWriter.yaml(generated).utf8)
let loadStart = DispatchTime.now().uptimeNanoseconds
let scenario = try ScenarioLoader.load(data: yaml, file: "plant.yaml").scenario
let calibration = scenario.calibration()
let skeleton = PlantCompiler.compile(scenario, calibration: calibration)
let graphs = scenario.resolvedAttackers(calibration: calibration).map { skeleton.graph(for: $0) }
let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
print(String(format: "load + compile (%d KB of YAML, 4 attacker graphs): %.2f s", yaml.count / 1024, loadSeconds))
_ = graphs
let attacker = scenario.resolvedAttackers(calibration: calibration).first { $0.capability == capability }!
let graph = skeleton.graph(for: attacker)
let start = DispatchTime.now().uptimeNanoseconds
let (relaxations, draws) = Simulator(graph: graph, seed: 1, threads: threads).throughput(TrialPlan(count: trials))
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
print(
    "\(sites) sites: \(graph.nodes.count) nodes, \(graph.edges.count) edges, \(graph.targets.count) targets; SL\(capability), \(trials) trials, \(threads) thread(s)"
)
print(
    String(
        format: "%.2f s, %.1f M relaxations (%.1f M with draws), %.2f M relaxations/s, %.2f M draws/s, %.0f trials/s",
        seconds, Double(relaxations) / 1e6, Double(draws) / 1e6, Double(relaxations) / seconds / 1e6,
        Double(draws) / seconds / 1e6, Double(trials) / seconds))

// The cost of the draws alone: Philox4x32-10 and a lognormal inverse CDF per draw.
do {
    let n = 7_000_000
    let start = DispatchTime.now().uptimeNanoseconds
    var acc = 0.0
    for i in 0..<n {
        let (u1, u2) = EdgeDraws.uniforms(
            seed: 1, trial: UInt64(i / 7000), edgeKey: UInt64(i % 7000) &* 0x9E37_79B9_7F4A_7C15)
        acc += u1 <= 0.5 ? TimeDistribution.lognormal(medianHours: 24, sigma: 1).quantile(u2) : 0
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "draws alone: %.1f ns per draw (checksum %.3g)", seconds / Double(n) * 1e9, acc))
}

do {
    let n = 7_000_000
    var start = DispatchTime.now().uptimeNanoseconds
    var x: UInt32 = 0
    for i in 0..<n {
        let r = Philox4x32.block((UInt32(truncatingIfNeeded: i), 0, 7, 0), key: (1, 0))
        x ^= r.0 ^ r.3
    }
    var seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "philox alone: %.1f ns (checksum %u)", seconds / Double(n) * 1e9, x))
    start = DispatchTime.now().uptimeNanoseconds
    var acc = 0.0
    for i in 0..<n {
        acc += NormalQuantile.value((Double(i) + 0.5) / Double(n))
    }
    seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "normal quantile alone: %.1f ns (checksum %.3g)", seconds / Double(n) * 1e9, acc))
    start = DispatchTime.now().uptimeNanoseconds
    acc = 0
    for i in 0..<n {
        acc += Double.exp(Double(i) * 1e-7)
    }
    seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "exp alone: %.1f ns (checksum %.3g)", seconds / Double(n) * 1e9, acc))
}

// Rendering the zones picture of the whole plant (large plants collapse zones to single nodes).
do {
    let start = DispatchTime.now().uptimeNanoseconds
    let dot = ZonesPicture.graph(scenario).text
    let svg = try Graphviz.render(dot, format: .svg)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(
        String(
            format: "render zones picture: %.2f s (%d KB of DOT, %d KB of SVG)", seconds, dot.utf8.count / 1024,
            svg.data.count / 1024))
}

// The whole job for all four default attackers at 10,000 trials, on every core (when asked).
if CommandLine.arguments.contains("--full") {
    let loaded = try ScenarioLoader.load(data: yaml, file: "plant.yaml")
    let model = try PlantModel(loaded, settings: SimulationSettings())
    let start = DispatchTime.now().uptimeNanoseconds
    let set = model.simulate(SimulationSettings(trials: 10_000, threads: threads))
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(
        String(
            format: "simulate 4 attackers x 10,000 trials, %d thread(s): %.2f s (%d targets)", threads, seconds,
            set.targets.count))
}
