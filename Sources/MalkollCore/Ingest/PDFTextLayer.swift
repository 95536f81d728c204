import Foundation

/// The text layer of a PDF as poppler's `pdftotext -tsv` sees it: pages,
/// and on each the lines of words with their boxes, in poppler's reading
/// order. pdftotext runs as a child process with a time limit and an
/// address-space limit, reading the PDF from a pipe (no temporary file).
struct PDFTextLayer {
    struct Word {
        var text: String
        var x0: Double, y0: Double, x1: Double, y1: Double
    }

    struct Line {
        var page: Int
        /// poppler's block within the page.
        var block: Int
        var words: [Word]
        var x0: Double { words.first?.x0 ?? 0 }
        var x1: Double { words.map(\.x1).max() ?? 0 }
        var y0: Double { words.map(\.y0).min() ?? 0 }
        var y1: Double { words.map(\.y1).max() ?? 0 }
        var height: Double { words.isEmpty ? 0 : words.map { $0.y1 - $0.y0 }.max()! }
        var text: String { words.map(\.text).joined(separator: " ") }
    }

    struct Page {
        var width: Double
        var height: Double
        var lines: [Line] = []
    }

    var pages: [Page] = []

    static func extract(_ bytes: [UInt8], source: String, limits: ReadLimits) throws -> PDFTextLayer {
        let tsv = try run(bytes, source: source, limits: limits)
        return parse(tsv)
    }

    /// Runs pdftotext; its exit status and first message become the reason.
    private static func run(_ bytes: [UInt8], source: String, limits: ReadLimits) throws -> [UInt8] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        let kb = max(limits.pdfMemoryBytes / 1024, 65536)
        p.arguments = ["-c", "ulimit -v \(kb) 2>/dev/null; exec pdftotext -tsv -enc UTF-8 - -"]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = stderr
        do {
            try p.run()
        } catch {
            throw MalkollError.unreadable(path: source, reason: "cannot run pdftotext (\(error.localizedDescription))")
        }
        final class Box: @unchecked Sendable { var data = Data() }
        let out = Box(), err = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            out.data = stdout.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            err.data = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        let input = Data(bytes)
        DispatchQueue.global().async {
            // pdftotext may exit early on a bad file: a broken pipe is expected.
            let fd = stdin.fileHandleForWriting.fileDescriptor
            input.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n <= 0 { break }
                    offset += n
                }
            }
            try? stdin.fileHandleForWriting.close()
            group.leave()
        }
        let timedOut = group.wait(timeout: .now() + limits.pdfSeconds) == .timedOut
        if timedOut {
            p.terminate()
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            throw MalkollError.unreadable(path: source, reason: "PDF text extraction took longer than \(Int(limits.pdfSeconds)) s")
        }
        p.waitUntilExit()
        let status = p.terminationStatus
        if p.terminationReason == .uncaughtSignal {
            throw MalkollError.unreadable(path: source, reason: "pdftotext failed on this PDF (signal \(status); over the memory limit?)")
        }
        if status == 127 {
            throw MalkollError.unreadable(path: source, reason: "reading PDF needs poppler's pdftotext (apt-get install poppler-utils)")
        }
        if status != 0 {
            let message = String(decoding: err.data, as: UTF8.self)
            if message.contains("password") || status == 3 {
                throw MalkollError.unreadable(path: source, reason: "encrypted PDF (a password is needed to read it)")
            }
            let first = message.split(separator: "\n").first { $0.contains("Error") } ?? message.split(separator: "\n").first
            let detail = first.map { ": " + $0.trimmingCharacters(in: .whitespaces) } ?? ""
            throw MalkollError.unreadable(path: source, reason: "damaged or not a PDF (pdftotext\(detail))")
        }
        return [UInt8](out.data)
    }

    /// Parses `pdftotext -tsv`: level, page, par, block, line, word, left,
    /// top, width, height, conf, text. Level 1 rows are pages, 5 words.
    static func parse(_ tsv: [UInt8]) -> PDFTextLayer {
        var layer = PDFTextLayer()
        var lineKey = (-1, -1, -1, -1)
        tsv.withUnsafeBufferPointer { buf in
            var start = 0
            var first = true
            while start < buf.count {
                var end = start
                while end < buf.count && buf[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                if first { first = false; continue } // the header
                var fields: [Range<Int>] = []
                fields.reserveCapacity(12)
                var f = start
                for k in start..<end where buf[k] == 0x09 && fields.count < 11 {
                    fields.append(f..<k)
                    f = k + 1
                }
                fields.append(f..<end)
                guard fields.count == 12 else { continue }
                func int(_ i: Int) -> Int {
                    var v = 0
                    for k in fields[i] { let d = Int(buf[k]) - 48; if d < 0 || d > 9 { break }; v = v * 10 + d }
                    return v
                }
                func double(_ i: Int) -> Double {
                    var s = [CChar](repeating: 0, count: min(fields[i].count, 31) + 1)
                    for (n, k) in fields[i].prefix(31).enumerated() { s[n] = CChar(bitPattern: buf[k]) }
                    return strtod(s, nil)
                }
                let level = int(0)
                if level == 1 {
                    layer.pages.append(Page(width: double(8), height: double(9)))
                    continue
                }
                guard level == 5, !layer.pages.isEmpty else { continue }
                let text = String(decoding: UnsafeBufferPointer(rebasing: buf[fields[11]]), as: UTF8.self)
                if text.isEmpty { continue }
                let x = double(6), y = double(7), w = double(8), h = double(9)
                let word = Word(text: text, x0: x, y0: y, x1: x + w, y1: y + h)
                let key = (int(1), int(2), int(3), int(4))
                let p = layer.pages.count - 1
                if key == lineKey, !layer.pages[p].lines.isEmpty {
                    layer.pages[p].lines[layer.pages[p].lines.count - 1].words.append(word)
                } else {
                    lineKey = key
                    layer.pages[p].lines.append(Line(page: p, block: key.1 * 10_000 + key.2, words: [word]))
                }
            }
        }
        return layer
    }
}
