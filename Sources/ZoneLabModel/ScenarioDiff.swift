import OrderedCollections
import ZoneLabSource

/// What changed between two versions of a plant (SPEC 8 `diff`), compared by id: a scalar SL
/// equals the same map of all seven FRs, and the order of a list is no change.
public struct ScenarioDiff: Sendable {
    /// One change: an item added or removed, or one field of it changed.
    public struct Change: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case added, removed, changed
        }

        /// `scenario`, `zone`, `asset`, `vulnerability`, `conduit`, `channel`, `attacker`, `credential`.
        public var kind: String
        /// The item's id; a vulnerability is `ASSET/ID`, a channel `CONDUIT/CID`.
        public var id: String
        public var change: Kind
        /// The field that changed (`sl_achieved.IAC`, `zone`, ...); nil for an added or removed item.
        public var field: String?
        public var old: JSONValue
        public var new: JSONValue

        public init(
            kind: String, id: String, change: Kind, field: String? = nil, old: JSONValue = .null,
            new: JSONValue = .null
        ) {
            self.kind = kind
            self.id = id
            self.change = change
            self.field = field
            self.old = old
            self.new = new
        }

        public var json: JSONValue {
            .object([
                ("kind", .string(kind)), ("id", .string(id)), ("change", .string(change.rawValue)),
                ("field", field.map { .string($0) } ?? .null), ("old", old), ("new", new),
            ])
        }

        /// One line: `+ zone dmz`, `- conduit vpn-scada`, `~ zone control: sl_achieved.IAC 1 → 2`.
        public var text: String {
            switch change {
            case .added: "+ \(kind) \(id)"
            case .removed: "- \(kind) \(id)"
            case .changed: "~ \(kind) \(id): \(field ?? "") \(Self.show(old)) → \(Self.show(new))"
            }
        }

        static func show(_ value: JSONValue) -> String {
            switch value {
            case .null: "(none)"
            case .string(let s): s
            default: value.serialized()
            }
        }
    }

    public var changes: [Change]

    /// The changes from `old` to `new`.
    public init(old: Scenario, new: Scenario) {
        var changes: [Change] = []
        changes += Self.scenarioChanges(old, new)
        changes += Self.compare(
            old.zones, new.zones, kind: "zone", fields: Self.zoneFields(_:))
        changes += Self.compare(old.assets, new.assets, kind: "asset", fields: Self.assetFields(_:))
        for id in Self.commonOrAll(old.assets, new.assets) {
            changes += Self.vulnerabilityChanges(asset: id, old.assets[id], new.assets[id])
        }
        changes += Self.compare(old.conduits, new.conduits, kind: "conduit", fields: Self.conduitFields(_:))
        for id in Self.commonOrAll(old.conduits, new.conduits) {
            changes += Self.channelChanges(conduit: id, old.conduits[id], new.conduits[id])
        }
        changes += Self.compare(
            Self.keyed(old.attackers ?? []), Self.keyed(new.attackers ?? []), kind: "attacker",
            fields: Self.attackerFields(_:))
        changes += Self.credentialChanges(old, new)
        self.changes = changes
    }

    public var json: JSONValue {
        .object([("zonelab_diff", 1), ("changes", .array(changes.map(\.json)))])
    }

    // MARK: - Comparing

    /// Added, removed and changed items of two id-keyed collections: removed in the old order,
    /// then added and changed in the new order.
    static func compare<T>(
        _ old: OrderedDictionary<String, T>, _ new: OrderedDictionary<String, T>, kind: String,
        fields: (T) -> [(String, JSONValue)]
    ) -> [Change] {
        var changes: [Change] = []
        for id in old.keys where new[id] == nil { changes.append(Change(kind: kind, id: id, change: .removed)) }
        for (id, item) in new {
            guard let before = old[id] else {
                changes.append(Change(kind: kind, id: id, change: .added))
                continue
            }
            changes += fieldChanges(kind: kind, id: id, fields(before), fields(item))
        }
        return changes
    }

    /// A change per field whose value differs (a field missing on one side is null there).
    static func fieldChanges(kind: String, id: String, _ old: [(String, JSONValue)], _ new: [(String, JSONValue)])
        -> [Change]
    {
        var names = OrderedSet(old.map(\.0))
        names.append(contentsOf: new.map(\.0))
        return names.compactMap { name in
            let a = old.first { $0.0 == name }?.1 ?? .null
            let b = new.first { $0.0 == name }?.1 ?? .null
            return a == b ? nil : Change(kind: kind, id: id, change: .changed, field: name, old: a, new: b)
        }
    }

    /// Ids on both sides (changes inside items that are themselves added or removed are not listed).
    static func commonOrAll<T>(_ old: OrderedDictionary<String, T>, _ new: OrderedDictionary<String, T>) -> [String] {
        new.keys.filter { old[$0] != nil }
    }

    static func keyed(_ attackers: [Attacker]) -> OrderedDictionary<String, Attacker> {
        var result: OrderedDictionary<String, Attacker> = [:]
        for attacker in attackers where result[attacker.id] == nil { result[attacker.id] = attacker }
        return result
    }

    // MARK: - Values

    /// An SL vector as fields `PREFIX.FR`: the level of each assessed FR, null for one not assessed.
    static func slFields(_ prefix: String, _ vector: SLVector?) -> [(String, JSONValue)] {
        FR.allCases.map { fr in
            ("\(prefix).\(fr.rawValue)", vector.map { $0.isAssessed(fr) ? .int($0[fr]) : .null } ?? .null)
        }
    }

    /// Ids as a sorted list: the order of a list is no change.
    static func idSet(_ ids: [String]) -> JSONValue { .array(Set(ids).sorted().map { .string($0) }) }

    static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
    static func optional(_ number: Double?) -> JSONValue { number.map { .number($0) } ?? .null }

    static func impact(_ impact: Impact?) -> JSONValue {
        guard let impact else { return .null }
        if impact.byCategory.isEmpty { return .int(impact.level) }
        return .object(impact.byCategory.sorted { $0.category < $1.category }.map { ($0.category, .int($0.level)) })
    }
}
