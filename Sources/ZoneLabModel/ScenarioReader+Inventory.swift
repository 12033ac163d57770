import ZoneLabSource

/// What an asset inventory (an OT monitoring product's export) knows of an asset (SPEC 8).
public struct Inventory: Sendable, Hashable {
    public var ip: String?
    public var mac: String?
    public var vendor: String?
    public var model: String?
    public var firmware: String?

    public init(
        ip: String? = nil, mac: String? = nil, vendor: String? = nil, model: String? = nil, firmware: String? = nil
    ) {
        self.ip = ip
        self.mac = mac
        self.vendor = vendor
        self.model = model
        self.firmware = firmware
    }

    /// Whether nothing is known.
    public var isEmpty: Bool { [ip, mac, vendor, model, firmware].allSatisfy { $0 == nil } }
}

extension ScenarioReader {
    static let inventoryKeys = ["ip", "mac", "vendor", "model", "firmware"]

    /// An asset's `inventory:` mapping: text values (a firmware `2.1` is read as written).
    mutating func inventory(_ node: DocumentNode, _ what: String) -> Inventory? {
        let label = "'inventory' of \(what)"
        guard let f = diagnostics.fields(of: node, label, allowed: Self.inventoryKeys) else { return nil }
        func text(_ key: String) -> String? {
            f[key].flatMap { diagnostics.string($0, "'\(key)' of \(label)") }
        }
        return Inventory(
            ip: text("ip"), mac: text("mac"), vendor: text("vendor"), model: text("model"),
            firmware: text("firmware"))
    }
}
