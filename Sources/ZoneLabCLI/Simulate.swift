import ArgumentParser
import Foundation
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// `zonelab simulate FILE`
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run Monte Carlo attacks on a scenario (.yaml) or an attack graph (.json).",
        discussion: """
            For every attacker and target: P(compromise within the horizon) with a 95% Wilson interval, \
            time to compromise (p10/p50/p90 over the n compromised trials), the effective SL against \
            the zone's SL-T and the paths attacks took; for conduits, static SL gaps and criticality.

            Examples:
              zonelab simulate scenarios/riverside-water.yaml
              zonelab simulate scenarios/riverside-water.yaml --attacker SL3 --trials 50000
              zonelab simulate scenarios/riverside-water.yaml --precision 0.005 --check
              zonelab compile scenarios/riverside-water.yaml --attacker SL3 > sl3.json
              zonelab simulate sl3.json
              zonelab simulate plant.yaml --shard 0/4 --json shard0.json
              zonelab merge shard*.json --json results.json
            """)

    @Argument(help: "A scenario (.yaml, .yml) or an attack graph (.json).")
    var file: String

    @OptionGroup var options: SimulationOptions

    @Option(
        help: ArgumentHelp(
            "Run only the trials i with i mod N == I ('auto': from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID).",
            valueName: "I/N|auto"))
    var shard: ShardSpec?

    @Option(help: ArgumentHelp("Write the results as JSON to this file.", valueName: "path"))
    var json: String?

    @Flag(help: "Exit with status 3 when a zone does not meet its SL-T in practice.")
    var check = false

    @Flag(
        inversion: .prefixedNo,
        help:
            "Measure each weak conduit's hardening gain (one more simulation per conduit with a gap on an attack path)."
    )
    var hardening = true

    @Option(help: "Paired trials per attacker for the hardening gains (at most --trials).")
    var hardeningTrials = 2_000

    func validate() throws {
        if let shard, shard.isUnresolved { throw ValidationError(ShardSpec.autoHelp) }
        if shard != nil && options.precision != nil {
            throw ValidationError("--shard and --precision do not combine: shards need a fixed trial count")
        }
        if let shard, shard.count > 1, json == nil {
            throw ValidationError("--shard needs --json PATH: a shard's results are for `zonelab merge`")
        }
    }

    func run() throws {
        try checkOutputs(json)
        let log = PhaseLog(command: "simulate")
        let run = try Self.simulate(
            file: file, options: options, shard: shard, hardeningTrials: hardening ? hardeningTrials : nil, log: log)
        log.finish()
        if let json {
            try writeAtomically(run.set.json().serialized() + "\n", to: json)
        }
        print(ResultsText(run.set, narrator: run.narrator, model: run.model).render())
        if let json { print("\nresults: \(json)") }
        if check, let model = run.model {
            let failing = ZoneVerdicts(run.set, model: model).failing
            if !failing.isEmpty {
                printError("check failed: \(failing.map { "zone \($0.zone) \($0.summary)" }.joined(separator: "; "))")
                throw ExitStatus.checkFailed
            }
        }
    }

    /// Runs `simulate` once, or in blocks until every P is within `precision` (SPEC 6).
    static func run(_ settings: SimulationSettings, precision: Double?, simulate: (SimulationSettings) -> RunSet)
        -> RunSet
    {
        guard let precision else { return simulate(settings) }
        return RunSet.untilPrecise(halfWidth: precision) { first, count in
            var block = settings
            block.firstTrial = first
            block.trials = count
            return simulate(block)
        }
    }

    /// The trial count of an analysis that runs several plants with one fixed count (risk,
    /// target-sl): `--trials`, or with `--precision H` the count at which the plant as designed
    /// has every P's 95% half-width at most H (blocks of 2,000 trials, as `simulate` runs them).
    static func trials(for model: PlantModel, settings: SimulationSettings, precision: Double?, log: PhaseLog)
        -> Int
    {
        guard let precision else { return settings.trials }
        log.phase("trials for a half-width of \(Formatting.percent(precision)) (--precision)", trials: 0)
        return run(settings, precision: precision) { model.simulate($0, paths: false) }.trials
    }

    /// A simulation of a scenario or a graph file: the results, and for a scenario its plant
    /// model, the narrator of its paths and the settings used (calibration included).
    struct Run {
        var set: RunSet
        var model: PlantModel?
        var narrator: PathNarrator?
        var settings: SimulationSettings
    }

    /// Loads the input and runs it (shared with `report`).
    static func simulate(
        file: String, options: SimulationOptions, shard: ShardSpec?, hardeningTrials: Int? = nil, log: PhaseLog
    ) throws -> Run {
        let settings = try options.settings(shard: shard)
        if file.lowercased().hasSuffix(".json") {
            let (graph, bytes) = try withInputErrors { () throws(DiagnosticError) in try GraphFile.load(path: file) }
            if let bad = options.attackers.first(where: { $0 != "graph" }) {
                throw ValidationError("unknown attacker '\(bad)': a graph file has one attacker, 'graph'")
            }
            let sha = ScenarioLoader.sha256Hex(bytes)
            log.phase(
                "simulating the graph, \(options.precision == nil ? Formatting.count(settings.trials) : "up to 1,000,000") trials",
                trials: options.precision == nil ? settings.trials : 0)
            let set = Self.run(settings, precision: options.precision) {
                GraphSimulation.simulate(graph, sha256: sha, settings: $0, progress: log.progress.trials)
            }
            return Run(set: set, model: nil, narrator: nil, settings: settings)
        }
        let (_, model) = try loadPlant(file, settings: settings)
        let perPlant = settings.trials * model.attackers.count
        log.phase(
            "simulating \(model.attackers.count) attacker\(model.attackers.count == 1 ? "" : "s") × \(options.precision == nil ? Formatting.count(settings.trials) : "up to 1,000,000") trials",
            trials: options.precision == nil ? perPlant : 0)
        var set = Self.run(settings, precision: options.precision) {
            model.simulate($0, progress: log.progress.trials)
        }
        if set.hasRiskRatedTargets {
            // The unmitigated plant (every SL-A 0) in the same trials, for `risk_unmitigated`.
            var same = settings
            same.trials = options.precision == nil ? settings.trials : set.trials
            log.phase("the unmitigated plant (every SL-A 0)", trials: same.trials * model.attackers.count)
            set.unmitigated = model.unmitigatedCounts(same, progress: log.progress.trials)
        }
        if let hardeningTrials, hardeningTrials > 0 {
            // Gains are paired differences on the trial indices 0 ..< H (SPEC 4), candidates
            // fixed before any trial: a shard runs its share of them and `merge` sums the counts.
            let runTrials = options.precision == nil ? settings.trials : set.trials
            let trials = min(runTrials, hardeningTrials)
            log.phase("hardening gains", trials: trials * model.attackers.count)
            set.hardening = model.hardeningTally(trials: trials, settings: settings, progress: log.progress.trials)
        }
        return Run(
            set: set, model: model, narrator: PathNarrator(scenario: model.scenario, skeleton: model.skeleton),
            settings: settings)
    }
}
