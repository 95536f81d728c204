#!/usr/bin/env bash
# Throughput of `malkoll segment --format json` against the raw ICU reference
# (shared/tools/icu_raw.c: UTF-8->UTF-16 conversion + word + sentence break),
# in the same run, on the 20 MB corpus built from the seed documents.
#
#   scripts/bench-segment.sh [RUNS]     (default 3 runs; the best of each is kept)
#
# Prints ICU's combined MB/s (bytes / (conv + word + sentence seconds)),
# malkoll's MB/s (bytes / wall-clock seconds of the whole process, reading
# the file and writing the JSON included), their ratio, and malkoll's peak
# RSS against the input size. Set MALKOLL_THREADS=1 to forbid the second
# thread (the figure "one thread").
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${MALKOLL_SHARED:-$here/../shared}
runs=${1:-3}
out=${BENCH_DIR:-/tmp/malkoll-bench}

command -v /usr/bin/time >/dev/null || { echo "installing GNU time" >&2; apt-get install -y time >/dev/null; }
"$shared/tools/make_corpus.sh" "$out" >/dev/null
corpus="$out/corpus-20mb.txt"
bytes=$(stat -c %s "$corpus")

gcc -O2 -o "$out/icu_raw" "$shared/tools/icu_raw.c" $(pkg-config --cflags --libs icu-uc icu-i18n)
(cd "$here" && swift build -c release --product malkoll >/dev/null)
bin="$here/.build/release/malkoll"

best_icu=0 best_mk=0 rss=0
for ((r = 0; r < runs; r++)); do
  icu=$("$out/icu_raw" word "$corpus" 2>/dev/null; "$out/icu_raw" sent "$corpus" 2>/dev/null)
  secs=$(echo "$icu" | python3 -c '
import sys, json
t = {}
for line in sys.stdin:
    o = json.loads(line); t.setdefault(o["task"], o["seconds"])
print(t["utf8_to_utf16"] + t["word"] + t["sentence"])')
  icu_mbps=$(python3 -c "print(f'{$bytes / 1e6 / $secs:.1f}')")
  /usr/bin/time -f '%e %M' -o "$out/time.txt" "$bin" segment --format json "$corpus" > "$out/malkoll.json"
  read -r wall kb < "$out/time.txt"
  mk_mbps=$(python3 -c "print(f'{$bytes / 1e6 / max($wall, 0.001):.1f}')")
  echo "run $((r + 1)): icu_raw ${icu_mbps} MB/s   malkoll ${mk_mbps} MB/s (${wall} s, peak RSS $((kb / 1024)) MB)"
  best_icu=$(python3 -c "print(max($best_icu, $icu_mbps))")
  best_mk=$(python3 -c "print(max($best_mk, $mk_mbps))")
  rss=$kb
done
python3 - "$bytes" "$best_icu" "$best_mk" "$rss" <<'PY'
import sys
b, icu, mk, kb = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(f"input            {b / 1e6:.1f} MB")
print(f"icu_raw (conv+word+sentence)  {icu:.1f} MB/s")
print(f"malkoll segment --format json {mk:.1f} MB/s")
print(f"ratio            {mk / icu:.2f}  (bar: >= 0.80)")
print(f"peak RSS         {kb / 1024:.0f} MB = {kb * 1024 / b:.1f} x input  (bar: <= 10)")
PY
