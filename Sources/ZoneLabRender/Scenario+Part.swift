import OrderedCollections
import ZoneLabModel

extension Scenario {
    /// The plant cut down to some of its zones, for pictures that show a part of it: the zones
    /// in `zones`, their assets in `assets` (all of them when nil) and the conduits in
    /// `conduits` (all when nil) that join two kept zones, in file order. Attackers, entries,
    /// and settings stay as they are (what they name outside the part is not drawn); credentials
    /// stay when they are stored on or open something in the part.
    func keeping(zones: Set<String>, assets: Set<String>? = nil, conduits: Set<String>? = nil) -> Scenario {
        var part = self
        part.zones = self.zones.filter { zones.contains($0.key) }
        part.assets = self.assets.filter { zones.contains($0.value.zone) && (assets?.contains($0.key) ?? true) }
        part.conduits = self.conduits.filter { id, conduit in
            (conduits?.contains(id) ?? true) && conduit.zones.allSatisfy { zones.contains($0) }
        }
        // A credential is drawn when it is kept or opens something in the part.
        part.credentials = credentials.filter { _, credential in
            credential.storedOn.contains { part.assets[$0] != nil }
                || credential.grants.contains { part.assets[$0] != nil || part.conduits[$0] != nil }
        }
        return part
    }
}
