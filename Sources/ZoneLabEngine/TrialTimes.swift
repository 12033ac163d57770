/// Every trial's time of compromise per target (+inf when not within the horizon): what a
/// paired comparison of two runs with common random numbers needs.
public struct TrialTimes: Sendable, Hashable {
    /// Trials (rows) and targets (columns).
    public let trials: Int
    public let targets: Int
    private let times: [Double]

    init(table: TrialTable) {
        trials = table.rows
        targets = table.targets
        times = table.times
    }

    /// The time of compromise of `target` in the `row`-th trial of the run.
    public subscript(row: Int, target: Int) -> Double { times[row * targets + target] }

    /// Whether `target` fell within the horizon in the `row`-th trial.
    public func compromised(row: Int, target: Int) -> Bool { self[row, target].isFinite }
}
