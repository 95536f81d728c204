import Foundation
import Testing
@testable import MalkollCore

/// Seeded random-mutation fuzzing of every format reader. Each input is a
/// fixture (Corpus/formats, Corpus/bad) mutated at the byte level (flips,
/// interesting bytes, inserts, deletes, duplicated ranges, truncation,
/// splices) or, for DOCX/ODT, inside an inflated XML member that is then
/// zipped again, so the XML readers see damaged XML rather than only bad
/// checksums. Every input must end in a Document whose blocks lie inside
/// its text, or in a MalkollError that is not internal; a crash ends the
/// run (the input is kept in $TMPDIR/malkoll-fuzz-last.*); an input still
/// being read after 60 s ends it as a hang (kept in malkoll-fuzz-hang.*).
///
/// CI runs it for MALKOLL_FUZZ_SECONDS (default 15) seconds; a long run:
/// `MALKOLL_FUZZ_SECONDS=3600 swift test --filter MalkollTests.FuzzTests`.
@Suite struct FuzzTests {
    @Test func mutatedInputsNeverCrashOrHang() throws {
        let env = ProcessInfo.processInfo.environment
        let seconds = Double(env["MALKOLL_FUZZ_SECONDS"] ?? "") ?? 15
        var rng = SplitMix64(seed: UInt64(env["MALKOLL_FUZZ_SEED"] ?? "") ?? 0x6D616C6B6F6C6C)
        let corpus = try FuzzCorpus.load()
        #expect(corpus.count >= 10)
        let lexicons = Lexicons(directory: Paths.lexicons)
        let last = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-fuzz-last")
        let started = Date()
        var stats = FuzzStats()
        while Date().timeIntervalSince(started) < seconds {
            let (name, original) = corpus[Int(rng.next() % UInt64(corpus.count))]
            let ext = FormatDetector.fileExtension(name)
            // PDFs go through a child process: mutate them less often.
            if ext == "pdf" && rng.next() % 4 != 0 { continue }
            var input = original
            if (ext == "docx" || ext == "odt") && rng.next() % 2 == 0 {
                input = FuzzMutator.mutateZipMember(input, rng: &rng) ?? FuzzMutator.mutate(input, corpus: corpus, rng: &rng)
            } else {
                input = FuzzMutator.mutate(input, corpus: corpus, rng: &rng)
            }
            try? Data(input).write(to: last.appendingPathExtension(ext.isEmpty ? "bin" : ext))
            let t0 = Date()
            // Each input on a worker thread, so that a hang is reported (with
            // the input kept) instead of stalling the run.
            let outcome = FuzzOutcome()
            let done = DispatchSemaphore(value: 0)
            let source = "fuzz." + ext
            let bytes = input
            DispatchQueue.global().async {
                do {
                    outcome.document = try DocumentLoader.load(bytes: bytes, source: source, lexicons: lexicons)
                } catch {
                    outcome.error = error
                }
                done.signal()
            }
            if done.wait(timeout: .now() + 60) == .timedOut {
                let kept = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-fuzz-hang.\(ext)")
                try? Data(input).write(to: kept)
                Issue.record("a mutation of \(name) did not finish in 60 s (kept in \(kept.path))")
                break
            }
            if let doc = outcome.document {
                FuzzStats.checkInvariants(doc)
                stats.documents += 1
            } else if let e = outcome.error as? MalkollError {
                if case .internal = e { Issue.record("internal error on a mutation of \(name): \(e)") }
                // spec/cli.md: one line per problem.
                if e.description.contains("\n") { Issue.record("a message of more than one line: \(e.description)") }
                stats.errors[FuzzStats.reasonShape(e.description), default: 0] += 1
            } else if let error = outcome.error {
                Issue.record("non-Malkoll error on a mutation of \(name): \(error)")
            }
            let took = Date().timeIntervalSince(t0)
            if took > 10 { Issue.record("a mutation of \(name) took \(took) s") }
            stats.slowest = max(stats.slowest, took)
            stats.inputs += 1
        }
        try? FileManager.default.removeItem(at: last)
        let summary = stats.summary(seconds: Date().timeIntervalSince(started))
        print(summary)
        if let path = env["MALKOLL_FUZZ_REPORT"] { try? summary.write(toFile: path, atomically: true, encoding: .utf8) }
        #expect(stats.inputs > 0)
    }
}

