#!/bin/sh
# Rebuilds age-encryption.js from the pinned packages: `npm ci` installs
# exactly what package-lock.json names (checking each package's registry
# checksum), and esbuild joins them into one classic script that defines the
# global `age`. A classic script, not a module: modules do not load from a
# page saved to disk and opened as file://.
#
# Usage: sh build.sh [WORKDIR]   (a new temporary folder by default)
# Writes WORKDIR/age-encryption.js and prints its path. The tests rebuild it
# and compare it byte for byte with the vendored file.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
cp "$here/package.json" "$here/package-lock.json" "$here/entry.js" "$work/"
cd "$work"
if ! cmp -s package-lock.json node_modules/.package-lock.json.svoboda 2>/dev/null; then
  npm ci --silent --no-audit --no-fund
  cp package-lock.json node_modules/.package-lock.json.svoboda
fi
./node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --global-name=age \
  --target=es2020 --legal-comments=inline --charset=utf8 --log-level=warning \
  --outfile=age-encryption.js
echo "$work/age-encryption.js"
