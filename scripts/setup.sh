#!/usr/bin/env bash
# Installs the system packages malkoll needs (Debian): ICU, libxml2, OpenSSL's libcrypto, SQLite,
# poppler's pdftotext, and what the tests use. Safe to run again.
set -euo pipefail
need=()
# chromium and fonts-liberation: the report's browser test; time: peak memory in benchmarks.
for pkg in libicu-dev libxml2-dev zlib1g-dev libssl-dev libsqlite3-dev sqlite3 poppler-utils pkg-config python3-jsonschema chromium fonts-liberation time; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing: ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
