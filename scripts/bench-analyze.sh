#!/usr/bin/env bash
# Benchmark of `malkoll analyze --format json` beside the raw ICU reference,
# in the same run: MB/s (UTF-8 input bytes / 1e6 / wall seconds, whole
# process), the ratio to raw ICU word + sentence segmentation (including the
# UTF-8 -> UTF-16 conversion), and peak memory against the input size.
# Bars (issue 3): ratio >= 0.33 on the 20 MB corpus; peak memory <= 10 x input.
#
# Usage: scripts/bench-analyze.sh [OUT_DIR]
#   MALKOLL_BIN=path   use this binary (default: builds .build/release/malkoll)
#   RUNS=n             best of n runs per file (default 3)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${MALKOLL_SHARED:-$repo/../shared}
out=${1:-/tmp/malkoll-bench}
runs=${RUNS:-3}
if [[ -z "${MALKOLL_BIN:-}" ]]; then
  (cd "$repo" && swift build -c release --product malkoll >&2)
  MALKOLL_BIN=$repo/.build/release/malkoll
fi
icu=$out/icu_raw
mkdir -p "$out"
gcc -O2 -o "$icu" "$shared/tools/icu_raw.c" $(pkg-config --cflags --libs icu-uc icu-i18n)
SEEDS_DIR=$repo/Corpus/seeds "$shared/tools/make_corpus.sh" "$out" >&2

python3 - "$MALKOLL_BIN" "$icu" "$runs" "$out/corpus-20mb.txt" "$repo"/Corpus/seeds/*.txt <<'PY'
import json, os, subprocess, sys, tempfile
binary, icu, runs, files = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]

def malkoll(path):
    best = None
    for _ in range(runs):
        with tempfile.TemporaryFile() as err:
            subprocess.run(["/usr/bin/time", "-f", "%e %M", binary, "analyze", "--format", "json", path],
                           stdout=subprocess.DEVNULL, stderr=err, check=True)
            err.seek(0)
            secs, kb = err.read().decode().strip().splitlines()[-1].split()
        secs, rss = max(float(secs), 0.005), int(kb) * 1024
        if best is None or secs < best[0]:
            best = (secs, rss)
    return best

def icu_mbps(path):
    best = None
    for _ in range(runs):
        tasks = {}
        r = subprocess.run([icu, "all", path], capture_output=True, text=True, check=True)
        for line in r.stdout.splitlines():
            d = json.loads(line)
            tasks[d["task"]] = d
        secs = tasks["word_incl_conv"]["seconds"] + tasks["sentence"]["seconds"]
        mbps = tasks["word"]["bytes"] / 1e6 / secs
        best = mbps if best is None else max(best, mbps)
    return best

print(f"{'file':<34} {'bytes':>10} {'malkoll MB/s':>13} {'ICU w+s MB/s':>13} {'ratio':>6} {'peak MB':>8} {'mem/input':>9}")
for path in files:
    size = os.path.getsize(path)
    secs, rss = malkoll(path)
    mb = size / 1e6 / secs
    ref = icu_mbps(path)
    print(f"{os.path.basename(path):<34} {size:>10} {mb:>13.2f} {ref:>13.2f} {mb / ref:>6.3f} {rss / 1e6:>8.1f} {rss / size:>9.1f}")
print("(malkoll: whole process, best of %d; small files are dominated by start-up)" % runs)
PY
