import OrderedCollections

/// What a credential is made of (SPEC 3.5): a `password` opens nothing protected by MFA; a
/// `token` (a stolen soft token or its seed) opens it anyway.
public enum CredentialFactor: String, CaseIterable, Sendable, Hashable {
    case password, token
}

/// Credentials an attacker can harvest where they are stored and use where they grant access
/// (SPEC 3.5): `harvest:`, `cred:` and `login:` steps.
public struct Credential: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// The assets it is stored on (harvested with the asset's DC SL-A as protection).
    public var storedOn: [String]
    /// The conduits and assets it opens.
    public var grants: [String]
    public var factor: CredentialFactor

    public init(
        id: String, name: String? = nil, storedOn: [String], grants: [String], factor: CredentialFactor = .password
    ) {
        self.id = id
        self.name = name ?? id
        self.storedOn = storedOn
        self.grants = grants
        self.factor = factor
    }
}

/// A transient asset's visit to another zone (SPEC 3.5): a maintenance laptop plugged in about
/// every `every`.
public struct TransientVisit: Sendable, Hashable {
    public var zone: String
    public var every: TimeSpan

    public init(zone: String, every: TimeSpan) {
        self.zone = zone
        self.every = every
    }
}

extension Scenario {
    /// Replaces the credentials with `list`, in its order.
    public mutating func setCredentials(_ list: [Credential]) {
        credentials = OrderedDictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
