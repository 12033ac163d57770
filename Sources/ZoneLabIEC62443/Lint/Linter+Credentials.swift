import OrderedCollections
import ZoneLabModel
import ZoneLabSource

extension Linter {
    /// The zones a credential grants access into: those a granted conduit carries traffic into
    /// (both, or `zones[1]` of a forward one), and a granted asset's zone.
    func zonesGranted(by credential: Credential) -> [String] {
        var zones = OrderedSet<String>()
        for id in credential.grants {
            if let conduit = scenario.conduits[id], conduit.zones.count == 2 {
                for zone in conduit.zones {
                    if let from = other(conduit, than: zone), carries(conduit, from: from) { zones.append(zone) }
                }
            } else if let asset = scenario.assets[id] {
                zones.append(asset.zone)
            }
        }
        return zones.elements
    }

    /// ZL008: a credential stored on an asset in a zone of lower SL-T (its largest over FRs) than
    /// a zone it grants access into.
    func credentialsStoredBelowTarget() -> [LintFinding] {
        scenario.credentials.values.compactMap { credential in
            func slT(_ zone: String) -> Int { scenario.zones[zone]?.slTarget.maximum ?? 0 }
            let granted = zonesGranted(by: credential)
            guard let highest = granted.max(by: { slT($0) < slT($1) }) else { return nil }
            let low = credential.storedOn.compactMap { id -> String? in
                guard let zone = scenario.assets[id]?.zone, slT(zone) < slT(highest) else { return nil }
                return "'\(id)' in zone '\(zone)' (SL-T \(slT(zone)))"
            }
            guard !low.isEmpty else { return nil }
            return finding(
                .credentialStoredBelowTarget, locations.location("credentials", credential.id),
                "credential '\(credential.id)' grants access into zone '\(highest)' (SL-T \(slT(highest))) but is stored on \(low.joined(separator: ", ")): whoever takes the weaker zone holds the key to the stronger one"
            )
        }
    }
}
