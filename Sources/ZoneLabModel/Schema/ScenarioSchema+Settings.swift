import ZoneLabSource

/// The schema's settings blocks: calibration and risk.
extension ScenarioSchema {
    static var settingsDefinitions: [(String, JSONValue)] {
        [("calibration", calibration), ("risk", risk)]
    }

    static var frList: JSONValue { array("FRs.", items: ref("fr", nil)) }

    static var calibration: JSONValue {
        let probability = number("A probability 0..1.", minimum: 0, maximum: 1)
        let cell = object(
            "One cell of the gap table; a key left out keeps its default.",
            [("p", probability), ("ttc", ref("ttc", "Time to compromise."))])
        return object(
            "Calibration overrides. `--calibration FILE` takes the same keys.",
            [
                ("gap", gapMap("Per gap d = capability - protection, -3..4: {p, ttc}.", value: cell)),
                ("horizon", keyedMap("Horizon per capability 1..4.", keys: 1...4, value: ref("duration", nil))),
                ("conduit_frs", array("FRs whose barriers a conduit puts in series.", items: ref("fr", nil))),
                ("asset_frs", array("FRs of an asset whose weakest is the avenue.", items: ref("fr", nil))),
                (
                    "iacs_types",
                    array("Asset types that need IACS-specific skills (case ignored).", items: string("A type."))
                ),
                ("iacs_capability", integer("Capability with IACS skills, 1..5 (5: none).", minimum: 1, maximum: 5)),
                ("iacs_penalty", integer("Protection added for IACS assets, 0..4.", minimum: 0, maximum: 4)),
                (
                    "rate",
                    keyedMap(
                        "Attempts per year of the default attackers, per capability 1..4.", keys: 1...4,
                        value: number("Attempts per year, > 0.", exclusiveMinimum: 0))
                ),
                ("detect", gapMap("Detection probability per gap c - m, -3..4.", value: probability)),
                (
                    "response",
                    keyedMap("Response time per monitoring level 1..4.", keys: 1...4, value: ref("ttc", nil))
                ),
                (
                    "mfa_level",
                    integer("IAC SL-A from which MFA stops a password, 1..5 (5: never).", minimum: 1, maximum: 5)
                ),
            ])
    }

    /// A map keyed by the gap -3..4.
    static func gapMap(_ text: String, value: JSONValue) -> JSONValue {
        described(
            text,
            [
                "type": "object",
                "propertyNames": json(["pattern": "^(-3|-2|-1|0|1|2|3|4)$"]),
                "additionalProperties": value,
            ])
    }

    static var risk: JSONValue {
        let levels = ["low", "medium", "high", "critical"]
        let row = array(
            "Five risk levels, likelihood band 1..5.", items: enumeration("A risk level.", levels), minItems: 5,
            maxItems: 5)
        return object(
            "Risk settings.",
            [
                (
                    "likelihood_bands",
                    array(
                        "Four strictly ascending positive bounds of the likelihood bands.",
                        items: number("A bound, > 0.", exclusiveMinimum: 0), minItems: 4, maxItems: 4)
                ),
                ("tolerable", enumeration("The highest tolerable risk level.", levels)),
                (
                    "matrix",
                    object(
                        "The risk matrix: rows by impact 1..5, all five.",
                        (1...5).map { (String($0), row) }, required: (1...5).map(String.init))
                ),
            ])
    }
}
