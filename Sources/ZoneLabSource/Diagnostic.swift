/// One problem found in an input file, printed as `FILE:LINE:COLUMN: error: MESSAGE`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// The file as the user named it.
    public var file: String
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, file: String, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
    }

    /// One line, whatever the message quotes from the file: line breaks, tabs and other control
    /// characters in it are written as escapes (`\n`, `\t`, `\u{1B}`).
    public var description: String {
        "\(file):\(location.line):\(location.column): \(severity.rawValue): \(Self.oneLine(message))"
    }

    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.properties.generalCategory == .control {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}

/// Every problem found in one input, thrown together so the user sees them all in one run.
public struct DiagnosticError: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// Whether an input file could not be read at all (missing, a directory, permission denied):
    /// the command line exits 66 for it, not 65 (bad content).
    public var unreadable: Bool

    public init(_ diagnostics: [Diagnostic], unreadable: Bool = false) {
        self.diagnostics = diagnostics
        self.unreadable = unreadable
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects the diagnostics of one file, in the order found, and sorts them for printing.
public struct Diagnostics: Sendable {
    public let file: String
    public private(set) var all: [Diagnostic] = []

    public init(file: String) {
        self.file = file
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    public mutating func error(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.error, file: location.file ?? file, at: location, message))
    }

    public mutating func warning(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.warning, file: location.file ?? file, at: location, message))
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    /// Diagnostics by position, each distinct message once.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.enumerated()
            .sorted {
                ($0.element.file, $0.element.location.line, $0.element.location.column, $0.offset)
                    < ($1.element.file, $1.element.location.line, $1.element.location.column, $1.offset)
            }
            .map(\.element)
            .filter { seen.insert($0).inserted }
    }

    /// Throws the errors, if any, as one `DiagnosticError`.
    public func throwIfErrors() throws(DiagnosticError) {
        if hasErrors { throw DiagnosticError(sorted.filter { $0.severity == .error }) }
    }
}
