#!/usr/bin/env bash
# Token and sentence scores of `malkoll segment` on the UD Swedish dev
# treebanks (Talbanken, LinES), measured with shared/peers/score_ud.py:
# it rebuilds the raw text, malkoll segments it, the scorer compares.
#
#   scripts/score-ud.sh [--misses]    (--misses also prints every token and
#                                      sentence-boundary error in context)
# Uses the debug build (swift build) unless MALKOLL_BIN names a binary.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${MALKOLL_SHARED:-$here/../shared}
bin=${MALKOLL_BIN:-$here/.build/debug/malkoll}
[ -x "$bin" ] || (cd "$here" && swift build --product malkoll >/dev/null)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tb in UD_Swedish-Talbanken/sv_talbanken-ud-dev.conllu UD_Swedish-LinES/sv_lines-ud-dev.conllu; do
  conllu="$shared/peers/ud-swedish/$tb"
  python3 "$shared/peers/score_ud.py" text "$conllu" -o "$work/raw.txt" 2>/dev/null
  "$bin" segment --format json "$work/raw.txt" > "$work/system.json"
  echo "== $(basename "$tb")   (bars: tokens >= 99.90, paragraph-internal sentence boundaries >= 97.5 Talbanken / 95.5 LinES)"
  python3 "$shared/peers/score_ud.py" score "$conllu" "$work/system.json" --raw "$work/raw.txt"
  if [ "${1:-}" = "--misses" ]; then
    python3 - "$shared/peers" "$conllu" "$work/system.json" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import score_ud as S
gold = S.build_gold(S.read_conllu(sys.argv[2])); text = gold.text
sents, toks = S.read_system(sys.argv[3], text)
def ctx(a, b, w=40): return (text[max(0, a - w):a] + "[" + text[a:b] + "]" + text[b:b + w]).replace("\n", "⏎")
gt = {S._trim(t, text) for t in gold.tokens}
for a, b in sorted(gt - toks): print("token missed  ", ctx(a, b))
for a, b in sorted(toks - gt): print("token spurious", ctx(a, b))
par = {len(text[:p].rstrip()) for p in gold.par_ends}
eot = len(text.rstrip())
ge = {b for _, b in (S._trim(s, text) for s in gold.sentences)} - par - {eot}
se = {b for _, b in sents} - par - {eot}
for b in sorted(ge - se): print("end missed    ", ctx(b, b, 60))
for b in sorted(se - ge): print("end spurious  ", ctx(b, b, 60))
PY
  fi
done
