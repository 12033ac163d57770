import Foundation
import OrderedCollections
import ZoneLabModel
import ZoneLabSource

/// An IEC 62443-3-3 system requirement (SR) or requirement enhancement (RE).
public struct SystemRequirement: Sendable, Hashable {
    /// e.g. `SR 1.1 RE(2)`.
    public var id: String
    public var fr: FR
    public var isEnhancement: Bool
    public var title: String
    /// The lowest SL at which it applies.
    public var level: Int
    /// Where public sources disagree: the other source's lowest SL (shown, never hidden).
    public var disputedLevel: Int?
    public var note: String?

    public var disputed: Bool { disputedLevel != nil }

    /// All 51 SRs and 49 REs.
    public static var all: [SystemRequirement] { table }
}

/// The requirements an element's SL-T calls for (level at most its SL-T for the FR), and
/// whether its SL-A covers each (level at most its SL-A). IEC 62443-3-2 ZCR 6.
public struct RequirementsReport: Sendable {
    public struct Entry: Sendable, Hashable {
        public var requirement: SystemRequirement
        public var covered: Bool
    }

    public struct Element: Sendable {
        public var id: String
        public var kind: String
        public var slTarget: SLVector
        public var slAchieved: SLVector
        /// The requirements called for on assessed FRs (SPEC 4 "not assessed": coverage is
        /// judged on assessed FRs only).
        public var entries: [Entry]
        /// FRs the element's SL-A leaves out, listed once instead of as open requirements.
        public var notAssessed: [FR]
        public var open: Int { entries.filter { !$0.covered }.count }
    }

    public var zones: [Element]
    public var conduits: [Element]

    public init(_ s: Scenario) {
        func element(_ id: String, _ kind: String, target: SLVector, achieved: SLVector) -> Element {
            let entries = SystemRequirement.all
                .filter { $0.level <= target[$0.fr] && achieved.isAssessed($0.fr) }
                .map { Entry(requirement: $0, covered: $0.level <= achieved[$0.fr]) }
            return Element(
                id: id, kind: kind, slTarget: target, slAchieved: achieved, entries: entries,
                notAssessed: achieved.notAssessedFRs)
        }
        zones = s.zones.values.map { element($0.id, "zone", target: $0.slTarget, achieved: $0.slAchieved) }
        conduits = s.conduits.values.map {
            element($0.id, "conduit", target: s.slTarget(of: $0), achieved: $0.slAchieved)
        }
    }

    /// SPEC 7: `zonelab_requirements: 1`.
    public func json(toolVersion: String, sha256: String) -> JSONValue {
        func list(_ elements: [Element]) -> JSONValue {
            .array(
                elements.map { e in
                    .object([
                        ("id", .string(e.id)),
                        ("not_assessed", .array(e.notAssessed.map { .string($0.rawValue) })),
                        (
                            "requirements",
                            .array(
                                e.entries.map { entry in
                                    var pairs: [(String, JSONValue)] = [
                                        ("id", .string(entry.requirement.id)),
                                        ("fr", .string(entry.requirement.fr.rawValue)),
                                        ("level", .int(entry.requirement.level)),
                                        ("title", .string(entry.requirement.title)),
                                        ("covered", .bool(entry.covered)),
                                        ("disputed", .bool(entry.requirement.disputed)),
                                    ]
                                    if let other = entry.requirement.disputedLevel {
                                        pairs.append(("disputed_level", .int(other)))
                                    }
                                    pairs.append(("enhancement", .bool(entry.requirement.isEnhancement)))
                                    if let note = entry.requirement.note { pairs.append(("note", .string(note))) }
                                    return .object(pairs)
                                })
                        ),
                    ])
                })
        }
        return .object([
            ("zonelab_requirements", 1),
            ("tool", .object([("name", "zonelab"), ("version", .string(toolVersion))])),
            ("scenario_sha256", .string(sha256)),
            ("zones", list(zones)), ("conduits", list(conduits)),
        ])
    }

    /// One row per element and requirement, RFC 4180 quoting.
    public func csv() -> String {
        var lines = ["element_kind,element,requirement,fr,level,title,covered,disputed"]
        for e in zones + conduits {
            for entry in e.entries {
                let r = entry.requirement
                lines.append(
                    [
                        e.kind, e.id, r.id, r.fr.rawValue, String(r.level), r.title, String(entry.covered),
                        String(r.disputed),
                    ].map(Formatting.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
