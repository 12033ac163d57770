import Foundation
import OrderedCollections
import Testing
import ZoneLabModel

@testable import ZoneLabRender

/// Scenario text never breaks or injects into the DOT, and comes out of Graphviz as written.
@Suite struct EscapingTests {
    static let hostile = [
        "quote \" inside", "back\\slash", "trailing backslash \\", "<b>bold</b>", "R&amp;D", "a & b", "}", "{ x }",
        "a -- b", "a -> b", "Zürich ☺ 東京", "semi;colon, [brackets]=x", "'single'", "\\N \\G \\L",
        "<<table>>", "]; digraph { injected }",
    ]

    @Test func quotedIDEscapesWhatEndsAString() {
        #expect(DOTEscaping.quotedID("a\"b") == "\"a\\\"b\"")
        #expect(DOTEscaping.quotedID("a\\") == "\"a\\\\\"")
        #expect(DOTEscaping.quotedID("a\nb") == "\"a\\nb\"")
        #expect(!DOTEscaping.quotedID("a\u{0}b").contains("\u{0}"))
    }

    @Test func labelsAreASCIIWithEntities() {
        let text = DOTEscaping.quotedLabel("Zürich & <x> \"q\"")
        #expect(text == "\"Z&#252;rich &amp; <x> \\\"q\\\"\"")
        let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
    }

    @Test func htmlTextHasNoMarkup() {
        let text = DOTEscaping.html("<b>&amp;</b> \"x\" 'y' ☺\nz \\N")
        #expect(text == "&lt;b&gt;&amp;amp;&lt;/b&gt; &quot;x&quot; &#39;y&#39; &#9786;<BR/>z \\\\N")
    }

    @Test func safeNamesAreDistinctAndPlain() {
        let names = Self.hostile.map { DOTEscaping.safeName("asset", $0) }
        #expect(Set(names).count == names.count)
        for name in names {
            let plain = name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "_-.".unicodeScalars.contains($0)
            }
            #expect(plain, "\(name)")
        }
        #expect(DOTEscaping.safeName("zone", "a.b") != DOTEscaping.safeName("zone", "a_b"))
    }

    /// Ids and both label kinds of hostile text parse back: same node count, the labels stored
    /// as written, and the SVG shows the text itself.
    @Test func hostileTextRoundTripsThroughGraphviz() throws {
        var graph = DOTGraph("hostile \" graph")
        for (i, text) in Self.hostile.enumerated() {
            var plain = DOTAttributes()
            plain["label"] = .label(text)
            graph.add(DOTNode("plain " + text, plain))
            var html = DOTAttributes()
            html["label"] = .html(HTMLLabel(text).bold())
            graph.add(DOTNode("html \(i) " + text, html))
            graph.add(DOTEdge("plain " + text, "html \(i) " + text))
        }
        let parsed = try Graphviz.parse(graph.text)
        #expect(parsed.name == "hostile \" graph")
        #expect(parsed.nodeCount == 2 * Self.hostile.count)
        #expect(parsed.edgeCount == Self.hostile.count)
        // Graphviz 2.x keeps backslashes of quoted names doubled, so look those up by label only.
        for (i, text) in Self.hostile.enumerated() where !text.contains("\\") {
            #expect(parsed.labels["html \(i) " + text] == "<B>" + DOTEscaping.html(text) + "</B>")
        }
        let svg = try Support.parseSVG(Graphviz.render(graph.text, format: .svg).data)
        for text in Self.hostile {
            // Each text appears whole, as written, once from the quoted and once from the HTML label.
            #expect(svg.texts.filter { $0 == text }.count == 2, "not shown as written: \(text)")
        }
    }

    @Test func newlinesInNamesBecomeLineBreaks() throws {
        var graph = DOTGraph()
        var a = DOTAttributes()
        a["label"] = .label("first line\nsecond -> line")
        graph.add(DOTNode("n\nid", a))
        var b = DOTAttributes()
        b["label"] = .html(HTMLLabel("html\n<line>"))
        graph.add(DOTNode("m", b))
        let svg = try Support.parseSVG(Graphviz.render(graph.text, format: .svg).data)
        #expect(svg.texts.contains("first line"))
        #expect(svg.texts.contains("second -> line"))
        #expect(svg.texts.contains("html"))
        #expect(svg.texts.contains("<line>"))
        #expect(try Graphviz.parse(graph.text).nodeCount == 2)
    }

    /// A whole scenario written with hostile ids and names renders, and its names show.
    @Test func hostileScenarioRenders() throws {
        let zoneIDs = ["z\"1", "z<2>", "z&3"]
        let zones = zoneIDs.enumerated().map { i, id in
            Zone(
                id: id, name: "Zone " + Self.hostile[i], level: Double(3 - i), slTarget: SLVector(uniform: 2),
                slAchieved: SLVector(uniform: 1))
        }
        let assets = Self.hostile.enumerated().map { i, text in
            Asset(
                id: "asset\\\(i) " + text, name: text, zone: zoneIDs[i % 3],
                type: ["plc", "hmi", "historian", "gateway", "x"][i % 5], critical: i % 4 == 0)
        }
        let conduits = [
            Conduit(
                id: "c}1", name: "Conduit <one> & \"two\"", zones: [zoneIDs[0], zoneIDs[1]],
                slAchieved: SLVector(uniform: 1)),
            Conduit(
                id: "c->2", name: "Diode -- ☺", zones: [zoneIDs[2], zoneIDs[1]], direction: .forward,
                slAchieved: SLVector(uniform: 2)),
        ]
        let scenario = Scenario(
            name: "Hostile \"plant\" <x>", entry: [zoneIDs[0]], zones: zones, assets: assets, conduits: conduits)
        let graph = ZonesPicture.graph(scenario)
        let parsed = try Graphviz.parse(graph.text)
        #expect(parsed.nodeCount == graph.allNodes.count)
        let output = try Graphviz.render(graph.text, format: .svg)
        #expect(output.warnings.isEmpty, "\(output.warnings)")
        let svg = try Support.parseSVG(output.data)
        for text in Self.hostile where !text.contains("  ") {
            #expect(svg.texts.contains { $0.contains(text) || text.contains($0) && $0.count > 3 }, "missing: \(text)")
        }
        #expect(svg.texts.contains("Conduit <one> & \"two\""))
        for id in zoneIDs {
            #expect(svg.ids[DOTEscaping.safeName("zone", id)] == "cluster")
        }
    }
}
