import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

extension Calibration {
    /// The calibration as recorded in every output: the whole table, not only the overrides.
    public var json: JSONValue {
        .object([
            (
                "gap",
                .object(
                    Self.gaps.reversed().map { d in
                        let cell = gap[d]!
                        return (String(d), .object([("p", .number(cell.p)), ("ttc", Self.json(cell.ttc))]))
                    })
            ),
            ("horizon_hours", .object(horizonHours.keys.sorted().map { (String($0), .number(horizonHours[$0]!)) })),
            ("conduit_frs", .array(conduitFRs.map { .string($0.rawValue) })),
            ("asset_frs", .array(assetFRs.map { .string($0.rawValue) })),
            ("iacs_types", .array(iacsTypes.map { .string($0) })),
            ("iacs_capability", .int(iacsCapability)),
            ("iacs_penalty", .int(iacsPenalty)),
            ("detect", .object(Self.gaps.reversed().map { (String($0), .number(detect[$0] ?? 0)) })),
            (
                "response",
                .object(Self.monitoringLevels.map { m in (String(m), response[m].map(Self.json) ?? .null) })
            ),
            ("rate", .object(rate.keys.sorted().map { (String($0), .number(rate[$0]!)) })),
            ("mfa_level", .int(mfaLevel)),
        ])
    }

    static func json(_ ttc: TimeDistribution) -> JSONValue {
        GraphFile.ttcJSON(ttc)
    }

    /// True when this is exactly the standard calibration of SPEC 3.3.
    public var isStandard: Bool { self == .standard }
}
