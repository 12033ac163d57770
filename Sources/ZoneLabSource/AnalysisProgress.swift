/// What a long analysis tells its caller as it goes: each phase it starts, in words, with the
/// trials it will run when it knows them (0 otherwise), and the trials it finishes. Both may be
/// called from worker threads.
public struct AnalysisProgress: Sendable {
    public let phase: @Sendable (_ title: String, _ trials: Int) -> Void
    public let trials: @Sendable (_ finished: Int) -> Void

    public init(
        phase: @escaping @Sendable (_ title: String, _ trials: Int) -> Void,
        trials: @escaping @Sendable (_ finished: Int) -> Void
    ) {
        self.phase = phase
        self.trials = trials
    }

    /// Tells nothing.
    public static let silent = AnalysisProgress(phase: { _, _ in }, trials: { _ in })
}
