#!/bin/sh
# The browser and print tests drive a system Chromium through Playwright (never a browser Playwright
# downloads) and read printed PDFs with poppler's pdftotext. Install Debian's packages for whichever
# is missing: as root directly, otherwise with sudo where sudo needs no password (as on GitHub's
# runners); failing both, say which packages to install. (In CI, the tests fail where one is missing.)
set -e
need=""
if ! { [ -n "$KB_CHROMIUM" ] && [ -x "$KB_CHROMIUM" ]; } \
   && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  need="chromium"
fi
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = "0" ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  SUDO="none"
fi
if [ "$SUDO" != "none" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's$need for the browser and print tests (apt-get, as root)..."
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  exit 0
fi
echo "The browser and print tests need Debian's$need (sudo apt-get install$need)," >&2
echo "or KB_CHROMIUM set to a Chromium binary. Those tests will be skipped (in CI they fail)." >&2
