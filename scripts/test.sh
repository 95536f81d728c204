#!/usr/bin/env bash
# Runs every test: unit, example tables, gold scores, CLI snapshots.
# Installs missing system packages first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build
swift test 2>&1 | tee .build/test.log | grep -vE '^(◇|↳)|^Test Case .* started|passed after' || true
# The filter above hides swift test's closing lines: print them, and take its status from the log.
grep -E 'Test run with [0-9]+ tests?|Executed [0-9]+ tests?' .build/test.log | tail -2
grep -qE 'Test run with [0-9]+ tests? .*passed|Executed [0-9]+ tests?, with 0 failures' .build/test.log && ! grep -qE 'Test run with .* failed|with [1-9][0-9]* failures?' .build/test.log
