import Foundation

/// One field of a CSV file: its text (quotes removed, doubled quotes undone) and where it starts.
public struct CSVField: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// One record of a CSV file: its fields and where it starts.
public struct CSVRecord: Sendable, Hashable {
    public var fields: [CSVField]
    public var location: SourceLocation
    /// Where the record ends (just after its last field), for "too few fields".
    public var end: SourceLocation
}

/// Reads CSV as RFC 4180 defines it: fields separated by commas, records by CRLF or LF (CR alone
/// too); a field in double quotes may hold commas, line breaks and doubled quotes (`""` is `"`).
/// A byte order mark at the start is skipped; a line break at the end of the file ends the last
/// record; blank lines (no field at all) are skipped. Columns count Unicode scalars, as editors do.
///
/// Problems (a quote that is never closed, a quote in the middle of an unquoted field, text after
/// a closing quote, bytes that are not UTF-8) are reported as `FILE:LINE:COLUMN` diagnostics.
public enum CSVReader {
    /// Reads the records of a file; every problem found is thrown together.
    public static func read(contentsOf path: String, displayName: String? = nil) throws(DiagnosticError)
        -> [CSVRecord]
    {
        let data = try DocumentParser.read(contentsOf: path, displayName: displayName)
        var diagnostics = Diagnostics(file: displayName ?? path)
        let records = parse(data, into: &diagnostics)
        try diagnostics.throwIfErrors()
        return records
    }

    /// Parses CSV bytes, adding every problem to `diagnostics`; the records read so far are returned.
    public static func parse(_ data: Data, into diagnostics: inout Diagnostics) -> [CSVRecord] {
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error("the file is not UTF-8 text (is it a spreadsheet, not a CSV export?)", at: .start)
            return []
        }
        return parse(text, into: &diagnostics)
    }

    /// Parses CSV text, adding every problem to `diagnostics`.
    public static func parse(_ text: String, into diagnostics: inout Diagnostics) -> [CSVRecord] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [CSVRecord] = []
        var line = 1
        var column = 1
        var i = 0
        let count = scalars.count
        func advance() {
            if scalars[i] == "\n" || (scalars[i] == "\r" && (i + 1 >= count || scalars[i + 1] != "\n")) {
                line += 1
                column = 1
            } else if scalars[i] != "\r" {
                column += 1
            }
            i += 1
        }
        func here() -> SourceLocation { SourceLocation(line: line, column: column) }

        while i < count {
            // One record.
            let start = here()
            var fields: [CSVField] = []
            var endOfRecord = false
            if scalars[i] == "\n" || scalars[i] == "\r" {
                // A blank line: no record.
                advance()
                if i < count, scalars[i - 1] == "\r", scalars[i] == "\n" { advance() }
                continue
            }
            var end = start
            while !endOfRecord {
                let fieldStart = here()
                var value = String.UnicodeScalarView()
                if i < count, scalars[i] == "\"" {
                    advance()
                    var closed = false
                    while i < count {
                        if scalars[i] == "\"" {
                            if i + 1 < count, scalars[i + 1] == "\"" {
                                value.append("\"")
                                advance()
                                advance()
                            } else {
                                advance()
                                closed = true
                                break
                            }
                        } else {
                            value.append(scalars[i])
                            advance()
                        }
                    }
                    if !closed {
                        diagnostics.error(
                            "the quote that opens this field is never closed (a field in quotes ends with \"; write \"\" for a quote inside it)",
                            at: fieldStart)
                        fields.append(CSVField(String(value), at: fieldStart))
                        records.append(CSVRecord(fields: fields, location: start, end: here()))
                        return records
                    }
                    if i < count, scalars[i] != ",", scalars[i] != "\n", scalars[i] != "\r" {
                        diagnostics.error(
                            "text after the closing quote of a field: put the whole field in quotes, and write \"\" for a quote inside it",
                            at: here())
                        while i < count, scalars[i] != ",", scalars[i] != "\n", scalars[i] != "\r" { advance() }
                    }
                } else {
                    while i < count, scalars[i] != ",", scalars[i] != "\n", scalars[i] != "\r" {
                        if scalars[i] == "\"" {
                            diagnostics.error(
                                "a quote inside an unquoted field: put the whole field in quotes and write the quote as \"\"",
                                at: here())
                        }
                        value.append(scalars[i])
                        advance()
                    }
                }
                fields.append(CSVField(String(value), at: fieldStart))
                end = here()
                if i < count, scalars[i] == "," {
                    advance()
                } else {
                    endOfRecord = true
                    if i < count {
                        let wasCR = scalars[i] == "\r"
                        advance()
                        if wasCR, i < count, scalars[i] == "\n" { advance() }
                    }
                }
            }
            records.append(CSVRecord(fields: fields, location: start, end: end))
        }
        return records
    }
}

/// A CSV file with a header row: columns found by name, ignoring case and surrounding blanks.
public struct CSVTable: Sendable {
    public var header: CSVRecord
    public var rows: [CSVRecord]

    public init?(_ records: [CSVRecord]) {
        guard let first = records.first else { return nil }
        header = first
        rows = Array(records.dropFirst())
    }

    /// The index of the first column named one of `names` (in the order of `names`).
    public func column(_ names: String...) -> Int? { column(names) }

    /// The index of the first column named one of `names` (in the order of `names`).
    public func column(_ names: [String]) -> Int? {
        let normalized = header.fields.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
        for name in names {
            if let index = normalized.firstIndex(of: name.lowercased()) { return index }
        }
        return nil
    }
}
