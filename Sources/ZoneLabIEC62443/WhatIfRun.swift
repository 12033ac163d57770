import ZoneLabModel

/// The what-if pipeline shared by `zonelab whatif` and the report: the base plant and a variant
/// simulated with the same seed and trials (common random numbers), compared, with what it
/// takes to tell each side's paths in plant words.
public struct WhatIfRun: Sendable {
    /// The variant as given (a file path).
    public var variantLabel: String
    /// The variant plant's name.
    public var variantName: String
    public var comparison: WhatIfComparison
    public var baseNarrator: PathNarrator
    public var variantNarrator: PathNarrator

    public init(
        variantLabel: String, variantName: String, comparison: WhatIfComparison, baseNarrator: PathNarrator,
        variantNarrator: PathNarrator
    ) {
        self.variantLabel = variantLabel
        self.variantName = variantName
        self.comparison = comparison
        self.baseNarrator = baseNarrator
        self.variantNarrator = variantNarrator
    }

    /// Simulates `base` and `variant` with the seed and trials of `settings` (from trial 0, the
    /// whole run: no shard) and compares them. The variant keeps the base's calibration override
    /// and attacker selection.
    public static func run(
        base: PlantModel, variant: LoadedScenario, variantLabel: String, settings: SimulationSettings,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws(PlantModel.UnknownAttacker) -> WhatIfRun {
        var settings = settings
        settings.shard = nil
        settings.firstTrial = 0
        let variantModel = try PlantModel(variant, settings: settings)
        let baseSet = base.simulate(settings, keepingTrials: true, progress: progress)
        let variantSet = variantModel.simulate(settings, keepingTrials: true, progress: progress)
        return WhatIfRun(
            variantLabel: variantLabel, variantName: variantModel.scenario.name,
            comparison: WhatIfComparison(base: baseSet, variant: variantSet),
            baseNarrator: PathNarrator(scenario: base.scenario, skeleton: base.skeleton),
            variantNarrator: PathNarrator(scenario: variantModel.scenario, skeleton: variantModel.skeleton))
    }
}
