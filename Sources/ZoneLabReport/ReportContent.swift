import Foundation
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabRender
import ZoneLabSource

/// How a report was made: recorded in its evidence block.
public struct ReportProvenance: Sendable {
    /// The scenario file as given on the command line.
    public var scenarioFile: String
    /// The command line that produced the report.
    public var commandLine: String
    /// When the report was made.
    public var date: Date

    public init(scenarioFile: String, commandLine: String, date: Date = Date()) {
        self.scenarioFile = scenarioFile
        self.commandLine = commandLine
        self.date = date
    }
}

/// A what-if comparison, with what the report needs to tell its paths.
public typealias ReportWhatIf = WhatIfRun

/// A Graphviz picture ready to embed: its SVG markup (prologue removed, ids made unique).
public struct ReportPicture: Sendable {
    public var title: String
    public var caption: String
    /// Nil when there is nothing to draw; `caption` then says why.
    public var svg: String?
}

/// Everything the report shows, computed.
public struct ReportContent: Sendable {
    public var model: PlantModel
    /// The main run, with hardening gains.
    public var results: RunSet
    public var justification: TargetSLJustification
    /// Trials per attacker and candidate of the SL-T search and roadmap.
    public var roadmapTrials: Int
    public var requirements: RequirementsReport
    public var whatIf: ReportWhatIf?
    public var provenance: ReportProvenance
    /// The zones picture, or for a large plant the overview by Purdue level.
    public var zonesPicture: ReportPicture
    /// A large plant's overview with its drill-down pictures; nil up to `OverviewPicture.zoneLimit` zones.
    public var overview: ReportOverview?
    public var pathPictures: [ReportPicture]
    /// Paths per critical asset: cards for the highest-risk targets, a table row for the rest.
    public var pathCards: ReportPathCards
    public var graphvizVersion: String

    public var scenario: Scenario { model.scenario }
    /// Per attacker id, per conduit id: the hardening gain (SPEC 4), from the main run.
    public var hardeningGain: [String: [String: Double]] { results.hardeningGain }
    /// The trials the hardening gains were measured with.
    public var hardeningTrials: Int { results.hardeningTrials ?? 0 }
    public var narrator: PathNarrator { PathNarrator(scenario: model.scenario, skeleton: model.skeleton) }

    /// The targets drawn in charts and attack-path pictures, in the run's order: those with path
    /// cards (every target, or above `ReportPathCards.targetLimit` the highest-risk ones).
    public var featuredTargets: [Int] { pathCards.targets.map(\.index).sorted() }
}

/// Runs the analyses of the report on a plant already simulated.
public enum ReportAnalysis {
    /// The largest trial count the hardening gains, the SL-T search and the roadmap use (one
    /// simulation per conduit, and per candidate and step).
    public static let roadmapTrialCap = 2000

    /// The paired comparison of the base plant with a variant, as `whatif` does it, with the
    /// seed and trials of `settings`.
    public static func whatIf(
        base: PlantModel, variant: LoadedScenario, variantLabel: String, settings: SimulationSettings
    ) throws(PlantModel.UnknownAttacker) -> ReportWhatIf {
        try WhatIfRun.run(base: base, variant: variant, variantLabel: variantLabel, settings: settings)
    }

    /// Everything else the report needs: the hardening gains (unless `results` has them), the
    /// SL-T justification (both with at most `roadmapTrialCap` trials), the requirements and the
    /// pictures. Gains measured on the main run itself are also stored in the results.
    public static func content(
        model: PlantModel, results: RunSet, settings: SimulationSettings, whatIf: ReportWhatIf? = nil,
        provenance: ReportProvenance, roadmapTrialCap: Int = ReportAnalysis.roadmapTrialCap,
        progress: AnalysisProgress = .silent
    ) throws(GraphvizError) -> ReportContent {
        var roadmapSettings = settings
        roadmapSettings.trials = max(1, min(results.trials, roadmapTrialCap))
        roadmapSettings.firstTrial = 0
        roadmapSettings.shard = nil
        var results = results
        if results.hardening == nil {
            let conduits = model.hardeningCandidates().count
            progress.phase(
                "hardening gains: \(conduits) conduit\(conduits == 1 ? "" : "s") raised one at a time",
                roadmapSettings.trials * model.attackers.count)
            results.hardening = model.hardeningTally(
                trials: roadmapSettings.trials, settings: roadmapSettings, progress: progress.trials)
        }
        let justification = TargetSLJustification.analyse(
            model: model, settings: roadmapSettings, roadmapTrials: roadmapSettings.trials, progress: progress)
        progress.phase("pictures: Graphviz layout", 0)
        let evidence = AttackEvidence.all(results)
        let strongest = AttackEvidence.strongest(evidence)
        let overview = try overview(model.scenario, evidence: strongest)
        let zones: ReportPicture
        if let overview {
            zones = overview.picture
        } else {
            zones = try picture(
                ZonesPicture.graph(model.scenario, evidence: strongest), id: "zones",
                title: "Zones and conduits",
                caption:
                    "Zones stacked by Purdue level with SL-T and SL-A; conduits coloured by their static SL gap (green none, orange 1, red 2 or more)"
                    + (strongest.map {
                        "; conduits carrying at least 25% of \($0.attacker)'s compromises are marked weak."
                    }
                        ?? "."))
        }
        let cards = try pathCards(model: model, results: results)
        let featured = cards.targets.map(\.index).sorted()
        let featuredIDs = Set(featured.map { results.targets[$0].id })
        let allTargets = featured.count == results.targets.count
        var paths: [ReportPicture] = []
        for (i, var attacker) in evidence.enumerated() {
            if !allTargets { attacker.targets = attacker.targets.filter { featuredIDs.contains($0.id) } }
            let title =
                "Attack paths of \(attacker.attacker)" + (attacker.capability.map { " (capability \($0))" } ?? "")
            guard attacker.totalCompromised > 0 else {
                paths.append(
                    ReportPicture(
                        title: title,
                        caption:
                            "\(attacker.attacker) compromised no target in \(results.trials) trials: no path to draw.",
                        svg: nil))
                continue
            }
            paths.append(
                try picture(
                    PathsPicture.graph(model.scenario, evidence: attacker), id: "paths\(i)", title: title,
                    caption:
                        "The top \(RunSet.topPathCount) paths per target of \(attacker.attacker)"
                        + (allTargets
                            ? ""
                            : " to the \(featured.count) highest-risk critical assets of \(results.targets.count) (the path cards' selection)")
                        + "; line width is the share of compromises that took the line; only the zones, assets and conduits on these paths are drawn."
                ))
        }
        return ReportContent(
            model: model, results: results, justification: justification, roadmapTrials: roadmapSettings.trials,
            requirements: RequirementsReport(model.scenario), whatIf: whatIf, provenance: provenance,
            zonesPicture: zones, overview: overview, pathPictures: paths,
            pathCards: cards,
            graphvizVersion: Graphviz.version)
    }

    static func picture(_ graph: DOTGraph, id: String, title: String, caption: String) throws(GraphvizError)
        -> ReportPicture
    {
        let output = try Graphviz.render(graph.text, format: .svg)
        let svg = InlineSVG.prepare(String(decoding: output.data, as: UTF8.self), idPrefix: id)
        return ReportPicture(title: title, caption: caption, svg: svg)
    }
}
