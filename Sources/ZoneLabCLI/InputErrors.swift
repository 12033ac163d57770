import ArgumentParser
import Foundation
import ZoneLabModel
import ZoneLabSource

/// Exit statuses of SPEC section 6.
enum ExitStatus {
    static let badInput = ExitCode(65)
    static let checkFailed = ExitCode(3)
}

/// Writes text to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs `body`; bad input is printed as `FILE:LINE:COLUMN: error: …` and exits 65.
func withInputErrors<T>(_ body: () throws(DiagnosticError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        printError(error.description)
        throw ExitStatus.badInput
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
