#!/usr/bin/env bash
# Regenerates Corpus/formats/: each seed document (Corpus/seeds/*.txt) as
# HTML (a web page with navigation, cookie banner and footer around it),
# DOCX (with a running header and page-number footer), ODT, Markdown, PDF
# (LibreOffice from the DOCX) and a Windows-1252 text copy.
# The files are committed; run this only to change them. Needs pandoc,
# python3, iconv and LibreOffice (apt-get install pandoc libreoffice-writer-nogui).
set -euo pipefail
cd "$(dirname "$0")/.."
out=Corpus/formats
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for seed in Corpus/seeds/*.txt; do
  name=$(basename "$seed" .txt)
  python3 scripts/fixtures/seed_to_html.py "$seed" "$tmp/$name.clean.html" "$out/$name.html"
  pandoc "$tmp/$name.clean.html" -f html -t docx -o "$out/$name.docx"
  python3 scripts/fixtures/add_header_footer.py "$out/$name.docx" "Luleå kommun · Styrdokument"
  pandoc "$tmp/$name.clean.html" -f html -t odt -o "$out/$name.odt"
  pandoc "$tmp/$name.clean.html" -f html -t gfm -o "$out/$name.md"
  (cd "$tmp" && soffice --headless --convert-to pdf --outdir "$tmp" "$OLDPWD/$out/$name.docx" >/dev/null 2>&1)
  mv "$tmp/$name.pdf" "$out/$name.pdf"
  iconv -f UTF-8 -t WINDOWS-1252 "$seed" > "$out/$name.cp1252.txt"
done
ls -l "$out"
