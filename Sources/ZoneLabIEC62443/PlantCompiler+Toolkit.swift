import OrderedCollections
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

/// SPEC 3.5: the attacker's toolkit. Credentials (`harvest:`, `cred:`, `login:`), removable media
/// (`media`, `media:`), transient assets (`visit:`) and pre-authentication vulnerabilities
/// (`preauth:`). A plant without any of these compiles exactly as before.
extension PlantCompiler.Builder {
    /// One traversal of a conduit: its name (`cross:C:Z1>Z2` or `channel:C:cid`), the nodes it
    /// runs between, and the channel's `to` (nil for a conduit without channels).
    struct Traversal {
        var name: String
        var from: Int
        var to: Int
        var toZone: String
        var toAsset: String?
    }

    mutating func addToolkit() {
        addMedia()
        addVisits()
        for credential in scenario.credentials.values { addCredential(credential) }
        addPreauth()
    }

    /// Every traversal of `conduit`: each direction it allows, or each channel.
    func traversals(of conduit: Conduit) -> [Traversal] {
        guard let channels = conduit.channels else {
            let (z1, z2) = (conduit.zones[0], conduit.zones[1])
            var list = [
                Traversal(
                    name: EdgeID.traversal(conduit: conduit.id, from: z1, to: z2), from: index["zone:\(z1)"]!,
                    to: index["zone:\(z2)"]!, toZone: z2)
            ]
            if conduit.direction == .both {
                list.append(
                    Traversal(
                        name: EdgeID.traversal(conduit: conduit.id, from: z2, to: z1), from: index["zone:\(z2)"]!,
                        to: index["zone:\(z1)"]!, toZone: z1))
            }
            return list
        }
        return channels.map { channel in
            let from = index["asset:\(channel.from)"] ?? index["zone:\(channel.from)"]!
            return Traversal(
                name: EdgeID.traversal(conduit: conduit.id, channel: channel.cid), from: from,
                to: index[EdgeID.reachNode(conduit: conduit.id, channel: channel.cid)]!,
                toZone: scenario.zone(of: channel.to) ?? channel.to,
                toAsset: scenario.assets[channel.to] != nil ? channel.to : nil)
        }
    }

    /// The nodes just before and just after a traversal's IAC barrier; nil without one.
    func iacBarrier(of traversal: Traversal) -> (before: Int, after: Int)? {
        let frs = calibration.conduitFRs
        guard let k = frs.firstIndex(of: .IAC) else { return nil }
        let before = k == 0 ? traversal.from : index[EdgeID.gateNode(traversal: traversal.name, next: frs[k])]!
        let after =
            k == frs.count - 1 ? traversal.to : index[EdgeID.gateNode(traversal: traversal.name, next: frs[k + 1])]!
        return (before, after)
    }

    /// `media` and `media:A` for each asset that accepts removable media: protection min(SI, UC),
    /// lowered by vulnerability caps, IACS penalty as for `exploit:A`.
    mutating func addMedia() {
        let assets = scenario.assets.values.filter(\.media)
        guard !assets.isEmpty else { return }
        let media = node(EdgeID.mediaNode)
        for asset in assets {
            let sl = scenario.slAchieved(of: asset)
            let base = min(sl[.SI], sl[.UC])
            let cap = Self.cappingVulnerability(of: asset, below: base)
            edge(
                .media(asset: asset.id, vulnerability: cap?.id), media, index["asset:\(asset.id)"]!,
                protection: cap?.protectionCap ?? base, iacs: calibration.isIACS(type: asset.type),
                technique: AttackTechnique("T0847"),
                label: "bring removable media into \(asset.name)\(cap.map { " (\($0.id))" } ?? "")")
        }
    }

