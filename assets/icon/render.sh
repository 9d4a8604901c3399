#!/usr/bin/env bash
# Renders keywarden.svg into the PNG sizes the platforms need, the Windows .ico and the macOS .icns.
# The results are committed; run this only after changing the SVG.
# Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" keywarden.svg --output "keywarden-$size.png"
done
# Windows: one .ico holding the sizes Explorer and the taskbar ask for.
convert keywarden-16.png keywarden-24.png keywarden-32.png keywarden-48.png keywarden-64.png keywarden-256.png keywarden.ico
# macOS: an .icns from the sizes png2icns knows (16, 32, 48, 128, 256, 512, 1024).
png2icns keywarden.icns keywarden-16.png keywarden-32.png keywarden-48.png keywarden-128.png keywarden-256.png \
  keywarden-512.png keywarden-1024.png >/dev/null
