import Foundation

/// Walks a document's structure in order and reads its goals with their
/// fields: commitment, actor, targets, deadline, recurrence, program/area
/// and direction, inherited from lead-ins and headings where the goal
/// itself says nothing (spec/goal-annotation-guide.md).
struct GoalReading {
    struct Found {
        var goal: Goal
        /// The goal's UTF-16 range.
        var span: Range<Int>
        /// The indicator lines read with it ("Indikator: ... Målvärde: ..."), if any.
        var indicator: Range<Int>? = nil
    }

    /// What a lead-in passes on to the items under it.
    struct LeadInInfo {
        var committing = false
        var commitment: Commitment?
        var actor: Actor?
        /// The lead-in's words, whose deadline its items inherit (read only
        /// when an item needs it: most lead-ins in a long document repeat).
        var timeRange: Range<Int>?
        var direction: Link?
        var text = ""
    }

    let doc: Document
    let structure: DocumentStructure
    let lexicon: AnalysisLexicon
    let fields: FieldReaders
    private(set) var organisation: String?
    private let cues: CueReader
    private let actors: ActorReader
    private var profile: Profile?

    // Running state of the walk.
    private var program: Link?
    /// A part of goals opened by a label heading ("Målområden", "Nämndens mål").
    private var goalSection: (active: Bool, cue: String, actor: Actor?) = (false, "", nil)
    /// The level of the heading that opened the goal part: a heading at that
    /// level or above ends it, a deeper one ("2.1 Trygg och säker omsorg") is inside it.
    private var goalSectionLevel = 0
    /// Whether the document speaks of scorecard perspectives, so that a bare
    /// "Ekonomi" heading is a direction rather than a section.
    private var perspectivesNamed = false
    /// The label that named the current program ("Program", "Prioriterat område"):
    /// the same label again names the next program, another one an area under it.
    private var programLabel: UInt64?
    private var programFromTitle = false
    /// Under a "Vision" heading: goals there are reported as visions.
    private var visionSection = false
    private var direction: Link?
    private var leadIns: [Int: LeadInInfo] = [:]
    private var headingDeadlines: [Int: Deadline?] = [:]
    private var periodDeadline: Deadline?
    private var projectContext = false
    private var previousActor: Actor?
    private var seen: Set<UInt64> = []
    private var found: [Found] = []
    /// The sentences of each block (indices into `doc.sentences`), by block.
    private var sentencesByBlock: [Range<Int32>] = []
    private var scorecard = false
    private var namedPeriods: [UInt64: String]?
    private var leadInDeadlines: [Int: Deadline?] = [:]
    /// The structure node of each goal, by id; and the headings that became goals.
    private var goalNodes: [String: Int] = [:]
    private var emittedHeadings: Set<Int> = []
    private var nodeIndex: [Int: Int] = [:]

    init(doc: Document, structure: DocumentStructure, lexicon: AnalysisLexicon, fields: FieldReaders, organisation: String?) {
        self.doc = doc
        self.structure = structure
        self.lexicon = lexicon
        self.fields = fields
        self.organisation = organisation
        self.cues = CueReader(lexicon: lexicon, doc: doc)
        self.actors = ActorReader(lexicon: lexicon)
    }

    // MARK: - Document-level context

