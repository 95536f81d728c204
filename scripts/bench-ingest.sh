#!/usr/bin/env bash
# Reading speed of the format readers, and time and peak memory of every
# bad input, with the release build.
#   scripts/bench-ingest.sh            (builds release first)
#   MALKOLL=path/to/malkoll scripts/bench-ingest.sh
# Prints: PDF pages/s and DOCX MB/s of XML (read + segment, end to end),
# next to the analysis MB/s of the same text as plain text; then one line
# per bad input with its exit code, seconds and peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${MALKOLL:-}" ]; then
  swift build -c release --product malkoll >/dev/null
  MALKOLL=.build/release/malkoll
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fmt=Corpus/formats
# Analysis: `analyze` once it exists, else the language layer (`segment`).
if "$MALKOLL" analyze --format json Corpus/seeds/001_148a0466fced474f.txt >/dev/null 2>&1; then
  analysis=(analyze --format json)
else
  analysis=(segment --format json)
fi

# time_of CMD...: wall seconds, peak RSS (KB) and user CPU seconds of one
# run (the CPU time says more than the wall time on a loaded machine).
time_of() {
  /usr/bin/time -f "%e %M %U" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || true
  cat "$tmp/time" | tail -1
}

# A long PDF: the five seed PDFs, 12 times over.
pdfs=()
for i in $(seq 12); do pdfs+=("$fmt"/*.pdf); done
pdfunite "${pdfs[@]}" "$tmp/long.pdf"
pages=$(pdfinfo "$tmp/long.pdf" | awk '/^Pages:/ {print $2}')
read -r secs rss cpu < <(time_of "$MALKOLL" segment --format json "$tmp/long.pdf")
read -r psecs _ pcpu < <(time_of pdftotext -tsv "$tmp/long.pdf" -)
echo "PDF:  $pages pages in ${secs} s: $(python3 -c "print(round($pages/max($secs,0.001)))") pages/s read + segmented (malkoll CPU ${cpu} s; pdftotext alone: ${psecs} s), peak ${rss} KB"

# A long DOCX: the five seeds' bodies, in turn, until the XML is about 20 MB
# (each cycle is longer than deflate's window, so it compresses like a real
# document, not like one block repeated).
python3 - "$tmp/long.docx" "$tmp/long.txt" <<'EOF'
import glob, re, sys, zipfile
out, txt = sys.argv[1:3]
names = sorted(glob.glob("Corpus/formats/*.docx"))
body = lambda n: re.search(r"<w:body>(.*?)(<w:sectPr.*)?</w:body>", zipfile.ZipFile(n).read("word/document.xml").decode(), re.S).group(1)
cycle = "".join(body(n) for n in names)
texts = [open(n.replace("formats", "seeds").replace(".docx", ".txt")).read() for n in names]
times = max(1, 20_000_000 // len(cycle.encode()))
z = zipfile.ZipFile(names[0])
doc = z.read("word/document.xml").decode()
new = doc.replace(body(names[0]), cycle * times)
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o:
    for i in z.infolist():
        o.writestr(i, new if i.filename == "word/document.xml" else z.read(i.filename))
open(txt, "w").write("\n\n".join(texts) * times)
print(len(new.encode()), file=open(out + ".size", "w"))
EOF
xml=$(cat "$tmp/long.docx.size")
read -r dsecs drss dcpu < <(time_of "$MALKOLL" segment --format json "$tmp/long.docx")
if [ -s "$tmp/err" ]; then echo "DOCX: $(cat "$tmp/err")"; fi
read -r tsecs _ tcpu < <(time_of "$MALKOLL" segment --format json "$tmp/long.txt")
read -r asecs arss _ < <(time_of "$MALKOLL" "${analysis[@]}" "$tmp/long.txt")
txtmb=$(python3 -c "import os; print(os.path.getsize('$tmp/long.txt')/1e6)")
echo "DOCX: $(python3 -c "print(round($xml/1e6,1))") MB of XML in ${dsecs} s: $(python3 -c "print(round($xml/1e6/max($dsecs,0.001),1))") MB/s read + segmented, peak ${drss} KB"
echo "      CPU: ${dcpu} s read + segmented, ${tcpu} s segmenting the same text alone: reading $(python3 -c "print(round($xml/1e6/max($dcpu-$tcpu,0.001),1))") MB/s of XML"
echo "      the same text as plain text: segment ${tsecs} s ($(python3 -c "print(round($txtmb/max($tsecs,0.001),1))") MB/s); ${analysis[0]} ${asecs} s ($(python3 -c "print(round($txtmb/max($asecs,0.001),1))") MB/s), peak ${arss} KB"

# Bad inputs: the committed ones and the huge ones made here.
python3 - "$tmp" <<'EOF'
import sys
t = sys.argv[1]
open(f"{t}/line-50MB.txt", "wb").write(b"a" * 50_000_000)
open(f"{t}/deep-100k.html", "w").write("<html><body>" + "<div>" * 100_000 + "x")
head, mib, tail = (open(f"Corpus/bad/zip-bomb-{p}.deflate", "rb").read() for p in ("head", "mib", "tail"))
import struct, zlib
data = head + mib * 4000 + tail
name = b"word/document.xml"
local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, 0, len(data), 2000, len(name), 0) + name
central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, 0, len(data), 2000, len(name), 0, 0, 0, 0, 0, 0) + name
end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
open(f"{t}/zip-bomb-4GB.docx", "wb").write(local + data + central + end)
EOF
mkdir -p "$tmp/a-directory.docx"
echo "bad inputs (malkoll segment): exit code, seconds, peak RSS"
for f in Corpus/bad/*.{txt,bin,docx,pdf,html} "$tmp/line-50MB.txt" "$tmp/deep-100k.html" "$tmp/zip-bomb-4GB.docx" "$tmp/a-directory.docx"; do
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$MALKOLL" segment "$f" >/dev/null 2>"$tmp/err" && code=0 || code=$?
  read -r s m < <(tail -1 "$tmp/time")
  printf "  %-28s exit %-3s %6s s %8s KB  %s\n" "$(basename "$f")" "$code" "$s" "$m" "$(grep -v '^Command exited' "$tmp/err" | head -1 | cut -c1-90)"
done
