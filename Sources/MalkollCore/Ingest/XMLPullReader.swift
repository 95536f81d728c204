import CLibXML2
import Foundation

/// libxml2, set up once for hostile input: its external entity loader is
/// replaced by one that refuses everything, so no DTD, entity or XInclude
/// is ever read from disk or network, whatever a document asks for.
enum LibXML {
    static let ready: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        // Nothing libxml2 says goes to stderr; readers collect errors themselves.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }()

    /// libxml2's own nesting limit without XML_PARSE_HUGE (for XML and HTML).
    static let maxDepth = 256

    /// The first error libxml2 reports while reading, for the message.
    final class ErrorBox {
        var message: String?
        var isDepth = false
        func record(_ error: UnsafePointer<xmlError>?) {
            guard message == nil, let e = error?.pointee, e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let text = e.message.map { String(cString: $0) } ?? "error \(e.code)"
            // libxml2 adds detail lines ("Bytes: 0xE5 ..."): the message stays one line.
            let first = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
            message = first.trimmingCharacters(in: .whitespaces) + (e.line > 0 ? " (line \(e.line))" : "")
            if text.contains("Excessive depth") { isDepth = true }
        }
    }
}

/// A streaming XML reader (libxml2's xmlTextReader) for the parts of DOCX
/// and ODT files: entities are never substituted, external ones never
/// loaded, a DOCTYPE is refused outright (neither format has one, and
/// entity tricks need one), and nesting is limited.
final class XMLPullReader {
    enum Node { case start, end, text, other }

    private let reader: xmlTextReaderPtr
    private let errors = LibXML.ErrorBox()
    private let source: String
    private let part: String
    /// The bytes stay alive while libxml2 reads them.
    private let buffer: UnsafeMutableBufferPointer<CChar>
    private(set) var node: Node = .other
    private(set) var isEmpty = false

    init(_ bytes: [UInt8], source: String, part: String) throws {
        _ = LibXML.ready
        self.source = source
        self.part = part
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress { memcpy(buffer.baseAddress!, base, bytes.count) }
        }
        self.buffer = buffer
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOBLANKS.rawValue)
        guard let r = xmlReaderForMemory(buffer.baseAddress, Int32(clamping: bytes.count), nil, nil, options) else {
            buffer.deallocate()
            throw MalkollError.unreadable(path: source, reason: "\(part): cannot start the XML parser")
        }
        reader = r
        xmlTextReaderSetStructuredErrorHandler(r, { arg, error in
            guard let arg else { return }
            Unmanaged<LibXML.ErrorBox>.fromOpaque(arg).takeUnretainedValue().record(error)
        }, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer.deallocate()
    }

    /// Moves to the next node; false at the end of the document.
    func next() throws -> Bool {
        let rc = xmlTextReaderRead(reader)
        if rc == 0 { return false }
        if rc < 0 { throw failure() }
        let depth = Int(xmlTextReaderDepth(reader))
        if depth >= LibXML.maxDepth { throw tooDeep() }
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            node = .start
            isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            node = .end
            isEmpty = false
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            node = .text
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            throw MalkollError.unreadable(path: source, reason: "\(part) has a DOCTYPE (not allowed in this format; entities are never expanded)")
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            throw MalkollError.unreadable(path: source, reason: "\(part) uses an undeclared entity (entities are never expanded)")
        default:
            node = .other
        }
        return true
    }

    /// Names and namespace URIs are interned in libxml2's dictionary: a
    /// pointer stands for its string, so each is made a Swift string once.
    private var interned: [UnsafePointer<xmlChar>: String] = [:]

    private func intern(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        if let s = interned[p] { return s }
        let s = String(cString: p)
        interned[p] = s
        return s
    }

    /// The local name of the current element ("p" for <w:p>).
    var name: String { intern(xmlTextReaderConstLocalName(reader)) }

    /// The namespace URI of the current element or attribute.
    var namespace: String { intern(xmlTextReaderConstNamespaceUri(reader)) }

    /// The text of a text node.
    var text: String {
        guard let p = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: p)
    }

    /// Calls `body` with the UTF-8 bytes of a text node (no String made).
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let p = xmlTextReaderConstValue(reader) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: p, count: strlen(p)))
    }

    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// The value of the attribute with this local name (any namespace).
    func attribute(_ local: String) -> String? {
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        repeat {
            if let n = xmlTextReaderConstLocalName(reader), String(cString: n) == local,
               let v = xmlTextReaderConstValue(reader) {
                return String(cString: v)
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        return nil
    }

    /// Skips the rest of the current element (its whole subtree).
    func skipElement() throws {
        guard node == .start, !isEmpty else { return }
        let target = depth
        while try next() {
            if node == .end && depth == target { return }
        }
    }

    /// The text of the first element with this local name (white space
    /// collapsed), or nil: a title in DOCX core properties or ODF meta.xml.
    static func firstText(of element: String, in bytes: [UInt8], source: String, part: String) throws -> String? {
        let r = try XMLPullReader(bytes, source: source, part: part)
        var inside = false
        var text = ""
        while try r.next() {
            switch r.node {
            case .start: inside = r.name == element
            case .end:
                inside = false
                let t = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if !t.isEmpty { return t }
            case .text: if inside { text += r.text }
            case .other: break
            }
        }
        return nil
    }

    private func failure() -> MalkollError {
        if errors.isDepth { return tooDeep() }
        let why = errors.message ?? "malformed XML"
        return .unreadable(path: source, reason: "\(part): malformed XML: \(why)")
    }

    private func tooDeep() -> MalkollError {
        .unreadable(path: source, reason: "\(part): XML nests deeper than \(LibXML.maxDepth) levels")
    }
}
