import Foundation
@testable import MalkollCore

/// Hand-made analyses for the report's tests, so that they do not depend on
/// the goal stages: a small Swedish program with four goals (two vague, two
/// clear), findings, targets, an emoji before and inside goals (scalar and
/// UTF-16 offsets differ), and characters that must be escaped (<, &, quotes).
enum ReportFixture {
    static let programText = """
    Klimat- & miljöprogram 2030 🌱

    Inledning
    Programmet gäller för alla nämnder <och> bolag. Kommunen ska "gå före".

    Mål
    Kommunstyrelsen ska senast 2026 minska utsläppen av växthusgaser med minst 40 % jämfört med 2015.
    Vi ska verka för en hållbar utveckling & en god livsmiljö.
    För att nå dit ska vi:
     • Öka andelen förnybar energi till 80 % till år 2030.
     • Stärka samverkan med näringslivet 🤝 och "civilsamhället".

    """

    static let secondText = "Årsplan\r\nNämnden har inga egna mål i år.\r\n"

    /// The fixture's one document.
    static func program() throws -> (analysis: Analysis, document: Document) {
        let doc = try DocumentLoader.load(bytes: Array(programText.utf8), source: "fixtures/klimatprogram.txt")
        let climate = Link(name: "Klimat- och miljöprogram", area: "Utsläpp \"och\" energi", evidence: .heading, confidence: 0.9)
        let sustainable = Link(name: "hallbarhet", label: "Hållbar utveckling", evidence: .lexicon, confidence: 0.6)
        let society = Link(name: "samhalle", label: "Samhälle & medborgare", evidence: .leadIn, confidence: 0.8)

        let g1Text = "Kommunstyrelsen ska senast 2026 minska utsläppen av växthusgaser med minst 40 % jämfört med 2015."
        let g1 = Goal(
            id: "g1", text: g1Text, location: locate(g1Text, in: doc),
            commitment: Commitment(class: .binding, cue: "ska", inherited: false),
            actor: Actor(name: "Kommunstyrelsen", inherited: false),
            targets: [Target(text: "minst 40 %", value: 40, unit: .percent, comparator: .ge,
                             quantity: "utsläppen av växthusgaser", location: locate("minst 40 %", in: doc))],
            deadline: Deadline(text: "senast 2026", date: "2026", inherited: false),
            program: climate, direction: sustainable, headings: ["Klimat- & miljöprogram 2030 🌱", "Mål"],
            smart: verdicts([
                .specific: (true, "Säger vad som ska minska: ”utsläppen av växthusgaser”."),
                .measurable: (true, "Har ett målvärde: ”minst 40 %”."),
                .assignable: (true, "Anger vem: ”Kommunstyrelsen”."),
                .relevant: (true, "Hör till programmet ”Klimat- och miljöprogram”."),
                .time_bound: (true, "Anger när: ”senast 2026”."),
            ]),
            vague: false,
            signals: AchievabilitySignals(baselineStated: false, ambitionRatio: nil))

        let g2Text = "Vi ska verka för en hållbar utveckling & en god livsmiljö."
        let g2 = Goal(
            id: "g2", text: g2Text, location: locate(g2Text, in: doc),
            commitment: Commitment(class: .effort, cue: "verka för", inherited: false),
            actor: Actor(name: "Kommunen", inherited: true),
            program: climate, direction: sustainable, headings: ["Klimat- & miljöprogram 2030 🌱", "Mål"],
            smart: verdicts([
                .specific: (false, "”hållbar utveckling” säger inte vad som ska bli annorlunda."),
                .measurable: (false, "Inget målvärde och inget mått."),
                .assignable: (true, "”Vi” är kommunen (ärvt från dokumentet)."),
                .relevant: (true, "Hör till programmet ”Klimat- och miljöprogram”."),
                .time_bound: (false, "Ingen tidpunkt."),
            ]),
            vague: true,
            findings: [
                Finding(rule: "specific.vague-verb", severity: .warning, message: "”verka för” är ett vagt åtagande.",
                        messageEnglish: "'verka för' is a vague commitment.",
                        suggestion: "Skriv vad som ska göras, t.ex. ”minska … med 20 % senast 2027”.",
                        location: locate("verka för", in: doc)),
                Finding(rule: "measurable.no-quantity", severity: .warning, message: "Målet saknar ett mätbart målvärde.",
                        messageEnglish: "The goal has no measurable target.",
                        suggestion: "Ange ett mätbart mål, t.ex. ”minst 40 % senast 2026”.",
                        location: locate(g2Text, in: doc)),
                Finding(rule: "time-bound.no-deadline", severity: .info, message: "Målet saknar tidpunkt.",
                        messageEnglish: "The goal has no deadline.", location: locate("hållbar utveckling & en god", in: doc)),
            ])

        let g3Text = "Öka andelen förnybar energi till 80 % till år 2030."
        let g3 = Goal(
            id: "g3", text: g3Text, location: locate(g3Text, in: doc),
            commitment: Commitment(class: .binding, cue: "ska", inherited: true),
            targets: [Target(text: "till 80 %", value: 80, unit: .percent, comparator: .increase,
                             quantity: "andelen förnybar energi", baseline: 62.5, location: locate("till 80 %", in: doc))],
            deadline: Deadline(text: "till år 2030", date: "2030", inherited: false),
            recurrence: "yearly",
            program: climate, headings: ["Klimat- & miljöprogram 2030 🌱", "Mål"], leadIn: "För att nå dit ska vi:",
            smart: verdicts([
                .specific: (true, "Säger vad: ”andelen förnybar energi”."),
                .measurable: (true, "Har ett målvärde: ”80 %”."),
                .assignable: (false, "Ingen ansvarig nämns."),
                .relevant: (true, "Hör till programmet ”Klimat- och miljöprogram”."),
                .time_bound: (true, "Anger när: ”till år 2030”."),
            ]),
            vague: false,
            findings: [
                Finding(rule: "assignable.no-actor", severity: .info, message: "Ingen ansvarig nämns.", messageEnglish: "No one is responsible.",
                        location: locate(g3Text, in: doc)),
            ],
            signals: AchievabilitySignals(baselineStated: true, ambitionRatio: 1.28))

        let g4Text = "Stärka samverkan med näringslivet 🤝 och \"civilsamhället\"."
        let g4 = Goal(
            id: "g4", text: g4Text, location: locate(g4Text, in: doc),
            commitment: Commitment(class: .effort, cue: "Stärka", inherited: false),
            direction: society, headings: ["Klimat- & miljöprogram 2030 🌱", "Mål"], leadIn: "För att nå dit ska vi:",
            smart: verdicts([
                .specific: (false, "”samverkan” säger inte vad som ska uppnås."),
                .measurable: (false, "Inget målvärde."),
                .assignable: (false, "Ingen ansvarig nämns."),
                .relevant: (true, "Hör till riktningen ”Samhälle & medborgare”."),
                .time_bound: (false, "Ingen tidpunkt."),
            ]),
            vague: true,
            findings: [
                // Two overlapping spans: they merge into one mark in the text.
                Finding(rule: "specific.vague-verb", severity: .warning, message: "”Stärka” säger inte hur mycket.",
                        messageEnglish: "'Stärka' does not say how much.", location: locate("Stärka samverkan", in: doc)),
                Finding(rule: "measurable.no-quantity", severity: .error, message: "Målet saknar ett mätbart målvärde.",
                        messageEnglish: "The goal has no measurable target.",
                        suggestion: "Ange t.ex. antal avtal med <företag> & föreningar.",
                        location: locate("samverkan med näringslivet 🤝", in: doc)),
            ])
        let info = DocumentInfo(source: doc.source, sha256: doc.sha256, format: doc.format, encoding: doc.encoding,
                                title: "Klimat- & miljöprogram 2030", organisation: "Exempelby kommun",
                                characters: doc.offsets.scalarOffset(doc.utf16.count), sentences: 9, tokens: 120)
        return (Analysis(document: info, goals: [g1, g2, g3, g4]), doc)
    }

