import ZoneLabSource

extension ScenarioReader {
    /// A calibration table keyed by small integers (a gap, a capability, a monitoring level):
    /// `keys` bounds the keys, `keyName` names them in errors ("a capability 1 to 4"), a repeated
    /// key is an error, and `value` reads each cell (its own errors at the cell).
    /// `table`, `badKey` and `repeated` may word the errors for the table (defaults name `keyName`).
    mutating func integerKeyedTable<Value>(
        _ node: DocumentNode, _ what: String, keys: ClosedRange<Int>, keyName: String, mapsTo: String,
        table: String? = nil, badKey: ((String) -> String)? = nil, repeated: ((Int) -> String)? = nil,
        value: (inout ScenarioReader, DocumentNode, Int, DocumentNode) -> Value?
    ) -> [Int: Value] {
        guard case .mapping(let pairs) = node.kind else {
            diagnostics.error(
                "\(table ?? what) must be a mapping from \(keyName) to \(mapsTo), found \(node.kindDescription)",
                at: node.location)
            return [:]
        }
        var table: [Int: Value] = [:]
        var seen: [Int: SourceLocation] = [:]
        for pair in pairs {
            let keyText = pair.key.text ?? ""
            guard let key = Int(keyText), keys.contains(key) else {
                diagnostics.error(
                    badKey?(keyText) ?? "key '\(keyText)' of \(what) must be \(keyName)", at: pair.key.location)
                continue
            }
            if let first = seen[key] {
                diagnostics.error(
                    "\(repeated?(key) ?? "\(key)") is given twice in \(what) (first at line \(first.line), column \(first.column))",
                    at: pair.key.location)
                continue
            }
            seen[key] = pair.key.location
            if let cell = value(&self, pair.value, key, pair.key) { table[key] = cell }
        }
        return table
    }
}
