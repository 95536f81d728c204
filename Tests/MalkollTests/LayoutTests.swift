import Foundation
import Testing
@testable import MalkollCore

/// Blocks of `text` as "kind: text" lines (text with wrapped lines joined).
func layoutDump(_ text: String) throws -> [String] {
    let doc = try segmented(text)
    return doc.blocks.map { $0.kind.label + ": " + doc.word($0.range) }
}

/// `fold -s -w width` in characters; with `hyphenate`, a long word that
/// does not fit is split at the line end with a hyphen ("genomför-\nandet").
func fold(_ text: String, width: Int, hyphenate: Bool) -> String {
    var out: [String] = []
    for line in text.components(separatedBy: "\n") {
        var current = ""
        for (i, word) in line.components(separatedBy: " ").enumerated() {
            var w = word
            let piece = i == 0 ? w : " " + w
            if current.count + piece.count <= width { current += piece; continue }
            // Does not fit: hyphenate a long plain word, or move it down.
            let room = width - current.count - (i == 0 ? 0 : 1) - 1
            if hyphenate, w.count >= 10, room >= 4, w.count - room >= 5, w.allSatisfy({ $0.isLetter }),
               w.dropFirst().allSatisfy({ $0.isLowercase }) {
                out.append(current + (i == 0 ? "" : " ") + w.prefix(room) + "-")
                w = String(w.dropFirst(room))
                current = w
                continue
            }
            if current.isEmpty { current = w; continue }
            out.append(current + " ")   // fold -s keeps the space at the line end
            current = w
            while current.count > width {
                out.append(String(current.prefix(width)))
                current = String(current.dropFirst(width))
            }
        }
        out.append(current)
    }
    return out.joined(separator: "\n")
}

