/// An output format of a picture.
public enum RenderFormat: String, CaseIterable, Sendable, Hashable {
    /// Scalable vector graphics, for browsers and reports.
    case svg
    /// A bitmap (cairo renderer).
    case png
    /// A vector document (cairo renderer).
    case pdf
    /// The DOT text itself, not laid out: for editing or other Graphviz tools.
    case dot

    /// The file name extension.
    public var fileExtension: String { rawValue }
}
