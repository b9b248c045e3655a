#!/usr/bin/env bash
# Installs what HpProxy needs and is missing: Debian packages (fonts for ScottPlot, MuJoCo, chromium for the
# dashboard tests) and, with --postgres, a running local PostgreSQL for the storage tests.
# Idempotent and quiet when everything is already there.
set -euo pipefail

want=(fonts-dejavu-core libmujoco-dev libmujoco-samples)
[ "${HPPROXY_WITH_BROWSER:-0}" = 1 ] && want+=(chromium)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
    || echo "setup: warning: could not install ${missing[*]} (figures need fonts; MuJoCo tasks need libmujoco-dev, the humanoid libmujoco-samples)" >&2
fi

if [ "${1:-}" = "--postgres" ]; then
  "$(dirname "$0")/postgres.sh"
fi
