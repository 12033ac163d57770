import Foundation
import ZoneLabModel
import ZoneLabRender
import ZoneLabTestSupport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Shared helpers of the rendering tests.
enum Support {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func load(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: RepositoryRoot.scenario(name)).scenario
    }

    /// A synthetic plant: `zones` zones over Purdue levels 4…1, `assetsPerZone` assets each
    /// (every fifth critical), a conduit from each zone to the next.
    static func synthetic(zones: Int, assetsPerZone: Int) -> Scenario {
        let types = ["plc", "hmi", "server", "firewall", "switch", "historian", "rtu"]
        let zoneList = (0..<zones).map { z in
            Zone(
                id: "z\(z)", name: "Zone \(z)", level: Double(4 - (z * 4) / zones), slTarget: SLVector(uniform: 2),
                slAchieved: SLVector(uniform: 1 + z % 2))
        }
        var assets: [Asset] = []
        for z in 0..<zones {
            for a in 0..<assetsPerZone {
                let n = z * assetsPerZone + a
                assets.append(
                    Asset(
                        id: "a\(n)", name: "Asset \(n)", zone: "z\(z)", type: types[n % types.count],
                        critical: n % 5 == 0))
            }
        }
        let conduits = (0..<(zones - 1)).map { z in
            Conduit(
                id: "c\(z)", name: "Conduit \(z)", zones: ["z\(z)", "z\(z + 1)"],
                slAchieved: SLVector([.RDF: 1 + z % 3, .IAC: 1]))
        }
        return Scenario(name: "Synthetic plant", entry: ["z0"], zones: zoneList, assets: assets, conduits: conduits)
    }

    /// What an SVG document holds: elements' ids and classes, titles, and all text.
    struct SVGSummary {
        var ids: [String: String] = [:]  // id -> class
        var titles: [String] = []
        var texts: [String] = []
        /// The points of each cluster's outline (by the cluster's id).
        var outlines: [String: [Double]] = [:]
    }

    /// Parses an SVG with Foundation's XMLParser; throws when it is not well-formed XML.
    static func parseSVG(_ data: Data) throws -> SVGSummary {
        let delegate = SVGDelegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw Failure(
                description:
                    "SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)"
            )
        }
        return delegate.summary
    }

    final class SVGDelegate: NSObject, XMLParserDelegate {
        var summary = SVGSummary()
        var stack: [(name: String, id: String?, cls: String?)] = []
        var text = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if let id = attributes["id"] { summary.ids[id] = attributes["class"] ?? "" }
            // The outline of a cluster: the first polygon or path inside its <g>, links included.
            if name == "polygon" || name == "path", let cluster = stack.last(where: { $0.cls == "cluster" }),
                let id = cluster.id, summary.outlines[id] == nil
            {
                let raw = attributes["points"] ?? attributes["d"] ?? ""
                let numbers = raw.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
                summary.outlines[id] = numbers
            }
            stack.append((name, attributes["id"], attributes["class"]))
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title" { summary.titles.append(text) }
            if name == "text" { summary.texts.append(text) }
            text = ""
            stack.removeLast()
        }
    }

    /// The top of a cluster in SVG coordinates (smaller is higher on the page).
    static func top(of id: String, in svg: SVGSummary) -> Double? {
        guard let numbers = svg.outlines[id], numbers.count >= 2 else { return nil }
        let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
        return ys.min()
    }
}