    private mutating func readContext() {
        perspectivesNamed = lexicon.scorecardWords.contains { StructureText.contains(doc.utf16, 0..<doc.utf16.count, $0) }
        for (i, n) in structure.nodes.enumerated() { nodeIndex[n.range.lowerBound] = i }
        sentencesByBlock = Array(repeating: 0..<0, count: doc.blocks.count)
        var k = 0
        while k < doc.sentences.count {
            let b = Int(doc.sentences[k].block)
            var e = k
            while e < doc.sentences.count, Int(doc.sentences[e].block) == b { e += 1 }
            if b < sentencesByBlock.count { sentencesByBlock[b] = Int32(k)..<Int32(e) }
            k = e
        }
        var owners: [String] = []
        for n in structure.nodes where n.role == .metadata {
            guard let role = n.metadataRole else { continue }
            projectContext = projectContext || role == .period || role == .owner
            guard let colon = StructureText.inlineColon(doc.utf16, n.range) ?? firstColon(n.range) else { continue }
            let value = StructureText.trim(doc.utf16, (colon + 1)..<n.range.upperBound)
            if role == .period {
                var t = fields.time(doc, value)
                t.deadline?.inherited = true
                periodDeadline = t.deadline ?? periodDeadline
            } else if role == .owner, !value.isEmpty {
                owners.append(doc.string(value))
            }
        }
        // The profile: by organisation, or by the document's own scorecard lead-ins.
        if organisation == nil {
            // The organisation is named early: the first thousand blocks are enough.
            let ranges = structure.nodes.lazy.filter { $0.role != .furniture && $0.role != .metadata }.prefix(1000).map(\.range)
            organisation = actors.organisation(doc, ranges: ranges, owners: owners)
        }
        if organisation == nil, let title = structure.nodes.first(where: { $0.role == .heading }) {
            // "Miljö- och byggnämndens verksamhetsplan": the body the title names.
            if let a = actors.read(doc, WordSpan(doc, range: title.range), organisation: nil, previous: nil, cueStart: nil),
               !a.weak, !lexicon.actorKinds(WordKey.hash(a.actor.name)).contains(.self) {
                organisation = ActorReader.baseForm(a.actor.name)
            }
        }
        profile = lexicon.profiles.first { $0.applies(toOrganisation: organisation) }
        var hits: [String: Set<String>] = [:]
        for p in lexicon.profiles {
            for n in structure.nodes {
                guard let li = n.leadIn ?? (n.role == .heading ? n.range : nil) else { continue }
                if let d = firstMatch(p.directionLeadIns, WordSpan(doc, range: li)) { hits[p.file, default: []].insert(d) }
            }
        }
        if profile == nil, let p = lexicon.profiles.first(where: { (hits[$0.file]?.count ?? 0) >= 2 }) {
            profile = p
            if organisation == nil { organisation = p.organisationName }
        }
        if let p = profile { scorecard = !(hits[p.file] ?? []).isEmpty }
    }

    private func firstColon(_ r: Range<Int>) -> Int? { r.first { doc.utf16[$0] == 0x3A } }

    private func firstMatch(_ index: PhraseIndex<String>, _ span: WordSpan) -> String? {
        for i in 0..<span.count { if let m = index.match(span, at: i) { return m.value } }
        return nil
    }

    // MARK: - The walk

    mutating func run() -> [Found] {
        readContext()
        for (index, node) in structure.nodes.enumerated() {
            switch node.role {
            case .furniture, .metadata: continue
            case .heading: heading(index, node)
            case .item: item(index, node)
            case .paragraph: paragraph(index, node)
            }
        }
        if profile == nil { programsFromSections() }
        attachIndicators()
        return found
    }

    /// "Mål: Brukarna ska känna sig trygga." followed by "Indikator: Andel
    /// brukare som känner sig trygga. Målvärde: minst 88 procent.": lines
    /// that open with an indicator label, right after a goal that ends its
    /// block, are read with that goal. Their targets become its targets and
    /// the indicator they name makes it measurable.
    private mutating func attachIndicators() {
        for i in found.indices {
            guard let n = goalNodes[found[i].goal.id], found[i].span.upperBound >= structure.nodes[n].range.upperBound else { continue }
            var lines: [Range<Int>] = []
            var j = n + 1
            var end = structure.nodes[n].range.upperBound
            while j < structure.nodes.count, structure.nodes[j].role != .heading, isIndicatorLine(structure.nodes[j].range),
                  !hasBlankLine(end..<structure.nodes[j].range.lowerBound) {
                lines.append(structure.nodes[j].range)
                end = structure.nodes[j].range.upperBound
                j += 1
            }
            guard let first = lines.first, let last = lines.last else { continue }
            found[i].indicator = first.lowerBound..<last.upperBound
            for r in lines {
                for t in fields.targets(doc, r) where !found[i].goal.targets.contains(t) { found[i].goal.targets.append(t) }
            }
            found[i].goal.signals = Self.signals(found[i].goal.targets)
        }
    }

