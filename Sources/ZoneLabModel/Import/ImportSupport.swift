import Foundation
import ZoneLabSource

/// What an import produced: the scenario text and the lines that say what was matched or skipped.
public struct ImportOutcome: Sendable {
    /// The new or updated scenario (YAML).
    public var yaml: String
    /// One line each for what was added, matched or skipped (warnings for input rows are in
    /// `warnings`), in input order.
    public var notes: [String]
    /// `FILE:LINE:COL: warning: …` for input rows that add nothing.
    public var warnings: [Diagnostic]
}

/// The rows of an import, checked one by one: a bad row is an error, or with `--skip-bad-rows` a
/// warning and the row is left out.
struct RowChecker {
    var diagnostics: Diagnostics
    let skipBadRows: Bool

    init(file: String, skipBadRows: Bool) {
        diagnostics = Diagnostics(file: file)
        self.skipBadRows = skipBadRows
    }

    mutating func bad(_ message: String, at location: SourceLocation) {
        if skipBadRows {
            diagnostics.warning("\(message); the row is skipped", at: location)
        } else {
            diagnostics.error(message, at: location)
        }
    }

    /// The table of a CSV file with a header row and the columns `required` (each a list of
    /// accepted names); a missing one is an error at the header whatever `skipBadRows` says.
    mutating func table(_ records: [CSVRecord], required: [[String]], what: String) -> CSVTable? {
        guard let table = CSVTable(records) else {
            diagnostics.error("the file is empty: \(what) needs a header row naming its columns", at: .start)
            return nil
        }
        for names in required where table.column(names) == nil {
            let found = table.header.fields.map { "'\($0.text)'" }.joined(separator: ", ")
            diagnostics.error(
                "the header has no column \(names.map { "'\($0)'" }.joined(separator: " or ")) (it has \(found))",
                at: table.header.location)
        }
        return diagnostics.hasErrors ? nil : table
    }

    /// Whether `row` has the header's number of fields (extra empty fields are allowed); reported if not.
    mutating func fits(_ row: CSVRecord, header: CSVRecord) -> Bool {
        let expected = header.fields.count
        if row.fields.count < expected {
            bad(
                "the row has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s"), the header \(expected): a field is missing (a comma in a value needs quotes)",
                at: row.end)
            return false
        }
        if let extra = row.fields.dropFirst(expected).first(where: {
            !$0.text.trimmingCharacters(in: .whitespaces).isEmpty
        }) {
            bad(
                "the row has \(row.fields.count) fields, the header \(expected): a value has a comma and no quotes, or the header misses a column",
                at: extra.location)
            return false
        }
        return true
    }
}

extension CSVRecord {
    /// The trimmed text of column `index`, nil when there is no such column or it is empty.
    func value(_ index: Int?) -> String? {
        guard let index, index < fields.count else { return nil }
        let text = fields[index].text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// Where column `index` starts (the row's start when it has no such column).
    func location(_ index: Int?) -> SourceLocation {
        guard let index, index < fields.count else { return location }
        return fields[index].location
    }
}

enum ImportIDs {
    /// `text` as an id: each run of characters outside `[A-Za-z0-9_.-]` becomes one `-`.
    static func slug(_ text: String, otherwise fallback: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            if Diagnostics.isIdentifier(String(scalar)) {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        return out.isEmpty ? fallback : out
    }

    /// `base`, or `base-2`, `base-3`, … : the first not in `used`, which it is added to.
    static func unique(_ base: String, in used: inout Set<String>) -> String {
        var id = base
        var n = 2
        while used.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }

    /// The four numbers of a dotted IPv4 address, or nil.
    static func ipv4(_ text: String) -> [Int]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let numbers = parts.compactMap { part -> Int? in
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCII), let n = Int(part), (0...255).contains(n)
            else { return nil }
            return n
        }
        return numbers.count == 4 ? numbers : nil
    }
}

extension DocumentNode {
    /// The items of a list node (empty for anything else).
    var items: [DocumentNode] {
        if case .sequence(let items) = kind { return items }
        return []
    }
}

/// Reads a scenario both as a model (to match against) and as a tree (to edit as text).
struct EditableScenario {
    var text: String
    var scenario: Scenario
    var root: DocumentNode
    var file: String

    init(data: Data, file: String) throws(DiagnosticError) {
        scenario = try ScenarioLoader.load(data: data, file: file).scenario
        root = try DocumentParser.parse(data, file: file)
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError([Diagnostic(.error, file: file, at: .start, "the file is not UTF-8 text")])
        }
        self.text = text
        self.file = file
    }

    /// The list item under top-level `key` whose `id` is `id`.
    func item(_ key: String, id: String) -> DocumentNode? {
        root[key]?.items.first { $0["id"]?.text == id }
    }

    /// Every id of zones, assets, conduits and credentials (one namespace).
    var usedIDs: Set<String> {
        var ids = Set<String>()
        for key in ["zones", "assets", "conduits", "credentials"] {
            for item in root[key]?.items ?? [] { if let id = item["id"]?.text { ids.insert(id) } }
        }
        return ids
    }

    /// The edited text, checked by loading it again: an edit that broke the file is a bug.
    static func checked(_ text: String, file: String) throws(DiagnosticError) -> String {
        do {
            _ = try ScenarioLoader.load(data: Data(text.utf8), file: file)
        } catch {
            throw DiagnosticError(
                [
                    Diagnostic(
                        .error, file: file, at: .start,
                        "zonelab could not update this file as text (please report): \(error.description)")
                ])
        }
        return text
    }
}
