#!/usr/bin/env bash
# System packages the project needs beyond PyPI: Java for EPUBCheck, poppler-utils
# for pdffonts/pdftoppm, Pango for WeasyPrint, fonts with wide script coverage.
# Runs apt-get only for what is missing, and only when it can (root or sudo).
set -euo pipefail
need=()
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v pdffonts >/dev/null 2>&1 || need+=(poppler-utils)
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
[ -d /usr/share/fonts/truetype/noto ] || need+=(fonts-noto-core)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
if [ "${WITH_PEERS:-0}" = 1 ]; then
  # Only for benchmarks/ and tests/interop: the peers we compare against.
  command -v pandoc >/dev/null 2>&1 || need+=(pandoc)
  command -v ebook-convert >/dev/null 2>&1 || need+=(calibre)
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "setup: installing system packages: ${need[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
