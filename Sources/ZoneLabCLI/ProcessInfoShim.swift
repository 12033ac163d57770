import Foundation
import ZoneLabSource

enum ProcessInfoShim {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var arguments: [String] { ProcessInfo.processInfo.arguments }
}

/// Writes `text` to `path` atomically (a temporary file renamed into place); its folder must exist
/// unless `createFolders`. A failure prints `zonelab: cannot write PATH: reason` and exits 73.
func writeAtomically(_ text: String, to path: String, createFolders: Bool = false) throws {
    try writeAtomically(Data(text.utf8), to: path, createFolders: createFolders)
}

/// Writes `data` to `path` atomically; see `writeAtomically(_:to:createFolders:)`.
func writeAtomically(_ data: Data, to path: String, createFolders: Bool = false) throws {
    try withOutputErrors { () throws(OutputError) in try OutputFile.write(data, to: path, createFolders: createFolders)
    }
}

/// Checks, before any work, that every given output file can be written (exit 73 when one cannot),
/// so that a command with several outputs writes all of them or none.
func checkOutputs(_ paths: String?..., createFolders: Bool = false) throws {
    for path in paths.compactMap({ $0 }) where path != "-" {
        try withOutputErrors { () throws(OutputError) in try OutputFile.check(path, createFolders: createFolders) }
    }
}

/// Whether standard error is a terminal (for the progress bar).
var standardErrorIsTerminal: Bool { isatty(2) == 1 }
