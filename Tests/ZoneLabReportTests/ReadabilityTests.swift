import Foundation
import Testing
import ZoneLabModel
import ZoneLabTestSupport

@testable import ZoneLabReport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The `text` elements of one SVG chart: per element its class, anchor, x and its lines (one per
/// `tspan`, or its own text), and the viewBox.
final class ChartReader: NSObject, XMLParserDelegate {
    struct Label {
        var className: String
        var anchor: String
        var lines: [(x: Double, text: String)] = []
    }

    var viewBox: [Double] = []
    var labels: [Label] = []
    private var inText = false
    private var inSpan = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch name {
        case "svg":
            viewBox = (attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        case "text":
            inText = true
            labels.append(Label(className: attributes["class"] ?? "", anchor: attributes["text-anchor"] ?? "start"))
            labels[labels.count - 1].lines.append((Double(attributes["x"] ?? "") ?? 0, ""))
        case "tspan" where inText:
            inSpan = true
            let x = Double(attributes["x"] ?? "") ?? labels[labels.count - 1].lines[0].x
            if labels[labels.count - 1].lines.count == 1, labels[labels.count - 1].lines[0].text.isEmpty {
                labels[labels.count - 1].lines[0].x = x
            } else {
                labels[labels.count - 1].lines.append((x, ""))
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        let last = labels.count - 1
        labels[last].lines[labels[last].lines.count - 1].text +=
            inSpan ? string : string.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "tspan" { inSpan = false }
        if name == "text" { inText = false }
    }

    static func read(_ svg: String) -> ChartReader? {
        let reader = ChartReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }
}

/// What makes the report readable beyond its numbers: chart labels never cut, the what-if
/// details folded under their summary.
@Suite struct ReadabilityTests {
    static let longName = "BOG compressor package Triconex safety controller, train A01"
    static let veryLongName =
        "High-lift pump station PLC for the north reservoir, booster pumps P-101 to P-104, chlorine residual analysers and valve actuators"
    static let longZoneName =
        "Site A SCADA, control room and historian of the north reservoir and the pumping station with its telemetry"

    static let scenario = """
        zonelab: 1
        name: Long names
        entry: [internet]
        zones:
          - {id: internet, level: 5, sl_target: 0}
          - {id: office, level: 4, sl_target: 2, sl_achieved: 1}
          - {id: control, name: '\(longZoneName)', level: 2, sl_target: 3, sl_achieved: {IAC: 2, UC: 2, SI: 1, RDF: 2}}
        assets:
          - {id: ws, name: Workstation, zone: office, type: workstation}
          - {id: plc1, name: '\(longName)', zone: control, type: plc, critical: true}
          - {id: plc2, name: '\(veryLongName)', zone: control, type: plc, critical: true}
        conduits:
          - {id: inet-office, zones: [internet, office], sl_achieved: {RDF: 2, IAC: 2}}
          - {id: office-ctl, zones: [office, control], sl_achieved: {RDF: 1, IAC: 1}}
        """

    /// The SVG of the chart whose aria-label is `label`.
    static func chart(_ html: String, label: String) throws -> String {
        let marker = try #require(html.range(of: "aria-label=\"\(label)\""))
        let start = try #require(html[..<marker.lowerBound].range(of: "<svg", options: .backwards))
        let end = try #require(html[marker.upperBound...].range(of: "</svg>"))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func aSixtyCharacterAssetNameIsWholeInTheBarChart() throws {
        #expect(Self.longName.count == 60)
        let loaded = try ScenarioLoader.load(data: Data(Self.scenario.utf8), file: "long.yaml")
        let html = HTMLReport(try Fixtures.content(loaded)).render()
        let svg = try Self.chart(html, label: "P(compromise within the horizon) by attacker")
        let reader = try #require(ChartReader.read(svg), "the chart is not well-formed XML")
        let viewBox = reader.viewBox
        #expect(viewBox.count == 4)
        let labels = reader.labels.filter { $0.className == "bar-label" }
        let long = try #require(
            labels.first { $0.lines.map(\.text).joined(separator: " ") == Self.longName },
            "no bar label reads the whole name: \(labels.map { $0.lines.map(\.text) })")
        #expect(long.lines.count == 2)
        #expect(!svg.contains("…"))
        // Every line fits in the viewBox, at a generous estimate of its width.
        for label in labels {
            #expect(label.anchor == "end")
            for line in label.lines {
                let width = Charts.labelCharacterWidth * Double(line.text.count)
                #expect(line.x - width >= 0, "\(line.text) starts left of the chart")
                #expect(line.x <= viewBox[2])
            }
        }
    }

    /// A title longer than a line of the P-over-time chart (the asset's name) wraps, so does the
    /// subtitle (its zone's name), and the plot moves down.
    @Test func aLongChartTitleWraps() throws {
        let loaded = try ScenarioLoader.load(data: Data(Self.scenario.utf8), file: "long.yaml")
        let html = HTMLReport(try Fixtures.content(loaded)).render()
        let svg = try Self.chart(html, label: Self.veryLongName)
        let reader = try #require(ChartReader.read(svg), "the chart is not well-formed XML")
        let heading = try #require(reader.labels.first { $0.className == "chart-title" })
        #expect(heading.lines.count == 3)
        #expect(heading.lines.map(\.text).joined(separator: " ") == Self.veryLongName)
        let sub = try #require(reader.labels.first { $0.className == "axis-label" })
        #expect(sub.lines.count == 2)
        #expect(sub.lines.map(\.text).joined(separator: " ") == "zone \(Self.longZoneName) · SL-T 3")
        for (label, size) in [(heading, 13.0), (sub, 10.5)] {
            for line in label.lines {
                #expect(line.x + 0.6 * size * Double(line.text.count) <= reader.viewBox[2], "\(line.text) is cut")
            }
        }
        #expect(reader.viewBox[3] > 284)
    }

    @Test func wrappingKeepsEveryWord() {
        #expect(Charts.wrap("a b c", to: 3) == ["a b", "c"])
        #expect(Charts.wrap("abcdefgh", to: 3) == ["abc", "def", "gh"])
        #expect(Charts.wrap("", to: 3) == [""])
        #expect(Charts.wrap(ReadabilityTests.longName, to: 30).joined(separator: " ") == ReadabilityTests.longName)
        #expect(Charts.labelColumn(["short"]).characters == 30)
        let column = Charts.labelColumn([ReadabilityTests.longName])
        #expect(Charts.wrap(ReadabilityTests.longName, to: column.characters).count == 2)
        // A very long name takes three lines of at most 40 characters rather than a wider column.
        let huge = String(repeating: "word ", count: 40).trimmingCharacters(in: .whitespaces)
        #expect(Charts.labelColumn([huge]).characters > 40)
        #expect(Charts.labelColumn([String(repeating: "word ", count: 20)]).characters <= 40)
    }

    /// The what-if section: the per-zone summary first, then the per-asset table and the path
    /// list each folded in a closed `<details>`.
    @Test func whatIfDetailsAreFoldedBelowTheSummary() throws {
        let demo = try Fixtures.demo.get()
        let start = try #require(demo.html.range(of: "<section id=\"whatif\">"))
        let end = try #require(demo.html.range(of: "</section>", range: start.upperBound..<demo.html.endIndex))
        let section = String(demo.html[start.upperBound..<end.lowerBound])
        let summaryTable = try #require(section.range(of: "worst P base → variant"))
        let details = section.components(separatedBy: "<details class=\"fold\">")
        #expect(details.count - 1 == 2, "expected two folded blocks")
        #expect(details[0].contains("worst P base → variant"))
        #expect(!section.contains("<details open"))
        let firstFold = try #require(section.range(of: "<details"))
        #expect(summaryTable.lowerBound < firstFold.lowerBound)
        #expect(details[1].hasPrefix("<summary><h3>Per critical asset and attacker ("))
        #expect(details[1].contains("paired 95% interval"))
        #expect(details[2].hasPrefix("<summary><h3>Paths that vanished (−) or appeared (+) among the top"))
        #expect(details[2].contains("<ul><li>"))
    }
}
