/// The layers a stage can need and give (in the spirit of spaCy's component
/// metadata and Sparv's annotator signatures).
public enum Layer: String, Sendable, CaseIterable {
    case text, blocks, tokens, sentences, structure, goals, fields, links, verdicts, findings
}

/// One step of the pipeline: takes the document (and the analysis so far)
/// and adds its layer. Stages never return bare strings, so offsets survive.
public protocol Stage {
    var name: String { get }
    var needs: Set<Layer> { get }
    var gives: Set<Layer> { get }
}
