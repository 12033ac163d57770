/// Every trial's time of compromise per target (+inf when not within the horizon, or when the
/// defender contained the campaign first, SPEC 3.4): what a paired comparison of two runs with
/// common random numbers needs.
public struct TrialTimes: Sendable, Hashable {
    /// Trials (rows) and targets (columns).
    public let trials: Int
    public let targets: Int
    private let times: [Double]

    /// No trials, for `targets` targets.
    public static func none(targets: Int) -> TrialTimes { TrialTimes(table: TrialTable(rows: 0, targets: targets)) }

    init(table: TrialTable) {
        trials = table.rows
        targets = table.targets
        var times = table.times
        if table.targets > 0 {
            for row in 0..<table.rows where table.containment[row].isFinite {
                for slot in 0..<table.targets where times[row * table.targets + slot] > table.containment[row] {
                    times[row * table.targets + slot] = .infinity
                }
            }
        }
        self.times = times
    }

    /// The time of compromise of `target` in the `row`-th trial of the run.
    public subscript(row: Int, target: Int) -> Double { times[row * targets + target] }

    /// Whether `target` fell within the horizon in the `row`-th trial.
    public func compromised(row: Int, target: Int) -> Bool { self[row, target].isFinite }
}
