import OrderedCollections
import ZoneLabModel

extension Scenario {
    /// The plant cut down to some of its zones, for pictures that show a part of it: the zones
    /// in `zones`, their assets in `assets` (all of them when nil) and the conduits in
    /// `conduits` (all when nil) that join two kept zones, in file order. Attackers, entries,
    /// credentials and settings stay as they are; what they name outside the part is not drawn.
    func keeping(zones: Set<String>, assets: Set<String>? = nil, conduits: Set<String>? = nil) -> Scenario {
        var part = self
        part.zones = self.zones.filter { zones.contains($0.key) }
        part.assets = self.assets.filter { zones.contains($0.value.zone) && (assets?.contains($0.key) ?? true) }
        part.conduits = self.conduits.filter { id, conduit in
            (conduits?.contains(id) ?? true) && conduit.zones.allSatisfy { zones.contains($0) }
        }
        return part
    }
}
