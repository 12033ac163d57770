import ZoneLabSource

/// Where each item of a scenario file starts, by kind and id, read from the document tree, so a
/// finding about an item points at the item's first line.
public struct ItemLocations: Sendable {
    /// Per list key (`zones`, `assets`, `conduits`, `credentials`, `attackers`), id to location.
    private var items: [String: [String: SourceLocation]] = [:]
    /// Where the file starts, for findings about the whole plant.
    public var start = SourceLocation.start

    public init() {}

    /// The items of the top-level lists of `root`.
    public init(_ root: DocumentNode) {
        start = root.location
        guard case .mapping(let pairs) = root.kind else { return }
        for pair in pairs {
            guard let key = pair.key.text, case .sequence(let list) = pair.value.kind else { continue }
            var byID: [String: SourceLocation] = [:]
            for item in list {
                if let id = item["id"]?.text, byID[id] == nil { byID[id] = item.location }
            }
            items[key] = byID
        }
    }

    /// Where item `id` of list `key` starts; the file's start when unknown.
    public func location(_ key: String, _ id: String) -> SourceLocation {
        items[key]?[id] ?? start
    }

    public func zone(_ id: String) -> SourceLocation { location("zones", id) }
    public func asset(_ id: String) -> SourceLocation { location("assets", id) }
    public func conduit(_ id: String) -> SourceLocation { location("conduits", id) }
}
