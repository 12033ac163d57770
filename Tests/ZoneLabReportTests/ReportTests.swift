import Foundation
import Testing
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabTestSupport

@testable import ZoneLabReport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a page as XML: whether it is well formed, the ids it carries and the text of chosen elements.
final class PageReader: NSObject, XMLParserDelegate {
    var ids: [String] = []
    var texts: [String: [String]] = [:]
    var elements: [String: Int] = [:]
    private var capturing: [(name: String, text: String)] = []
    let captured: Set<String>

    init(capturing captured: Set<String> = ["h1", "title", "code"]) {
        self.captured = captured
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if let id = attributes["id"] { ids.append(id) }
        elements[name, default: 0] += 1
        if captured.contains(name) { capturing.append((name, "")) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for i in capturing.indices { capturing[i].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if let last = capturing.last, last.name == name {
            capturing.removeLast()
            texts[name, default: []].append(last.text)
        }
    }

    /// Parses `html`; nil when it is not well-formed XML.
    static func read(_ html: String) -> (reader: PageReader, error: String?) {
        let reader = PageReader()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = reader
        let ok = parser.parse()
        return (
            reader,
            ok
                ? nil
                : "\(parser.parserError.map { "\($0)" } ?? "parse failed") at line \(parser.lineNumber), column \(parser.columnNumber)"
        )
    }
}

struct ReportFailure: Error, CustomStringConvertible {
    var description: String
}

enum Fixtures {
    static var repository: URL { RepositoryRoot.url }

    static let trials = 300
    static let seed: UInt64 = 7

    static func load(_ relative: String) throws -> LoadedScenario {
        try ScenarioLoader.load(path: repository.appendingPathComponent(relative).path)
    }

    /// The report content of a plant, simulated with few trials.
    static func content(_ loaded: LoadedScenario, variant: LoadedScenario? = nil) throws -> ReportContent {
        let settings = SimulationSettings(trials: trials, seed: seed, threads: 2)
        let model = try PlantModel(loaded, settings: settings)
        let results = model.simulate(settings)
        let whatIf = try variant.map {
            try ReportAnalysis.whatIf(
                base: model, variant: $0, variantLabel: "close-vendor-tunnel.yaml", settings: settings)
        }
        return try ReportAnalysis.content(
            model: model, results: results, settings: settings, whatIf: whatIf,
            provenance: ReportProvenance(
                scenarioFile: loaded.file,
                commandLine: "zonelab report \(loaded.file) --trials \(trials) --seed \(seed)"))
    }

    struct Demo: Sendable {
        var html: String
        var sha256: String
        var folder: URL
        var content: ReportContent
    }

    /// The demo plant's report with its what-if, made once and written to a folder.
    static let demo: Result<Demo, ReportFailure> = {
        do {
            let loaded = try load("scenarios/riverside-water.yaml")
            let variant = try ScenarioPatch.loadVariant(
                path: repository.appendingPathComponent("scenarios/patches/close-vendor-tunnel.yaml").path,
                basePath: loaded.file)
            let content = try content(loaded, variant: variant)
            let folder = try TemporaryFiles("report").folder
            let written = try ReportWriter.write(content, to: folder.path)
            let html = try String(contentsOfFile: written.index, encoding: .utf8)
            return .success(Demo(html: html, sha256: loaded.sha256, folder: folder, content: content))
        } catch {
            return .failure(ReportFailure(description: "\(error)"))
        }
    }()

    static let hostileName = "<script>alert(1)</script> & \"quoted\" 'single' &amp; &#60;b&#62;"

    static let hostileScenario = """
        zonelab: 1
        name: '<script>alert(1)</script> & "quoted" ''single'' &amp; &#60;b&#62;'
        description: 'Plant <img src=x onerror=alert(2)> & co'
        entry: [internet]
        zones:
          - {id: internet, level: 5, sl_target: 0}
          - {id: office, name: 'Office <b>bold</b> & "co"', level: 4, sl_target: 2, sl_achieved: 1}
          - {id: control, name: 'Control ]]> <!-- x -->', level: 2, sl_target: 3, sl_achieved: {IAC: 2, UC: 2, SI: 1, RDF: 2}}
        assets:
          - {id: ws, name: 'Workstation <img src=x onerror=alert(3)>', zone: office, type: workstation}
          - {id: plc1, name: 'PLC "1" & <i>', zone: control, type: plc, critical: true}
        conduits:
          - {id: inet-office, name: "Edge <firewall> 'A'", zones: [internet, office], sl_achieved: {RDF: 2, IAC: 2}}
          - {id: office-ctl, name: 'Firewall "B" & <C>', zones: [office, control], sl_achieved: {RDF: 1, IAC: 1}}
        """
}

@Suite struct HTMLReportTests {
    @Test func demoReportIsWellFormedAndHasEverySection() throws {
        let demo = try Fixtures.demo.get()
        let (reader, error) = PageReader.read(demo.html)
        #expect(error == nil, "\(error ?? "")")
        for id in HTMLReport.sectionIDs {
            #expect(reader.ids.contains(id), "section \(id) is missing")
        }
        #expect(demo.html.hasPrefix("<!DOCTYPE html>"))
        #expect(reader.texts["h1"] == ["Riverside Water Utility"])
        // Inline SVG: the Graphviz pictures (one zones picture, paths per attacker) and the charts.
        #expect((reader.elements["svg"] ?? 0) >= 2 + 6)
        #expect(!demo.html.contains("<?xml"))
        #expect(!demo.html.contains("<!DOCTYPE svg"))
        // Self-contained: one inline script, exactly ours, and nothing fetched.
        Self.expectOnlyOurScript(demo.html)
        #expect(!demo.html.contains("src=\"http"))
        #expect(!demo.html.contains("href=\"http"))
        #expect(!demo.html.contains("url(http"))
        #expect(!demo.html.contains("@import"))
        #expect(demo.html.contains("@media print"))
        // Graphviz ids were prefixed per picture, so no id repeats.
        #expect(Set(reader.ids).count == reader.ids.count, "duplicate ids")
        #expect(FileManager.default.fileExists(atPath: demo.folder.appendingPathComponent("results.json").path))
    }

    /// The page's scripts: exactly one, inline, ours (no `src=`), which loads nothing and can sit
    /// raw in a page that parses as XML.
    static func expectOnlyOurScript(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lower = html.lowercased()
        #expect(lower.components(separatedBy: "<script").count - 1 == 1, sourceLocation: sourceLocation)
        #expect(html.contains(HTMLReport.script), sourceLocation: sourceLocation)
        #expect(!lower.contains("<script src") && !lower.contains("<script "), sourceLocation: sourceLocation)
        let source = ReportScript.source
        for forbidden in ["<", "&", "]]>", "http:", "https:", "fetch(", "XMLHttpRequest", "import(", "src", "eval("] {
            #expect(!source.contains(forbidden), "the script contains \(forbidden)", sourceLocation: sourceLocation)
        }
    }

    /// The risk section places every risk-rated critical asset of the demo plant in the matrix
    /// and lists it in the worksheet with its zone's risk-based SL-T.
    @Test func riskSectionPlacesTheTargetsInTheMatrix() throws {
        let demo = try Fixtures.demo.get()
        let start = try #require(demo.html.range(of: "id=\"risk\""))
        let end = try #require(demo.html.range(of: "id=\"weak-conduits\""))
        let section = String(demo.html[start.upperBound..<end.lowerBound])
        #expect(section.contains("aria-label=\"Risk matrix with the critical assets placed\""))
        // Six rated targets (five critical assets and the SCADA zone): six numbered dots.
        #expect(section.components(separatedBy: "fill:#FFFFFF;font-weight:600").count - 1 == 6)
        #expect(section.contains("risk-based SL-T"))
        #expect(section.contains("Zone a-sis: consequence 5 (safety)"))
        #expect(section.contains("not reachable by SL"))
    }

    /// Above the limit of zones, the summary shows the zones furthest from their SL-T and folds
    /// the full verdict table (the demo's five zones with a limit of three).
    @Test func aLongVerdictListIsCutToTheWorstWithTheRestFolded() throws {
        let demo = try Fixtures.demo.get()
        let report = HTMLReport(demo.content)
        let html = Markup.render(report.summary(zoneLimit: 3))
        let verdicts = ZoneVerdicts(demo.content.results, model: demo.content.model).verdicts
        #expect(verdicts.count == 5)
        let fold = try #require(html.range(of: "<details"))
        let shown = html[..<fold.lowerBound]
        let folded = html[fold.lowerBound...]
        #expect(shown.contains("The 3 zones furthest from their SL-T"))
        #expect(shown.components(separatedBy: "<tr>").count - 1 == 1 + 3)
        #expect(folded.contains("All 5 zones with critical assets"))
        #expect(folded.components(separatedBy: "<tr>").count - 1 >= 1 + 5)
        // The worst P shown first.
        let worst = try #require(verdicts.filter { !$0.meets }.max { ($0.worst?.p ?? 0) < ($1.worst?.p ?? 0) })
        let firstRow = try #require(shown.components(separatedBy: "<tr>").dropFirst(2).first)
        #expect(firstRow.contains("(\(worst.zone))"))
        // The demo itself has five zones: one table, nothing folded.
        #expect(!Markup.render(report.summary()).contains("<details"))
    }

    /// Roadmap steps are told by the risk they remove (the worst P over all targets often stays
    /// put while one target's falls): score before → after, the levels that change, the largest drop.
    @Test func roadmapStepsTellTheRiskTheyRemove() throws {
        let demo = try Fixtures.demo.get()
        let summary = try #require(demo.html.range(of: "<h3>Top hardening steps</h3>"))
        let steps = String(demo.html[summary.upperBound...].prefix(4_000))
        let items = steps.components(separatedBy: "<li>").dropFirst().prefix(3)
        #expect(!items.isEmpty)
        for item in items {
            #expect(item.contains("risk score ") && item.contains(" → "), "\(item.prefix(300))")
            #expect(item.contains("largest drop "), "\(item.prefix(300))")
        }
        let start = try #require(demo.html.range(of: "id=\"target-sl\""))
        let end = try #require(demo.html.range(of: "id=\"requirements\""))
        let section = String(demo.html[start.upperBound..<end.lowerBound])
        for header in ["risk score before → after", "reduction (paired 95% CI)", "risk levels changed"] {
            #expect(section.contains(header), "roadmap table lacks \(header)")
        }
    }

    @Test func evidenceBlockCarriesTheRun() throws {
        let demo = try Fixtures.demo.get()
        let bytes = try Data(contentsOf: Fixtures.repository.appendingPathComponent("scenarios/riverside-water.yaml"))
        #expect(demo.sha256 == ScenarioLoader.sha256Hex(bytes))
        #expect(demo.html.contains("<span class=\"mono\" id=\"scenario-sha256\">\(demo.sha256)</span>"))
        #expect(demo.html.contains("<span id=\"seed\">\(Fixtures.seed)</span>"))
        #expect(demo.html.contains("<span id=\"trials\">\(Fixtures.trials) per attacker"))
        #expect(demo.html.contains("zonelab \(ZoneLabVersion.current)"))
        #expect(demo.html.contains("--trials \(Fixtures.trials) --seed \(Fixtures.seed)"))
        // The calibration table of SPEC 3.3: the gap-0 row.
        #expect(demo.html.contains("lognormal, median 7d, σ 1"))
        let results = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: demo.folder.appendingPathComponent("results.json")))
                as? [String: Any])
        #expect(results["scenario_sha256"] as? String == demo.sha256)
        #expect(results["trials"] as? Int == Fixtures.trials)
    }

    @Test func hostileNamesAreEscaped() throws {
        let loaded = try ScenarioLoader.load(data: Data(Fixtures.hostileScenario.utf8), file: "hostile.yaml")
        #expect(loaded.scenario.name == Fixtures.hostileName)
        let html = HTMLReport(try Fixtures.content(loaded)).render()
        let (reader, error) = PageReader.read(html)
        #expect(error == nil, "\(error ?? "")")
        // Parsed back, the text is exactly the name: nothing was lost or interpreted.
        #expect(reader.texts["h1"] == [Fixtures.hostileName])
        #expect(reader.texts["title"]?.contains("ZoneLab report: \(Fixtures.hostileName)") == true)
        let lower = html.lowercased()
        // The only script is the report's own: the name's is text.
        Self.expectOnlyOurScript(html)
        #expect(!lower.contains("<img"))
        #expect(!lower.contains("<b>bold"))
        #expect(!lower.contains("<firewall>"))
        #expect(!html.contains("<!-- x -->"))
        #expect(
            html.contains(
                "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quoted\" 'single' &amp;amp; &amp;#60;b&amp;#62;"))
        #expect(reader.ids.contains("summary") && reader.ids.contains("evidence"))
        #expect(!reader.ids.contains("whatif"))
    }

    @Test func attributeValuesAreEscaped() {
        #expect(Markup.escapeAttribute("a\"b'c<d>&e\u{1}") == "a&quot;b&#39;c&lt;d&gt;&amp;e")
    }

    @Test func inlineSVGLosesItsPrologueAndGetsUniqueIDs() throws {
        let svg = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <!-- Generated by graphviz -->
            <svg width="100pt" height="50pt" viewBox="0 0 100 50" xmlns="http://www.w3.org/2000/svg">
            <g id="graph0"><path fill="url(#l_1)"/></g></svg>
            """
        let inline = try #require(InlineSVG.prepare(svg, idPrefix: "zones"))
        #expect(inline.hasPrefix("<svg viewBox=\"0 0 100 50\""))
        #expect(!inline.contains("width=\"100pt\"") && !inline.contains("height=\"50pt\""))
        // The natural size in CSS pixels, one per point: the text is legible at it.
        #expect(inline.contains("width=\"100.0\" height=\"50.0\" class=\"graphviz\""))
        #expect(inline.contains("id=\"zones-graph0\"") && inline.contains("url(#zones-l_1)"))
        #expect(inline.hasSuffix("</svg>"))
    }

    @Test func cumulativeShareOfCompromises() {
        let times = [1.0, 2, 2, 5]
        #expect(Charts.cdf(times, trials: 10, at: 0.5) == 0)
        #expect(Charts.cdf(times, trials: 10, at: 2) == 0.3)
        #expect(Charts.cdf(times, trials: 10, at: 4.9) == 0.3)
        #expect(Charts.cdf(times, trials: 10, at: 100) == 0.4)
        #expect(Charts.pMaximum([0.03], tolerable: 0.05) == 0.1)
        #expect(Charts.pMaximum([0.9], tolerable: 0.05) == 1)
    }
}
