#!/usr/bin/env bash
# Throughput of `malkoll segment --format json` against the raw ICU reference
# (shared/tools/icu_raw.c: UTF-8->UTF-16 conversion + word + sentence break),
# in the same run, on the 20 MB corpus built from the seed documents.
#
#   scripts/bench-segment.sh [RUNS]     (default 3)
#
# Per run it prints ICU's combined MB/s (bytes / (conv + word + sentence
# seconds, as icu_raw times them)), malkoll's MB/s (bytes / wall-clock
# seconds of the whole process, start-up included: reading, decoding,
# layout, segmentation and writing the JSON to a file), their ratio, and
# malkoll's peak RSS. It also prints the
# same ratio on CPU time (user + sys of both processes), which a busy machine
# disturbs less than wall-clock time. Set MALKOLL_THREADS=1 to forbid the
# second thread.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${MALKOLL_SHARED:-$here/../shared}
runs=${1:-3}
out=${BENCH_DIR:-/tmp/malkoll-bench}

[ -x /usr/bin/time ] || { echo "installing GNU time" >&2; apt-get install -y time >/dev/null; }
"$shared/tools/make_corpus.sh" "$out" >/dev/null
corpus="$out/corpus-20mb.txt"

gcc -O2 -o "$out/icu_raw" "$shared/tools/icu_raw.c" $(pkg-config --cflags --libs icu-uc icu-i18n)
(cd "$here" && swift build -c release --product malkoll >/dev/null 2>&1)
bin="$here/.build/release/malkoll"

: > "$out/runs.txt"
for ((r = 1; r <= runs; r++)); do
  /usr/bin/time -f '%U %S' -o "$out/icu_word.time" "$out/icu_raw" word "$corpus" > "$out/icu_word.json" 2>/dev/null
  /usr/bin/time -f '%U %S' -o "$out/icu_sent.time" "$out/icu_raw" sent "$corpus" > "$out/icu_sent.json" 2>/dev/null
  # Wall-clock seconds to the microsecond (GNU time's %e has 10 ms steps),
  # measured around GNU time itself, so its start-up counts against malkoll.
  wall=$(python3 -c 'import subprocess, sys, time
t = time.perf_counter(); subprocess.run(sys.argv[2:], stdout=open(sys.argv[1], "wb"), check=True); print(f"{time.perf_counter() - t:.4f}")' \
    "$out/malkoll.json" /usr/bin/time -f '%U %S %M' -o "$out/malkoll.time" "$bin" segment --format json "$corpus")
  echo "$r $(cat "$out/icu_word.time") $(cat "$out/icu_sent.time") $wall $(cat "$out/malkoll.time")" \
       "$(tr '\n' ' ' < "$out/icu_word.json" | tr -d ' ')" "$(tr '\n' ' ' < "$out/icu_sent.json" | tr -d ' ')" >> "$out/runs.txt"
done
python3 - "$corpus" "$out/runs.txt" <<'PY'
import json, os, re, sys, statistics
size = os.path.getsize(sys.argv[1])
ratios, cpu_ratios = [], []
for line in open(sys.argv[2]):
    f = line.split()
    run, wu, ws, su, ss, wall, mu, ms, kb = f[:9]
    tasks = {}
    for blob in f[9:]:
        for o in re.findall(r'\{[^}]*\}', blob):
            o = json.loads(o); tasks.setdefault(o["task"], o["seconds"])
    icu_s = tasks["utf8_to_utf16"] + tasks["word"] + tasks["sentence"]
    icu = size / 1e6 / icu_s
    mk = size / 1e6 / max(float(wall), 1e-3)
    # CPU: both icu_raw runs, minus the second conversion (the reference counts one).
    icu_cpu = float(wu) + float(ws) + float(su) + float(ss) - tasks["utf8_to_utf16"]
    mk_cpu = float(mu) + float(ms)
    ratios.append(mk / icu); cpu_ratios.append(icu_cpu / mk_cpu)
    print(f"run {run}: icu_raw {icu:6.1f} MB/s  malkoll {mk:6.1f} MB/s ({wall} s)  ratio {mk / icu:.2f}"
          f"  | CPU s: icu_raw {icu_cpu:.2f}, malkoll {mk_cpu:.2f}, ratio {icu_cpu / mk_cpu:.2f}"
          f"  | peak RSS {int(kb) / 1024:.0f} MB = {int(kb) * 1024 / size:.1f} x input")
print(f"input {size / 1e6:.1f} MB; ratio malkoll/icu_raw (bar >= 0.80): median {statistics.median(ratios):.2f}, best {max(ratios):.2f};"
      f" on CPU time: median {statistics.median(cpu_ratios):.2f}; cores {os.cpu_count()}, load {os.getloadavg()[0]:.1f}")
PY
