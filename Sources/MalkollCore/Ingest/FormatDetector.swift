/// Tells what an input is from its bytes: magic numbers, the members of a
/// ZIP container, markup. The file name only breaks a tie that the content
/// leaves open (Markdown looks like plain text).
public enum FormatDetector {
    public enum Verdict: Equatable, Sendable {
        case format(SourceFormat)
        /// Recognised but not readable; the reason says what it is and what to do.
        case unsupported(String)
    }

    public static func detect(_ bytes: [UInt8], name: String = "") -> Verdict {
        let head = bytes.prefix(1024)
        if contains(head, "%PDF-") { return .format(.pdf) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return zipKind(bytes)
        }
        if let what = otherBinary(bytes) { return .unsupported(what) }
        let ext = fileExtension(name)
        if looksLikeHTML(bytes) { return .format(.html) }
        if ["md", "markdown", "mdown", "mkd"].contains(ext) || MarkdownReader.looksLikeMarkdown(bytes) {
            return .format(.markdown)
        }
        return .format(.text)
    }

    /// What a ZIP holds, from its member names. Reads the local file headers
    /// and the central directory as plain bytes, so a truncated archive is
    /// still recognised (and then refused with the right reason).
    static func zipKind(_ bytes: [UInt8]) -> Verdict {
        // Member names sit in the local headers (Word writes the main part
        // among the first) and in the central directory at the end.
        let ends = [Array(bytes.prefix(1 << 20)), Array(bytes.suffix(1 << 20))]
        if ends.contains(where: { contains($0, "word/document.xml") }) { return .format(.docx) }
        if contains(bytes.prefix(200), "mimetypeapplication/vnd.oasis.opendocument.text") { return .format(.odt) }
        if contains(bytes.prefix(200), "mimetypeapplication/vnd.oasis.opendocument.") {
            return .unsupported("an OpenDocument file that is not a text document (spreadsheet or presentation)")
        }
        if ends.contains(where: { contains($0, "content.xml") && contains($0, "META-INF/manifest.xml") }) { return .format(.odt) }
        if ends.contains(where: { contains($0, "xl/workbook.xml") }) { return .unsupported("an Excel workbook (XLSX), not a text document") }
        if ends.contains(where: { contains($0, "ppt/presentation.xml") }) { return .unsupported("a PowerPoint presentation (PPTX), not a text document") }
        return .unsupported("a ZIP archive that is neither DOCX nor ODT")
    }

    /// Binary formats people mistake for documents, with what to do instead.
    static func otherBinary(_ b: [UInt8]) -> String? {
        if b.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "a legacy Office file (Word 97-2003 .doc); save it as DOCX or PDF"
        }
        if b.starts(with: Array("{\\rtf".utf8)) { return "an RTF file; save it as DOCX or PDF" }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47]) || b.starts(with: [0xFF, 0xD8, 0xFF])
            || b.starts(with: Array("GIF8".utf8)) || b.starts(with: [0x49, 0x49, 0x2A, 0x00]) || b.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            return "an image, not a document; OCR it first"
        }
        if b.starts(with: [0x1F, 0x8B]) { return "a gzip archive; unpack it first" }
        if b.starts(with: Array("7z".utf8) + [0xBC, 0xAF]) || b.starts(with: Array("Rar!".utf8)) {
            return "a compressed archive; unpack it first"
        }
        if b.starts(with: [0x7F, 0x45, 0x4C, 0x46]) { return "an executable, not a document" }
        return nil
    }

    /// Markup at the start: a doctype, <html>, <head>, <body>, or an XHTML
    /// prolog followed by <html>. Text that merely mentions a tag further
    /// down stays text.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        // Lower-cased ASCII of the first KB (UTF-16 with BOM: its low bytes).
        var ascii: [UInt8] = []
        ascii.reserveCapacity(1024)
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            let little = bytes[0] == 0xFF
            var i = 2
            while i + 1 < bytes.count && ascii.count < 1024 {
                let (lo, hi) = little ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
                ascii.append(hi == 0 ? lo : 0x3F)
                i += 2
            }
        } else {
            ascii = Array(bytes.prefix(1027).drop(while: { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }).prefix(1024))
        }
        let head = ascii.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        var k = 0
        while k < head.count, head[k] == 0x20 || head[k] == 0x0A || head[k] == 0x0D || head[k] == 0x09 { k += 1 }
        let rest = Array(head[k...])
        guard rest.first == 0x3C else { return false } // "<"
        for prefix in ["<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<title"] where rest.starts(with: Array(prefix.utf8)) {
            return true
        }
        if rest.starts(with: Array("<?xml".utf8)) { return contains(rest, "<html") }
        // A fragment: starts with a common block tag.
        for tag in ["<div", "<p>", "<p ", "<h1", "<h2", "<h3", "<section", "<article", "<main", "<table", "<ul", "<ol"] where rest.starts(with: Array(tag.utf8)) {
            return true
        }
        return false
    }

    static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Whether `needle` (ASCII) occurs in `hay` (a naive scan; the needles
    /// are short and the first byte rarely matches).
    static func contains<C: Collection>(_ hay: C, _ needle: String) -> Bool where C.Element == UInt8, C.Index == Int {
        let n = Array(needle.utf8)
        guard let first = n.first, hay.count >= n.count else { return false }
        var i = hay.startIndex
        let last = hay.endIndex - n.count
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < n.count && hay[i + j] == n[j] { j += 1 }
                if j == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