    /// A line that opens with an indicator label and a colon and goes on
    /// ("Målvärde: minst 88 procent"; a bare "Indikatorer:" opens a list of
    /// its own).
    private func isIndicatorLine(_ range: Range<Int>) -> Bool {
        let span = WordSpan(doc, range: range.lowerBound..<min(range.upperBound, range.lowerBound + 40))
        guard span.count > 1, lexicon.indicatorLabels.contains(span.keys[0]) else { return false }
        var p = span.ranges[0].upperBound
        while p < range.upperBound, doc.utf16[p] == 0x20 { p += 1 }
        return p < range.upperBound && doc.utf16[p] == 0x3A
    }

    /// Whether the text between two blocks holds an empty line.
    private func hasBlankLine(_ gap: Range<Int>) -> Bool {
        var breaks = 0
        var p = gap.lowerBound
        while p < gap.upperBound {
            let c = doc.utf16[p]
            if c == 0x0A || c == 0x0D {
                breaks += 1
                if c == 0x0D, p + 1 < gap.upperBound, doc.utf16[p + 1] == 0x0A { p += 1 }
            }
            p += 1
        }
        return breaks > 1
    }

    /// Without a profile, a document that divides its goals under two or more
    /// section headings ("2.1 Trygg och säker omsorg", "3. Ekonomiska mål")
    /// places each goal under the nearest such heading: its program.
    private mutating func programsFromSections() {
        var candidates: [Int?] = []
        for f in found {
            guard f.goal.program == nil, let node = goalNodes[f.goal.id] else { candidates.append(nil); continue }
            candidates.append(sectionHeading(above: structure.nodes[node]))
        }
        guard Set(candidates.compactMap { $0 }).count >= 2 else { return }
        for (i, c) in candidates.enumerated() {
            guard let h = c else { continue }
            let span = WordSpan(doc, range: structure.nodes[h].title)
            var name = doc.string(structure.nodes[h].title)
            if let l = labelMatch(span), let n = nameAfterLabel(span, from: l.end), l.value == .area || l.value == .goalArea { name = n }
            found[i].goal.program = Link(name: name, evidence: .heading, confidence: 0.6)
        }
    }

    /// The nearest heading above a node that can name a section of goals: not
    /// the title, not a section without goals, not a goal itself, not a perspective.
    private func sectionHeading(above node: StructureNode) -> Int? {
        var h = node.parentHeading
        while let i = h {
            let n = structure.nodes[i]
            h = n.parentHeading
            if n.parentHeading == nil && n.level == 0 { return nil }
            let span = WordSpan(doc, range: n.title)
            if span.count == 0 || emittedHeadings.contains(i) { continue }
            if let l = labelMatch(span) {
                switch l.value {
                case .section, .vision: if l.start == 0 { return nil } else { continue }
                case .perspective: if l.start == 0 && l.end == span.count { return nil } else { continue }
                case .perspectiveName: if perspectivesNamed && l.start == 0 && l.end == span.count { return nil }
                case .goal: if l.end == span.count && l.start == 0 { continue }
                default: break
                }
            }
            if perspectiveName(span) != nil { return nil }
            return i
        }
        return nil
    }

