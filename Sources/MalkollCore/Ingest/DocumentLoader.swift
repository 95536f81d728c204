import Foundation

/// Limits that keep a hostile input from taking the machine: documented in
/// the README, each enforced where the input is read.
public struct ReadLimits: Sendable {
    /// Largest input file read at all.
    public var maxFileBytes = 256 * 1_048_576
    /// Largest inflated size of one ZIP member (DOCX/ODT part), checked while inflating.
    public var maxMemberBytes = 128 * 1_048_576
    /// Largest inflated size of all the ZIP members one document reads.
    public var maxInflatedBytes = 256 * 1_048_576
    /// Largest inflated/compressed ratio of a ZIP member...
    public var maxCompressionRatio = 200
    /// ...checked once the member has inflated past this many bytes.
    public var ratioCheckAfterBytes = 1_048_576
    /// Longest time pdftotext may take for one PDF.
    public var pdfSeconds: Double = 60
    /// Address space pdftotext may use.
    public var pdfMemoryBytes = 1_073_741_824
    public init() {}
}

/// What a format reader extracted: the text every offset points into, its
/// layout blocks, and what the format says about itself.
struct Extracted {
    var utf16: [UInt16]
    var blocks: [Block]
    var title: String? = nil
    var encoding = "utf-8"
    var warnings: [String] = []

    init(_ built: (utf16: [UInt16], blocks: [Block]), title: String? = nil,
         encoding: String = "utf-8", warnings: [String] = []) {
        utf16 = built.utf16
        blocks = built.blocks
        self.title = title
        self.encoding = encoding
        self.warnings = warnings
    }
}

/// Reads an input (a path, or "-" for standard input) into a `Document`:
/// the bytes, the format detected from the content, the decoded or
/// extracted text, and, for structured formats, its layout blocks (the
/// plain-text layout stage runs only for `.text`).
public enum DocumentLoader {
    public static func readBytes(path: String, limits: ReadLimits = ReadLimits()) throws -> [UInt8] {
        let mb = limits.maxFileBytes / 1_048_576
        if path == "-" {
            var data = Data()
            while true {
                let chunk = FileHandle.standardInput.readData(ofLength: 1 << 20)
                if chunk.isEmpty { break }
                data.append(chunk)
                if data.count > limits.maxFileBytes {
                    throw MalkollError.unreadable(path: "<stdin>", reason: "larger than the \(mb) MB input limit")
                }
            }
            return [UInt8](data)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw MalkollError.cannotOpen(path: path, reason: "no such file")
        }
        if isDir.boolValue { throw MalkollError.unreadable(path: path, reason: "is a directory, not a document") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MalkollError.cannotOpen(path: path, reason: "permission denied or not readable")
        }
        defer { try? handle.close() }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            throw MalkollError.unreadable(path: path, reason: "not a regular file (a device, pipe or socket)")
        }
        let size = (attributes?[.size] as? Int) ?? 0
        if size > limits.maxFileBytes {
            throw MalkollError.unreadable(path: path, reason: "larger than the \(mb) MB input limit")
        }
        // Straight into the array (no Data copy); at most one byte past the
        // limit, as the file may grow meanwhile. A large file is read in two
        // halves at once: each thread copies from the page cache and takes
        // the page faults of its half.
        let fd = handle.fileDescriptor
        let capacity = min(size, limits.maxFileBytes) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buf, count in
            let base = buf.baseAddress!
            if size >= 1 << 22 && Parallelism.maxThreads > 1 {
                let halves = Parallelism.pieces(size, 2) { _ in true }
                let got = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2)
                defer { got.deallocate() }
                Parallelism.run(2) { k in got[k] = readFully(fd, base + halves[k].lowerBound, halves[k].count, at: halves[k].lowerBound) }
                if got[0] == halves[0].count && got[1] == halves[1].count { count = size }
            }
            let rest = readFully(fd, base + count, capacity - count, at: count)
            if rest < 0 { failed = true } else { count += rest }
        }
        if failed { throw MalkollError.cannotOpen(path: path, reason: "read error (\(String(cString: strerror(errno))))") }
        if bytes.count == capacity {
            // The file grew past its size: read on to the limit.
            try? handle.seek(toOffset: UInt64(bytes.count))
            while bytes.count <= limits.maxFileBytes {
                let more = handle.readData(ofLength: 1 << 20)
                if more.isEmpty { break }
                bytes += more
            }
        }
        if bytes.count > limits.maxFileBytes {
            throw MalkollError.unreadable(path: path, reason: "larger than the \(mb) MB input limit")
        }
        return bytes
    }

    /// Reads up to `count` bytes at `offset` into `into`; the number read
    /// (short at the end of the file), or -1 on an error.
    static func readFully(_ fd: Int32, _ into: UnsafeMutablePointer<UInt8>, _ count: Int, at offset: Int) -> Int {
        var done = 0
        while done < count {
            let n = pread(fd, into + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return -1 }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Reads and decodes one input. `fingerprint: false` leaves
    /// `Document.sha256` empty, for callers that never report it (`segment`):
    /// hashing would be work for nothing.
    public static func load(path: String, limits: ReadLimits = ReadLimits(), lexicons: Lexicons? = nil,
                            fingerprint: Bool = true) throws -> Document {
        let bytes = try readBytes(path: path, limits: limits)
        return try load(bytes: bytes, source: path, limits: limits, lexicons: lexicons, fingerprint: fingerprint)
    }

    /// Reads one input from its bytes; `source` names it in messages (and
    /// its extension breaks a tie the content leaves open). `sha256`: the
    /// bytes' digest when the caller has it already.
    public static func load(bytes: [UInt8], source: String, limits: ReadLimits = ReadLimits(),
                            lexicons: Lexicons? = nil, fingerprint: Bool = true, sha256: String? = nil) throws -> Document {
        let sha = sha256 ?? (fingerprint ? SHA256.hex(bytes) : "")
        let format: SourceFormat
        switch FormatDetector.detect(bytes, name: source) {
        case let .unsupported(reason): throw MalkollError.unreadable(path: source, reason: reason)
        case let .format(f): format = f
        }
        if format == .text { return try loadText(bytes, source: source, sha: sha) }
        let vocabulary = try IngestVocabulary.load(lexicons)
        let extracted: Extracted
        switch format {
        case .html: extracted = try HTMLReader(source: source, vocabulary: vocabulary).read(bytes)
        case .docx: extracted = try DOCXReader(source: source, limits: limits).read(bytes)
        case .odt: extracted = try ODTReader(source: source, limits: limits).read(bytes)
        case .pdf: extracted = try PDFReader(source: source, limits: limits, vocabulary: vocabulary).read(bytes)
        case .markdown: extracted = try MarkdownReader(source: source).read(bytes)
        case .text: fatalError("handled above")
        }
        let doc = Document(source: source, sha256: sha, format: format, encoding: extracted.encoding,
                           utf16: extracted.utf16, blocks: extracted.blocks, title: extracted.title)
        doc.warnings = extracted.warnings
        return doc
    }

    private static func loadText(_ bytes: [UInt8], source: String, sha: String) throws -> Document {
        let decoded: TextDecoding.Decoded
        do {
            decoded = try TextDecoding.decode(bytes)
        } catch let TextDecoding.Failure.notText(reason) {
            throw MalkollError.unreadable(path: source, reason: reason)
        }
        let doc = Document(source: source, sha256: sha, format: .text, encoding: decoded.encoding,
                           utf16: decoded.utf16)
        doc.warnings = decoded.warnings
        return doc
    }
}
