/// How an asset is drawn, by its free-text `type`.
public enum AssetShape: String, CaseIterable, Sendable, Hashable {
    /// Controllers: plc, sis, rtu, ied, controller, dcs.
    case controller
    /// Operator and engineering seats: hmi, ews, workstation, laptop.
    case station
    /// Servers and historians.
    case server
    /// Boundary devices: firewall, gateway.
    case boundary
    /// Anything else (switches, I/O, sensors...).
    case other

    /// The shape for an asset `type` (case ignored; nil is `other`).
    public init(type: String?) {
        switch type?.lowercased() {
        case "plc", "sis", "rtu", "ied", "controller", "dcs": self = .controller
        case "hmi", "ews", "workstation", "laptop": self = .station
        case "server", "historian": self = .server
        case "firewall", "gateway": self = .boundary
        default: self = .other
        }
    }

    /// The Graphviz node shape.
    public var graphvizShape: String {
        switch self {
        case .controller: "box3d"
        case .station: "box"
        case .server: "cylinder"
        case .boundary: "hexagon"
        case .other: "ellipse"
        }
    }

    /// Words for the legend.
    public var legend: String {
        switch self {
        case .controller: "controller (PLC, SIS, RTU, IED, DCS)"
        case .station: "HMI, engineering station, workstation"
        case .server: "server, historian"
        case .boundary: "firewall, gateway"
        case .other: "other device"
        }
    }
}
