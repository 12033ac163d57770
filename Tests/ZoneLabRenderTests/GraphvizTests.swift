import Foundation
import OrderedCollections
import Testing
import ZoneLabModel
import ZoneLabTestSupport

@testable import ZoneLabRender

/// libgvc in-process: formats, errors as Swift errors, and one lock for concurrent callers.
@Suite struct GraphvizTests {
    static let small = "digraph G { a -> b; b -> c [label=\"x\"]; }"

    @Test func svgOfEverySamplePlantIsWellFormedAndComplete() throws {
        for name in RepositoryRoot.sampleNames {
            let scenario = try Support.load(name)
            let output = try Graphviz.render(ZonesPicture.graph(scenario).text, format: .svg)
            #expect(output.warnings.isEmpty, "\(name): \(output.warnings)")
            let svg = try Support.parseSVG(output.data)
            for zone in scenario.zones.keys {
                #expect(svg.ids[DOTEscaping.safeName("zone", zone)] == "cluster", "\(name): zone \(zone) missing")
                #expect(svg.titles.contains(DOTEscaping.safeName("cluster_zone", zone)))
            }
            for conduit in scenario.conduits.keys {
                #expect(
                    svg.ids[DOTEscaping.safeName("conduit", conduit)] == "node", "\(name): conduit \(conduit) missing")
            }
            for asset in scenario.assets.keys {
                #expect(svg.ids[DOTEscaping.safeName("asset", asset)] == "node", "\(name): asset \(asset) missing")
            }
        }
    }

    @Test func pngAndPDFHaveTheirMagic() throws {
        let scenario = try Support.load("riverside-water")
        let dot = ZonesPicture.graph(scenario).text
        let png = try Graphviz.render(dot, format: .png).data
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(png.count > 10_000)
        let pdf = try Graphviz.render(dot, format: .pdf).data
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    @Test func dotFormatIsTheTextItself() throws {
        let output = try Graphviz.render(Self.small, format: .dot)
        #expect(String(decoding: output.data, as: UTF8.self) == Self.small)
    }

    @Test(arguments: [
        "digraph { a -> }", "digraph { a -> b", "not a graph at all", "", "digraph { a [label=<<b>unclosed>] }",
        "digraph {} }}}", "digraph { a } digraph { b }", "graph { a -> b }",
    ])
    func brokenDOTThrows(_ dot: String) throws {
        let error = #expect(throws: GraphvizError.self) { try Graphviz.render(dot, format: .svg) }
        #expect(error?.messages.isEmpty == false)
        #expect(error.map { "\($0)".hasPrefix("Graphviz could not") } == true)
        // The next render is unaffected: leftover input was drained.
        #expect(try Graphviz.render(Self.small, format: .svg).data.count > 100)
        #expect(try Graphviz.parse(Self.small).nodeCount == 3)
    }

    @Test func syntaxErrorsSayWhere() {
        let error = #expect(throws: GraphvizError.self) { try Graphviz.parse("digraph {\n a -> ;\n}") }
        #expect(error?.stage == .parse)
        #expect(error?.messages.contains { $0.contains("syntax error in line 2") } == true)
    }

    @Test func unknownLayoutEngineThrows() {
        let error = #expect(throws: GraphvizError.self) {
            try Graphviz.render(Self.small, format: .svg, engine: "no-such-engine")
        }
        #expect(error?.stage == .layout)
        #expect(error?.messages.first?.contains("no-such-engine") == true)
    }

    @Test func otherEnginesWork() throws {
        let output = try Graphviz.render(Self.small, format: .svg, engine: "neato")
        #expect(try Support.parseSVG(output.data).titles.contains("a"))
    }

    @Test func badLabelsAreErrorsNotCrashes() {
        let dot = "digraph { a [label=<<TABLE><TR><TD>x</TD></TABLE>>] }"
        let error = #expect(throws: GraphvizError.self) { try Graphviz.render(dot, format: .png) }
        #expect(error?.stage == .layout)
    }

    @Test func nulBytesAreRefused() {
        let error = #expect(throws: GraphvizError.self) { try Graphviz.parse("digraph { a }\u{0} digraph { b }") }
        #expect(error?.stage == .parse)
    }

    /// What an SVG shows, order and coordinates aside: Graphviz may emit clusters in another
    /// order, and round coordinates differently, from one render to the next in a process.
    static func structure(_ data: Data) throws -> [String] {
        let svg = try Support.parseSVG(data)
        return svg.ids.map { "id \($0.key) \($0.value)" }.sorted() + svg.titles.sorted() + svg.texts.sorted()
    }

    /// Every cgraph/gvc call goes through one lock: renders from many tasks (some of them also
    /// feeding Graphviz broken DOT) all succeed and give the same picture.
    @Test func concurrentRendersSucceed() async throws {
        let scenario = try Support.load("riverside-water")
        let dot = ZonesPicture.graph(scenario).text
        let expected = try Self.structure(Graphviz.render(dot, format: .svg).data)
        let results = await withTaskGroup(of: (Int, Result<Data, GraphvizError>).self) { group in
            for i in 0..<12 {
                group.addTask {
                    do throws(GraphvizError) {
                        if i % 4 == 3 { _ = try? Graphviz.render("digraph { broken -> }", format: .svg) }
                        return (i, .success(try Graphviz.render(dot, format: i % 3 == 0 ? .png : .svg).data))
                    } catch {
                        return (i, .failure(error))
                    }
                }
            }
            var all: [(Int, Result<Data, GraphvizError>)] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 12)
        for (i, result) in results {
            let data = try result.get()
            if i % 3 == 0 {
                #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            } else {
                #expect(try Self.structure(data) == expected, "render \(i) differs")
            }
        }
    }

    @Test func versionIsKnown() {
        #expect(Graphviz.version.split(separator: ".").count >= 2)
    }
}
