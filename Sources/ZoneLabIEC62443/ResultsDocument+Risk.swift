import ZoneLabModel
import ZoneLabSource

/// Reading back the risk keys of a results file: a target's consequence, the `risk` block, an
/// attacker's rate, and a shard's unmitigated counts.
extension ResultsDocument.Decoder {
    /// A target's `impact` (with `impact_categories`) and `loss`; nil when the file has neither.
    mutating func consequence(_ node: DocumentNode, of id: String) -> Consequence? {
        guard node["impact"] != nil || node["loss"] != nil else { return nil }
        var impact: Impact?
        if let level = node["impact"].flatMap({ $0.isNull ? nil : d.integer($0, "'impact' of '\(id)'", in: 1...5) }) {
            impact = Impact(level: level)
            if case .mapping(let pairs)? = node["impact_categories"]?.kind {
                let entries = pairs.compactMap { pair -> (category: String, level: Int)? in
                    guard let key = pair.key.text, let value = d.integer(pair.value, "an impact category", in: 1...5)
                    else { return nil }
                    return (key, value)
                }
                if !entries.isEmpty { impact = Impact(byCategory: entries) }
            }
        }
        let loss = node["loss"].flatMap {
            $0.isNull ? nil : d.number($0, "'loss' of '\(id)'", in: 0...Double.greatestFiniteMagnitude)
        }
        return Consequence(impact: impact, loss: loss)
    }

    /// The `risk` block as written by `RunSet.json()`.
    mutating func riskSettings(_ node: DocumentNode) -> RiskSettings? {
        guard let bandsNode = require(node, "likelihood_bands", in: "'risk'"),
            let matrixNode = require(node, "matrix", in: "'risk'"),
            let tolerableNode = require(node, "tolerable", in: "'risk'")
        else { return nil }
        let bands = (d.list(bandsNode, "'likelihood_bands'") ?? []).compactMap { d.number($0, "a likelihood band") }
        var matrix: [[RiskLevel]] = []
        for row in 1...5 {
            let items = matrixNode["\(row)"].flatMap { d.list($0, "row \(row) of 'matrix'") } ?? []
            matrix.append(items.compactMap { $0.text.flatMap(RiskLevel.init(rawValue:)) })
        }
        guard bands.count == 4, matrix.allSatisfy({ $0.count == 5 }),
            let tolerable = tolerableNode.text.flatMap(RiskLevel.init(rawValue:))
        else {
            d.error("'risk' must give four likelihood bands, a 5×5 matrix and a tolerable level", at: node.location)
            return nil
        }
        return RiskSettings(likelihoodBands: bands, matrix: matrix, tolerable: tolerable)
    }

    /// A shard's `shard_unmitigated`: compromise counts `[attacker][target]`.
    mutating func unmitigated(_ node: DocumentNode) -> [[Int]]? {
        guard let rows = d.list(node, "'shard_unmitigated'") else { return nil }
        return rows.map { row in
            (d.list(row, "a row of 'shard_unmitigated'") ?? []).compactMap { count($0, "a compromise count") }
        }
    }
}
