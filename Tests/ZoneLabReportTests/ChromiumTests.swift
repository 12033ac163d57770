import Foundation
import Testing
import ZoneLabReport
import ZoneLabTestSupport

/// The demo report opened from disk by a real browser (Debian's `chromium`, headless): it
/// renders without console errors, its DOM has every section and the screenshot is a picture.
@Suite(.serialized) struct ChromiumTests {
    /// `chromium` on PATH; CI installs it (.ci/run).
    static var chromium: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/chromium"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs chromium headless with `arguments` (another program without chromium's flags),
    /// killed after `timeout` seconds.
    static func run(
        _ executable: String, _ arguments: [String], timeout: TimeInterval = 120, chromiumFlags: Bool = true
    )
        throws -> Run
    {
        let files = try TemporaryFiles("chromium")
        defer { files.cleanUp() }
        let profile = files.url("profile")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            chromiumFlags
            ? [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=\(profile.path)", "--hide-scrollbars",
            ] + arguments : arguments
        let out = URL(fileURLWithPath: try files.write("chromium.out", Data()))
        let err = URL(fileURLWithPath: try files.write("chromium.err", Data()))
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw ReportFailure(description: "\(executable) did not finish within \(Int(timeout)) s")
        }
        return Run(
            status: process.terminationStatus,
            stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }

    @Test func demoReportRendersInHeadlessChromium() throws {
        let executable = try #require(
            Self.chromium, "chromium is not on PATH: install Debian's package chromium (.ci/run does)")
        let demo = try Fixtures.demo.get()
        let page = demo.folder.appendingPathComponent("index.html")
        let url = page.absoluteURL.absoluteString
        #expect(url.hasPrefix("file://"))

        // The DOM as the browser built it, and its console.
        let dom = try Self.run(executable, ["--enable-logging=stderr", "--v=0", "--dump-dom", url])
        #expect(dom.status == 0, "\(dom.stderr)")
        for id in ["summary", "pictures", "charts", "weak-conduits", "target-sl", "requirements", "whatif", "evidence"]
        {
            #expect(dom.stdout.contains("id=\"\(id)\""), "section \(id) is missing from the DOM")
        }
        #expect(dom.stdout.contains("<svg"))
        #expect(dom.stdout.contains(demo.sha256))
        let console = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(console.isEmpty, "console messages: \(console.joined(separator: "\n"))")