@Suite struct LayoutTests {
    @Test func onePargraphPerLine() throws {
        let text = """
        Styrkortets konstruktion

        Styrkortet är framtaget utifrån fyra inriktningar. Målområdena gäller för samtliga nämnder.
        Det här ska Luleå kommun arbeta för fram till 2020:
         • Alla elever erbjuds möjlighet att driva UF-företag.
         • Kommunens skolor utarbetar strategier
            - Med en underpunkt
         • Tillbaka på första nivån
        Tillbaka upp
        2. Internationalisering

        Globaliseringen gör att människor rör sig alltmer över nationsgränserna.
        """
        #expect(try layoutDump(text) == [
            "heading(1): Styrkortets konstruktion",
            "paragraph: Styrkortet är framtaget utifrån fyra inriktningar. Målområdena gäller för samtliga nämnder.",
            "paragraph: Det här ska Luleå kommun arbeta för fram till 2020:",
            "item(0): Alla elever erbjuds möjlighet att driva UF-företag.",
            "item(0): Kommunens skolor utarbetar strategier",
            "item(1): Med en underpunkt",
            "item(0): Tillbaka på första nivån",
            "furniture: Tillbaka upp",
            "heading(4): 2. Internationalisering",
            "paragraph: Globaliseringen gör att människor rör sig alltmer över nationsgränserna.",
        ])
    }

    @Test func numberedListAfterLeadInAndNumberedHeadings() throws {
        let text = "Programmet är indelat i tre områden:\n\n1. Entreprenörskap\n\n2. Internationalisering\n\n3. Teknik\n\nLäs mer\n\n2.1 Mål för skolan\n\nSkolan ska växa.\n"
        #expect(try layoutDump(text) == [
            "paragraph: Programmet är indelat i tre områden:",
            "item(0): Entreprenörskap", "item(0): Internationalisering", "item(0): Teknik",
            "heading(1): Läs mer",
            "heading(5): 2.1 Mål för skolan",
            "paragraph: Skolan ska växa.",
        ])
    }

    @Test func replyDashIsNotAListButDashesInARunAre() throws {
        let reply = "Kommunen tecknar avtal.\n\n– Det här är viktigt för oss, säger rektorn.\n\nAvtalet gäller i tre år.\n"
        #expect(try layoutDump(reply)[1] == "paragraph: – Det här är viktigt för oss, säger rektorn.")
        let list = "Vi ska:\n- öka takten\n- minska kostnaderna\n"
        #expect(try layoutDump(list) == ["paragraph: Vi ska:", "item(0): öka takten", "item(0): minska kostnaderna"])
    }

    @Test func hardWrappedTextWithPageFurniture() throws {
        // A PDF-like extract: wrapped lines, a heading, a hyphenated word,
        // a list with hanging indentation, page numbers, a running header
        // (text where it first stands as the title, furniture at page breaks).
        let text = """
        Luleå kommun Budget 2024
        1 Inledning
        Kommunen ska under planperioden genomföra en rad insatser för att
        stärka arbetet med hållbar utveckling i hela kommunen. Insatserna
        följs upp varje år av kommunstyrelsen som rapporterar till kommun-
        fullmäktige i samband med årsredovisningen.
        Mål för perioden
        Målen för perioden är följande:
        \u{F0B7} Andelen förnybar energi ska öka till minst 80 procent senast år
          2030 i kommunens egna verksamheter.
        • Utsläppen ska minska.
        12
        Luleå kommun Budget 2024
        Arbetet med målen leds av en styrgrupp med representanter från alla
        förvaltningar och bolag. Styrgruppen träffas fyra gånger per år och
        rapporterar till kommundirektören.
        13
        Luleå kommun Budget 2024
        Kommunstyrelsen har det övergripande ansvaret för uppföljningen av
        alla mål och för att resultaten redovisas öppet för invånarna.
        14
        """
        let dump = try layoutDump(text)
        #expect(dump == [
            "heading(1): Luleå kommun Budget 2024",
            "heading(4): 1 Inledning",
            "paragraph: Kommunen ska under planperioden genomföra en rad insatser för att stärka arbetet med hållbar utveckling i hela kommunen. Insatserna följs upp varje år av kommunstyrelsen som rapporterar till kommunfullmäktige i samband med årsredovisningen.",
            "heading(3): Mål för perioden",
            "paragraph: Målen för perioden är följande:",
            "item(0): Andelen förnybar energi ska öka till minst 80 procent senast år 2030 i kommunens egna verksamheter.",
            "item(0): Utsläppen ska minska.",
            "furniture: 12",
            "furniture: Luleå kommun Budget 2024",
            "paragraph: Arbetet med målen leds av en styrgrupp med representanter från alla förvaltningar och bolag. Styrgruppen träffas fyra gånger per år och rapporterar till kommundirektören.",
            "furniture: 13",
            "furniture: Luleå kommun Budget 2024",
            "paragraph: Kommunstyrelsen har det övergripande ansvaret för uppföljningen av alla mål och för att resultaten redovisas öppet för invånarna.",
            "furniture: 14",
        ])
    }

    @Test func listItemsContinueUnderAHangingIndent() throws {
        let text = "Strategin har tre mål:\n1. Utsläppen ska minska med 50 procent till 2030 jämfört med\n   2019.\n2. Andelen fossilfria fordon ska vara 100 procent.\n   Det gäller även bolagen.\n"
        #expect(try layoutDump(text) == [
            "paragraph: Strategin har tre mål:",
            "item(0): Utsläppen ska minska med 50 procent till 2030 jämfört med 2019.",
            "item(0): Andelen fossilfria fordon ska vara 100 procent. Det gäller även bolagen.",
        ])
    }

    @Test func blocksPointIntoTheOriginalText() throws {
        let text = "Rubrik\r\n\r\nEn mening som\r\nfortsätter här. Och en till som går\r\nvidare hela vägen.\r\n"
        let doc = try segmented(text)
        var previous = 0
        for b in doc.blocks {
            #expect(b.range.lowerBound >= previous && b.range.upperBound <= doc.utf16.count)
            previous = b.range.upperBound
        }
        // The wrapped paragraph is one block spanning the CRLF breaks.
        #expect(doc.blocks.count == 2)
        #expect(doc.string(doc.blocks[1].range) == "En mening som\r\nfortsätter här. Och en till som går\r\nvidare hela vägen.")
    }

    /// The bar of issue 2: the seeds wrapped at 72 columns (`fold -s -w 72`),
    /// and wrapped with long words hyphenated at the line end, give the
    /// same sentences, as word sequences, as the originals.
    @Test(arguments: Paths.seedFiles.map(\.lastPathComponent))
    func foldedSeedsGiveTheSameSentences(_ name: String) throws {
        let text = try String(contentsOf: Paths.seeds.appendingPathComponent(name), encoding: .utf8)
        let original = sentenceTexts(try segmented(text))
        #expect(original.count > 5)
        var variants = [("fold -s -w 72 (Swift)", fold(text, width: 72, hyphenate: false)),
                        ("hyphenated at 72", fold(text, width: 72, hyphenate: true))]
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/fold") {
            let r = try run(URL(fileURLWithPath: "/usr/bin/fold"), ["-s", "-w", "72", Paths.seeds.appendingPathComponent(name).path])
            variants.append(("/usr/bin/fold -s -w 72", r.stdout))
        }
        for (label, folded) in variants {
            #expect(folded != text)
            let got = sentenceTexts(try segmented(folded))
            #expect(got == original, "\(name), \(label): first difference \(Array(zip(got, original)).first { $0 != $1 }.map { "\($0.0) <> \($0.1)" } ?? "in count \(got.count) vs \(original.count)")")
        }
        // The hyphenated variant really hyphenates.
        #expect(fold(text, width: 72, hyphenate: true).contains("-\n"))
    }
}
