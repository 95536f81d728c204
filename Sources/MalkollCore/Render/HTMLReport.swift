/// The self-contained HTML report (`malkoll report`, `analyze --format html`).
/// (Placeholder until the report lands.)
public enum HTMLReport {
    public static func render(_ items: [(analysis: Analysis, document: Document)]) -> [UInt8] {
        Array("<!doctype html><html lang=\"sv\"><meta charset=\"utf-8\"><title>malkoll</title><p>Rapporten byggs.</p></html>\n".utf8)
    }
}