final class FuzzOutcome: @unchecked Sendable {
    var document: Document?
    var error: Error?
}

struct FuzzStats {
    var inputs = 0
    var documents = 0
    var errors: [String: Int] = [:]
    var slowest = 0.0

    /// Blocks inside the text, in order, markers before their content.
    static func checkInvariants(_ doc: Document) {
        #expect(Array(doc.text.utf16) == doc.utf16)
        var previous = 0
        for b in doc.blocks {
            #expect(b.range.lowerBound >= previous && b.range.upperBound <= doc.utf16.count && !b.range.isEmpty)
            if let m = b.marker { #expect(m.upperBound <= b.range.lowerBound && m.lowerBound >= previous) }
            previous = b.range.upperBound
        }
    }

    /// An error message with the numbers and the file name masked, to count kinds.
    static func reasonShape(_ s: String) -> String {
        let reason = s.split(separator: ":", maxSplits: 1).last.map(String.init) ?? s
        return String(reason.prefix(90).map { $0.isNumber ? "#" : $0 }).trimmingCharacters(in: .whitespaces)
    }

    func summary(seconds: Double) -> String {
        var s = "fuzz: \(inputs) inputs in \(Int(seconds)) s, \(documents) read as documents, \(inputs - documents) refused; slowest \(String(format: "%.2f", slowest)) s\n"
        for (reason, n) in errors.sorted(by: { $0.value > $1.value }).prefix(25) { s += "  \(n)\t\(reason)\n" }
        return s
    }
}

/// The seed inputs: every fixture, named by its file.
enum FuzzCorpus {
    static func load() throws -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = []
        for dir in ["formats", "bad"] {
            let url = Paths.corpus.appendingPathComponent(dir)
            let files = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? []
            for f in files.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
                guard let data = FileManager.default.contents(atPath: f.path), data.count < 2_000_000 else { continue }
                out.append((f.lastPathComponent, [UInt8](data)))
            }
        }
        return out
    }
}

