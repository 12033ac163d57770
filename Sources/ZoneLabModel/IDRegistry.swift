import ZoneLabSource

/// Ids are unique across zones, assets and conduits.
struct IDRegistry {
    private var seen: [String: (kind: String, location: SourceLocation)] = [:]

    mutating func register(_ id: String, kind: String, at location: SourceLocation, diagnostics: inout Diagnostics) {
        if let first = seen[id] {
            diagnostics.error(
                "duplicate id '\(id)': already the id of \(first.kind == "asset" ? "an" : "a") \(first.kind) at line \(first.location.line), column \(first.location.column) (ids are unique across zones, assets and conduits)",
                at: location)
        } else {
            seen[id] = (kind, location)
        }
    }
}
