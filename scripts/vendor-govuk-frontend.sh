#!/usr/bin/env sh
# Refresh the committed GOV.UK Frontend assets under src/ilacs/static/govuk-frontend/.
#
# Run by a maintainer, once per govuk-frontend-django upgrade (needs npm and network); a fresh
# install needs neither, because the result is committed. VERSION must be the GOV.UK Frontend
# release that the pinned govuk-frontend-django targets (0.22.0 -> 6.0.0, see its README).
# Only the compiled files are copied (CSS, JS, their source maps, fonts, images, manifest), in the
# package's own dist/govuk layout, unchanged.
set -eu
VERSION="${1:-6.0.0}"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$HERE/src/ilacs/static/govuk-frontend"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm pack --silent "govuk-frontend@$VERSION" >/dev/null
tar xzf "govuk-frontend-$VERSION.tgz"

rm -rf "$DEST/dist"
mkdir -p "$DEST/dist/govuk"
for f in govuk-frontend.min.css govuk-frontend.min.css.map govuk-frontend.min.js \
         govuk-frontend.min.js.map; do
  cp "package/dist/govuk/$f" "$DEST/dist/govuk/$f"
done
cp -R package/dist/govuk/assets "$DEST/dist/govuk/assets"
cp package/package.json "$DEST/package.json"
echo "$VERSION" > "$DEST/VERSION"
echo "GOV.UK Frontend $VERSION copied to $DEST (keep LICENSE.txt beside it)"
