#!/usr/bin/env bash
# Install provenance-rag into ./.venv on a fresh machine. `--test` adds the test tools and the
# browser, `--bench` the benchmark extras (LangChain side by side, plot). CPU only: torch is
# pinned to the local 2.13.0 CPU build before anything asks for it.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
extra=""
case "${1:-}" in
  --test) want_test=1; extra="[test]" ;;
  --bench) extra="[bench]" ;;
  "") ;;
  *) echo "usage: $0 [--test|--bench]" >&2; exit 2 ;;
esac

apt_install() {  # apt packages the project needs; installed only when missing
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  ((${#missing[@]})) || return 0
  local sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# ccache turns the llama-cpp-python source build (minutes) into seconds on a rebuild.
apt_install ccache
((want_test)) && apt_install chromium

[[ -x .venv/bin/python ]] || python3 -m venv .venv
pip_install() {  # quiet, minus the local mirror's "Location ... is ignored" noise
  .venv/bin/pip install -q --disable-pip-version-check "$@" 2> >(grep -v "is ignored" >&2)
}
if [[ -n "$extra" ]]; then
  pip_install torch==2.13.0
  pip_install -e ".$extra"
else
  pip_install -e .
fi
echo "installed: $(.venv/bin/rag --help >/dev/null && echo 'rag CLI ok') in .venv"
