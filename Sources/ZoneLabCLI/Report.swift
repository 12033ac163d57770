import ArgumentParser
import Foundation
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabRender
import ZoneLabReport
import ZoneLabSource

/// `zonelab report FILE`
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the management report: one self-contained HTML page with everything ZoneLab finds.",
        discussion: """
            Simulates the plant and writes a report folder (default out/<slug>/) with index.html and \
            results.json. The page has an executive summary (zones meeting their SL-T in practice, the \
            worst attack path, the top hardening steps), the zones picture and one attack-path picture \
            per attacker, charts of P(compromise) over time and by attacker against the tolerable line, \
            the weak-conduit ranking, the SL-T justification and roadmap, the IEC 62443-3-3 \
            requirements per zone, the what-if comparison (--whatif) and an evidence block. It needs no \
            network and prints cleanly to PDF.

            The hardening gains (one simulation per weak conduit) and the SL-T search and roadmap (one \
            per candidate and step) use at most \(ReportAnalysis.roadmapTrialCap) trials per attacker \
            (--roadmap-trials), as the evidence block says.

            Examples:
              zonelab report scenarios/riverside-water.yaml
              zonelab report plant.yaml --whatif patch.yaml
              zonelab report scenarios/pharma-batch.yaml --out /tmp/pharma --check
            """)

    @Argument(help: "A scenario file (.yaml).")
    var file: String

    @Option(help: ArgumentHelp("Report folder (default out/<slug>/).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Compare with this variant: a scenario or a patch of FILE.", valueName: "variant"))
    var whatif: String?

    @Option(help: "Most trials per attacker for the hardening gains, the SL-T search and the roadmap.")
    var roadmapTrials = Report.defaultRoadmapTrials

    static let defaultRoadmapTrials = ReportAnalysis.roadmapTrialCap

    @Flag(help: "Exit with status 3 when a zone does not meet its SL-T in practice (after writing the report).")
    var check = false

    @OptionGroup var options: SimulationOptions

    func validate() throws {
        guard roadmapTrials >= 1 else {
            throw ValidationError("--roadmap-trials must be at least 1, found \(roadmapTrials)")
        }
        if file.lowercased().hasSuffix(".json") {
            throw ValidationError("report needs a scenario file (.yaml), not an attack graph")
        }
    }

    func run() throws {
        let written = try Self.write(
            file: file, out: out, whatif: whatif, options: options, roadmapTrials: roadmapTrials,
            commandLine: Self.commandLine(ProcessInfoShim.arguments))
        print(written.index)
        if check, !written.failing.isEmpty {
            printError(
                "check failed: \(written.failing.map { "zone \($0.zone) \($0.summary)" }.joined(separator: "; "))")
            throw ExitStatus.checkFailed
        }
    }

    struct Written {
        var index: String
        var results: String
        var failing: [ZoneVerdicts.Verdict]
    }

    /// Simulates `file` and writes its report folder (shared with `demo`). The folder's missing
    /// parents are made only when `createFolders` (default: when `out` is nil, for out/<slug>/).
    static func write(
        file: String, out: String?, whatif: String?, options: SimulationOptions, roadmapTrials: Int,
        commandLine: String,
        createFolders: Bool? = nil, command: String = "report"
    ) throws -> Written {
        let createFolders = createFolders ?? (out == nil)
        // An explicit folder is checked before the simulation, so a typo costs no simulation.
        if let out {
            try withOutputErrors { () throws(OutputError) in
                try OutputFile.checkFolder(out, createFolders: createFolders)
            }
        }
        let log = PhaseLog(command: command)
        log.phase("simulating \(file)", trials: 0)
        let run = try Simulate.simulate(file: file, options: options, shard: nil, log: log)
        guard let model = run.model else {
            throw ValidationError("report needs a scenario file (.yaml), not an attack graph")
        }
        // The run's settings, calibration included (loaded once), with its final trial count.
        var settings = run.settings
        settings.trials = run.set.trials
        var comparison: ReportWhatIf?
        if let whatif {
            let variant = try withInputErrors { () throws(DiagnosticError) in
                try ScenarioPatch.loadVariant(path: whatif, basePath: file)
            }
            for w in variant.warnings { printError(w.description) }
            log.phase("what-if: \(whatif)", trials: 0)
            do {
                comparison = try ReportAnalysis.whatIf(
                    base: model, variant: variant, variantLabel: whatif, settings: settings)
            } catch {
                throw ValidationError("the variant \(whatif): \(error.description)")
            }
        }
        let content: ReportContent
        do {
            content = try ReportAnalysis.content(
                model: model, results: run.set, settings: settings, whatIf: comparison,
                provenance: ReportProvenance(scenarioFile: file, commandLine: commandLine),
                roadmapTrialCap: roadmapTrials, progress: log.progress)
        } catch {
            printError("error: \(error.description)")
            throw ExitCode.failure
        }
        let folder = out ?? "out/\(model.scenario.slug)"
        log.phase("writing \(folder)", trials: 0)
        let written = try withOutputErrors { () throws(OutputError) in
            try ReportWriter.write(content, to: folder, createFolders: createFolders)
        }
        log.finish()
        return Written(
            index: written.index, results: written.results, failing: ZoneVerdicts(run.set, model: model).failing)
    }

    /// The command line as a shell would take it back: arguments quoted where needed.
    static func commandLine(_ arguments: [String]) -> String {
        var words = arguments
        if let first = words.first { words[0] = URL(fileURLWithPath: first).lastPathComponent }
        return words.map { word in
            let plain =
                !word.isEmpty
                && word.unicodeScalars.allSatisfy {
                    CharacterSet.alphanumerics.contains($0) || "-_./=:,+@%".unicodeScalars.contains($0)
                }
            return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