        // A screenshot: a PNG of the window's size with real content (a blank page compresses
        // to a few KB).
        let shot = demo.folder.appendingPathComponent("screenshot.png")
        let screenshot = try Self.run(executable, ["--screenshot=\(shot.path)", "--window-size=1280,2000", url])
        #expect(screenshot.status == 0, "\(screenshot.stderr)")
        let png = try Data(contentsOf: shot)
        #expect(png.count > 20_000, "screenshot is only \(png.count) bytes")
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width and height, big-endian, at bytes 16–23.
        let bytes = Array(png)
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1280 && height == 2000, "screenshot is \(width)×\(height)")
    }

    // MARK: legibility at the page's first view

    /// Appended before `</body>` of a copy of the report: after load it measures the rendered
    /// height of every non-empty `text` element inside the Graphviz pictures and the charts, then
    /// drives the first picture's controls (full size, zoom in, Escape), and writes it all as JSON
    /// into `<pre id="measure">`.
    static let measuringScript = """
        <script>
        window.addEventListener("load", function () {
          function measure(selector) {
            var heights = [];
            document.querySelectorAll(selector).forEach(function (t) {
              if (t.textContent.trim()) { heights.push(t.getBoundingClientRect().height); }
            });
            heights.sort(function (a, b) { return a - b; });
            return { count: heights.length, legible: heights.filter(function (h) { return h >= 8; }).length,
              median: heights.length ? heights[Math.floor(heights.length / 2)] : 0 };
          }
          var out = { graphviz: measure("svg.graphviz text"), chart: measure("svg.chart text") };
          var frame = document.querySelector(".gv");
          if (frame) {
            var port = frame.querySelector(".gv-viewport"), svg = frame.querySelector("svg.graphviz");
            function state() {
              return { fixed: getComputedStyle(frame).position === "fixed", scale: parseFloat(frame.dataset.scale),
                port: port.getBoundingClientRect().width, portHeight: port.getBoundingClientRect().height,
                svg: svg.getBoundingClientRect().width, pageScrolls: getComputedStyle(document.documentElement).overflow };
            }
            out.before = state();
            frame.querySelector(".gv-full-button").click();
            out.full = state();
            frame.querySelector("button[aria-label='Zoom in']").click();
            out.zoomed = state();
            document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
            out.closed = state();
          }
          var pre = document.createElement("pre");
          pre.id = "measure";
          pre.textContent = JSON.stringify(out);
          document.body.appendChild(pre);
        });
        </script>
        """

    struct Measure: Decodable {
        struct Texts: Decodable {
            var count: Int
            var legible: Int
            var median: Double
            var share: Double { count == 0 ? 0 : Double(legible) / Double(count) }
        }
        struct State: Decodable {
            var fixed: Bool
            var scale: Double
            var port: Double
            var portHeight: Double
            var svg: Double
        }
        var graphviz: Texts
        var chart: Texts
        var before: State?
        var full: State?
        var zoomed: State?
        var closed: State?
        var all: Double { Double(graphviz.legible + chart.legible) / Double(max(1, graphviz.count + chart.count)) }
    }

    /// The demo report with the measuring script, opened at `width` × 2000 px.
    static func measure(width: Int) throws -> Measure {
        let executable = try #require(
            Self.chromium, "chromium is not on PATH: install Debian's package chromium (.ci/run does)")
        let demo = try Fixtures.demo.get()
        let page = demo.folder.appendingPathComponent("measure-\(width).html")
        let html = try #require(demo.html.range(of: "</body>", options: .backwards))
        try demo.html.replacingCharacters(in: html, with: Self.measuringScript + "</body>").write(
            to: page, atomically: true, encoding: .utf8)
        let dom = try Self.run(
            executable,
            [
                "--dump-dom", "--virtual-time-budget=5000", "--window-size=\(width),2000",
                page.absoluteURL.absoluteString,
            ])
        #expect(dom.status == 0, "\(dom.stderr)")
        let start = try #require(dom.stdout.range(of: "<pre id=\"measure\">"), "no measurement in the DOM")
        let end = try #require(dom.stdout[start.upperBound...].range(of: "</pre>"))
        let json = String(dom.stdout[start.upperBound..<end.lowerBound])
        return try JSONDecoder().decode(Measure.self, from: Data(json.utf8))
    }

    /// At 1280 and 1920 px, at least 80% of the pictures' text (Graphviz and charts) renders at
    /// least 8 px high as the page opens, in each kind of picture.
    @Test(arguments: [1280, 1920]) func pictureTextIsLegibleAsThePageOpens(width: Int) throws {
        let m = try Self.measure(width: width)
        print(
            "picture text at \(width) px: Graphviz \(m.graphviz.legible)/\(m.graphviz.count) ≥ 8 px (median \(m.graphviz.median)), charts \(m.chart.legible)/\(m.chart.count) (median \(m.chart.median)), all \(m.all)"
        )
        #expect(m.graphviz.count > 50 && m.chart.count > 50)
        #expect(m.all >= 0.8, "only \(Int(m.all * 100))% of the picture text renders at 8 px or more at \(width) px")
        #expect(m.graphviz.share >= 0.8, "Graphviz: \(m.graphviz.legible) of \(m.graphviz.count) at 8 px or more")
        #expect(m.chart.share >= 0.8, "charts: \(m.chart.legible) of \(m.chart.count) at 8 px or more")
    }

    /// The first picture's controls: "Full size" shows it fixed over the window in a larger
    /// viewport, "+" zooms in, Escape returns it to the page.
    @Test func fullSizeAndZoomWork() throws {
        let m = try Self.measure(width: 1280)
        let before = try #require(m.before, "no picture viewer on the page")
        let full = try #require(m.full)
        let zoomed = try #require(m.zoomed)
        let closed = try #require(m.closed)
        #expect(!before.fixed)
        #expect(full.fixed, "the full-size view is not shown")
        #expect(full.port > before.port && full.portHeight >= before.portHeight)
        #expect(full.svg >= before.svg)
        #expect(zoomed.scale > full.scale * 1.2 && zoomed.svg > full.svg * 1.2)
        #expect(!closed.fixed)
        #expect(abs(closed.scale - zoomed.scale) < 0.001)
    }

    // MARK: print to PDF

    /// An executable on PATH.
    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// "Print to PDF" once: the PDF has every section, the folded what-if details and the
    /// pictures' text (pdftotext, of Debian's poppler-utils, reads it back).
    @Test func printToPDFHasEverySection() throws {
        let executable = try #require(
            Self.chromium, "chromium is not on PATH: install Debian's package chromium (scripts/bootstrap does)")
        let pdftotext = try #require(
            Self.onPath("pdftotext"),
            "pdftotext is not on PATH: install Debian's package poppler-utils (apt-get install -y poppler-utils; scripts/bootstrap and .ci/run do)"
        )
        let demo = try Fixtures.demo.get()
        let pdf = demo.folder.appendingPathComponent("report.pdf")
        let print = try Self.run(
            executable,
            [
                "--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", "--virtual-time-budget=5000",
                demo.folder.appendingPathComponent("index.html").absoluteURL.absoluteString,
            ])
        #expect(print.status == 0, "\(print.stderr)")
        let bytes = try Data(contentsOf: pdf)
        #expect(bytes.starts(with: Data("%PDF-".utf8)))
        let text = demo.folder.appendingPathComponent("report.txt")
        let extract = try Self.run(pdftotext, ["-layout", pdf.path, text.path], chromiumFlags: false)
        #expect(extract.status == 0, "\(extract.stderr)")
        // Words as pdftotext lays them out: compare with runs of white space made one space.
        func words(_ s: String) -> String {
            s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let raw = try String(contentsOf: text, encoding: .utf8)
        let content = words(raw)
        // The section titles as the page has them (HTMLReport.sections()).
        let titles = demo.html.components(separatedBy: "<section id=\"").dropFirst().compactMap { part in
            part.range(of: "<h2>").flatMap { open in
                part.range(of: "</h2>").map { close in
                    String(part[open.upperBound..<close.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
                }
            }
        }
        #expect(titles.count == HTMLReport.sectionIDs.count)
        #expect(titles.contains("What-if comparison"))
        for title in titles {
            #expect(content.contains(words(title)), "section \(title) is missing from the PDF")
        }
        // The folded what-if table and path list are printed (Chromium's headless printing fires
        // no beforeprint: this is the print style sheet's doing).
        #expect(content.contains("TTC p50 base → variant"), "the folded per-asset table is not printed")
        let list = try #require(demo.html.range(of: "<li>− ") ?? demo.html.range(of: "<li>+ "))
        let item = demo.html[list.lowerBound...].dropFirst(4).prefix(while: { $0 != "<" }).prefix(40)
        #expect(content.contains(words(String(item))), "the folded path list is not printed: no \(item)")
        // The pictures' text is in the PDF (Graphviz writes it as text) and the controls are not.
        #expect(content.contains("Full size") == false, "the picture controls are printed")
        #expect(content.contains("Riverside"))
        // One section per page at least: pdftotext ends every page with a form feed.
        let pages = raw.filter { $0 == "\u{0C}" }.count
        #expect(pages >= titles.count, "\(pages) pages for \(titles.count) sections")
    }
}
