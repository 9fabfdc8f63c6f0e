#!/usr/bin/env bash
# Regenerates docs/images/*.svg, the pictures of the examples' processes that docs/gallery.md and the
# README show, with `flowport convert --svg`. GalleryTest fails when they are stale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The originals' warnings are expected (they are the flaws the examples show); print them only on failure.
if ! ./flowport convert examples/seed/*.json examples/seed/*.py examples/seed/original/* --svg -o "$tmp" \
    >/dev/null 2>"$tmp/stderr"; then
  cat "$tmp/stderr" >&2
  exit 1
fi
mkdir -p docs/images
rm -f docs/images/*.svg
cp "$tmp"/*.svg docs/images/
ls docs/images/*.svg
