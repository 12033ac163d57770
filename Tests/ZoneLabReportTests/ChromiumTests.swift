import Foundation
import Testing
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

    /// Runs chromium headless with `arguments`, killed after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> Run {
        let files = try TemporaryFiles("chromium")
        defer { files.cleanUp() }
        let profile = files.url("profile")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=\(profile.path)", "--hide-scrollbars",
            ] + arguments
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
            throw ReportFailure(description: "chromium did not finish within \(Int(timeout)) s")
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
}
