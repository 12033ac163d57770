import Foundation
import ZoneLabIEC62443
import ZoneLabSource

/// Writes a report folder: `index.html` and the main run's `results.json` beside it.
public enum ReportWriter {
    public struct Written: Sendable {
        public var index: String
        public var results: String
    }

    /// Writes both files atomically into `folder` (created when missing).
    public static func write(_ content: ReportContent, to folder: String) throws -> Written {
        let dir = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let index = dir.appendingPathComponent("index.html")
        let results = dir.appendingPathComponent("results.json")
        try Data((content.results.json().serialized() + "\n").utf8).write(to: results, options: .atomic)
        try Data(HTMLReport(content).render().utf8).write(to: index, options: .atomic)
        return Written(index: index.path, results: results.path)
    }
}
