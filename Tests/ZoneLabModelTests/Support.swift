import Foundation
import Testing
import ZoneLabModel
import ZoneLabSource

/// How diagnostics name the inline inputs of these tests.
let testFile = "test.yaml"

/// A small valid scenario that the tests edit or extend. Its lines:
///
///     1  zonelab: 1
///     2  name: Test Plant
///     3  entry: [internet]
///     4  zones:
///     5    - id: internet
///     6    - id: control
///     7  assets:
///     8    - id: plc1
///     9      zone: control
///    10      critical: true
///
/// Text appended to it starts on line 11 and continues the `assets:` list when indented.
let minimalScenario = """
    zonelab: 1
    name: Test Plant
    entry: [internet]
    zones:
      - id: internet
      - id: control
    assets:
      - id: plc1
        zone: control
        critical: true

    """

/// A plant with three zones and an asset in each, for channel tests. Its lines:
///
///     1  zonelab: 1
///     2  name: Channels
///     3  entry: [it]
///     4  zones:
///     5    - id: it
///     6    - id: dmz
///     7    - id: ot
///     8  assets:
///     9    - id: hist
///    10      zone: dmz
///    11    - id: erp
///    12      zone: it
///    13    - id: plc
///    14      zone: ot
///    15      critical: true
///    16  conduits:
///    17    - id: it-dmz
///    18      zones: [it, dmz]
///
/// Text appended to it starts on line 19 and continues the conduit `it-dmz` when indented by 4.
let channelScenario = """
    zonelab: 1
    name: Channels
    entry: [it]
    zones:
      - id: it
      - id: dmz
      - id: ot
    assets:
      - id: hist
        zone: dmz
      - id: erp
        zone: it
      - id: plc
        zone: ot
        critical: true
    conduits:
      - id: it-dmz
        zones: [it, dmz]

    """

/// `text` with `old` (which must occur exactly once) replaced by `new`.
func edit(_ text: String, _ old: String, _ new: String) -> String {
    precondition(text.components(separatedBy: old).count == 2, "'\(old)' must occur once in the fixture")
    return text.replacingOccurrences(of: old, with: new)
}

/// Loads an inline scenario.
func loadScenario(_ yaml: String) throws(DiagnosticError) -> LoadedScenario {
    try ScenarioLoader.load(data: Data(yaml.utf8), file: testFile)
}

/// The diagnostics thrown for `yaml`, or none when it loads.
func errors(in yaml: String) -> [Diagnostic] {
    do {
        _ = try loadScenario(yaml)
        return []
    } catch {
        return error.diagnostics
    }
}

/// The diagnostics for bytes, or none when they load.
func errors(in data: Data) -> [Diagnostic] {
    do {
        _ = try ScenarioLoader.load(data: data, file: testFile)
        return []
    } catch {
        return error.diagnostics
    }
}

func listing(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.isEmpty ? "(no diagnostics)" : diagnostics.map(\.description).joined(separator: "\n")
}

/// Expects an error at `line`:`column` whose message contains every fragment; returns all errors.
@discardableResult
func expectError(
    _ diagnostics: [Diagnostic], _ line: Int, _ column: Int, _ fragments: [String],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [Diagnostic] {
    let match = diagnostics.first { d in
        d.location == ZoneLabSource.SourceLocation(line: line, column: column)
            && fragments.allSatisfy { d.message.contains($0) }
    }
    #expect(
        match != nil,
        "expected an error at \(line):\(column) containing \(fragments); got:\n\(listing(diagnostics))",
        sourceLocation: sourceLocation)
    #expect(
        diagnostics.allSatisfy { $0.file == testFile && $0.severity == .error },
        "every diagnostic names the file and is an error:\n\(listing(diagnostics))",
        sourceLocation: sourceLocation)
    return diagnostics
}

/// Expects an error at `line`:`column` whose message contains `fragment`; returns all errors.
@discardableResult
func expectError(
    in yaml: String, _ line: Int, _ column: Int, _ fragment: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [Diagnostic] {
    expectError(errors(in: yaml), line, column, [fragment], sourceLocation: sourceLocation)
}

/// Expects exactly one error, at `line`:`column`, whose message contains `fragment`.
func expectSingleError(
    in yaml: String, _ line: Int, _ column: Int, _ fragment: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let all = expectError(in: yaml, line, column, fragment, sourceLocation: sourceLocation)
    #expect(all.count == 1, "expected exactly one error; got:\n\(listing(all))", sourceLocation: sourceLocation)
}

/// One input that must fail with one error at a known position.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    var label: String
    var yaml: String
    var line: Int
    var column: Int
    var fragment: String

    init(_ label: String, _ yaml: String, _ line: Int, _ column: Int, _ fragment: String) {
        self.label = label
        self.yaml = yaml
        self.line = line
        self.column = column
        self.fragment = fragment
    }

    var testDescription: String { label }
}
