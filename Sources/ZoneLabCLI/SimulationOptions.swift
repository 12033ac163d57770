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
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (0..<n).contains(i) else {
            return nil
        }
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
        if let i = env["SLURM_ARRAY_TASK_ID"].flatMap(Int.init),
            let n = env["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init),
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
        guard let span = try? Self.parse(argument).span else { return nil }
        self.span = span
    }

    private init(span: TimeSpan) { self.span = span }

    /// Parses a duration, saying why one is refused (used as the options' `transform`).
    @Sendable static func parse(_ argument: String) throws -> DurationArgument {
        guard let span = TimeSpan(parsing: argument), span.hours.isFinite else {
            throw ArgumentReason(
                "a duration is a number of hours (720) or a number with a unit m, h, d, w or y (30d, 1.5y)")
        }
        guard span.hours > 0 else { throw ArgumentReason("a horizon must be longer than 0") }
        return DurationArgument(span: span)
    }
}

/// Why a command-line value is refused; ArgumentParser prints it after
/// "The value 'X' is invalid for '--option <value>': ".
struct ArgumentReason: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Parsers of whole numbers that say why a value is refused.
enum WholeNumber {
    /// A whole number of at least `minimum` (`what` names it: "the number of trials").
    static func atLeast(_ minimum: Int, _ what: String) -> @Sendable (String) throws -> Int {
        { text in
            guard let value = Int(text) else {
                throw ArgumentReason("\(what) is a whole number of at least \(minimum)")
            }
            guard value >= minimum else { throw ArgumentReason("\(what) must be at least \(minimum)") }
            return value
        }
    }

    /// A seed: a whole number from 0 to 2^64 - 1.
    @Sendable static func seed(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text) else {
            throw ArgumentReason(
                text.hasPrefix("-") && UInt64(text.dropFirst()) != nil
                    ? "a seed is not negative: it is a whole number from 0 to \(UInt64.max)"
                    : "a seed is a whole number from 0 to \(UInt64.max)")
        }
        return value
    }
}

/// Options shared by the commands that simulate.
struct SimulationOptions: ParsableArguments {
    // `.unconditional`: `--trials -5` is a refused value, not a missing one.
    @Option(
        parsing: .unconditional, help: "Trials per attacker.", transform: WholeNumber.atLeast(1, "the number of trials")
    )
    var trials: Int = 10_000

    @Option(
        parsing: .unconditional, help: "Seed of the random numbers: the same seed gives the same results.",
        transform: WholeNumber.seed)
    var seed: UInt64 = 1

    @Option(
        parsing: .unconditional, help: "Worker threads (default: all cores). Results do not depend on it.",
        transform: WholeNumber.atLeast(1, "the number of threads"))
    var threads: Int?

    @Option(name: .customLong("attacker"), help: "Simulate only this attacker (repeatable; default all).")
    var attackers: [String] = []

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Horizon of every attacker, overriding the scenario (e.g. 30d, 720 = hours).", valueName: "duration"),
        transform: DurationArgument.parse)
    var horizon: DurationArgument?

    @Option(
        help: ArgumentHelp("A YAML file of calibration overrides, applied after the scenario's.", valueName: "file"))
    var calibration: String?

    @Option(
        help: ArgumentHelp(
            "Instead of --trials: run blocks of trials until every P's 95% half-width is at most H (capped at 1,000,000 trials).",
            valueName: "H"))
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