    private mutating func heading(_ index: Int, _ node: StructureNode) {
        let span = WordSpan(doc, range: node.title)
        guard span.count > 0 else { return }
        visionSection = false
        if goalSection.active && node.level <= goalSectionLevel { goalSection.active = false }
        // A label coordinated with another word ("Mål och budget 2026–2028") opens no part.
        let labelled = labelMatch(span).flatMap { l -> (value: AnalysisLexicon.LabelRole, start: Int, end: Int)? in
            if l.end < span.count && span.keys[l.end] == Self.och { return nil }
            return l
        }
        if let label = labelled {
            let name = nameAfterLabel(span, from: label.end)
            switch label.value {
            case .goal, .goalArea:
                var actor = actors.read(doc, span, organisation: organisation, previous: nil, cueStart: nil)?.actor
                actor?.inherited = true
                if let a = actor { actor?.name = ActorReader.baseForm(a.name) }
                if actor == nil && goalSection.active { actor = goalSection.actor }
                goalSection = (true, doc.string(span.ranges[label.start].lowerBound..<span.ranges[label.end - 1].upperBound), actor)
                goalSectionLevel = node.level
                // "Målområde: Minskade utsläpp": the name is the area its goals sit in.
                if let name, label.value == .goalArea { setProgram(programName(name), label: span.keys[label.start]) }
            case .section:
                goalSection.active = false
            case .area:
                // The document's own title "Program för folkhälsa ...": the document is the program.
                // its areas, if it names any, are the programs of its goals.
                let isTitle = node.level == 0 && structure.nodes.first(where: { $0.role == .heading })?.range == node.range
                if let name { setProgram(programName(name), label: span.keys[label.start]) }
                programFromTitle = isTitle
            case .perspective:
                if let name { direction = Link(name: name.lowercased(), label: name, evidence: .heading, confidence: 0.8) }
            case .perspectiveName:
                // "Medarbetare" alone as a heading in a document that speaks of perspectives.
                if label.start == 0 && label.end == span.count && perspectivesNamed {
                    let name = doc.string(node.title)
                    direction = Link(name: name.lowercased(), label: name, evidence: .heading, confidence: 0.7)
                    goalSection.active = false
                    return
                }
            case .vision:
                goalSection.active = false
                visionSection = true
            }
            if label.value != .perspectiveName { return }
        }
        if let d = perspectiveName(span) {
            direction = Link(name: d.lowercased(), label: doc.string(node.title), evidence: .heading, confidence: 0.8)
            goalSection.active = false
            return
        }
        if let p = profile, let m = firstMatch(p.programs, span) {
            program = Link(name: m, evidence: .heading, confidence: 0.9)
            goalSection.active = false
            return
        }
        if node.number != nil {
            if program != nil { program?.area = doc.string(node.title) }
            return
        }
        if goalSection.active {
            // In a goal part a heading is a goal when it reads as one: a cue, or a phrase of three words
            // or more ("Minskade utsläpp av växthusgaser"), not a bare name ("Ekbacka kommun").
            if cues.isPast(span) { return }
            if cues.read(span, itemLike: true) == nil && span.count < 3 { return }
            emit(node.range, span: span, itemLike: true, inherited: goalSectionInfo, node: node)
        } else if let r = cues.read(span, itemLike: false), [.modal, .noun, .future].contains(r.kind), !cues.isMeta(span) {
            emit(node.range, span: span, itemLike: false, inherited: nil, node: node)
        }
    }

    static let programWord = WordKey.hash("program")
    static let och = WordKey.hash("och")

    /// A named program or area heading: the same label as the current
    /// program's (or "Program") names the next program, another an area.
    private mutating func setProgram(_ name: String, label key: UInt64) {
        if program == nil || programLabel == key || key == Self.programWord || programFromTitle {
            program = Link(name: name, evidence: .heading, confidence: 0.9)
            programLabel = key
            programFromTitle = false
        } else {
            program?.area = name
        }
    }

    /// What a goal part passes on to the headings and items in it.
    private var goalSectionInfo: LeadInInfo {
        LeadInInfo(committing: true, commitment: Commitment(class: .binding, cue: goalSection.cue, inherited: true), actor: goalSection.actor)
    }

    /// A goal word anywhere in a lead-in ("följande mål:"), when no word of
    /// a section without goals ("indikatorer") is there too.
    private func goalWord(_ span: WordSpan) -> Int? {
        var found: Int? = nil
        for i in 0..<span.count {
            guard let m = lexicon.labels.match(span, at: i) else { continue }
            switch m.value {
            case .goal, .goalArea: if found == nil { found = i }
            case .section, .perspective, .vision: return nil
            case .area, .perspectiveName: break
            }
        }
        return found
    }

    /// A label at the start of a heading, or after a genitive or possessive
    /// ("Nämndens mål", "Våra mål", "Kommunens övergripande mål").
    private func labelMatch(_ span: WordSpan) -> (value: AnalysisLexicon.LabelRole, start: Int, end: Int)? {
        for start in 0..<min(3, span.count) {
            if start > 0 {
                let w = span.ranges[start - 1]
                let genitive = doc.utf16[w.upperBound - 1] == 0x73 || lexicon.actorKinds(span.keys[start - 1]).contains(.pronoun)
                if !genitive { return nil }
            }
            if let m = lexicon.labels.match(span, at: start) { return (m.value, start, m.end) }
        }
        return nil
    }

