/// Which way traffic may flow through a conduit.
public enum ConduitDirection: String, CaseIterable, Sendable, Hashable {
    /// Both ways (the default).
    case both
    /// Only from `zones[0]` to `zones[1]`, as through a data diode.
    case forward
}

/// One allowed flow through a conduit, from an asset or zone on one side to one on the other.
public struct Channel: Sendable, Hashable {
    /// The id given in the scenario, if any (unique within the conduit).
    public var id: String?
    public var from: String
    public var to: String
    public var `protocol`: String?

    public init(id: String? = nil, from: String, to: String, protocol: String? = nil) {
        self.id = id
        self.from = from
        self.to = to
        self.protocol = `protocol`
    }

    /// The content id (SPEC 3.2 `cid`): the channel's own `id` when given, else
    /// `<from>><to>:<protocol>`, or `<from>><to>` without a protocol. It never depends on the
    /// channel's position in the list, so reordering channels changes no step id.
    public var cid: String { id ?? Self.contentID(from: from, to: to, protocol: `protocol`) }

    /// `<from>><to>:<protocol>`, or `<from>><to>`.
    public static func contentID(from: String, to: String, protocol: String?) -> String {
        "\(from)>\(to)" + (`protocol`.map { ":\($0)" } ?? "")
    }

    /// Whether a protocol name can stand in a content id (`[A-Za-z0-9_.+-]+`); others need an `id`.
    public static func isIDSafe(protocol text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { s in
                s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "_.+-".unicodeScalars.contains(s))
            }
    }
}

/// The communication channels between two zones and the controls on them.
public struct Conduit: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Exactly two distinct zones.
    public var zones: [String]
    public var direction: ConduitDirection
    public var slAchieved: SLVector
    /// Nil: per FR the larger of the two zones' SL-T.
    public var slTarget: SLVector?
    /// Nil: any flow; empty: no flow at all.
    public var channels: [Channel]?
    public var upgradeCost: Double?

    /// The channel whose content id is `cid`, if the conduit lists one.
    public func channel(withCID cid: String) -> Channel? {
        channels?.first { $0.cid == cid }
    }

    public init(
        id: String, name: String? = nil, zones: [String], direction: ConduitDirection = .both,
        slAchieved: SLVector = .init(), slTarget: SLVector? = nil, channels: [Channel]? = nil,
        upgradeCost: Double? = nil
    ) {
        self.id = id
        self.name = name ?? id
        self.zones = zones
        self.direction = direction
        self.slAchieved = slAchieved
        self.slTarget = slTarget
        self.channels = channels
        self.upgradeCost = upgradeCost
    }
}
