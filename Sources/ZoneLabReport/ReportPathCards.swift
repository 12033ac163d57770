import Foundation
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabRender

/// The report's "Paths per critical asset": path cards for the highest-risk targets (at most
/// `targetLimit`), and one table row each for the others.
public struct ReportPathCards: Sendable {
    /// One card: the path, its picture and the path in one sentence.
    public struct Card: Sendable {
        public var card: PathCard
        public var narration: String
        /// Nil when Graphviz drew nothing.
        public var svg: String?
        /// The picture's natural width in points (its viewBox), so a short path is not blown up.
        public var width: Double?
    }

    /// A target with cards.
    public struct Target: Sendable {
        public var id: String
        /// Index in the run's targets.
        public var index: Int
        public var cards: [Card]
        /// Distinct paths among the attackers' top paths beyond the cards shown.
        public var moreDistinctPaths: Int
    }

    /// A target without cards: its worst attacker, P and that attacker's most frequent path.
    public struct Row: Sendable {
        public var id: String
        public var index: Int
        public var attacker: String
        public var probability: Double
        /// Nil when the attacker never reached the target.
        public var path: String?
    }

    /// Most targets given cards.
    public static let targetLimit = 12
    /// Most cards per target.
    public static let cardsPerTarget = 3

    public var targets: [Target]
    public var rest: [Row]
}

extension ReportAnalysis {
    /// The targets, highest risk first: by their share of the risk score (λ × weight, SPEC 4.1),
    /// then by their worst P over the attackers, then in the run's order.
    /// - Complexity: O(targets · attackers + targets · log targets).
    public static func targetsByRisk(_ set: RunSet) -> [Int] {
        let keys = set.targets.indices.map { t in
            (
                t: t, risk: set.likelihood(target: t) * set.riskWeight(target: t),
                worst: set.attackers.indices.map { set.outcomes[$0][t].probability }.max() ?? 0
            )
        }
        return keys.sorted { a, b in
            if a.risk != b.risk { return a.risk > b.risk }
            if a.worst != b.worst { return a.worst > b.worst }
            return a.t < b.t
        }.map(\.t)
    }

    /// Path cards for the `targetLimit` highest-risk targets (`targetsByRisk`), each with the
    /// `cardsPerTarget` paths carrying the largest shares of its compromises, and a row for
    /// each other target.
    public static func pathCards(
        model: PlantModel, results: RunSet, targetLimit: Int = ReportPathCards.targetLimit,
        cardsPerTarget: Int = ReportPathCards.cardsPerTarget
    ) throws(GraphvizError) -> ReportPathCards {
        let evidence = AttackEvidence.all(results)
        let maker = PathCardMaker(scenario: model.scenario, skeleton: model.skeleton)
        let narrator = PathNarrator(scenario: model.scenario, skeleton: model.skeleton)
        let ranked = targetsByRisk(results)
        var targets: [ReportPathCards.Target] = []
        for t in ranked.prefix(targetLimit) {
            let id = results.targets[t].id
            let all = maker.cards(target: id, evidence: evidence, limit: .max)
            var cards: [ReportPathCards.Card] = []
            for (k, card) in all.prefix(cardsPerTarget).enumerated() {
                let dot = PathCardPicture.graph(card, scenario: model.scenario)
                let picture = try picture(dot, id: "card\(t)-\(k)", title: "", caption: "")
                cards.append(
                    .init(
                        card: card, narration: narrator.narrate(card.edges), svg: picture.svg,
                        width: picture.svg.flatMap(viewBoxWidth)))
            }
            targets.append(.init(id: id, index: t, cards: cards, moreDistinctPaths: max(0, all.count - cards.count)))
        }
        let rest = ranked.dropFirst(targetLimit).map { t -> ReportPathCards.Row in
            let worst = results.attackers.indices.max { a, b in
                results.outcomes[a][t].probability < results.outcomes[b][t].probability
            }
            guard let a = worst else {
                return .init(id: results.targets[t].id, index: t, attacker: "–", probability: 0, path: nil)
            }
            let outcome = results.outcomes[a][t]
            return .init(
                id: results.targets[t].id, index: t, attacker: results.attackers[a].id,
                probability: outcome.probability,
                path: outcome.topPaths(1).first.map { narrator.narrate($0.edges) })
        }
        return ReportPathCards(targets: targets, rest: rest)
    }

    /// The width of an SVG's `viewBox="x y width height"`.
    static func viewBoxWidth(_ svg: String) -> Double? {
        guard let start = svg.range(of: "viewBox=\"") else { return nil }
        let numbers = svg[start.upperBound...].prefix { $0 != "\"" }.split(separator: " ")
        return numbers.count == 4 ? Double(numbers[2]) : nil
    }
}
