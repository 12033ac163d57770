/// Choices shared by the pictures.
public struct PictureOptions: Sendable, Hashable {
    /// Above this many assets, zones are drawn as single nodes with asset counts and only the
    /// assets on the paths shown are drawn.
    public var collapseAbove: Int
    /// From which criticality on a conduit counts as weak for the attacker shown.
    public var criticalityThreshold: Double
    /// Most assets side by side in a zone before a new row starts.
    public var columnsPerZone: Int

    public init(collapseAbove: Int = 150, criticalityThreshold: Double = 0.25, columnsPerZone: Int = 2) {
        self.collapseAbove = collapseAbove
        self.criticalityThreshold = criticalityThreshold
        self.columnsPerZone = max(1, columnsPerZone)
    }
}
