import ArgumentParser
import Foundation
import ZoneLabModel
import ZoneLabSource

/// Exit statuses of SPEC section 6.
enum ExitStatus {
    static let badInput = ExitCode(65)
    /// An input file cannot be read (missing, a directory, permission denied).
    static let cannotRead = ExitCode(66)
    /// An output file cannot be written: `zonelab: cannot write PATH: reason`, one line.
    static let cannotWrite = ExitCode(73)
    static let checkFailed = ExitCode(3)
}

/// Writes text to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs `body`; bad input is printed as `FILE:LINE:COLUMN: error: …` and exits 65, or 66 when an
/// input file cannot be read at all (missing, a directory, permission denied).
func withInputErrors<T>(_ body: () throws(DiagnosticError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        printError(error.description)
        throw error.unreadable ? ExitStatus.cannotRead : ExitStatus.badInput
    }
}

/// Runs `body`; an output that cannot be written is printed as one line
/// `zonelab: cannot write PATH: reason` and exits 73.
func withOutputErrors<T>(_ body: () throws(OutputError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        printError("zonelab: \(error.description)")
        throw ExitStatus.cannotWrite
    }
}

/// Loads a scenario, printing its warnings; errors exit 65.
func loadScenario(_ path: String) throws -> LoadedScenario {
    let loaded = try withInputErrors { () throws(DiagnosticError) in try ScenarioLoader.load(path: path) }
    for warning in loaded.warnings { printError(warning.description) }
    return loaded
}

/// Loads a `--calibration` file, printing its warnings; errors exit 65.
func loadCalibration(_ path: String?) throws -> CalibrationOverride? {
    guard let path else { return nil }
    let loaded = try withInputErrors { () throws(DiagnosticError) in try CalibrationLoader.load(path: path) }
    for warning in loaded.warnings { printError(warning.description) }
    return loaded.override
}
