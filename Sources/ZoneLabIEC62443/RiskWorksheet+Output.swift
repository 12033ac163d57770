import ZoneLabModel
import ZoneLabSource

extension RiskWorksheet {
    /// SPEC 7: `{"zonelab_risk": 1, …, "zones": [{"id", "sl_target", "risk_based_sl_target", "targets": […]}]}`.
    public func json(toolVersion: String) -> JSONValue {
        func rating(_ r: RiskRating?) -> JSONValue { r.map { .object(RunSet.json($0)) } ?? .null }
        return .object([
            ("zonelab_risk", 1),
            ("tool", .object([("name", "zonelab"), ("version", .string(toolVersion))])),
            ("seed", .int(Int(truncatingIfNeeded: seed))), ("trials", .int(trials)),
            ("scenario_sha256", .string(sha256)), ("calibration", calibration), ("risk", RunSet.json(risk)),
            (
                "zones",
                .array(
                    zones.map { zone in
                        var pairs: [(String, JSONValue)] = [
                            ("id", .string(zone.id)), ("name", .string(zone.name)), ("sl_target", .int(zone.slTarget)),
                            ("risk_based_sl_target", zone.riskBasedSLT.map { .int($0) } ?? .null),
                        ]
                        if let reason = zone.reason { pairs.append(("reason", .string(reason))) }
                        pairs += [
                            ("sl_gap", .object(zone.gaps.map { ($0.fr.rawValue, .int($0.gap)) })),
                            ("not_assessed", .array(zone.notAssessed.map { .string($0.rawValue) })),
                            ("vulnerabilities", .array(zone.vulnerabilities.map(JSONValue.string))),
                            ("rationale", .string(zone.rationale)),
                            (
                                "targets",
                                .array(
                                    zone.targets.map { row in
                                        .object([
                                            ("id", .string(row.id)),
                                            ("impact", row.consequence.impact.map { .int($0.level) } ?? .null),
                                            ("loss", row.consequence.loss.map(JSONValue.number) ?? .null),
                                            (
                                                "threats",
                                                .array(
                                                    row.threats.map { threat in
                                                        .object([
                                                            ("attacker", .string(threat.attacker)),
                                                            ("capability", .int(threat.capability)),
                                                            ("rate", .number(threat.rate)),
                                                            ("entry", .array(threat.entry.map(JSONValue.string))),
                                                            ("p", .number(threat.p)),
                                                        ])
                                                    })
                                            ),
                                            ("unmitigated", rating(row.unmitigated)),
                                            ("residual", rating(row.residual)),
                                        ])
                                    })
                            ),
                        ]
                        return .object(pairs)
                    })
            ),
            ("structural", .array(structural.map(JSONValue.string))),
        ])
    }

    static func csvFields(zone: ZoneRow, row: TargetRow) -> [String] {
        func number(_ v: Double?) -> String { v.map { "\($0)" } ?? "" }
        func rating(_ r: RiskRating?) -> [String] {
            [
                number(r?.likelihood), r?.likelihoodLevel.map(String.init) ?? "", r?.risk?.rawValue ?? "",
                r?.tolerable.map { String($0) } ?? "",
            ]
        }
        let categories = row.consequence.impact?.byCategory.map { "\($0.category) \($0.level)" } ?? []
        let head: [String] = [
            zone.id, zone.name, String(zone.slTarget), zone.riskBasedSLT.map(String.init) ?? "", row.id,
            row.consequence.impact.map { String($0.level) } ?? "", categories.joined(separator: "; "),
            number(row.consequence.loss),
        ]
        return head + rating(row.unmitigated) + rating(row.residual) + [zone.rationale]
    }

    /// One row per zone and target, the columns an assessor's spreadsheet has (RFC 4180 quoting).
    public func csv() -> String {
        var lines = [
            [
                "zone", "zone_name", "declared_sl_t", "risk_based_sl_t", "target", "impact", "impact_categories",
                "loss",
                "unmitigated_lambda", "unmitigated_likelihood", "unmitigated_risk", "unmitigated_tolerable",
                "residual_lambda", "residual_likelihood", "residual_risk", "residual_tolerable", "rationale",
            ].joined(separator: ",")
        ]
        for zone in zones {
            for row in zone.targets {
                let fields = Self.csvFields(zone: zone, row: row)
                lines.append(fields.map(Formatting.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
