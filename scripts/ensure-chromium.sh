#!/bin/sh
# Browser tests drive Debian's Chromium through Playwright (never a downloaded browser).
# Install it when it is missing and we are root; otherwise say which package to install.
set -e
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null
  exit 0
fi
echo "The browser tests need Chromium: install Debian's package 'chromium' (sudo apt-get install chromium)," >&2
echo "or set KB_CHROMIUM to a Chromium binary. Browser tests will be skipped." >&2
