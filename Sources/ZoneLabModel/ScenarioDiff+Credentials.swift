import OrderedCollections
import ZoneLabSource

/// SPEC 3.5's items in a diff: credentials, and the media, transient and pre-auth fields.
extension ScenarioDiff {
    static func credentialChanges(_ old: Scenario, _ new: Scenario) -> [Change] {
        compare(old.credentials, new.credentials, kind: "credential") { k in
            [
                ("name", .string(k.name)), ("stored_on", idSet(k.storedOn)), ("grants", idSet(k.grants)),
                ("factor", .string(k.factor.rawValue)),
            ]
        }
    }

    /// An asset's removable-media flag and transient visits (order-free: sorted by zone).
    static func assetToolkitFields(_ asset: Asset) -> [(String, JSONValue)] {
        let visits = asset.transient.sorted { ($0.zone, $0.every.hours) < ($1.zone, $1.every.hours) }
        return [
            ("media", .bool(asset.media)),
            (
                "transient",
                .array(visits.map { .object([("zone", .string($0.zone)), ("every_hours", .number($0.every.hours))]) })
            ),
        ]
    }
}
