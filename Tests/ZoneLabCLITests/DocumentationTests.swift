import Foundation
import Testing
import ZoneLabTestSupport

/// The README's layout names every module, and user documents link pages, not contract sections.
@Suite struct DocumentationTests {
    static func text(_ relative: String) throws -> String {
        try String(contentsOf: RepositoryRoot.url(relative), encoding: .utf8)
    }

    /// The README's `## Layout` section, up to the next heading.
    static func layout() throws -> String {
        let readme = try text("README.md")
        let start = try #require(readme.range(of: "\n## Layout\n"))
        let rest = readme[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    @Test func layoutNamesEveryModuleOnItsOwnLine() throws {
        let modules =
            try FileManager.default.contentsOfDirectory(atPath: RepositoryRoot.url("Sources").path)
            .filter { !$0.hasPrefix(".") } + ["ZoneLabTestSupport"]
        #expect(modules.count >= 11, "\(modules)")
        let lines = try Self.layout().split(separator: "\n")
        for module in modules {
            let line = lines.first { $0.hasPrefix("- `\(module)`") }
            #expect(line != nil, "the README's layout has no line for \(module)")
            #expect((line?.count ?? 0) > module.count + 20, "the line for \(module) does not say its job")
        }
    }

    @Test func userDocumentsNameNoContractSections() throws {
        let docs = try FileManager.default.contentsOfDirectory(atPath: RepositoryRoot.url("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/\($0)" }
        #expect(!docs.isEmpty)
        for file in docs + ["README.md"] {
            let text = try Self.text(file)
            #expect(!text.contains("SPEC"), "\(file) names SPEC")
        }
    }
}
