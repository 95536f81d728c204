#!/usr/bin/env bash
# Throughput and memory of `malkoll batch`: the seed documents copied to N
# files (default 10 000), converted with 1 and 2 jobs, twice each in the
# order 1, 2, 2, 1 (and 2 jobs with --db).
# Prints documents/s, the speed-up of 2 jobs over 1, CPU time (the machine
# may be shared: equal CPU per document with 1 and 2 jobs means the jobs do
# not get in each other's way), and peak memory: the
# largest single process (/usr/bin/time -v) and the sum over the batch
# process and its workers (sampled every 0.2 s).
#   scripts/bench-batch.sh [N]        (builds release if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
BIN=${MALKOLL_BIN:-.build/release/malkoll}
[ -x "$BIN" ] || swift build -c release --product malkoll >&2
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (apt-get install time)" >&2
  sudo apt-get install -y time >&2 || apt-get install -y time >&2
fi
WORK=$(mktemp -d /tmp/malkoll-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
seeds=(Corpus/seeds/*.txt)
per=$(( (N + ${#seeds[@]} - 1) / ${#seeds[@]} ))
made=0
for ((d = 0; d < per && made < N; d++)); do
  mkdir -p "$WORK/in/d$d"
  for s in "${seeds[@]}"; do
    (( made < N )) || break
    cp "$s" "$WORK/in/d$d/"
    made=$((made + 1))
  done
done
echo "documents: $made (copies of ${#seeds[@]} seeds, $(du -sh "$WORK/in" | cut -f1)), cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Sum of RSS (kB) over a process and its children, the peak kept in $1.
sample_tree() {
  local pid=$1 out=$2 peak=0
  while kill -0 "$pid" 2>/dev/null; do
    local sum
    sum=$({ ps -o rss= --pid "$pid" --ppid "$pid" 2>/dev/null || true; } | awk '{s+=$1} END {print s+0}')
    # The batch process is the child of /usr/bin/time: add its workers too.
    local inner
    for inner in $(pgrep -P "$pid" 2>/dev/null || true); do
      sum=$((sum + $({ ps -o rss= --ppid "$inner" 2>/dev/null || true; } | awk '{s+=$1} END {print s+0}')))
    done
    (( sum > peak )) && peak=$sum
    sleep 0.2
  done
  echo "$peak" > "$out"
}

# Every run starts from the same state of the file system: its own fresh
# output folder, and the earlier runs' outputs written back to disk first
# (sync) and kept until the end. Deleting them between runs would make the
# later runs pay for it: ext4 without a journal skips recently deleted inodes
# when it allocates new ones (a linear scan: 3-4x the system time of a run
# measured here), and the writeback of gigabytes of earlier output would take a
# core. (Disk: about 4 GB per run for 10 000 documents, 20 GB in all, removed at
# the end.)
RUNS=0
run() {
  local jobs=$1; shift
  RUNS=$((RUNS + 1))
  local out="$WORK/out$RUNS"
  sync
  /usr/bin/time -v -o "$WORK/time.txt" "$BIN" batch "$WORK/in" --out "$out" --jobs "$jobs" "$@" 2>"$WORK/err.txt" &
  local pid=$!
  sample_tree "$pid" "$WORK/peak.txt" &
  local sampler=$!
  wait "$pid"
  wait "$sampler"
  local secs rss tree
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$WORK/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
  tree=$(cat "$WORK/peak.txt")
  local cpu
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$WORK/time.txt")
  local rate
  rate=$(awk -v n="$made" -v s="$secs" 'BEGIN {printf "%.1f", n / s}')
  printf 'jobs=%s %-6s %8.2f s  %8s documents/s  CPU (user+sys, all processes) %s s  peak RSS: largest process %s MB, batch+workers %s MB\n' \
    "$jobs" "${1:+(db)}" "$secs" "$rate" "$cpu" "$((rss / 1024))" "$((tree / 1024))"
  tail -n 1 "$WORK/err.txt" | sed 's/^/    /'
  LAST_RATE=$rate
}

# In the order 1, 2, 2, 1 jobs (ABBA), so that whatever drifts over the
# runs (the file system filling with the earlier outputs, the machine's
# other tenants) weighs on both job counts alike; each rate is the mean of
# its two runs.
run 1; r1a=$LAST_RATE
run 2; r2a=$LAST_RATE
run 2; r2b=$LAST_RATE
run 1; r1b=$LAST_RATE
run 2 --db "$WORK/a.sqlite"
awk -v a1="$r1a" -v a2="$r1b" -v b1="$r2a" -v b2="$r2b" 'BEGIN {
  one = (a1 + a2) / 2; two = (b1 + b2) / 2
  printf "mean rate: 1 job %.1f, 2 jobs %.1f documents/s; speed-up, 2 jobs over 1: %.2fx (bar: >= 1.7x)\n", one, two, two / one }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
