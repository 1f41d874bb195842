#!/usr/bin/env bash
# System packages the product and its tests need beyond PyPI, on Debian 12 (and
# derivatives). Each is checked for itself, as a package, so a machine that has
# "Pango" but not HarfBuzz's subsetter still gets the subsetter. Idempotent, and
# silent when nothing is missing; when something is, one line says what is being
# installed and apt's own output goes to a log that is shown only if it fails.
set -euo pipefail

# package  why
required=(
  # WeasyPrint (PDF): Pango and its FreeType backend, HarfBuzz's subsetter (fast
  # font subsetting; without it WeasyPrint falls back to fontTools, 0.5 s slower
  # per PDF, and warns on every book), fontconfig's fc-list (the missing-glyph check).
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 fontconfig
  # Fonts with wide script coverage (Arabic, Devanagari, CJK ...) and colour emoji.
  fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
  # pdffonts, pdftotext, pdftoppm: the PDF tests and looking at pages.
  poppler-utils
  # The desktop app (PySide6): Qt's GUI libraries, offscreen in the tests, on X11 for users.
  libegl1 libgl1 libglib2.0-0 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0
)
# Java for EPUBCheck: any Debian JRE will do.
java_alternatives=(default-jre-headless openjdk-17-jre-headless openjdk-21-jre-headless)
if [ "${WITH_PEERS:-0}" = 1 ]; then
  # Only for benchmarks/ and tests/interop: the peers we compare against.
  required+=(pandoc calibre)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup: not a Debian system; install the equivalents of: ${required[*]} and a Java runtime" >&2
  exit 0
fi

installed() { dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^ii'; }

need=()
for package in "${required[@]}"; do
  installed "$package" || need+=("$package")
done
have_java=0
for package in "${java_alternatives[@]}"; do
  installed "$package" && have_java=1
done
[ "$have_java" = 1 ] || need+=(default-jre-headless)
# `python3 -m venv` on Debian's own Python needs python3-venv (ensurepip).
python=${PYTHON:-python3}
"$python" -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv)

[ ${#need[@]} -eq 0 ] && exit 0
echo "setup: installing system packages: ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp "${TMPDIR:-/tmp}/setup-system.XXXXXX.log")
# A package of ours removed by hand (dpkg --force-depends --remove) leaves the packages that
# depend on it broken (a JDK on its JRE, Qt WebEngine on HarfBuzz's subsetter), and apt refuses
# every install until that is repaired: so apt's own repair runs first when `apt-get check` fails
# (with package names beside it, apt cannot always resolve both at once).
if ! { $SUDO apt-get update -qq \
       && { $SUDO apt-get check -qq || $SUDO apt-get install -y -qq --fix-broken --no-install-recommends; } \
       && $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "setup: apt-get failed (log above, kept in $log)" >&2
  exit 1
fi
rm -f "$log"
