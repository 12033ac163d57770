import OrderedCollections
import ZoneLabIEC62443
import ZoneLabModel

extension PathCardMaker {
    /// The stages of a path of edge ids, in order.
    ///
    /// The FR barriers of one conduit traversal are one `conduit` stage (naming the FRs); a
    /// traversal that lands in a zone where an asset is taken next is followed by that asset,
    /// else by the zone; `pivot:A` adds its technique to A; a harvest is a `credential` stage
    /// that `joins` the login using it; after a login's `/cred` the route to the login starts a
    /// branch of its own; removable media start at a `media` stage. Ids the plant does not
    /// compile to are stages of their own, named by the id.
    /// - Complexity: O(path length).
    public func stages(of edges: [String]) -> [PathStage] {
        var walk = StageWalk(maker: self)
        for id in edges { walk.step(id) }
        walk.flush()
        return walk.stages
    }

    struct StageWalk {
        let maker: PathCardMaker
        var stages: [PathStage] = []
        /// The traversal whose barriers the last `conduit` stage holds.
        var traversal: String?
        /// The zone a traversal arrived in, drawn only when no asset there is taken next.
        var arrival: String?
        /// The next step starts a branch (after a login's `/cred`).
        var newBranch = false
        /// Credential id → its stage.
        var credentials: [String: Int] = [:]

        var scenario: Scenario { maker.scenario }

        mutating func add(_ stage: PathStage) {
            var stage = stage
            if newBranch {
                stage.startsBranch = true
                newBranch = false
            }
            stages.append(stage)
        }

        /// Adds a technique id to the last stage (once).
        mutating func tag(_ technique: String, used: String? = nil) {
            guard !stages.isEmpty else { return }
            if !stages[stages.count - 1].techniques.contains(technique) {
                stages[stages.count - 1].techniques.append(technique)
            }
            if let used, !stages[stages.count - 1].used.contains(used) { stages[stages.count - 1].used.append(used) }
        }

        /// Draws the zone a traversal arrived in, unless an asset there is taken next.
        mutating func flush(before asset: String? = nil) {
            defer { arrival = nil }
            guard let zone = arrival else { return }
            if let asset, scenario.assets[asset]?.zone == zone { return }
            add(maker.place(zone, kind: .zone))
        }

        mutating func step(_ id: String) {
            guard let (step, technique) = maker.steps[id] else {
                flush()
                traversal = nil
                add(PathStage(kind: .asset, id: id, title: id, detail: "step not in this plant"))
                return
            }
            if stages.isEmpty || newBranch {
                if case .login(_, _, .cred) = step {} else { add(maker.start(of: step)) }
            }
            switch step {
            case .cross(let c, let from, let to, let fr, _):
                passBarrier(EdgeID.traversal(conduit: c, from: from, to: to), conduit: c, fr: fr, technique: technique)
                arrival = to
            case .channel(let c, let cid, let fr, _):
                passBarrier(EdgeID.traversal(conduit: c, channel: cid), conduit: c, fr: fr, technique: technique)
                let end = scenario.conduits[c]?.channel(withCID: cid)?.to
                arrival = end.flatMap { scenario.zones[$0] != nil ? $0 : nil }
            case .enter(_, _, let target, let vulnerability):
                arrival = nil
                traversal = nil
                take(target, technique: technique, used: vulnerability)
            case .exploit(let asset, let vulnerability):
                take(asset, technique: technique, used: vulnerability)
            case .pivot(let asset, _):
                if stages.last?.id != asset || stages.last?.kind == .zone {
                    flush()
                    add(maker.place(asset, kind: .asset))
                }
                tag(technique)
            case .harvest(let k, let asset):
                flush()
                traversal = nil
                var stage = PathStage(
                    kind: .credential, id: k, title: maker.name(ofCredential: k),
                    detail: "harvested on \(maker.name(ofAsset: asset))", techniques: [technique])
                stage.used = ["credential \(maker.name(ofCredential: k))"]
                credentials[k] = stages.count
                add(stage)
            case .login(let k, let through, let part):
                login(k, through: through, part: part, technique: technique)
            case .media(let asset, let vulnerability):
                take(asset, technique: technique, used: vulnerability)
                tag(technique, used: "removable media")
            case .visit(let asset, let zone):
                flush()
                traversal = nil
                var stage = maker.place(zone, kind: .zone)
                stage.techniques = [technique]
                stage.used = ["transient asset \(maker.name(ofAsset: asset))"]
                add(stage)
            case .preauth(let asset, _, let vulnerability):
                take(asset, technique: technique, used: "\(vulnerability) (pre-auth)")
            }
        }

        /// One FR barrier of a traversal: a new `conduit` stage, or the current one.
        mutating func passBarrier(_ key: String, conduit c: String, fr: FR, technique: String) {
            if traversal != key {
                flush()
                traversal = key
                add(PathStage(kind: .conduit, id: c, title: maker.name(ofConduit: c)))
            }
            let last = stages.count - 1
            let barriers = (stages[last].detail.map { $0 + ", " } ?? "barriers ") + fr.rawValue
            stages[last].detail = barriers
            tag(technique)
        }

        /// An asset (or a zone) taken.
        mutating func take(_ id: String, technique: String, used: String?) {
            flush(before: id)
            traversal = nil
            var stage = maker.place(id, kind: .asset)
            stage.techniques = [technique]
            if let used { stage.used = [used] }
            if case .asset = stage.kind, let last = stages.last, last.kind == .asset, last.id == id {
                tag(technique, used: used)
                return
            }
            add(stage)
        }

        /// SPEC 3.5's login: `/cred` ends the credential's branch, `/via` says nothing, and the
        /// login itself is the conduit's IAC barrier (or the asset) passed with the credential.
        mutating func login(_ k: String, through: String, part: EdgeID.LoginPart, technique: String) {
            let credential = "credential \(maker.name(ofCredential: k))"
            switch part {
            case .cred:
                if credentials[k] == nil {
                    flush()
                    credentials[k] = stages.count
                    add(PathStage(kind: .credential, id: k, title: maker.name(ofCredential: k), used: [credential]))
                }
                flush()
                traversal = nil
                newBranch = true
            case .via:
                return
            case .open:
                if scenario.assets[through] != nil {
                    take(through, technique: technique, used: credential)
                } else {
                    let conduit = EdgeID(through + "/IAC")?.conduit ?? through
                    if traversal != through {
                        flush()
                        traversal = through
                        add(PathStage(kind: .conduit, id: conduit, title: maker.name(ofConduit: conduit)))
                    }
                    tag(technique, used: credential)
                    if case .cross(_, _, let to, _)? = EdgeID(through + "/IAC") { arrival = to }
                }
                if let index = credentials[k] { stages[stages.count - 1].joins = index }
            }
        }
    }
}
