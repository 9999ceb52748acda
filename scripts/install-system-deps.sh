#!/usr/bin/env bash
# Installs the Debian packages dondoc needs (Tesseract with the Vietnamese model; Chromium for the
# browser tests). As root it uses apt-get; otherwise it says what to install and carries on.
set -euo pipefail

need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if command -v tesseract >/dev/null 2>&1; then
  tesseract --list-langs 2>/dev/null | grep -qx vie || need+=(tesseract-ocr-vie)
else
  need+=(tesseract-ocr-vie)
fi
[ -n "${DONDOC_SKIP_BROWSER:-}" ] || command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "DejaVu Serif" || need+=(fonts-dejavu-core fonts-dejavu-extra)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "dondoc: please install these Debian packages (as root): apt-get install ${need[*]}" >&2
  echo "dondoc: continuing; OCR and browser features will be unavailable until then." >&2
fi