    /// `visit:A:Z` for each transient visit: p = 1, exponential with mean `every`.
    mutating func addVisits() {
        for asset in scenario.assets.values {
            for visit in asset.transient {
                guard let zone = index["zone:\(visit.zone)"] else { continue }
                edge(
                    .visit(asset: asset.id, zone: visit.zone), index["asset:\(asset.id)"]!, zone, protection: nil,
                    technique: AttackTechnique("T0864"),
                    label: "\(asset.name) is connected to \(zoneName(visit.zone)) (about every \(visit.every))")
                edges[edges.count - 1].fixedTTC = .exponential(meanHours: visit.every.hours)
            }
        }
    }

    /// Whether `credential` opens a login whose IAC SL-A is `level` (the MFA rule of SPEC 3.5).
    func opens(_ credential: Credential, iac level: Int) -> Bool {
        credential.factor == .token || level < calibration.mfaLevel
    }

    mutating func addCredential(_ credential: Credential) {
        let cred = node(EdgeID.credentialNode(credential.id))
        for id in credential.storedOn {
            guard let asset = scenario.assets[id] else { continue }
            edge(
                .harvest(credential: credential.id, asset: id), index["asset:\(id)"]!, cred,
                protection: scenario.slAchieved(of: asset)[.DC], technique: .validAccounts,
                label: "harvest \(credential.name) on \(asset.name)")
        }
        for id in credential.grants {
            if let conduit = scenario.conduits[id] {
                guard opens(credential, iac: conduit.slAchieved[.IAC]) else { continue }
                for traversal in traversals(of: conduit) {
                    guard let (before, after) = iacBarrier(of: traversal) else { continue }
                    addLogin(
                        credential, through: traversal.name, via: before, cred: cred, to: after,
                        label: "log in through \(conduit.name) with \(credential.name)")
                }
            } else if let asset = scenario.assets[id] {
                guard opens(credential, iac: scenario.slAchieved(of: asset)[.IAC]) else { continue }
                addLogin(
                    credential, through: id, via: index["zone:\(asset.zone)"]!, cred: cred,
                    to: index["asset:\(id)"]!, label: "log in to \(asset.name) with \(credential.name)")
            }
        }
    }

    /// The `and` node `login:K:<through>`, its `/via` and `/cred` in-edges and the login edge.
    mutating func addLogin(_ credential: Credential, through: String, via: Int, cred: Int, to: Int, label: String) {
        let login = node(EdgeID.loginNode(credential: credential.id, through: through))
        nodes[login].kind = .and
        func step(_ part: EdgeID.LoginPart) -> AttackStep {
            .login(credential: credential.id, through: through, part: part)
        }
        edge(step(.via), via, login, protection: nil, technique: .validAccounts, label: "reach the login (\(label))")
        edge(step(.cred), cred, login, protection: nil, technique: .validAccounts, label: "hold \(credential.name)")
        edge(step(.open), login, to, protection: nil, technique: .validAccounts, label: label)
    }

    /// `preauth:A:<traversal>` for each traversal into A's zone and each channel to A itself,
    /// from before the IAC barrier straight onto A: protection the lowest pre-auth cap.
    mutating func addPreauth() {
        for asset in scenario.assets.values {
            let preauth = asset.vulnerabilities.filter(\.preauth)
            guard
                let v = preauth.min(by: { a, b in
                    a.protectionCap != b.protectionCap
                        ? a.protectionCap < b.protectionCap : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
                })
            else { continue }
            for conduit in scenario.conduits.values where conduit.zones.contains(asset.zone) {
                for traversal in traversals(of: conduit) {
                    let into =
                        traversal.toAsset.map { $0 == asset.id }
                        ?? (traversal.toZone == asset.zone && conduit.channels == nil)
                    guard into, let (before, _) = iacBarrier(of: traversal) else { continue }
                    edge(
                        .preauth(asset: asset.id, through: traversal.name, vulnerability: v.id), before,
                        index["asset:\(asset.id)"]!, protection: v.protectionCap,
                        iacs: calibration.isIACS(type: asset.type), technique: .exploitPublicFacingApplication,
                        label: "exploit \(v.id) on \(asset.name) before authentication (\(conduit.name))")
                }
            }
        }
    }
}
