#!/usr/bin/env bash
# Copies the front-end libraries the app serves from wwwroot/lib out of their npm packages.
# Run it to upgrade a library; the copied files are committed, so neither the build nor the app needs npm or a CDN.
set -euo pipefail
cd "$(dirname "$0")/.."
lib=src/Livelihood.Web/wwwroot/lib
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() { # package@version -> unpacked folder
  (cd "$work" && npm pack --silent "$1" >/dev/null && mkdir -p "$1" && tar xzf ./*.tgz -C "$1" --strip-components=1 && rm ./*.tgz)
  echo "$work/$1"
}

bootstrap=$(fetch bootstrap@5.3.8)
mkdir -p "$lib/bootstrap"
cp "$bootstrap/dist/css/bootstrap.min.css" "$bootstrap/dist/js/bootstrap.bundle.min.js" "$bootstrap/LICENSE" "$lib/bootstrap/"
echo "bootstrap@5.3.8" > "$lib/bootstrap/VERSION"

# idb: a small promise wrapper over IndexedDB (the offline attendance queue); its UMD build defines window.idb.
idb=$(fetch idb@8.0.4)
mkdir -p "$lib/idb"
cp "$idb/build/umd.js" "$idb/LICENSE" "$lib/idb/"
echo "idb@8.0.4" > "$lib/idb/VERSION"

# Chart.js: the group and dashboard charts; its UMD build defines window.Chart.
chartjs=$(fetch chart.js@4.5.1)
mkdir -p "$lib/chart.js"
cp "$chartjs/dist/chart.umd.min.js" "$chartjs/LICENSE.md" "$lib/chart.js/"
echo "chart.js@4.5.1" > "$lib/chart.js/VERSION"
echo "vendored into $lib"
