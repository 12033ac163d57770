import Foundation
import ZoneLabIEC62443
import ZoneLabSource

/// Writes a report folder: `index.html` and the main run's `results.json` beside it.
public enum ReportWriter {
    public struct Written: Sendable {
        public var index: String
        public var results: String
    }

    /// Writes both files into `folder`, all or nothing: each to a temporary file first, renamed
    /// into place when both are written. The folder is made when missing; its parent must exist
    /// unless `createFolders`. An `OutputError` says in plain words why it cannot be written.
    public static func write(_ content: ReportContent, to folder: String, createFolders: Bool = true)
        throws(OutputError) -> Written
    {
        let results = Data((content.results.json().serialized() + "\n").utf8)
        let index = Data(HTMLReport(content).render().utf8)
        try OutputFile.writeFolder(
            [("results.json", results), ("index.html", index)], to: folder, createFolders: createFolders)
        let dir = URL(fileURLWithPath: folder)
        return Written(
            index: dir.appendingPathComponent("index.html").path,
            results: dir.appendingPathComponent("results.json").path)
    }
}
