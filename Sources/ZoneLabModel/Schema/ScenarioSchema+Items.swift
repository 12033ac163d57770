import ZoneLabSource

/// The schema's items: zones, assets, conduits, credentials, attackers, targets.
extension ScenarioSchema {
    static var itemDefinitions: [(String, JSONValue)] {
        [
            ("zone", zone), ("asset", asset), ("vulnerability", vulnerability), ("inventory", inventory),
            ("transient", transient), ("conduit", conduit), ("channel", channel), ("credential", credential),
            ("attacker", attacker), ("target", target),
        ]
    }

    static let upgradeCost = number("Cost of raising it by one SL (any currency), >= 0.", minimum: 0)

    static var zone: JSONValue {
        object(
            "A zone: assets that share security requirements (IEC 62443-3-2 ZCR 3).",
            [
                ("id", ref("id", "Unique among zones, assets, conduits and credentials.")),
                ("name", string("A readable name (default the id).")),
                (
                    "level",
                    described(
                        "Purdue level 0..5, or 3.5 for the IT/OT DMZ.",
                        ["type": "number", "enum": [0, 1, 2, 3, 3.5, 4, 5]])
                ),
                ("sl_target", ref("slVector", "SL-T; a map gives 0 to the FRs it leaves out.")),
                ("sl_achieved", ref("slVector", "SL-A; a map leaves the FRs it leaves out not assessed.")),
                ("compensating", string("Why a shortfall is accepted (a compensating countermeasure).")),
                ("upgrade_cost", upgradeCost),
            ], required: ["id"])
    }

    static var asset: JSONValue {
        object(
            "A device or host in a zone.",
            [
                ("id", ref("id", "Unique among zones, assets, conduits and credentials.")),
                ("name", string("A readable name (default the id).")),
                ("zone", ref("id", "The zone it lies in.")),
                ("type", string("Free text: plc, hmi, ews, historian, server, workstation, rtu, sis, firewall, ...")),
                ("critical", boolean("A target of the analysis.")),
                ("sl_achieved", ref("slVector", "Overrides the zone's SL-A for the FRs it names.")),
                (
                    "vulnerabilities",
                    array("Known vulnerabilities; ids unique within the asset.", items: ref("vulnerability", nil))
                ),
                ("impact", ref("impact", "Consequence of its compromise.")),
                ("loss", ref("loss", "What its compromise costs.")),
                ("media", boolean("Accepts removable media such as USB sticks.")),
                (
                    "transient",
                    array("Zones it is carried into now and then (a maintenance laptop).", items: ref("transient", nil))
                ),
                ("inventory", ref("inventory", "What an asset inventory knows of it.")),
            ], required: ["id", "zone"])
    }

    static var vulnerability: JSONValue {
        object(
            "A known vulnerability of the asset.",
            [
                ("id", ref("id", "A CVE or other id, unique within the asset.")),
                ("severity", enumeration("How severe it is.", ["low", "medium", "high", "critical"])),
                ("exploit", enumeration("Whether exploit code is public (default none).", ["public", "none"])),
                ("preauth", boolean("Exploitable before authentication, e.g. on a VPN appliance.")),
            ], required: ["id", "severity"])
    }

    static var inventory: JSONValue {
        object(
            "Inventory data, as OT monitoring products export it.",
            [
                ("ip", string("IP address.")), ("mac", string("MAC address.")), ("vendor", string("Vendor name.")),
                ("model", string("Product or model name.")), ("firmware", string("Firmware or software version.")),
            ])
    }

    static var transient: JSONValue {
        object(
            "A visit to another zone.",
            [
                ("zone", ref("id", "The zone visited (not the asset's own).")),
                ("every", ref("duration", "About how often; positive.")),
            ], required: ["zone", "every"])
    }

    static var conduit: JSONValue {
        object(
            "A conduit between exactly two zones and the controls on it.",
            [
                ("id", ref("id", "Unique among zones, assets, conduits and credentials.")),
                ("name", string("A readable name (default the id).")),
                ("zones", array("The two distinct zones it joins.", items: ref("id", nil), minItems: 2, maxItems: 2)),
                (
                    "direction",
                    enumeration(
                        "both (default), or forward: only from zones[0] to zones[1] (a data diode).",
                        ["both", "forward"])
                ),
                ("sl_achieved", ref("slVector", "SL-A; TRE is the monitoring of the conduit.")),
                ("sl_target", ref("slVector", "SL-T; default per FR the larger of the two zones' SL-T.")),
                (
                    "channels",
                    array("The allow-list: absent = any flow; [] = no flow at all.", items: ref("channel", nil))
                ),
                ("upgrade_cost", upgradeCost),
            ], required: ["id", "zones"])
    }

    static var channel: JSONValue {
        object(
            "One allowed one-way flow, from an asset or zone on one side to one on the other.",
            [
                ("id", ref("id", "Optional id; default the content id <from>><to>:<protocol>.")),
                ("from", ref("id", "Where the flow starts: an asset or zone.")),
                ("to", ref("id", "Where it ends: an asset or zone on the other side.")),
                ("protocol", string("The protocol, e.g. https, modbus, rdp.")),
            ], required: ["from", "to"])
    }

    static var credential: JSONValue {
        object(
            "Credentials an attacker can harvest from where they are stored and use.",
            [
                ("id", ref("id", "Unique among zones, assets, conduits and credentials.")),
                ("name", string("A readable name.")),
                ("stored_on", array("Assets it is stored on.", items: ref("id", nil), minItems: 1)),
                ("grants", array("Conduits or assets it opens.", items: ref("id", nil), minItems: 1)),
                (
                    "factor",
                    enumeration("password (default) or token (opens MFA-protected logins).", ["password", "token"])
                ),
            ], required: ["id", "stored_on", "grants"])
    }

    static var attacker: JSONValue {
        object(
            "An attacker.",
            [
                ("id", ref("id", "Unique among attackers.")),
                ("capability", integer("Capability 1..4 (the SL it matches).", minimum: 1, maximum: 4)),
                (
                    "entry",
                    oneOrList("Where it starts; default the scenario's entry.", item: ref("id", nil), minItems: 1)
                ),
                ("horizon", ref("duration", "Its horizon; positive.")),
                ("rate", number("Attempts per year, > 0.", exclusiveMinimum: 0)),
                ("media", boolean("Brings removable media.")),
            ], required: ["id", "capability"])
    }

    static var target: JSONValue {
        described(
            "A target: an asset or zone id, or {id, impact, loss}.",
            [
                "anyOf": [
                    ref("id", nil),
                    object(
                        "A target with its consequence (wins over the asset's own).",
                        [
                            ("id", ref("id", "The asset or zone.")),
                            ("impact", ref("impact", nil)),
                            ("loss", ref("loss", nil)),
                        ], required: ["id"]),
                ]
            ])
    }
}
