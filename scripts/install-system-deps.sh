#!/bin/sh
# Installs the system libraries WeasyPrint needs (Pango, HarfBuzz subsetting) and LibreOffice Writer
# (headless, for the DOCX tests) and Chromium (the web workspace's browser tests) when they are missing.
set -e
need=""
# libreoffice-writer-nogui: the tests convert DOCX to PDF with it, as Word users would see the file
# python3-uno: LibreOffice's Python bridge; a test marks up a contract in Writer itself (tests/redline)
# fonts-noto-cjk: LibreOffice shows a contract's Chinese, Japanese and Korean names with it (the PDF uses the template's own copy)
# chromium: the web workspace's browser tests (Playwright drives Debian's build; no browser downloads)
for pkg in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 libreoffice-writer-nogui python3-uno fonts-noto-cjk chromium; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need="$need $pkg"
done
[ -z "$need" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "contractgen: please install:$need (needs root)" >&2; exit 1; fi
else SUDO=""; fi
echo "contractgen: installing system packages:$need"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null
