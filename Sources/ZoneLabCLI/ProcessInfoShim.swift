import Foundation

enum ProcessInfoShim {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var arguments: [String] { ProcessInfo.processInfo.arguments }
}

/// Writes `text` to `path` atomically (a temporary file renamed into place), creating folders.
func writeAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
}

/// Whether standard error is a terminal (for the progress bar).
var standardErrorIsTerminal: Bool { isatty(2) == 1 }
