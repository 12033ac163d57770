import ArgumentParser
import ZoneLabIEC62443
import ZoneLabSource

/// `zonelab merge SHARD.json...`
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the shard files of `simulate --shard I/N` into the results of the whole run.",
        discussion: """
            The merged JSON is byte for byte what one run of all trials writes.

            Examples:
              zonelab simulate plant.yaml --shard 0/2 --json s0.json
              zonelab simulate plant.yaml --shard 1/2 --json s1.json
              zonelab merge s0.json s1.json --json results.json
            """)

    @Argument(help: "Shard files written by simulate --shard I/N --json.")
    var shards: [String]

    @Option(help: ArgumentHelp("Write the merged results here (default: standard output).", valueName: "path"))
    var json: String?

    func run() throws {
        var sets: [(file: String, set: RunSet)] = []
        var errors: [Diagnostic] = []
        var unreadable = true
        for file in shards {
            do throws(DiagnosticError) {
                sets.append((file, try ResultsDocument.read(path: file).shardRunSet(file: file)))
            } catch {
                errors += error.diagnostics
                unreadable = unreadable && error.unreadable
            }
        }
        guard errors.isEmpty else {
            printError(DiagnosticError(errors).description)
            throw unreadable ? ExitStatus.cannotRead : ExitStatus.badInput
        }
        try checkOutputs(json)
        let merged = try withInputErrors { () throws(DiagnosticError) in try RunSet.merge(sets) }
        let text = merged.json().serialized() + "\n"
        if let json {
            try writeAtomically(text, to: json)
        } else {
            print(text, terminator: "")
        }
    }
}
