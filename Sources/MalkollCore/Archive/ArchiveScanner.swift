import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One input file found under the batch's paths.
public struct ArchiveEntry: Sendable {
    /// The path as found (the argument joined with the path under it).
    public var path: String
    /// Its path inside the archive: the key of its outputs (`DIR/<rel>.json`).
    public var rel: String
    public var size: Int
    /// Modification time in nanoseconds: with the size, the fast "unchanged" check.
    public var mtime: Int64
}

/// Walks the batch's paths: recursive, sorted, hidden files and folders
/// skipped, the output folder skipped, symbolic links to folders not
/// followed (no loops), and only files that look like documents kept.
public struct ArchiveScanner {
    public var excluded: [String]
    public private(set) var entries: [ArchiveEntry] = []
    /// Files passed over because their content is not a supported format.
    public private(set) var unsupported = 0
    /// Paths given that do not exist.
    public private(set) var missing: [String] = []

    public init(excluding: [String]) {
        excluded = excluding.map(Self.canonical)
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Scans every path; with several paths, each one's base name prefixes its files' relative paths.
    public mutating func scan(_ paths: [String]) {
        var seen = Set<String>()
        for arg in paths {
            var st = stat()
            guard stat(arg, &st) == 0 else { missing.append(arg); continue }
            let base = (arg as NSString).lastPathComponent
            let prefix = paths.count > 1 ? base : ""
            if (st.st_mode & S_IFMT) == S_IFDIR {
                walk(dir: arg, rel: prefix, seen: &seen)
            } else {
                consider(path: arg, rel: base, st: st, seen: &seen)
            }
        }
        entries.sort { $0.rel < $1.rel }
    }

    private mutating func walk(dir: String, rel: String, seen: inout Set<String>) {
        if excluded.contains(Self.canonical(dir)) { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            let childRel = rel.isEmpty ? name : rel + "/" + name
            var lst = stat()
            guard lstat(path, &lst) == 0 else { continue }
            let kind = lst.st_mode & S_IFMT
            if kind == S_IFDIR {
                walk(dir: path, rel: childRel, seen: &seen)
            } else if kind == S_IFREG {
                consider(path: path, rel: childRel, st: lst, seen: &seen)
            } else if kind == S_IFLNK {
                var st = stat()
                if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG { consider(path: path, rel: childRel, st: st, seen: &seen) }
            }
        }
    }

    private mutating func consider(path: String, rel: String, st: stat, seen: inout Set<String>) {
        guard !seen.contains(rel) else { return }
        guard FormatSniffer.looksLikeDocument(path: path) else { unsupported += 1; return }
        seen.insert(rel)
        let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        entries.append(ArchiveEntry(path: path, rel: rel, size: Int(st.st_size), mtime: mtime))
    }
}

/// A cheap look at a file's first 4 KB: is it a document (text in a known
/// encoding, HTML, Markdown, PDF, DOCX/ODT, or an office format the loader
/// refuses with a reason)? Images, archives and programs are passed over
/// without being read in full; `FormatDetector` decides the rest.
public enum FormatSniffer {
    public static func looksLikeDocument(path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return true } // unreadable: let the loader report it in errors.jsonl
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 4096)
        let n = read(fd, &head, head.count)
        if n <= 0 { return n == 0 } // empty files are read (and reported) as documents
        return looksLikeDocument(head: Array(head[0..<n]))
    }

    public static func looksLikeDocument(head: [UInt8]) -> Bool {
        // What the loader reads, or refuses with a reason worth listing in
        // errors.jsonl (a legacy .doc, an RTF, a ZIP that is not DOCX/ODT).
        if head.starts(with: Array("%PDF-".utf8)) || head.starts(with: [0x50, 0x4B, 0x03, 0x04])
            || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) || head.starts(with: Array("{\\rtf".utf8)) {
            return true
        }
        // Images, archives and programs are not documents at all.
        if FormatDetector.otherBinary(head) != nil { return false }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true } // UTF-16 with BOM
        // Text: no NUL bytes and few control characters.
        var controls = 0
        for b in head {
            if b == 0 { return false }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        }
        return controls * 20 < head.count
    }
}
