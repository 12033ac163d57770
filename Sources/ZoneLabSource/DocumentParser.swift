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
    /// Deepest nesting of lists and mappings: libyaml's own limit (`yaml_set_max_nest_level`).
    public static let maximumDepth = 1_000

    /// Reads and parses a file; `displayName` is how diagnostics name it.
    public static func parse(
        contentsOf path: String, displayName: String? = nil
    ) throws(DiagnosticError) -> DocumentNode {
        try parse(try read(contentsOf: path, displayName: displayName), file: displayName ?? path)
    }

    /// Reads a file's bytes, with clear errors for a missing file, a folder or an oversized file.
    public static func read(contentsOf path: String, displayName: String? = nil) throws(DiagnosticError) -> Data {
        let name = displayName ?? path
        var diagnostics = Diagnostics(file: name)
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.error("no such file", at: .start)
            throw DiagnosticError(diagnostics.errors, unreadable: true)
        }
        guard !isDirectory.boolValue else {
            diagnostics.error("is a directory, not a file", at: .start)
            throw DiagnosticError(diagnostics.errors, unreadable: true)
        }
        // Attributes of the file itself, not of a symbolic link to it.
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            diagnostics.error("is not a regular file (a device, pipe or socket?)", at: .start)
            throw DiagnosticError(diagnostics.errors, unreadable: true)
        }
        if let size = attributes?[.size] as? Int, size > maximumFileBytes {
            diagnostics.error(
                "file is \(mebibytes(size)) MiB; ZoneLab reads files of at most \(maximumFileBytes >> 20) MiB",
                at: .start)
            throw DiagnosticError(diagnostics.errors)
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            diagnostics.error("cannot read the file: permission denied", at: .start)
            throw DiagnosticError(diagnostics.errors, unreadable: true)
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            // Never more than the limit, whatever the size said (a file may grow while read).
            data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
        } catch {
            // Not Foundation's description of the error: it names classes and domains, not the problem.
            diagnostics.error("cannot read the file", at: .start)
            throw DiagnosticError(diagnostics.errors, unreadable: true)
        }
        guard data.count <= maximumFileBytes else {
            diagnostics.error("file is larger than \(maximumFileBytes >> 20) MiB, the most ZoneLab reads", at: .start)
            throw DiagnosticError(diagnostics.errors)
        }
        return data
    }

    /// Parses bytes that claim to be UTF-8 YAML or JSON.
    public static func parse(_ data: Data, file: String) throws(DiagnosticError) -> DocumentNode {
        try parsing(data, file: file, with: parse(_:into:))
    }

    /// Runs a parser that collects diagnostics and throws them; an empty document is an error.
    static func parsing(
        _ data: Data, file: String, with parser: (Data, inout Diagnostics) -> DocumentNode?
    ) throws(DiagnosticError) -> DocumentNode {
        var diagnostics = Diagnostics(file: file)
        let root = parser(data, &diagnostics)
        try diagnostics.throwIfErrors()
        guard let root else { throw DiagnosticError([Diagnostic(.error, file: file, at: .start, "the file is empty")]) }
        return root
    }

    /// Whether `data` is within the size ZoneLab reads; else an error in `diagnostics`.
    static func fitsSizeLimit(_ data: Data, _ diagnostics: inout Diagnostics) -> Bool {
        guard data.count > maximumFileBytes else { return true }
        diagnostics.error(
            "input is \(mebibytes(data.count)) MiB; ZoneLab reads files of at most \(maximumFileBytes >> 20) MiB",
            at: .start)
        return false
    }

    /// Parses bytes into a tree, adding every problem to `diagnostics`.
    ///
    /// Returns the tree whenever the YAML could be read to its end, even with errors that leave the
    /// tree usable (a duplicate key is dropped, a key that is a list or mapping is ignored), so that
    /// a loader can go on and report the file's other problems in the same run. Returns nil when
    /// nothing usable was read (empty, binary, a syntax error, ...).
    public static func parse(_ data: Data, into diagnostics: inout Diagnostics) -> DocumentNode? {
        guard fitsSizeLimit(data, &diagnostics) else { return nil }
        if let problem = binaryProblem(in: data) {
            diagnostics.error(problem.message, at: problem.location)
            return nil
        }
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]  // a UTF-8 byte order mark
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            diagnostics.error("the file is empty", at: .start)
            return nil
        }
        var composer = Composer(diagnostics: diagnostics)
        // libyaml skips a byte order mark but then counts it as a column of the first line, which
        // breaks the indentation of a block mapping that starts there: leave it out.
        let root = body.withUnsafeBytes { composer.run($0) }
        diagnostics = composer.diagnostics
        guard !composer.failed else { return nil }
        guard let root else {
            diagnostics.error("the file has no content (only comments)", at: .start)
            return nil
        }
        return root
    }

    /// Finds NUL bytes, other control characters and invalid UTF-8: signs of a binary file.
    /// Columns count Unicode scalars, as libyaml's and editors' do.
    static func binaryProblem(in data: Data) -> (message: String, location: SourceLocation)? {
        var line = 1
        var column = 1
        for (offset, byte) in data.prefix(1 << 20).enumerated() {  // the UTF-8 check below covers the rest
            if byte == 0x0A {
                line += 1
                column = 1
                continue
            }
            if byte == 0 || (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
                return (
                    "not a text file: control byte \(hex(byte)) at byte \(offset) (is it binary?)",
                    SourceLocation(line: line, column: column)
                )
            }
            if byte & 0xC0 != 0x80 { column += 1 }  // not a UTF-8 continuation byte
        }
        guard String(validating: data, as: UTF8.self) == nil else { return nil }
        // Locate the first invalid sequence for the message.
        line = 1
        column = 1
        var offset = 0
        var bytes = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                if encoded.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                offset += encoded.count
            case .error:
                return (
                    "not a UTF-8 text file: invalid byte \(hex(data[data.startIndex + offset])) at byte \(offset) (is it binary, or in another encoding?)",
                    SourceLocation(line: line, column: column)
                )
            case .emptyInput:
                return nil
            }
        }
    }

    /// A size in MiB, rounded up so that a size over the limit never reads as the limit.
    private static func mebibytes(_ bytes: Int) -> Int { (bytes + (1 << 20) - 1) >> 20 }

    private static func hex(_ byte: UInt8) -> String {
        "0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }
}