    /// "Ekonomiskt perspektiv", "Medarbetarperspektivet": the perspective's
    /// name without the word perspective ("ekonomiskt", "medarbetar").
    private func perspectiveName(_ span: WordSpan) -> String? {
        guard span.count <= 4 else { return nil }
        let last = doc.string(span.ranges[span.count - 1]).lowercased()
        for suffix in lexicon.perspectiveLabels where last.hasSuffix(suffix) {
            let head = last.dropLast(suffix.count)
            var words = (0..<(span.count - 1)).map { doc.string(span.ranges[$0]) }
            if !head.isEmpty { words.append(String(head)) }
            let name = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "-– "))
            return name.isEmpty ? nil : name
        }
        return nil
    }

    private mutating func item(_ index: Int, _ node: StructureNode) {
        let parent = node.parentLeadIn.map { leadInInfo($0) }
        if node.leadIn != nil && node.body == nil {
            _ = leadInInfo(index)  // a nested lead-in: opens a list, is no goal itself
            return
        }
        let span = WordSpan(doc, range: node.range)
        if let info = node.body != nil ? leadInInfo(index) : nil, info.committing {
            emit(node.range, span: span, itemLike: true, inherited: info, node: node, bodyKey: node.body)
            return
        }
        if let parent, parent.committing {
            if cues.read(span, itemLike: true) == nil && cues.isPast(span) && fields.time(doc, node.range).deadline == nil { return }
            emit(node.range, span: span, itemLike: true, inherited: parent, node: node)
        } else if parent == nil, goalSection.active {
            // Items right under a goal heading ("Aktiviteter", "Målområden").
            if cues.read(span, itemLike: true) == nil && cues.isPast(span) { return }
            emit(node.range, span: span, itemLike: true, inherited: goalSectionInfo, node: node)
        } else if let r = cues.read(span, itemLike: false), [.modal, .noun, .future, .requirement].contains(r.kind) {
            emit(node.range, span: span, itemLike: false, inherited: nil, node: node)
        }
    }

    private mutating func paragraph(_ index: Int, _ node: StructureNode) {
        var skip: Range<Int>? = nil
        if node.leadIn != nil {
            let info = leadInInfo(index)
            if let body = node.body, let li = node.leadIn {
                if info.committing {
                    // The inline lead-in and its text are one goal: the sentence holding the colon.
                    let first = sentenceRange(containing: li.upperBound - 1, in: node) ?? node.range
                    emit(first, span: WordSpan(doc, range: first), itemLike: true, inherited: info, node: node,
                         bodyKey: body.lowerBound..<first.upperBound)
                    skip = first
                }
            } else {
                skip = node.leadIn
            }
        }
        let sentences = sentenceIndices(node.block)
        guard !sentences.isEmpty else { return }
        if node.leadIn == nil, goalSection.active, sentences.count == 1, StructureText.wordCount(doc.utf16, node.range) <= 12 {
            // A one-sentence paragraph right in a goal part ("Nämndens mål" → "Kortare handläggningstider.") is a goal.
            let span = WordSpan(doc, range: node.range)
            if !cues.isPast(span) && !isQuestionOrQuote(node.range) && !cues.isMeta(span) {
                emit(node.range, span: span, itemLike: true, inherited: goalSectionInfo, node: node)
                return
            }
        }
        for k in sentences {
            let s = doc.sentences[k]
            let r = max(Int(s.start), node.range.lowerBound)..<min(Int(s.end), node.range.upperBound)
            guard !r.isEmpty else { continue }
            if let skip, skip.overlaps(r) { continue }
            emit(r, span: WordSpan(doc, range: r), itemLike: false, inherited: nil, node: node)
        }
    }

    private func sentenceIndices(_ block: Int) -> Range<Int> {
        block < sentencesByBlock.count ? Int(sentencesByBlock[block].lowerBound)..<Int(sentencesByBlock[block].upperBound) : 0..<0
    }

    private func sentenceRange(containing offset: Int, in node: StructureNode) -> Range<Int>? {
        let ks = sentenceIndices(node.block)
        for k in ks {
            let s = doc.sentences[k]
            if Int(s.start) <= offset && offset < Int(s.end) {
                return max(Int(s.start), node.range.lowerBound)..<min(Int(s.end), node.range.upperBound)
            }
        }
        return nil
    }

    // MARK: - Lead-ins

    private mutating func leadInInfo(_ index: Int) -> LeadInInfo {
        if let known = leadIns[index] { return known }
        let node = structure.nodes[index]
        guard let range = node.leadIn else { return LeadInInfo() }
        var info = LeadInInfo()
        info.text = doc.string(range)
        let span = WordSpan(doc, range: range)
        if span.count > 0, let label = labelMatch(span), label.value == .goal || label.value == .goalArea {
            info.committing = true
            info.commitment = Commitment(class: .binding, cue: doc.string(span.ranges[label.start].lowerBound..<span.ranges[label.end - 1].upperBound), inherited: true)
        } else if let r = cues.read(span, itemLike: false), [.modal, .noun, .future].contains(r.kind), !cues.isMeta(span) {
            info.committing = true
            info.commitment = Commitment(class: r.cls, cue: cueText(span, r), inherited: true)
        } else if let word = goalWord(span) {
            // "Fullmäktige har fastställt följande mål:": the list is of goals.
            info.committing = true
            info.commitment = Commitment(class: .binding, cue: doc.string(span.ranges[word]), inherited: true)
        }
        if info.committing {
            info.actor = actors.read(doc, span, organisation: organisation, previous: nil, cueStart: nil)?.actor
            info.actor?.inherited = true
            info.timeRange = range
            info.direction = leadInDirection(index, span)
            if let d = info.direction { direction = d }
        }
        leadIns[index] = info
        return info
    }

    /// A lead-in's scorecard direction: its own words (profile lead-in
    /// phrases, or a perspective label), else, in a scorecard document, the
    /// profile's content words in the lead-in and the items under it.
    private func leadInDirection(_ index: Int, _ span: WordSpan) -> Link? {
        guard let p = profile else { return nil }
        if let d = firstMatch(p.directionLeadIns, span) {
            return Link(name: d, label: p.directionLabels[d], evidence: .leadIn, confidence: 0.9)
        }
        guard scorecard else { return nil }
        var votes: [String: Int] = [:]
        func count(_ s: WordSpan) {
            for i in 0..<s.count { if let m = p.directionContent.match(s, at: i) { votes[m.value, default: 0] += 1 } }
        }
        count(span)
        if let body = structure.nodes[index].body { count(WordSpan(doc, range: body)) }
        var j = index + 1
        while j < structure.nodes.count, structure.nodes[j].parentLeadIn == index {
            count(WordSpan(doc, range: structure.nodes[j].range))
            j += 1
        }
        guard let best = votes.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return nil }
        return Link(name: best.key, label: p.directionLabels[best.key], evidence: .lexicon, confidence: 0.7)
    }

    // MARK: - Goals

    /// Reads one candidate goal and keeps it when it is one. `inherited`:
    /// the lead-in (or goal heading label) it sits under, if any;
    /// `bodyKey`: the text after an inline lead-in, for finding repeats.
    private mutating func emit(_ range: Range<Int>, span: WordSpan, itemLike: Bool, inherited: LeadInInfo?, node: StructureNode,
                               bodyKey: Range<Int>? = nil) {
        guard span.count > 0 else { return }
        let own = cues.read(span, itemLike: itemLike)
        // The goal's own time expressions, read once (a plan needs them to count).
        var ownTime: TimeReading? = nil
        var kind = GoalKind.goal
        if inherited?.committing != true {
            // A goal on its own strength: a finite commitment about the future,
            // not a question ("Hur ska vi arbeta?") nor a quoted voice ("– Vi ska ..., säger X").
            guard let own else { return }
            if cues.isMeta(span) || cues.hasExternalSubject(span, before: own.start) { return }
            if isQuestionOrQuote(range) { return }
            switch own.kind {
            case .modal, .noun, .future: break
            case .requirement:
                guard actors.read(doc, span, organisation: nil, previous: nil, cueStart: nil) != nil else { return }
            case .plan:
                ownTime = fields.time(doc, range)
                guard ownTime?.deadline != nil else { return }
            case .forecast: kind = .forecast
            case .vision: kind = .vision
            case .verb: if !itemLike { return }
            }
        } else if let own, own.kind == .forecast || own.kind == .vision {
            kind = own.kind == .forecast ? .forecast : .vision
        }
        if visionSection && kind == .goal { kind = .vision }
        // One goal per distinct statement.
        let key = Self.normalisedKey(doc, range)
        let body = bodyKey.map { Self.normalisedKey(doc, $0) }
        if key == 0 || seen.contains(key) || (body.map { seen.contains($0) } ?? false) { return }
        seen.insert(key)
        if let body { seen.insert(body) }

        let commitment: Commitment
        if bodyKey != nil, var c = inherited?.commitment {
            // An inline lead-in is the goal's own first words: its cue governs.
            c.inherited = false
            commitment = c
        } else if let own, own.kind != .plan || inherited?.committing != true {
            commitment = Commitment(class: own.cls, cue: cueText(span, own), inherited: false)
        } else if let c = inherited?.commitment {
            commitment = c
        } else {
            return
        }
        // A body named as subject, else the lead-in's, else one named after a preposition.
        let named = actors.read(doc, span, organisation: organisation, previous: previousActor, cueStart: own?.start)
        var actor = named?.weak == false ? named?.actor : nil
        if actor == nil, let a = inherited?.actor { actor = a }
        if actor == nil, goalSection.active, let a = goalSection.actor { actor = a }
        if actor == nil { actor = named?.actor }
        if actor == nil, projectContext, let org = organisation { actor = Actor(name: org, inherited: true) }
        if actor != nil { previousActor = actor }

        let time = ownTime ?? fields.time(doc, range)
        var deadline = time.deadline
        if deadline == nil, let r = inherited?.timeRange { deadline = inheritedDeadline(r) }
        if deadline == nil { deadline = periodDeadline }
        if deadline == nil { deadline = headingDeadline(node) }
        if deadline == nil { deadline = periodAnaphora(span) }

        let dir = inherited?.direction ?? direction.map { Link(name: $0.name, label: $0.label, evidence: $0.evidence, confidence: min($0.confidence, 0.6)) }
        let targets = fields.targets(doc, range)
        let (line, column) = doc.offsets.lineColumn(range.lowerBound)
        let location = Location(line: line, column: column, start: doc.offsets.scalarOffset(range.lowerBound),
                                end: doc.offsets.scalarOffset(range.upperBound))
        var goal = Goal(id: "g\(found.count + 1)", text: doc.string(range), location: location, kind: kind,
                        commitment: commitment, actor: actor, targets: targets, deadline: deadline,
                        recurrence: time.recurrence, program: program, direction: dir,
                        headings: structure.headings(of: node).map { doc.string(structure.nodes[$0].range) },
                        leadIn: node.parentLeadIn.flatMap { structure.nodes[$0].leadIn }.map { doc.string($0) } ?? (bodyKey != nil ? node.leadIn.map { doc.string($0) } : nil))
        goal.signals = Self.signals(targets)
        if let n = nodeIndex[node.range.lowerBound] {
            goalNodes[goal.id] = n
            if node.role == .heading { emittedHeadings.insert(n) }
        }
        found.append(Found(goal: goal, span: range))
    }

    private mutating func inheritedDeadline(_ range: Range<Int>) -> Deadline? {
        if let known = leadInDeadlines[range.lowerBound] { return known }
        var d = fields.time(doc, range).deadline
        d?.inherited = true
        leadInDeadlines[range.lowerBound] = d
        return d
    }

    /// A question, or a quotation in a news text (it opens with a dash or
    /// says "säger" after a comma).
    private func isQuestionOrQuote(_ range: Range<Int>) -> Bool {
        let u = doc.utf16
        var end = range.upperBound
        while end > range.lowerBound, StructureText.isSpace(u[end - 1]) || u[end - 1] == 0x201D || u[end - 1] == 0x22 { end -= 1 }
        if end > range.lowerBound, u[end - 1] == 0x3F { return true }
        let first = u[range.lowerBound]
        if first == 0x2013 || first == 0x2014 { return true }
        return StructureText.contains(u, range, Self.saysAfterComma)
    }

    static let saysAfterComma: [UInt16] = Array(", säger ".utf16)

    /// The deadline of the nearest heading above that states one.
    private mutating func headingDeadline(_ node: StructureNode) -> Deadline? {
        for h in structure.headings(of: node).reversed() {
            if let known = headingDeadlines[h] { if let d = known { return d } else { continue } }
            var d = fields.time(doc, structure.nodes[h].range).deadline
            d?.inherited = true
            // A heading passes on a year or a period, not a day ("Version 1.2, 2025-11-03").
            if let date = d?.date, date.count > 7 { d = nil }
            headingDeadlines[h] = d
            if let d { return d }
        }
        return nil
    }

    /// "den närmaste planeringsperioden": a period the document named
    /// earlier with its years ("planeringsperioden 2016-2018").
    private mutating func periodAnaphora(_ span: WordSpan) -> Deadline? {
        for i in 0..<span.count where lexicon.planPeriods.contains(span.keys[i]) {
            if namedPeriods == nil { namedPeriods = readNamedPeriods() }
            if let d = namedPeriods?[span.keys[i]] { return Deadline(text: doc.string(span.ranges[i]), date: d, inherited: true) }
        }
        return nil
    }

    /// Every period word followed by years ("mandatperioden 2023–2026"):
    /// the first such mention of each word gives its last year.
    private func readNamedPeriods() -> [UInt64: String] {
        var out: [UInt64: String] = [:]
        for n in structure.nodes where n.role != .furniture {
            let span = WordSpan(doc, range: n.range)
            for i in 0..<span.count where lexicon.planPeriods.contains(span.keys[i]) && out[span.keys[i]] == nil {
                guard i + 1 < span.count else { continue }
                let end = span.ranges[min(span.count - 1, i + 3)].upperBound
                if let d = fields.time(doc, span.ranges[i].lowerBound..<end).deadline { out[span.keys[i]] = d.date }
            }
        }
        return out
    }

    private func cueText(_ span: WordSpan, _ r: CueReading) -> String {
        r.cueWords.map { doc.string(span.ranges[$0.lowerBound].lowerBound..<span.ranges[$0.upperBound - 1].upperBound) }.joined(separator: " … ")
    }

    /// The name after a label ("Program E - ledande nordlig region": "ledande
    /// nordlig region"; "Strategiområde 2: Tillväxt": "Tillväxt").
    private func nameAfterLabel(_ span: WordSpan, from: Int) -> String? {
        var i = from
        while i < span.count {
            let r = span.ranges[i]
            let single = r.count == 1 || StructureText.isDigit(doc.utf16[r.lowerBound])
            if !single { break }
            i += 1
        }
        guard i < span.count else { return nil }
        return doc.string(span.ranges[i].lowerBound..<span.ranges[span.count - 1].upperBound)
    }

    private func programName(_ name: String) -> String {
        guard let p = profile else { return name }
        return firstMatch(p.programs, WordSpan(words: name)) ?? name
    }

    /// Lower-case words joined by one space, a word broken by a hyphen and a
    /// space joined again ("effektiviserings- åtgärder"): the key under which
    /// a repeated statement is found.
    static func normalisedKey(_ doc: Document, _ range: Range<Int>) -> UInt64 {
        let units = normalisedUnits(doc, range)
        return units.isEmpty ? 0 : WordKey.hash(units)
    }

    static func normalisedUnits(_ doc: Document, _ range: Range<Int>) -> [UInt16] {
        var out: [UInt16] = []
        out.reserveCapacity(range.count)
        let u = doc.utf16
        var pendingSpace = false
        var i = range.lowerBound
        while i < range.upperBound {
            let c = u[i]
            if WordKey.isLetterOrDigit(c) {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(WordKey.fold(c))
            } else if c == 0x2D, !out.isEmpty, i + 1 < range.upperBound, StructureText.isSpace(u[i + 1]) {
                // "effektiviserings- åtgärder": one word broken across a line.
                var j = i + 1
                while j < range.upperBound, StructureText.isSpace(u[j]) { j += 1 }
                if j < range.upperBound, WordKey.isLower(u[j]) { i = j; pendingSpace = false; continue }
                pendingSpace = true
            } else {
                pendingSpace = true
            }
            i += 1
        }
        return out
    }

    static func signals(_ targets: [Target]) -> AchievabilitySignals? {
        guard !targets.isEmpty else { return nil }
        let withBase = targets.first { $0.baseline != nil }
        var ratio: Double? = nil
        if let t = withBase, let b = t.baseline, b != 0 { ratio = t.value / b }
        return AchievabilitySignals(baselineStated: withBase != nil, ambitionRatio: ratio)
    }
}
