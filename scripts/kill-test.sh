#!/usr/bin/env bash
# The issue's bar: convert N documents (default 1 000) once cleanly; then
# start `batch` on the same archive ten times, killing each run at a random
# moment (SIGKILL, SIGTERM and SIGINT in turn), checking after every kill
# that no output file is half written and the database is consistent; then
# finish with one more run and compare files (byte for byte) and database
# (every table, without row ids and timestamps) with the clean run.
#   scripts/kill-test.sh [N] [KILLS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
KILLS=${2:-10}
BIN=${MALKOLL_BIN:-.build/release/malkoll}
[ -x "$BIN" ] || swift build -c release --product malkoll >&2
WORK=$(mktemp -d /tmp/malkoll-kill.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# N distinct documents: the seeds with a numbered line, and some unreadable ones.
python3 - "$WORK/in" "$N" Corpus/seeds/*.txt <<'PY'
import os, sys
out, n, seeds = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
texts = [open(s, 'rb').read() for s in seeds]
for i in range(n):
    d = os.path.join(out, 'd%02d' % (i % 37))
    os.makedirs(d, exist_ok=True)
    if i % 97 == 0:
        data = b'\xff\xfeA\x00\x00\x00'          # passes the sniff, fails to decode
    else:
        data = texts[i % len(texts)] + ('\nDokument %d.\n' % i).encode()
    open(os.path.join(d, 'doc%04d.txt' % i), 'wb').write(data)
PY

# Every output file whole: JSON parses, JSON lines parse, CSV rows complete.
check_whole() {
  python3 - "$1" <<'PY'
import csv, json, os, sys
root, bad = sys.argv[1], []
for dirpath, dirs, files in os.walk(root):
    if '.malkoll' in dirpath.split(os.sep): continue
    for f in files:
        p = os.path.join(dirpath, f)
        try:
            if f.endswith('.json'):
                json.load(open(p, encoding='utf-8'))
            elif f.endswith('.jsonl'):
                data = open(p, encoding='utf-8').read()
                assert data == '' or data.endswith('\n'), 'no final newline'
                for line in data.splitlines(): json.loads(line)
            elif f.endswith('.csv'):
                rows = list(csv.reader(open(p, encoding='utf-8', newline='')))
                assert rows and all(len(r) == len(rows[0]) for r in rows), 'ragged rows'
        except Exception as e:
            bad.append('%s: %s' % (p, e))
print('\n'.join(bad))
sys.exit(1 if bad else 0)
PY
}

db_consistent() {
  sqlite3 "$1" "PRAGMA integrity_check" | grep -qx ok &&
  [ "$(sqlite3 "$1" "SELECT count(*) FROM documents d WHERE goal_count != (SELECT count(*) FROM goals g WHERE g.document_id = d.id)")" = 0 ]
}

start=$(date +%s.%N)
"$BIN" batch "$WORK/in" --out "$WORK/clean" --db "$WORK/clean.sqlite" --jobs 2 2>"$WORK/clean.err"
clean_secs=$(echo "$(date +%s.%N) - $start" | bc)
echo "clean run: $N documents in ${clean_secs}s: $(tail -n 1 "$WORK/clean.err")"

signals=(KILL TERM INT)
landed=0
half=0
for ((k = 1; k <= KILLS; k++)); do
  sig=${signals[$(( (k - 1) % 3 ))]}
  # A random moment within the work left (estimated from the clean run), so the kills land mid-run.
  left=$(python3 - "$WORK/killed/.malkoll/manifest.jsonl" "$N" <<'PY'
import json, sys
done = set()
try:
    for line in open(sys.argv[1], encoding='utf-8'):
        try: done.add(json.loads(line)['rel'])
        except Exception: pass
except FileNotFoundError: pass
print(max(0, int(sys.argv[2]) - len(done)))
PY
)
  delay=$(python3 -c "import random; print(round(random.uniform(0.05, max(0.3, $clean_secs * $left / $N * 0.5)), 3))")
  "$BIN" batch "$WORK/in" --out "$WORK/killed" --db "$WORK/killed.sqlite" --jobs 2 2>"$WORK/run.err" &
  pid=$!
  sleep "$delay"
  if kill -0 "$pid" 2>/dev/null; then kill -s "$sig" "$pid"; landed=$((landed + 1)); state="killed"; else state="had finished"; fi
  wait "$pid" 2>/dev/null || true
  sleep 0.1 # let orphaned workers notice (they end within a second and write nothing)
  done_docs=$(python3 -c "import json,sys; print(len({json.loads(l)['rel'] for l in open(sys.argv[1]) if l.strip().endswith('}')}))" "$WORK/killed/.malkoll/manifest.jsonl" 2>/dev/null || echo 0)
  if check_whole "$WORK/killed" >"$WORK/whole.txt"; then whole=yes; else whole=NO; half=$((half + 1)); cat "$WORK/whole.txt"; fi
  if [ -f "$WORK/killed.sqlite" ] && ! db_consistent "$WORK/killed.sqlite"; then whole="$whole, database INCONSISTENT"; half=$((half + 1)); fi
  echo "run $k: SIG$sig after ${delay}s ($left documents were left): $state; documents done: $done_docs; every file whole: $whole"
done

"$BIN" batch "$WORK/in" --out "$WORK/killed" --db "$WORK/killed.sqlite" --jobs 2 2>"$WORK/final.err"
echo "final run: $(tail -n 1 "$WORK/final.err")"

files_same=yes
diff -r -q -x .malkoll "$WORK/clean" "$WORK/killed" >"$WORK/diff.txt" || { files_same=no; head "$WORK/diff.txt"; }
"$BIN" goals --db "$WORK/clean.sqlite" --dump >"$WORK/clean.dump"
"$BIN" goals --db "$WORK/killed.sqlite" --dump >"$WORK/killed.dump"
db_same=yes
cmp -s "$WORK/clean.dump" "$WORK/killed.dump" || { db_same=no; diff "$WORK/clean.dump" "$WORK/killed.dump" | head; }
nfiles=$(find "$WORK/clean" -path '*/.malkoll' -prune -o -type f -print | wc -l)
echo "kills that landed mid-run: $landed of $KILLS; checks with a half-written file or inconsistent database: $half"
echo "files identical to the clean run ($nfiles files, byte for byte): $files_same"
echo "database identical to the clean run ($(wc -l <"$WORK/clean.dump") rows, ids and analyzed_at left out): $db_same"
[ "$files_same" = yes ] && [ "$db_same" = yes ] && [ "$half" = 0 ] && echo "PASS" || { echo "FAIL"; exit 1; }
