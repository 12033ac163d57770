import ArgumentParser
import ZoneLabModel

/// `--shard I/N` or `auto` (from a Kubernetes Indexed Job or a Slurm array).
struct ShardSpec: ExpressibleByArgument, Sendable {
    var index: Int
    var count: Int

    init?(argument: String) {
        if argument == "auto" {
            // Resolved from the environment; without one, `validate` says what is missing.
            self = ShardSpec.fromEnvironment() ?? ShardSpec(index: -1, count: 0)
            return
        }
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (0..<n).contains(i) else { return nil }
        index = i
        count = n
    }

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `--shard auto` found no batch-system environment.
    var isUnresolved: Bool { count == 0 }

    static let autoHelp =
        "--shard auto needs JOB_COMPLETION_INDEX with ZONELAB_SHARDS or JOB_COMPLETIONS (a Kubernetes Indexed Job), or SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_COUNT (a Slurm array)"

    static func fromEnvironment() -> ShardSpec? {
        let env = ProcessInfoShim.environment
        if let i = env["JOB_COMPLETION_INDEX"].flatMap(Int.init),
            let n = (env["ZONELAB_SHARDS"] ?? env["JOB_COMPLETIONS"]).flatMap(Int.init), n >= 1, (0..<n).contains(i)
        {
            return ShardSpec(index: i, count: n)
        }
        if let i = env["SLURM_ARRAY_TASK_ID"].flatMap(Int.init), let n = env["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init),
            n >= 1
        {
            let minID = env["SLURM_ARRAY_TASK_MIN"].flatMap(Int.init) ?? 0
            let index = i - minID
            if (0..<n).contains(index) { return ShardSpec(index: index, count: n) }
        }
        return nil
    }

    static var defaultValueDescription: String { "I/N" }
}

/// A duration on the command line: hours, or digits with a unit `m h d w y`.
struct DurationArgument: ExpressibleByArgument, Sendable {
    var span: TimeSpan

    init?(argument: String) {
        guard let span = TimeSpan(parsing: argument), span.hours > 0, span.hours.isFinite else { return nil }
        self.span = span
    }
}

/// Options shared by the commands that simulate.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Trials per attacker.")
    var trials: Int = 10_000

    @Option(help: "Seed of the random numbers: the same seed gives the same results.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Option(name: .customLong("attacker"), help: "Simulate only this attacker (repeatable; default all).")
    var attackers: [String] = []

    @Option(help: ArgumentHelp("Horizon of every attacker, overriding the scenario (e.g. 30d, 720 = hours).", valueName: "duration"))
    var horizon: DurationArgument?

    @Option(help: ArgumentHelp("A YAML file of calibration overrides, applied after the scenario's.", valueName: "file"))
    var calibration: String?

    @Option(help: ArgumentHelp("Instead of --trials: run blocks of trials until every P's 95% half-width is at most H (capped at 1,000,000 trials).", valueName: "H"))
    var precision: Double?

    func validate() throws {
        guard trials >= 1 else { throw ValidationError("--trials must be at least 1, found \(trials)") }
        guard trials <= 100_000_000 else { throw ValidationError("--trials must be at most 100,000,000") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, found \(threads)") }
        if let precision, !(precision > 0 && precision < 0.5) {
            throw ValidationError("--precision must be between 0 and 0.5 (a half-width of P), found \(precision)")
        }
    }
}

