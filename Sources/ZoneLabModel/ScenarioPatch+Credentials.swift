import ZoneLabSource

extension ScenarioPatch {
    /// Credentials after `removed` items are gone: each drops the removed ids from `stored_on`
    /// and `grants`, and a credential left with nowhere to be stored or nothing to open goes too
    /// (as channels go with their ends). A list that is not a list (invalid, reported by the
    /// reader) is kept as it is.
    static func credentials(_ items: [DocumentNode], without removed: Set<String>) -> [DocumentNode] {
        items.compactMap { credential in
            guard case .mapping(var pairs) = credential.kind else { return credential }
            for key in ["stored_on", "grants"] {
                guard let i = pairs.firstIndex(where: { $0.key.text == key }),
                    case .sequence(let ids) = pairs[i].value.kind
                else { continue }
                let kept = ids.filter { $0.text.map { !removed.contains($0) } ?? true }
                if kept.isEmpty && !ids.isEmpty { return nil }
                pairs[i].value = DocumentNode(.sequence(kept), at: pairs[i].value.location)
            }
            return DocumentNode(.mapping(pairs), at: credential.location)
        }
    }
}
