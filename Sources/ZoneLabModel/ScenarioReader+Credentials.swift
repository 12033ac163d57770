import ZoneLabSource

/// SPEC 3.5's items: credentials (`stored_on`, `grants`, `factor`) and an asset's transient visits.
extension ScenarioReader {
    static let credentialKeys = ["id", "name", "stored_on", "grants", "factor"]
    static let transientKeys = ["zone", "every"]

    /// Where a credential's references were written, to check them once every id is known.
    struct CredentialNodes {
        var storedOn: [(id: String, node: DocumentNode)]
        var grants: [(id: String, node: DocumentNode)]
    }

    mutating func credential(_ node: DocumentNode, index: Int, ids: inout IDRegistry) -> (
        Credential, CredentialNodes
    )? {
        let label = Self.label("credential", index, node)
        guard
            let f = diagnostics.fields(
                of: node, label, allowed: Self.credentialKeys, required: ["id", "stored_on", "grants"])
        else { return nil }
        let id = itemID(f, label)
        if let id { ids.register(id.id, kind: "credential", at: id.node.location, diagnostics: &diagnostics) }
        let name = f["name"].flatMap { diagnostics.string($0, "'name' of \(label)") }
        let factor = f["factor"].flatMap { choice($0, "'factor' of \(label)", CredentialFactor.self) } ?? .password
        let storedOn = f["stored_on"].flatMap { credentialIDs($0, "'stored_on' of \(label)", noun: "asset") }
        let grants = f["grants"].flatMap { credentialIDs($0, "'grants' of \(label)", noun: "conduit or asset") }
        guard let id, let storedOn, let grants else { return nil }
        let credential = Credential(
            id: id.id, name: name, storedOn: storedOn.map(\.id), grants: grants.map(\.id), factor: factor)
        return (credential, CredentialNodes(storedOn: storedOn, grants: grants))
    }

    /// A non-empty list of ids (or a single id).
    private mutating func credentialIDs(_ node: DocumentNode, _ what: String, noun: String) -> [(
        id: String, node: DocumentNode
    )]? {
        let items: [DocumentNode]
        if node.scalar != nil, !node.isNull {
            items = [node]
        } else if let list = diagnostics.list(node, what) {
            items = list
        } else {
            return nil
        }
        if items.isEmpty {
            diagnostics.error("\(what) must name at least one \(noun)", at: node.location)
            return nil
        }
        var ids: [(id: String, node: DocumentNode)] = []
        for item in items {
            if let id = diagnostics.identifier(item, "an item of \(what)") { ids.append((id, item)) }
        }
        return ids.count == items.count ? ids : nil
    }

    /// `stored_on` names assets; `grants` names conduits or assets.
    mutating func checkCredential(
        _ credential: Credential, _ nodes: CredentialNodes, zoneIDs: Set<String>, assetIDs: Set<String>,
        conduitIDs: Set<String>
    ) {
        let what = "credential '\(credential.id)'"
        for (id, node) in nodes.storedOn where !assetIDs.contains(id) {
            let why =
                zoneIDs.contains(id)
                ? " is a zone, not an asset: a credential is stored on assets"
                : conduitIDs.contains(id)
                    ? " is a conduit, not an asset: a credential is stored on assets"
                    : " is not a known asset\(Suggestion.hint(for: id, among: assetIDs.sorted()))"
            diagnostics.error("'stored_on' of \(what): '\(id)'\(why)", at: node.location)
        }
        for (id, node) in nodes.grants where !assetIDs.contains(id) && !conduitIDs.contains(id) {
            let why =
                zoneIDs.contains(id)
                ? " is a zone: a credential grants conduits (their logins) or assets"
                : " is not a known conduit or asset\(Suggestion.hint(for: id, among: (assetIDs.union(conduitIDs)).sorted()))"
            diagnostics.error("'grants' of \(what): '\(id)'\(why)", at: node.location)
        }
    }

    /// An asset's `transient:` list: `{zone, every}` with another zone than its own.
    mutating func transientVisits(
        _ node: DocumentNode, of what: String, assetZone: String, references: inout [Reference]
    ) -> [TransientVisit] {
        guard let items = diagnostics.list(node, "'transient' of \(what)") else { return [] }
        var visits: [TransientVisit] = []
        for (i, item) in items.enumerated() {
            let vwhat = "visit #\(i + 1) in 'transient' of \(what)"
            guard let f = diagnostics.fields(of: item, vwhat, allowed: Self.transientKeys, required: ["zone", "every"])
            else { continue }
            var zone: String?
            if let zoneNode = f["zone"], let z = diagnostics.identifier(zoneNode, "'zone' of \(vwhat)") {
                if z == assetZone {
                    diagnostics.error(
                        "'zone' of \(vwhat) is '\(z)', the asset's own zone: a visit goes into another zone",
                        at: zoneNode.location)
                } else {
                    zone = z
                    references.append(
                        Reference(id: z, kind: .zone, what: "'zone' of \(vwhat):", location: zoneNode.location))
                }
            }
            let every = f["every"].flatMap { duration($0, "'every' of \(vwhat)", positive: true) }
            if let zone, let every { visits.append(TransientVisit(zone: zone, every: every)) }
        }
        return visits
    }
}
