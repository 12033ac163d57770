import Crypto
import Foundation
import ZoneLabSource

/// A scenario read from a file, with what the outputs must record about it.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    /// Non-fatal findings, e.g. a calibration that is not monotone.
    public var warnings: [Diagnostic]
    /// The file as the user named it.
    public var file: String
}

/// Reads scenario files (SPEC section 2), reporting every problem with its line and column.
public enum ScenarioLoader {
    /// Loads and validates the scenario at `path`.
    public static func load(path: String) throws(DiagnosticError) -> LoadedScenario {
        try load(data: try DocumentParser.read(contentsOf: path), file: path)
    }

    /// Loads and validates a scenario from bytes; `file` names it in diagnostics.
    public static func load(data: Data, file: String) throws(DiagnosticError) -> LoadedScenario {
        var reader = ScenarioReader(file: file)
        // Problems that leave the tree usable (duplicate keys) are reported with all the others.
        guard let root = DocumentParser.parse(data, into: &reader.diagnostics) else {
            try reader.diagnostics.throwIfErrors()
            throw DiagnosticError([Diagnostic(.error, file: file, at: .start, "the file is empty")])
        }
        let scenario = reader.read(root)
        try reader.diagnostics.throwIfErrors()
        guard let scenario else {
            throw DiagnosticError([Diagnostic(.error, file: file, at: root.location, "not a valid scenario")])
        }
        return LoadedScenario(
            scenario: scenario, sha256: sha256Hex(data), warnings: reader.diagnostics.warnings, file: file)
    }

    /// Lower-case hex SHA-256 of `data`.
    public static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

/// Reads `--calibration FILE`: the keys of a scenario's `calibration:` at the top level.
public enum CalibrationLoader {
    public static func load(path: String) throws(DiagnosticError) -> (
        override: CalibrationOverride, warnings: [Diagnostic]
    ) {
        try load(data: try DocumentParser.read(contentsOf: path), file: path)
    }

    /// Reads a calibration file's bytes; `file` names it in diagnostics.
    public static func load(data: Data, file: String) throws(DiagnosticError) -> (
        override: CalibrationOverride, warnings: [Diagnostic]
    ) {
        var reader = ScenarioReader(file: file)
        guard let root = DocumentParser.parse(data, into: &reader.diagnostics) else {
            try reader.diagnostics.throwIfErrors()
            throw DiagnosticError([Diagnostic(.error, file: file, at: .start, "the file is empty")])
        }
        let override = reader.calibration(root, "the calibration file")
        try reader.diagnostics.throwIfErrors()
        reader.warnIfNotMonotone(Calibration.standard.applying(override ?? .init()), otherwise: root.location)
        return (override ?? .init(), reader.diagnostics.warnings)
    }
}
