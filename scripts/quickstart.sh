#!/usr/bin/env bash
# Builds malkoll (release) and analyses the bundled corpus, installing any
# missing system package first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release
.build/release/malkoll analyze Corpus/seeds/*.txt
