import Foundation
import Testing
@testable import MalkollCore

/// Each reader's structure, from small hand-made documents.
@Suite struct IngestReaderTests {
    static let lexicons = Lexicons(directory: Paths.lexicons)

    /// (kind, marker, text) of every block.
    static func blocks(_ doc: Document) -> [String] {
        doc.blocks.map { b in
            let kind: String
            switch b.kind {
            case let .heading(level): kind = "h\(level)"
            case .paragraph: kind = "p"
            case let .listItem(level): kind = "li\(level)"
            case .tableRow: kind = "tr"
            case .furniture: kind = "furniture"
            }
            let marker = b.marker.map { doc.string($0) + " " } ?? ""
            return "\(kind): \(marker)\(doc.string(b.range))"
        }
    }

    static let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#

    static func docx(_ body: String, styles: String = "", numbering: String = "", footnotes: String = "") -> [UInt8] {
        var members: [(String, [UInt8])] = [("word/document.xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><w:document \#(w)><w:body>\#(body)</w:body></w:document>"#.utf8))]
        if !styles.isEmpty { members.append(("word/styles.xml", Array("<w:styles \(w)>\(styles)</w:styles>".utf8))) }
        if !numbering.isEmpty { members.append(("word/numbering.xml", Array("<w:numbering \(w)>\(numbering)</w:numbering>".utf8))) }
        if !footnotes.isEmpty { members.append(("word/footnotes.xml", Array("<w:footnotes \(w)>\(footnotes)</w:footnotes>".utf8))) }
        return TestZip.stored(members)
    }

    static func p(_ text: String, style: String? = nil, num: (Int, Int)? = nil) -> String {
        var ppr = ""
        if let style { ppr += #"<w:pStyle w:val="\#(style)"/>"# }
        if let (id, lvl) = num { ppr += #"<w:numPr><w:ilvl w:val="\#(lvl)"/><w:numId w:val="\#(id)"/></w:numPr>"# }
        return "<w:p>\(ppr.isEmpty ? "" : "<w:pPr>\(ppr)</w:pPr>")<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    @Test func docxHeadingsListsTablesNotesAndRevisions() throws {
        let styles = #"""
        <w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="Rubrik 2"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Egen"><w:name w:val="Min rubrik"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Punktlista"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Innehll1"><w:name w:val="toc 1"/></w:style>
        """#
        let numbering = #"""
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
        """#
        let body = [
            Self.p("Innehåll 3", style: "Innehll1"),
            Self.p("Inledning", style: "Rubrik1", num: (3, 0)),
            Self.p("Mål för 2030", style: "Rubrik2"),
            Self.p("Delmål", style: "Egen"),
            #"<w:p><w:r><w:t xml:space="preserve">Utsläppen ska </w:t></w:r><w:del><w:r><w:delText>halveras</w:delText></w:r></w:del><w:ins><w:r><w:t>minska med 40 procent</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>dold text</w:t></w:r></w:p>"#,
            Self.p("Första", num: (1, 0)), Self.p("Underpunkt", num: (1, 1)), Self.p("Andra", num: (1, 0)),
            Self.p("Punkt", style: "Punktlista"),
            #"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Länktext</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
            #"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Textruta</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Textruta</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
            #"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Mål</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Indikator</w:t></w:r></w:p><w:p><w:r><w:t>och värde</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        ].joined()
        let footnotes = #"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Jämfört med 1990.</w:t></w:r></w:p></w:footnote>"#
        let doc = try DocumentLoader.load(bytes: Self.docx(body, styles: styles, numbering: numbering, footnotes: footnotes), source: "t.docx")
        #expect(doc.format == .docx)
        #expect(Self.blocks(doc) == [
            "furniture: Innehåll 3",
            "h1: 1 Inledning",
            "h2: Mål för 2030",
            "h3: Delmål",
            "p: Utsläppen ska minska med 40 procent.",
            "li0: 1. Första",
            "li1: a) Underpunkt",
            "li0: 2. Andra",
            "li0: • Punkt",
            "p: Länktext",
            "p: Textruta",
            "tr: Mål\tIndikator och värde",
            "tr: A\tB",
            "p: Jämfört med 1990.",
        ])
    }

    @Test func odtHeadingsListsTablesNotesAndChanges() throws {
        let content = #"""
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">
        <office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/><text:list-level-style-bullet text:level="2" text:bullet-char="◦"/></text:list-style></office:automatic-styles>
        <office:body><office:text>
        <text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>borttagen text</text:p></text:deletion></text:changed-region></text:tracked-changes>
        <text:table-of-content><text:index-body><text:p>Innehåll 1</text:p></text:index-body></text:table-of-content>
        <text:h text:outline-level="1">Inledning</text:h>
        <text:h text:outline-level="2">Mål</text:h>
        <text:p>Utsläppen<text:s/>ska<text:change text:change-id="c1"/> minska.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Jämfört med 1990.</text:p></text:note-body></text:note></text:p>
        <text:list text:style-name="L1"><text:list-item><text:p>Första</text:p><text:list><text:list-item><text:p>Under</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>Andra</text:p></text:list-item></text:list>
        <table:table><table:table-row><table:table-cell><text:p>Mål</text:p></table:table-cell><table:table-cell><text:p>Värde</text:p></table:table-cell></table:table-row></table:table>
        <office:annotation><text:p>En kommentar</text:p></office:annotation>
        </office:text></office:body></office:document-content>
        """#
        let bytes = TestZip.stored([("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)), ("content.xml", Array(content.utf8))])
        let doc = try DocumentLoader.load(bytes: bytes, source: "t.odt")
        #expect(doc.format == .odt)
        #expect(Self.blocks(doc) == [
            "h1: Inledning",
            "h2: Mål",
            "p: Utsläppen ska minska.",
            "li0: 1. Första",
            "li1: • Under",
            "li0: 2. Andra",
            "tr: Mål\tVärde",
            "p: Jämfört med 1990.",
        ])
    }

    @Test func htmlStructureFurnitureAndEntities() throws {
        let html = #"""
        <!DOCTYPE html><html><head><meta charset="windows-1252"><title>Budget &amp; plan</title><script>var x = "<p>nej</p>";</script></head>
        <body><header><nav><a href="/">Start</a></nav></header>
        <div class="cookie-banner">Vi använder kakor.</div>
        <main><article><header><h1>Mål&nbsp;2030</h1></header>
        <p>Kommunen ska <strong>minska</strong> utsläppen&hellip;<br>Ny rad.</p>
        Lös text i artikeln.
        <ol start="3"><li>Tredje<ul><li>Under</li></ul></li><li value="7">Sjunde</li></ol>
        <table><tr><th>Mål</th><th>Värde</th></tr><tr><td><p>A</p></td><td>40&#160;%</td></tr></table>
        <p class="sr-only">Öppnas i nytt fönster</p><p hidden>dold</p><p aria-hidden="true">dold</p>
        <p>Tillbaka upp</p></article></main>
        <div role="navigation">Meny</div><footer>Sidfot</footer></body></html>
        """#
        var bytes = Array(html.utf8)
        // å, ä, ö in Windows-1252, as the page declares.
        bytes = Array(html.replacingOccurrences(of: "ö", with: "\u{1}").replacingOccurrences(of: "ä", with: "\u{2}")
            .replacingOccurrences(of: "å", with: "\u{3}").utf8)
            .map { $0 == 1 ? 0xF6 : $0 == 2 ? 0xE4 : $0 == 3 ? 0xE5 : $0 }
        let doc = try DocumentLoader.load(bytes: bytes, source: "t.html", lexicons: Self.lexicons)
        #expect(doc.format == .html)
        #expect(doc.title == "Budget & plan")
        #expect(doc.encoding == "windows-1252")
        #expect(Self.blocks(doc) == [
            "h1: Mål\u{00A0}2030",
            "p: Kommunen ska minska utsläppen…",
            "p: Ny rad.",
            "p: Lös text i artikeln.",
            "li0: 3. Tredje",
            "li1: • Under",
            "li0: 7. Sjunde",
            "tr: Mål\tVärde",
            "tr: A\t40\u{00A0}%",
            "furniture: Tillbaka upp",
        ])
    }

    @Test func markdownStructureAndStrippedMarkup() throws {
        let md = """
        ---
        title: Klimatplan
        ---
        # Mål för *2030*

        Kommunen ska **minska** utsläppen med 40 % till 2030,
        se [planen](https://example.se/plan) och `bilaga_1`.

        Delmål
        ------

        - Första punkten
          fortsätter här
          - Underpunkt
        - Andra\\* punkten
        3. Tredje

        > Citerad text.

        | Mål | Värde |
        |-----|------:|
        | A   | 40 %  |

        ```
        kod som inte är text
        ```
        Sista stycket &amp; slut.
        """
        let doc = try DocumentLoader.load(bytes: Array(md.utf8), source: "t.md")
        #expect(doc.format == .markdown)
        #expect(doc.title == "Klimatplan")
        #expect(Self.blocks(doc) == [
            "h1: Mål för 2030",
            "p: Kommunen ska minska utsläppen med 40 % till 2030, se planen och bilaga_1.",
            "h2: Delmål",
            "li0: • Första punkten fortsätter här",
            "li1: • Underpunkt",
            "li0: • Andra* punkten",
            "li0: 3. Tredje",
            "p: Citerad text.",
            "tr: Mål\tVärde",
            "tr: A\t40 %",
            "p: Sista stycket & slut.",
        ])
    }

    /// Corpus/examples/line-end-hyphens.tsv: how a PDF line ending in a
    /// hyphen joins the next one (coordinating words from compound-conjunctions.tsv).
    @Test func lineEndHyphens() throws {
        let url = Paths.corpus.appendingPathComponent("examples/line-end-hyphens.tsv")
        let table = try LexiconTable.parse(String(contentsOf: url, encoding: .utf8), file: url.path)
        var joiner = HyphenJoiner(coordinators: try IngestVocabulary(Self.lexicons).hyphenCoordinators)
        joiner.learn(["e-tjänster"])
        #expect(table.rows.count >= 10)
        for row in table.rows {
            #expect(joiner.join(row[0], row[1]) == row[2], "line \(row.line)")
        }
    }

    @Test func utf16TranscodingMatchesTheStandardLibrary() {
        var rng = SplitMix64(seed: 7)
        let pool: [UInt16] = [0x41, 0xE5, 0x20AC, 0xD83D, 0xDE00, 0xDC00, 0xD800, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0xA0]
        for _ in 0..<500 {
            let units = (0..<Int(rng.next() % 40)).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
            #expect(String(utf16Units: units) == String(decoding: units, as: UTF16.self))
        }
    }

    @Test func pageNumbersAreRecognised() throws {
        let pages = try FurnitureCues(lexicons: Lexicons(directory: Paths.lexicons))
        for s in ["12", "- 3 -", "Sida 4", "Sida 4 av 20", "4 (20)", "4/20"] { #expect(pages.isPageNumber(s), "\(s)") }
        for s in ["Mål 4", "40 %", "1. Inledning"] { #expect(!pages.isPageNumber(s), "\(s)") }
    }
}

/// The PDF layout from poppler's word boxes (a made-up `pdftotext -tsv`
/// page pair): running header and page numbers out, a heading by size,
/// wrapped lines rejoined with a hyphenated word joined, a bullet column
/// read apart by poppler put back on its lines.
@Suite struct PDFLayoutTests {
    /// One TSV word row: page, block, line, x, y, height, text.
    static func word(_ page: Int, _ block: Int, _ line: Int, _ x: Double, _ y: Double, _ h: Double, _ text: String) -> String {
        "5\t\(page)\t0\t\(block)\t\(line)\t0\t\(x)\t\(y)\t\(Double(text.count) * 6)\t\(h)\t100\t\(text)"
    }

    static func line(_ page: Int, _ block: Int, _ line: Int, _ x: Double, _ y: Double, _ h: Double, _ text: String) -> [String] {
        var rows: [String] = []
        var cx = x
        for w in text.split(separator: " ") {
            rows.append(word(page, block, line, cx, y, h, String(w)))
            cx += Double(w.count) * 6 + 4
        }
        return rows
    }

    @Test func runningHeadersHeadingsWrapsAndBullets() throws {
        var rows = ["level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"]
        for page in 1...2 {
            rows.append("1\t\(page)\t0\t0\t0\t0\t0\t0\t612\t792\t-1\t###PAGE###")
            rows += Self.line(page, 0, 0, 400, 30, 10, "Luleå kommun Styrdokument")
            if page == 1 {
                rows += Self.line(page, 1, 0, 72, 80, 20, "Mål för klimatet")
                rows += Self.line(page, 2, 0, 72, 120, 12, "Kommunen ska arbeta med genomför-")
                rows += Self.line(page, 2, 1, 72, 134, 12, "andet av planen och minska utsläppen med")
                rows += Self.line(page, 2, 2, 72, 148, 12, "40 procent till 2030.")
                rows += Self.line(page, 3, 0, 84, 180, 12, "•")
                rows += Self.line(page, 3, 1, 84, 194, 12, "•")
                rows += Self.line(page, 4, 0, 100, 180, 12, "Fler resor med kollektivtrafik")
                rows += Self.line(page, 4, 1, 100, 194, 12, "Mindre energi i kultur- och fritidslokaler")
            } else {
                rows += Self.line(page, 1, 0, 72, 120, 12, "Uppföljningen sker varje år.")
            }
            rows += Self.line(page, 9, 0, 300, 760, 10, "Sida \(page)")
        }
        let layer = PDFTextLayer.parse(Array(rows.joined(separator: "\n").utf8))
        #expect(layer.pages.count == 2)
        var layout = PDFLayout(layer: layer, joiner: HyphenJoiner(coordinators: ["och"]),
                               pages: try FurnitureCues(lexicons: Lexicons(directory: Paths.lexicons)))
        let built = layout.build()
        let doc = Document(source: "t.pdf", sha256: "", format: .pdf, encoding: "utf-8", utf16: built.utf16, blocks: built.blocks)
        #expect(IngestReaderTests.blocks(doc) == [
            "h1: Mål för klimatet",
            "p: Kommunen ska arbeta med genomförandet av planen och minska utsläppen med 40 procent till 2030.",
            "li0: • Fler resor med kollektivtrafik",
            "li0: • Mindre energi i kultur- och fritidslokaler",
            "p: Uppföljningen sker varje år.",
        ])
    }
}
