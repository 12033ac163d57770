import OrderedCollections

/// A plant model: zones, assets, conduits, attackers and calibration (SPEC section 2).
public struct Scenario: Sendable, Hashable {
    public var name: String
    public var description: String?
    /// Horizon of every attacker without its own.
    public var horizon: TimeSpan?
    /// Tolerable P(compromise within horizon).
    public var tolerable: Double
    /// Where the default attackers start: zone or asset ids.
    public var entry: [String]
    /// Extra targets (asset or zone ids), beside the critical assets.
    public var extraTargets: [String]
    public var zones: OrderedDictionary<String, Zone>
    public var assets: OrderedDictionary<String, Asset>
    public var conduits: OrderedDictionary<String, Conduit>
    /// Nil: the default attackers SL1–SL4.
    public var attackers: [Attacker]?
    /// The scenario's own calibration overrides.
    public var calibrationOverride: CalibrationOverride
    /// Consequences given in `targets:` (`{id, impact, loss}`); they win over the asset's own.
    public var targetConsequences: [String: Consequence] = [:]
    /// The `risk:` block (SPEC 4.1).
    public var risk = RiskSettings.standard
    /// Credentials an attacker can harvest and use (SPEC 3.5).
    public var credentials: OrderedDictionary<String, Credential> = [:]

    public init(
        name: String, description: String? = nil, horizon: TimeSpan? = nil, tolerable: Double = 0.05,
        entry: [String] = [], extraTargets: [String] = [], zones: [Zone], assets: [Asset] = [],
        conduits: [Conduit] = [], attackers: [Attacker]? = nil,
        calibrationOverride: CalibrationOverride = .init()
    ) {
        self.name = name
        self.description = description
        self.horizon = horizon
        self.tolerable = tolerable
        self.entry = entry
        self.extraTargets = extraTargets
        self.zones = OrderedDictionary(uniqueKeysWithValues: zones.map { ($0.id, $0) })
        self.assets = OrderedDictionary(uniqueKeysWithValues: assets.map { ($0.id, $0) })
        self.conduits = OrderedDictionary(uniqueKeysWithValues: conduits.map { ($0.id, $0) })
        self.attackers = attackers
        self.calibrationOverride = calibrationOverride
    }

    /// The assets of a zone, in file order.
    public func assets(in zone: String) -> [Asset] {
        assets.values.filter { $0.zone == zone }
    }

    /// The zone an asset or zone id lies in.
    public func zone(of id: String) -> String? {
        zones[id] != nil ? id : assets[id]?.zone
    }

    /// The asset's SL-A: its own FRs over its zone's.
    public func slAchieved(of asset: Asset) -> SLVector {
        asset.slAchieved(in: zones[asset.zone]!)
    }

    /// A conduit's SL-T: its own, else per FR the larger of its zones' SL-T.
    public func slTarget(of conduit: Conduit) -> SLVector {
        conduit.slTarget ?? zones[conduit.zones[0]]!.slTarget.maximum(with: zones[conduit.zones[1]]!.slTarget)
    }

    /// The targets: the critical assets in file order, then the `targets:` not already among them.
    public var targets: [String] {
        var ids = OrderedSet(assets.values.filter(\.critical).map(\.id))
        for id in extraTargets { ids.append(id) }
        return Array(ids)
    }

    /// The calibration in force: the standard one, the scenario's overrides, then `extra`.
    public func calibration(extra: CalibrationOverride? = nil) -> Calibration {
        var calibration = Calibration.standard.applying(calibrationOverride)
        if let extra { calibration = calibration.applying(extra) }
        return calibration
    }

    /// The attackers with entries and horizons settled (SPEC 2: own, scenario, calibration;
    /// `horizonOverride` from the command line wins over all).
    public func resolvedAttackers(calibration: Calibration, horizonOverride: TimeSpan? = nil) -> [ResolvedAttacker] {
        let list =
            attackers
            ?? Calibration.capabilities.map { c in
                var attacker = Attacker(id: "SL\(c)", capability: c)
                attacker.media = c >= 3  // SPEC 3.5: the default SL3 and SL4 bring removable media
                return attacker
            }
        return list.map { attacker in
            let hours =
                horizonOverride?.hours ?? attacker.horizon?.hours ?? horizon?.hours
                ?? calibration.horizonHours[attacker.capability]!
            var resolved = ResolvedAttacker(
                id: attacker.id, capability: attacker.capability, entry: attacker.entry ?? entry,
                horizonHours: hours, rate: attacker.rate ?? calibration.rate[attacker.capability] ?? 0)
            resolved.media = attacker.media
            return resolved
        }
    }

    /// The consequence of compromising target `id` (SPEC 4.1): the `targets:` entry's impact and
    /// loss, else the asset's own.
    public func consequence(ofTarget id: String) -> Consequence {
        let own = assets[id]?.consequence ?? Consequence()
        let listed = targetConsequences[id] ?? Consequence()
        return Consequence(impact: listed.impact ?? own.impact, loss: listed.loss ?? own.loss)
    }

    /// The report folder's name (SPEC 6): the name in lower case, with each run of characters
    /// other than a–z and 0–9 written as one `-`, taken to the letter (a leading or trailing run
    /// gives a leading or trailing `-`).
    public var slug: String {
        var result = ""
        var inRun = false
        for ch in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) {
                result.unicodeScalars.append(ch)
                inRun = false
            } else if !inRun {
                result.append("-")
                inRun = true
            }
        }
        return result
    }
}