/// Byte-level and structure-aware mutations.
enum FuzzMutator {
    static let interesting: [UInt8] = [0, 0xFF, 0x7F, 0x80, 0xC3, 0xE2, 0x3C, 0x3E, 0x26, 0x22, 0x2D, 0x0A, 0x0D, 0x09, 0x20, 0x23, 0x2A, 0x5B, 0x5D, 0x7C]
    static let tokens: [[UInt8]] = ["<", "</", "<p>", "</p>", "<li>", "<ul>", "<table><tr><td>", "<!DOCTYPE x [<!ENTITY e \"eeee\">]>",
                                    "&e;", "&amp;", "&#0;", "&#x110000;", "<![CDATA[", "]]>", "<w:p>", "</w:p>", "<w:t>", "<text:p>",
                                    "<text:list>", "<text:list-item>", "# ", "- ", "1. ", "**", "[", "](", "`", "|", "\n\n", "\u{00AD}", "•",
                                    "%PDF-1.4\n", "stream\n", "endstream", "obj", "endobj", "xref", "trailer", "PK\u{3}\u{4}"].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], corpus: [(String, [UInt8])], rng: inout SplitMix64) -> [UInt8] {
        var b = input
        let rounds = 1 + Int(rng.next() % 4)
        for _ in 0..<rounds {
            let n = b.count
            switch rng.next() % 9 {
            case 0 where n > 0:
                let i = Int(rng.next() % UInt64(n)); b[i] ^= UInt8(1 << (rng.next() % 8))
            case 1 where n > 0:
                let i = Int(rng.next() % UInt64(n)); b[i] = interesting[Int(rng.next() % UInt64(interesting.count))]
            case 2:
                let i = n == 0 ? 0 : Int(rng.next() % UInt64(n + 1))
                b.insert(contentsOf: tokens[Int(rng.next() % UInt64(tokens.count))], at: i)
            case 3 where n > 1:
                let i = Int(rng.next() % UInt64(n)); let len = min(Int(rng.next() % 512) + 1, n - i)
                b.removeSubrange(i..<(i + len))
            case 4 where n > 1:
                let i = Int(rng.next() % UInt64(n)); let len = min(Int(rng.next() % 256) + 1, n - i)
                let copies = 1 + Int(rng.next() % 64)
                let chunk = Array(b[i..<(i + len)])
                for _ in 0..<copies { b.insert(contentsOf: chunk, at: i) }
            case 5 where n > 1:
                b.removeLast(Int(rng.next() % UInt64(n)))
            case 6 where !corpus.isEmpty:
                let other = corpus[Int(rng.next() % UInt64(corpus.count))].1
                if !other.isEmpty && n > 0 {
                    let i = Int(rng.next() % UInt64(n)); let j = Int(rng.next() % UInt64(other.count))
                    b = Array(b[..<i]) + Array(other[j...].prefix(4096))
                }
            case 7 where n > 0:
                let i = Int(rng.next() % UInt64(n))
                for k in i..<min(i + 16, n) { b[k] = UInt8(truncatingIfNeeded: rng.next()) }
            default:
                let i = n == 0 ? 0 : Int(rng.next() % UInt64(n + 1))
                b.insert(contentsOf: (0..<Int(rng.next() % 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: i)
            }
        }
        return b
    }

    /// Mutates the main XML member of a DOCX/ODT and zips it again (stored).
    static func mutateZipMember(_ input: [UInt8], rng: inout SplitMix64) -> [UInt8]? {
        guard var zip = try? ZipContainer(bytes: input, source: "fuzz", kind: "ZIP", limits: ReadLimits()) else { return nil }
        let names = ["mimetype", "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
                     "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "docProps/core.xml",
                     "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"]
        var members: [(String, [UInt8])] = []
        for n in names { if let data = try? zip.read(n) { members.append((n, data)) } }
        let targets = members.indices.filter { members[$0].0.hasSuffix(".xml") }
        guard !targets.isEmpty else { return nil }
        let t: Int = targets[Int(rng.next() % UInt64(targets.count))]
        members[t].1 = mutate(members[t].1, corpus: [], rng: &rng)
        return TestZip.stored(members)
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Writes ZIP archives with stored (uncompressed) members, and with a raw
/// deflate stream given as is (for ZIP bombs), for tests.
enum TestZip {
    static func stored(_ members: [(String, [UInt8])]) -> [UInt8] {
        archive(members.map { ($0.0, $0.1, UInt16(0), UInt32($0.1.count), crc32($0.1)) })
    }

    /// One member whose data is a raw deflate stream inflating to `declaredSize` bytes.
    static func deflated(_ name: String, stream: [UInt8], declaredSize: UInt32, extra: [(String, [UInt8])] = []) -> [UInt8] {
        archive(extra.map { ($0.0, $0.1, UInt16(0), UInt32($0.1.count), crc32($0.1)) } + [(name, stream, 8, declaredSize, 0)])
    }

    private static func archive(_ members: [(String, [UInt8], UInt16, UInt32, UInt32)]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: UInt16, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: UInt32, _ a: inout [UInt8]) { for k in 0..<4 { a.append(UInt8((v >> (8 * UInt32(k))) & 0xFF)) } }
        for (name, data, method, size, crc) in members {
            let offset = UInt32(out.count)
            let nameBytes = Array(name.utf8)
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(method, &out); u16(0, &out); u16(0x21, &out)
            u32(crc, &out); u32(UInt32(data.count), &out); u32(size, &out); u16(UInt16(nameBytes.count), &out); u16(0, &out)
            out += nameBytes
            out += data
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(method, &central)
            u16(0, &central); u16(0x21, &central); u32(crc, &central); u32(UInt32(data.count), &central); u32(size, &central)
            u16(UInt16(nameBytes.count), &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
            u32(0, &central); u32(offset, &central)
            central += nameBytes
        }
        let cdOffset = UInt32(out.count)
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(UInt16(members.count), &out); u16(UInt16(members.count), &out)
        u32(UInt32(central.count), &out); u32(cdOffset, &out); u16(0, &out)
        return out
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var table = [UInt32](repeating: 0, count: 256)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            table[i] = c
        }
        var crc: UInt32 = 0xFFFF_FFFF
        for b in data { crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