    /// A second document without goals (CRLF line ends), for the several-documents page.
    static func plainPlan() throws -> (analysis: Analysis, document: Document) {
        let doc = try DocumentLoader.load(bytes: Array(secondText.utf8), source: "fixtures/arsplan.txt")
        let info = DocumentInfo(source: doc.source, sha256: doc.sha256, format: doc.format, encoding: doc.encoding,
                                title: nil, organisation: nil, characters: doc.offsets.scalarOffset(doc.utf16.count),
                                sentences: 2, tokens: 9)
        return (Analysis(document: info, goals: []), doc)
    }

    /// The location of the first occurrence of `needle`, in Unicode scalars,
    /// with its 1-based line:column, as the analyzer reports it.
    static func locate(_ needle: String, in doc: Document) -> Location {
        guard let r = doc.text.range(of: needle) else { fatalError("fixture text lacks \(needle)") }
        return location(of: r, in: doc)
    }

    /// The location of a range of the document's text.
    static func location(of r: Range<String.Index>, in doc: Document) -> Location {
        let start16 = doc.text.utf16.distance(from: doc.text.startIndex, to: r.lowerBound)
        let end16 = doc.text.utf16.distance(from: doc.text.startIndex, to: r.upperBound)
        let (line, column) = doc.offsets.lineColumn(start16)
        return Location(line: line, column: column, start: doc.offsets.scalarOffset(start16), end: doc.offsets.scalarOffset(end16))
    }

    private static func verdicts(_ table: [Criterion: (Bool, String)]) -> [Criterion: Verdict] {
        table.mapValues { Verdict(pass: $0.0, reason: $0.1) }
    }
}
