import ArgumentParser
import Foundation
import ZoneLabModel
import ZoneLabSource

/// `zonelab diff OLD NEW`
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions of a plant.",
        discussion: """
            Zones, assets, vulnerabilities, conduits, channels, attackers and SL-A/SL-T per FR, \
            compared by id: a scalar SL equals the same map of all seven FRs and the order of a list \
            is no change. --json writes {"zonelab_diff": 1, "changes": [...]}; --results adds the \
            paired what-if of the two versions (as `zonelab whatif OLD NEW`).

            Examples:
              zonelab diff plant-v1.yaml plant-v2.yaml
              git show main:plant.yaml > /tmp/old.yaml && zonelab diff /tmp/old.yaml plant.yaml --results
            """)

    @Argument(help: "The old version of the plant.")
    var old: String

    @Argument(help: "The new version of the plant, or a patch of the old one (docs/whatif.md).")
    var new: String

    @Option(help: ArgumentHelp("Write the changes as JSON to this file.", valueName: "path"))
    var json: String?

    @Flag(help: "Also simulate both versions and compare them (paired what-if).")
    var results = false

    @OptionGroup var options: SimulationOptions

    func validate() throws {
        if options.precision != nil {
            throw ValidationError("diff --results runs a fixed --trials; --precision does not apply")
        }
    }

    func run() throws {
        try checkOutputs(json)
        let oldPlant = try loadScenario(old)
        let newPlant = try withInputErrors { () throws(DiagnosticError) in
            try ScenarioPatch.loadVariant(path: new, basePath: old)
        }
        for warning in newPlant.warnings { printError(warning.description) }
        let diff = ScenarioDiff(old: oldPlant.scenario, new: newPlant.scenario)
        print(diff.changes.isEmpty ? "no changes" : "\(counted(diff.changes.count, "change")):")
        for change in diff.changes { print("  " + change.text) }
        var document = diff.json
        if results {
            let whatIf = try WhatIfCommand.compare(base: old, variant: new, options: options)
            print("")
            print(whatIf.text)
            if case .object(let pairs) = document { document = .object(pairs + [("whatif", whatIf.json)]) }
        }
        if let json {
            try writeAtomically(document.serialized() + "\n", to: json)
            print("\ndiff: \(json)")
        }
    }
}
