#!/usr/bin/env bash
# setup.sh -- check for every tool the build needs; install missing ones from Debian's
# packages with apt-get (through sudo when not root), saying what it does.
set -eu
need=()
check() { # command package
    if command -v "$1" >/dev/null 2>&1; then return; fi
    echo "setup: '$1' not found; will install Debian package '$2'"
    need+=("$2")
}
check verilator                verilator
check riscv64-unknown-elf-gcc  gcc-riscv64-unknown-elf
check python3                  python3
check g++                      g++
check make                     make
check perl                     perl
# the JVM guest: javac compiles the class library and the test programs; java is the oracle
check javac                    openjdk-17-jdk-headless
check java                     openjdk-17-jre-headless
# zlib's header: the JVM linker reads .jar files with it (mk/jvmlink.mk)
if [ ! -e /usr/include/zlib.h ]; then
    echo "setup: zlib.h not found; will install Debian package 'zlib1g-dev'"
    need+=("zlib1g-dev")
fi
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "setup: $sudo apt-get update && $sudo apt-get install -y ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
