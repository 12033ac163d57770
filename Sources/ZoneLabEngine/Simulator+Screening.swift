/// Paired screening of variants of a graph with common random numbers: run the base graph once,
/// recording per trial which of the variants' changed steps its campaign took, then run each
/// variant only on the trials its changes can reach (SPEC 4's roadmap measures every candidate
/// against the current plan this way).
///
/// Exact when the variant makes no step easier (`AttackGraph.slowedEdges(in:)`): in a trial whose
/// campaign (SPEC 3.4) takes none of the changed steps, every target reached keeps its label (its
/// derivation is untouched and every other candidate can only be later), every target not
/// reached stays out of reach, and the campaign with its alarm draws is the same, so the trial's
/// outcome is the base's.
extension Simulator {
    /// Runs the plan keeping every trial's times, and returns per trial the OR of `tags` (one word
    /// per edge of the graph, in `graph.edges` order) over the steps of the trial's campaign.
    /// Without `paths`, the outcome's paths are left empty.
    public func runTagging(
        _ plan: TrialPlan, tags: [UInt64], paths: Bool = true, progress: (@Sendable (Int) -> Void)? = nil
    ) -> (outcome: SimulationOutcome, trials: TrialTimes, campaignTags: [UInt64]) {
        precondition(tags.count == graph.edges.count, "one tag word per edge")
        let table = runTable(plan, tags: tags, progress: progress, recordingPaths: paths)
        return (outcome(of: table, plan: plan, paths: paths), TrialTimes(table: table), table.campaignTags)
    }

    /// Runs only the plan's rows `rows` (positions in the plan, as `TrialTimes` rows count them)
    /// and returns their times of compromise: row k of the result is row `rows[k]` of the plan.
    /// No statistics and no paths: what a paired screening needs.
    public func screen(_ plan: TrialPlan, rows: [Int]) -> TrialTimes {
        precondition(rows.allSatisfy { (0..<plan.shardCount).contains($0) }, "rows of the plan")
        guard !rows.isEmpty else { return .none(targets: graph.targets.count) }
        return TrialTimes(table: runTable(plan, subset: rows))
    }
}
