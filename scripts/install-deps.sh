#!/usr/bin/env bash
# Installs everything reqcheck needs on a fresh Debian 12 machine, idempotently:
# apt packages (compilers, Emscripten, header-only libraries, Chromium), the Dear ImGui,
# pugixml, mbedtls, cctz and libphonenumber (its metadata) sources from Debian source packages into build/_deps (outside git),
# and playwright-core from npm. Reaches only Debian's and npm's registries.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
deps="$here/build/_deps"

apt_pkgs=(build-essential cmake ninja-build git python3 dpkg-dev
  clang-14 libclang-rt-14-dev lld-14 emscripten binaryen nodejs
  nlohmann-json3-dev doctest-dev libhowardhinnant-date-dev libcli11-dev libbenchmark-dev
  fonts-dejavu-core fonttools chromium tzdata)

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
export DEBIAN_FRONTEND=noninteractive
srcs=/etc/apt/sources.list.d/reqcheck-src.sources
need_update=0
if [ ! -f "$srcs" ]; then
  # deb-src entries for bookworm (imgui 1.86 is too old; trixie carries 1.90.1, which builds with emscripten 3.1.6)
  cat > "$srcs" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi
if [ ${#missing[@]} -gt 0 ] || [ $need_update = 1 ]; then
  apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# source packages: name, the suites to try in order (comma-separated), the folder they unpack
# to under build/_deps. When a mirror serves only part of a source package but its upstream
# tarball arrived (apt checks every file it keeps against the signed Sources index), that
# tarball is unpacked: Debian's patches are skipped in both cases.
fetch_source() {
  local name=$1 suites=$2 dest=$3 suite orig tmp="$deps/tmp-$1"
  [ -d "$deps/$dest" ] && return 0
  for suite in ${suites//,/ }; do
    rm -rf "$tmp" && mkdir -p "$tmp"
    if (cd "$tmp" && apt-get source -qq --download-only "$name/$suite" >/dev/null 2>&1 \
          && dpkg-source -x --skip-patches ./*.dsc src >/dev/null); then
      mv "$tmp/src" "$deps/$dest" && rm -rf "$tmp" && return 0
    fi
    orig=$(ls "$tmp"/*.orig.tar.* 2>/dev/null | head -n 1 || true)
    if [ -n "$orig" ]; then
      mkdir -p "$tmp/src" && tar xf "$orig" -C "$tmp/src" --strip-components=1
      mv "$tmp/src" "$deps/$dest" && rm -rf "$tmp" && return 0
    fi
  done
  rm -rf "$tmp"
  echo "install-deps: cannot fetch the source package $name ($suites)" >&2
  return 1
}
mkdir -p "$deps"
fetch_source imgui trixie imgui
fetch_source pugixml bookworm pugixml
fetch_source mbedtls bookworm mbedtls
# Google's cctz: IANA time zones over the TZif files that src/core/embed.cmake compiles in
# (src/core/ident/legal_time.cpp hands them to cctz). bookworm has 2.3; where a mirror lacks
# its files, trixie's 2.4 (same API) is taken
fetch_source cctz bookworm,trixie cctz
# libphonenumber's resources/PhoneNumberMetadata.xml: src/core/ident/phone_metadata.cmake turns
# it into the table of national trunk prefixes per country calling code (E.164 checks)
fetch_source libphonenumber bookworm libphonenumber
# md4c (CommonMark with GitHub tables): the page draws the rule pages of assets/rules/ from its
# parse (src/app/state/markdown.cpp)
fetch_source md4c bookworm,trixie md4c

# node test dependencies from npm: ajv for the schema test, playwright-core for the browser
# tests (it drives Debian's chromium and never downloads a browser)
for dir in tests/schema tests/e2e; do
  if [ -f "$here/$dir/package.json" ] && [ ! -d "$here/$dir/node_modules" ]; then
    (cd "$here/$dir" && npm ci --no-audit --no-fund --silent)
  fi
done
echo "install-deps: ok"
