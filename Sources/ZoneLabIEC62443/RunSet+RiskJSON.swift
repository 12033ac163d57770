import ZoneLabModel
import ZoneLabSource

extension RunSet {
    /// The risk settings as every output records them.
    static func json(_ risk: RiskSettings) -> JSONValue {
        .object([
            ("likelihood_bands", .array(risk.likelihoodBands.map(JSONValue.number))),
            (
                "matrix",
                .object(
                    risk.matrix.enumerated().map { i, row in
                        (String(i + 1), .array(row.map { .string($0.rawValue) }))
                    })
            ),
            ("tolerable", .string(risk.tolerable.rawValue)),
        ])
    }

    /// A rating's four values (SPEC 7: `likelihood`, `likelihood_level`, `risk`, `tolerable`).
    static func json(_ rating: RiskRating) -> [(String, JSONValue)] {
        [
            ("likelihood", .number(rating.likelihood)),
            ("likelihood_level", rating.likelihoodLevel.map { .int($0) } ?? .null),
            ("risk", rating.risk.map { .string($0.rawValue) } ?? .null),
            ("tolerable", rating.tolerable.map { .bool($0) } ?? .null),
        ]
    }

    /// The consequence keys of target `t` (written in shard files too: merging needs them).
    func consequenceJSON(target t: Int) -> [(String, JSONValue)] {
        guard let consequence = targets[t].consequence else { return [] }
        var pairs: [(String, JSONValue)] = [("impact", consequence.impact.map { .int($0.level) } ?? .null)]
        if let impact = consequence.impact, !impact.byCategory.isEmpty {
            pairs.append(("impact_categories", .object(impact.byCategory.map { ($0.category, .int($0.level)) })))
        }
        pairs.append(("loss", consequence.loss.map(JSONValue.number) ?? .null))
        return pairs
    }

    /// The risk of target `t` as designed and unmitigated, and its zone's verdict (whole runs).
    func riskJSON(target t: Int, verdicts: ZoneVerdicts) -> [(String, JSONValue)] {
        guard targets[t].consequence != nil else { return [] }
        var pairs = Self.json(riskRating(target: t))
        if let zone = targets[t].zone, let verdict = verdicts.verdicts.first(where: { $0.zone == zone }) {
            pairs.insert(("meets_sl_target", .bool(verdict.meets)), at: 0)
        }
        let unmitigated = unmitigatedRating(target: t)
        pairs.append(
            (
                "risk_unmitigated",
                unmitigated.map { rating in .object(Self.json(rating)) } ?? .null
            ))
        return pairs
    }

    /// A shard's unmitigated compromise counts, `[attacker][target]`.
    var unmitigatedJSON: JSONValue? {
        unmitigated.map { counts in .array(counts.map { .array($0.map { .int($0) }) }) }
    }
}
