import CYaml
import Foundation

/// Parses YAML (and JSON, which libyaml reads as flow YAML) into `DocumentNode`s with positions.
///
/// We drive libyaml's event parser ourselves rather than Yams' composer because we need what
/// the composer does not give: every duplicate key reported (at the repeated key, not the first),
/// a bound on alias expansion ("billion laughs") and on document size, and no recursion, so a
/// hostile file cannot exhaust the stack. libyaml itself caps nesting at 1,000 levels.
public enum DocumentParser {
    /// Largest file we read: scenario and graph files of 100-site plants stay far below it.
    public static let maximumFileBytes = 64 << 20
    /// Largest number of nodes a document may expand to, aliases counted at every use.
    public static let maximumNodes = 4_000_000

    /// Reads and parses a file; `displayName` is how diagnostics name it.
    public static func parse(
        contentsOf path: String, displayName: String? = nil
    ) throws(DiagnosticError) -> DocumentNode {
        let name = displayName ?? path
        var diagnostics = Diagnostics(file: name)
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.error("no such file", at: .start)
            throw DiagnosticError(diagnostics.errors)
        }
        guard !isDirectory.boolValue else {
            diagnostics.error("is a directory, not a file", at: .start)
            throw DiagnosticError(diagnostics.errors)
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            size > maximumFileBytes
        {
            diagnostics.error(
                "file is \(size >> 20) MiB; ZoneLab reads files of at most \(maximumFileBytes >> 20) MiB",
                at: .start)
            throw DiagnosticError(diagnostics.errors)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            diagnostics.error("cannot read the file: \(error.localizedDescription)", at: .start)
            throw DiagnosticError(diagnostics.errors)
        }
        return try parse(data, file: name)
    }

    /// Parses bytes that claim to be UTF-8 YAML or JSON.
    public static func parse(_ data: Data, file: String) throws(DiagnosticError) -> DocumentNode {
        var diagnostics = Diagnostics(file: file)
        guard data.count <= maximumFileBytes else {
            diagnostics.error("input is larger than \(maximumFileBytes >> 20) MiB", at: .start)
            throw DiagnosticError(diagnostics.errors)
        }
        if let problem = binaryProblem(in: data) {
            diagnostics.error(problem.message, at: problem.location)
            throw DiagnosticError(diagnostics.errors)
        }
        let onlyBlank = data.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if onlyBlank {
            diagnostics.error("the file is empty", at: .start)
            throw DiagnosticError(diagnostics.errors)
        }
        var composer = Composer(diagnostics: diagnostics)
        let root = data.withUnsafeBytes { composer.run($0) }
        try composer.diagnostics.throwIfErrors()
        guard let root else {
            var d = composer.diagnostics
            d.error("the file has no content (only comments)", at: .start)
            throw DiagnosticError(d.errors)
        }
        return root
    }

    /// Finds NUL bytes, other control characters and invalid UTF-8: signs of a binary file.
    static func binaryProblem(in data: Data) -> (message: String, location: SourceLocation)? {
        var line = 1
        var lineStart = 0
        for (offset, byte) in data.enumerated() {
            if byte == 0x0A {
                line += 1
                lineStart = offset + 1
            } else if byte == 0 || (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
                let column = offset - lineStart + 1
                return (
                    "not a text file: control byte 0x\(String(byte, radix: 16, uppercase: true)) at byte \(offset) (is it binary?)",
                    SourceLocation(line: line, column: column)
                )
            }
            if offset > (1 << 20) { break }  // the UTF-8 check below covers the rest
        }
        if String(validating: data, as: UTF8.self) == nil {
            // Locate the first invalid sequence for the message.
            var line = 1
            var start = 0
            var index = data.startIndex
            while index < data.endIndex {
                let slice = data[index...].prefix(4)
                let byte = slice.first!
                let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
                let valid = length > 0 && slice.count >= length
                    && String(validating: data[index..<(index + length)], as: UTF8.self) != nil
                if !valid {
                    return (
                        "not a UTF-8 text file: invalid byte 0x\(String(byte, radix: 16, uppercase: true)) at byte \(index - data.startIndex)",
                        SourceLocation(line: line, column: index - start + 1)
                    )
                }
                if byte == 0x0A {
                    line += 1
                    start = index + 1
                }
                index += length
            }
        }
        return nil
    }
}
