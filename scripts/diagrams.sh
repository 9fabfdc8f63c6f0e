#!/usr/bin/env bash
# Regenerates the pictures the docs show, with `flowport convert --svg`; GalleryTest fails when
# they are stale:
# - docs/images/*.svg: the examples' processes (bpmn/), shown in docs/gallery.md and the README;
# - docs/gallery/{asl,airflow}/: every process of the ASL and Airflow corpora, with its conversion
#   report and an index.md page (`convert --index`); the BPMN files are left out to keep the docs small.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export LC_ALL=C # glob order = the tests' sort order

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Warnings are expected (the originals' flaws, the corpus's review notes); print them only on failure.
convert() {
  if ! ./flowport convert "$@" --svg >/dev/null 2>"$tmp/stderr"; then
    cat "$tmp/stderr" >&2
    exit 1
  fi
}

convert examples/seed/*.json examples/seed/*.py examples/seed/original/* -o "$tmp/examples"
mkdir -p docs/images
rm -f docs/images/*.svg
cp "$tmp"/examples/*.svg docs/images/

for kind in asl airflow; do
  case "$kind" in
    asl) sources=(src/test/resources/asl/corpus/*.asl.json) ;;
    airflow) sources=(src/test/resources/airflow/corpus/*.py) ;;
  esac
  out="docs/gallery/$kind"
  rm -rf "$out"
  convert "${sources[@]}" --index -o "$out"
  rm -f "$out"/*.bpmn
done
ls docs/images/*.svg
echo "docs/gallery/asl: $(ls docs/gallery/asl/*.svg | wc -l) pictures; docs/gallery/airflow: $(ls docs/gallery/airflow/*.svg | wc -l)"
