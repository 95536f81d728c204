/// Builds HTML into one growing byte buffer. Every piece of document or
/// analysis text goes through `text` or an attribute value, which escape it;
/// only the renderer's own markup goes through `raw`.
struct HTMLWriter {
    private(set) var bytes: [UInt8] = []

    init(reserve: Int = 0) {
        bytes.reserveCapacity(reserve)
    }

    /// Markup written by the renderer itself (never document text).
    mutating func raw(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    /// Escaped text content.
    mutating func text(_ s: String) {
        for scalar in s.unicodeScalars { scalarText(scalar) }
    }

    /// One escaped scalar of text content. Control characters other than
    /// tab and line breaks are not allowed in HTML: they become U+FFFD.
    mutating func scalarText(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "&": raw("&amp;")
        case "<": raw("&lt;")
        case ">": raw("&gt;")
        case "\"": raw("&quot;")
        case "\t", "\n", "\r": bytes.append(UInt8(scalar.value))
        default:
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
    }

    /// ` name="value"`, the value escaped (quotes included).
    mutating func attr(_ name: String, _ value: String) {
        raw(" \(name)=\"")
        text(value)
        raw("\"")
    }

    /// `<tag class="…">text</tag>`.
    mutating func element(_ tag: String, class cls: String? = nil, _ content: String) {
        raw("<\(tag)")
        if let cls { attr("class", cls) }
        raw(">")
        text(content)
        raw("</\(tag)>")
    }
}
