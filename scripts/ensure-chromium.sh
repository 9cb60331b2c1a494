#!/bin/sh
# Browser tests drive a system Chromium through Playwright (never a browser Playwright downloads).
# Install Debian's package when it is missing: as root directly, otherwise with sudo where sudo
# needs no password (as on GitHub's runners); failing both, say which package to install.
set -e
if [ -n "$KB_CHROMIUM" ] && [ -x "$KB_CHROMIUM" ]; then
  exit 0
fi
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  SUDO="none"
fi
if [ "$SUDO" != "none" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null
  exit 0
fi
echo "The browser tests need Chromium: install Debian's package 'chromium' (sudo apt-get install chromium)," >&2
echo "or set KB_CHROMIUM to a Chromium binary. Browser tests will be skipped." >&2
