import Foundation

/// Reads JSON exactly as RFC 8259 defines it into `DocumentNode`s with positions, for the files
/// ZoneLab writes and reads back as JSON (attack graphs, results and shards).
///
/// `DocumentParser` reads JSON as flow YAML, which accepts what JSON does not: trailing commas,
/// single quotes, comments, unquoted keys, `.5`, `0x1F`. This reader refuses each of those with
/// its own message at its line and column, and otherwise builds the same tree the YAML path
/// builds for the same JSON: strings are quoted scalars (`isPlain == false`, so `"1"` is not a
/// number), numbers, `true`, `false` and `null` are plain scalars with their text as written.
/// Duplicate keys are reported at the repeated key, like the YAML path's, and leave the tree usable.
///
/// It works on the UTF-8 bytes in one pass, without recursion, and pays for positions only where
/// it must: a node's line and column come from a running line count kept while skipping
/// whitespace; the column of an error is counted from the start of its line when it happens.
public enum StrictJSON {
    /// Reads and parses a JSON file (size limit and missing-file errors as `DocumentParser.read`);
    /// `displayName` is how diagnostics name it.
    public static func parse(contentsOf path: String, displayName: String? = nil) throws(DiagnosticError)
        -> DocumentNode
    {
        try parse(try DocumentParser.read(contentsOf: path, displayName: displayName), file: displayName ?? path)
    }

    /// Parses JSON bytes; throws every problem found as `FILE:LINE:COLUMN` diagnostics.
    public static func parse(_ data: Data, file: String) throws(DiagnosticError) -> DocumentNode {
        try DocumentParser.parsing(data, file: file, with: parse(_:into:))
    }

    /// Parses JSON bytes, adding every problem to `diagnostics`.
    ///
    /// Returns the tree when the JSON could be read to its end, even with duplicate keys (the
    /// repeated key is dropped), so that a loader can go on and report the file's other problems;
    /// returns nil after a syntax error, for an empty file and for a binary one.
    public static func parse(_ data: Data, into diagnostics: inout Diagnostics) -> DocumentNode? {
        guard DocumentParser.fitsSizeLimit(data, &diagnostics) else { return nil }
        let outcome = data.withUnsafeBytes { raw in
            var reader = JSONReader(raw.assumingMemoryBound(to: UInt8.self))
            return reader.run()
        }
        for duplicate in outcome.duplicates {
            diagnostics.error(duplicate.message, at: duplicate.location)
        }
        guard let failure = outcome.failure else { return outcome.root }
        if failure.mayBeBinary, let problem = DocumentParser.binaryProblem(in: data) {
            // Garbage where JSON was expected: say that the file is not text, as for YAML.
            diagnostics.error(problem.message, at: problem.location)
        } else {
            diagnostics.error(failure.message, at: failure.location)
        }
        return nil
    }
}
