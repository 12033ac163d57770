import Foundation
import Testing
import ZoneLabModel
import ZoneLabTestSupport

@testable import ZoneLabCLI

/// The design-as-code commands (issue 15): schema, lint, diff, export navigator, import.
@Suite struct DesignAsCodeCommandTests {
    @Test func schemaPrintsTheSchemaFile() throws {
        try CommandTests.run(["schema"], as: SchemaCommand.self)
        let printed = try ProcessTests.run(["schema"])
        #expect(printed.status == 0, "\(printed.stderr)")
        let file = try String(
            contentsOf: RepositoryRoot.url("schema/zonelab-scenario.schema.json"), encoding: .utf8)
        #expect(printed.stdout == file)
        #expect(printed.stdout.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""))
    }
}
