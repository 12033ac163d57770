import ZoneLabSource

/// The JSON Schema (draft 2020-12) of the scenario format, SPEC section 2 with every v2 key.
///
/// Editors that speak JSON Schema (VS Code with the YAML extension, JetBrains IDEs) complete and
/// check scenario files against it; `zonelab schema` prints it and
/// `schema/zonelab-scenario.schema.json` is its output, kept in step by a test. It checks the
/// structure (keys, types, ranges, id charset); what needs the whole file (references resolve,
/// ids unique, at least one target) stays with `zonelab validate`.
public enum ScenarioSchema {
    /// The schema's `$id`.
    public static let id = "https://zonelab.dev/schema/zonelab-scenario.schema.json"

    /// The schema as a JSON value.
    public static var document: JSONValue {
        .object([
            ("$schema", "https://json-schema.org/draft/2020-12/schema"),
            ("$id", .string(id)),
            ("title", "ZoneLab scenario"),
            (
                "description",
                "A plant model for ZoneLab: IEC 62443 zones, assets, conduits and attackers (format version 1, with the v2 keys)."
            ),
            ("type", "object"),
            ("required", ["zonelab", "name", "zones"]),
            ("additionalProperties", false),
            ("properties", .object(topProperties)),
            ("$defs", .object(definitions)),
        ])
    }

    /// The schema as the file holds it: two-space JSON and a final line break.
    public static var text: String { document.serialized() + "\n" }

    static var topProperties: [(String, JSONValue)] {
        [
            ("zonelab", described("Format version; must be 1.", ["const": 1])),
            ("name", string("The plant's name; names the report folder.", minLength: 1)),
            ("description", string("Free text about the plant.")),
            ("horizon", ref("duration", "Horizon of every attacker that has none of its own.")),
            (
                "tolerable",
                number("Tolerable P(compromise within the horizon), 0..1 (default 0.05).", minimum: 0, maximum: 1)
            ),
            (
                "entry",
                oneOrList(
                    "Zones or assets where the default attackers start (one id or a list); required unless every attacker names its own.",
                    item: ref("id", "A zone or asset id."), minItems: 1)
            ),
            (
                "targets",
                oneOrList(
                    "Extra targets (asset or zone ids) beside the critical assets; an entry may be an id or {id, impact, loss}.",
                    item: ref("target", nil))
            ),
            ("zones", array("The zones (IEC 62443-3-2), at least one.", items: ref("zone", nil), minItems: 1)),
            ("assets", array("Devices and hosts, each in one zone.", items: ref("asset", nil))),
            ("conduits", array("Conduits: the communication between two zones.", items: ref("conduit", nil))),
            (
                "credentials",
                array("Credentials an attacker can harvest and use.", items: ref("credential", nil))
            ),
            (
                "attackers",
                array(
                    "The attackers; absent = the default attackers SL1..SL4 starting at `entry`.",
                    items: ref("attacker", nil), minItems: 1)
            ),
            (
                "calibration",
                ref("calibration", "Overrides of the default calibration; cells not given keep defaults.")
            ),
            ("risk", ref("risk", "The risk settings; all keys optional.")),
        ]
    }

    static var definitions: [(String, JSONValue)] {
        [
            ("id", string("An id: letters, digits, '_', '.', '-'.", pattern: "^[A-Za-z0-9_.-]+$")),
            (
                "duration",
                described(
                    "A duration: a number of hours, or digits with an optional fraction and a unit m, h, d, w (7 d), y (365 d), no space: 90m, 1.5d.",
                    [
                        "anyOf": [
                            json(["type": "number", "minimum": 0]),
                            json(["type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?[mhdwy]$"]),
                        ]
                    ])
            ),
            ("level", integer("A security level 0..4.", minimum: 0, maximum: 4)),
            (
                "slVector",
                described(
                    "An SL: a scalar (every FR) or a map of FRs (IAC UC SI DC RDF TRE RA) to levels 0..4.",
                    ["anyOf": [ref("level", nil), ref("frMap", nil)]])
            ),
            (
                "frMap",
                object(
                    "Levels per foundational requirement of IEC 62443-3-3.",
                    FR.allCases.map { ($0.rawValue, ref("level", "FR\($0.number) \($0.rawValue): \($0.title).")) })
            ),
            (
                "fr",
                described("A foundational requirement.", ["enum": .array(FR.allCases.map { .string($0.rawValue) })])
            ),
            ("impact", impactDefinition),
            ("impactLevel", integer("A consequence level 1..5.", minimum: 1, maximum: 5)),
            (
                "loss",
                number("What the compromise costs (any currency), > 0.", exclusiveMinimum: 0)
            ),
            ("ttc", ttcDefinition),
        ] + itemDefinitions + settingsDefinitions
    }

    static var impactDefinition: JSONValue {
        let categories = ["safety", "environment", "production", "finance", "reputation"]
        return described(
            "Consequence of a compromise: a level 1..5, or a map of categories each 1..5 whose largest counts.",
            [
                "anyOf": [
                    ref("impactLevel", nil),
                    object(
                        "Consequence levels per category.",
                        categories.map {
                            ($0, described("The \($0) consequence, 1..5.", ["$ref": "#/$defs/impactLevel"]))
                        },
                        minProperties: 1),
                ]
            ])
    }

    static var ttcDefinition: JSONValue {
        func shape(_ dist: String, _ keys: [String], _ text: String) -> JSONValue {
            var properties: [(String, JSONValue)] = [("dist", described("The distribution.", ["const": .string(dist)]))]
            for key in keys {
                properties.append(
                    key == "sigma"
                        ? (key, number("The log-normal sigma, > 0.", exclusiveMinimum: 0))
                        : (key, ref("duration", "The \(key) time.")))
            }
            return object(text, properties, required: ["dist"] + keys)
        }
        return described(
            "A time-to-compromise distribution.",
            [
                "oneOf": [
                    shape("instant", [], "No time at all."),
                    shape("fixed", ["time"], "Always the same time."),
                    shape("exponential", ["mean"], "Exponential with the given mean."),
                    shape("lognormal", ["median", "sigma"], "Log-normal with the given median and sigma."),
                    shape("uniform", ["min", "max"], "Uniform between min and max."),
                ]
            ])
    }
}
