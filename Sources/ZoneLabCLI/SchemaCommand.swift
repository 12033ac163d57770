import ArgumentParser
import ZoneLabModel

/// `zonelab schema`
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the scenario format.",
        discussion: """
            The same schema is in the repository as schema/zonelab-scenario.schema.json. Put \
            `# yaml-language-server: $schema=PATH-OR-URL` on the first line of a scenario file and \
            editors with the YAML language server complete and check its keys.

            Examples:
              zonelab schema > zonelab-scenario.schema.json
            """)

    func run() throws {
        print(ScenarioSchema.text, terminator: "")
    }
}
