#!/usr/bin/env bash
# make test-debian13 [QGIS=3.40|3.44]: the README's `make setup` and `make test` inside a Debian 13
# (trixie) root built with debootstrap under .debian13/ (ignored by git).
#   QGIS=3.40  QGIS from Debian 13 itself (Python 3.13, GDAL 3.10)
#   QGIS=3.44  QGIS 3.44 LTR from trixie-backports (backports at the default priority)
# Reused between runs: the root (one per variant), the root's .venv, and, shared by both variants, the
# downloaded .deb files, pip's cache and the pinned wheels (the CUDA torch wheel from PyPI and its NVIDIA
# libraries are several GB). Each run copies the
# checkout in again, so `make setup` there re-runs only what changed.
# The host's pip configuration (pip.conf files, PIP_* variables, the local folders they name) and CA
# bundle are passed through, so pip inside works the way it does on the host.
# Without root or debootstrap it skips and says why; under CI=true that is a failure instead.
# DEBIAN13_RUN='command' runs that instead of `make setup && make test`, in the copy of the checkout, e.g.
#   make test-debian13 QGIS=3.44 DEBIAN13_RUN='.venv/bin/python -m pytest -q tests/processing/test_qgis_process.py'
set -euo pipefail
# The whole script is one function, read before it runs: editing the file during a run cannot derail it.
main() {
cd "$(dirname "$0")/.."
CHECKOUT=$(pwd)
QGIS=${QGIS:-3.40}
BASE=${DEBIAN13_DIR:-$CHECKOUT/.debian13}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
ROOT="$BASE/qgis-$QGIS"
CACHE="$BASE/cache"
SRC=/src/siamcrnn               # the checkout's copy, inside the root
DATA_INSIDE=/src/shared/data    # the test data, bound read-only (../shared/data beside the copy)
HOST_DATA=${SIAMCRNN_TEST_DATA:-$CHECKOUT/../shared/data}

say() { echo "test-debian13 (QGIS $QGIS): $*"; }
skip() {
    if [ "${CI:-}" = "true" ]; then
        echo "test-debian13: FAILED: $* (under CI=true the Debian 13 variant must run)" >&2
        exit 1
    fi
    echo "test-debian13: SKIPPED: $*"
    exit 0
}

case "$QGIS" in
    3.40) BACKPORTS=no ;;
    3.44) BACKPORTS=yes ;;
    *) echo "test-debian13: QGIS=$QGIS is not a variant; use QGIS=3.40 (Debian 13) or QGIS=3.44 (trixie-backports)" >&2
       exit 2 ;;
esac
[ "$EUID" -eq 0 ] || skip "needs root (debootstrap, chroot and mount); run it as root, e.g. sudo make test-debian13"
command -v debootstrap >/dev/null 2>&1 || skip "debootstrap is not installed (apt-get install debootstrap)"
command -v chroot >/dev/null 2>&1 || skip "chroot is not installed"

# ---- mounts: every one is recorded and undone on exit, failure and Ctrl-C ----------------------------
MOUNTS=()
cleanup() {
    local status=$? i
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
        umount -R "${MOUNTS[i]}" 2>/dev/null || umount -R -l "${MOUNTS[i]}" 2>/dev/null || \
            echo "test-debian13: could not unmount ${MOUNTS[i]}" >&2
    done
    MOUNTS=()
    return $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mounted_under() { findmnt -rn -o TARGET | awk -v root="$1" 'index($0, root "/") == 1 || $0 == root'; }
unmount_stale() {  # left behind by a run that was killed with SIGKILL
    local target
    for target in $(mounted_under "$1" | sort -r); do
        say "unmounting $target, left mounted by an earlier run"
        umount -R "$target" 2>/dev/null || umount -R -l "$target" || true
    done
}
mount_here() {  # mount_here TARGET mount-arguments...
    local target=$1
    shift
    mount "$@" "$target"
    MOUNTS+=("$target")
}
bind_ro() {  # bind_ro HOST_PATH PATH_INSIDE: a file or a folder, read-only
    local inside="$ROOT$2"
    if [ -d "$1" ]; then mkdir -p "$inside"; else mkdir -p "$(dirname "$inside")"; touch "$inside"; fi
    mount_here "$inside" --bind "$1"
    mount -o remount,bind,ro "$inside"
}
safe_remove_root() {
    unmount_stale "$ROOT"
    if [ -n "$(mounted_under "$ROOT")" ]; then
        echo "test-debian13: something is still mounted under $ROOT; not removing it" >&2
        exit 1
    fi
    rm -rf --one-file-system "$ROOT"
}

mkdir -p "$BASE" "$CACHE/debs" "$CACHE/pip"
# One run per root at a time: a second one would take the first one's mounts for stale ones.
exec 9>"$ROOT.lock"
if command -v flock >/dev/null 2>&1 && ! flock -n 9; then
    echo "test-debian13: another run is using $ROOT; wait for it to end" >&2
    exit 1
fi
unmount_stale "$ROOT"

# ---- 1. the root --------------------------------------------------------------------------------------
if [ ! -f "$ROOT/.debootstrap-done" ]; then
    [ -e "$ROOT" ] && { say "removing an unfinished root"; safe_remove_root; }
    say "debootstrap trixie into $ROOT (from $MIRROR)"
    start=$SECONDS
    debootstrap --variant=minbase --cache-dir="$CACHE/debs" \
        --include=ca-certificates,make,git trixie "$ROOT" "$MIRROR" \
        || { echo "test-debian13: debootstrap failed (see $ROOT/debootstrap/debootstrap.log)" >&2; exit 1; }
    touch "$ROOT/.debootstrap-done"
    say "debootstrap took $((SECONDS - start)) s"
fi

# apt inside: the same mirror, backports for 3.44, no recommends (as setup.sh), downloads kept in the cache.
{
    echo "deb $MIRROR trixie main"
    echo "deb $MIRROR trixie-updates main"
    [ "$BACKPORTS" = yes ] && echo "deb $MIRROR trixie-backports main"
} > "$ROOT/etc/apt/sources.list"
if [ "$BACKPORTS" = yes ]; then
    printf 'Package: *\nPin: release n=trixie-backports\nPin-Priority: 500\n' > "$ROOT/etc/apt/preferences.d/backports"
fi
rm -f "$ROOT/etc/apt/apt.conf.d/docker-clean"
# A throw-away root: dpkg need not fsync every file it unpacks (several times faster on this disk).
echo force-unsafe-io > "$ROOT/etc/dpkg/dpkg.cfg.d/unsafe-io"
# The host's CA bundle replaces the root's own. Installing ca-certificates (debootstrap did) and any later
# package that triggers update-ca-certificates rewrites /etc/ssl/certs/ca-certificates.crt, so it is copied
# now, after ca-certificates is in, and again after every dpkg run.
HOST_BUNDLE=""
for candidate in "${PIP_CERT:-}" "${REQUESTS_CA_BUNDLE:-}" "${SSL_CERT_FILE:-}" /etc/ssl/certs/ca-certificates.crt; do
    if [ -n "$candidate" ] && [ -f "$candidate" ]; then HOST_BUNDLE=$candidate; break; fi
done
if [ -n "$HOST_BUNDLE" ]; then
    mkdir -p "$ROOT/usr/local/share/host-ca"
    cp "$HOST_BUNDLE" "$ROOT/usr/local/share/host-ca/ca-certificates.crt"
    cp "$HOST_BUNDLE" "$ROOT/etc/ssl/certs/ca-certificates.crt"
    echo 'DPkg::Post-Invoke { "cp /usr/local/share/host-ca/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt"; };' \
        > "$ROOT/etc/apt/apt.conf.d/99host-ca"
fi
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true

# ---- 2. the host's pip configuration --------------------------------------------------------------------
for conf in /etc/pip.conf /etc/xdg/pip "$HOME/.config/pip" "$HOME/.pip" "${PIP_CONFIG_FILE:-}"; do
    [ -n "$conf" ] && [ -e "$conf" ] || continue
    inside="$ROOT$conf"
    [ "${conf#"$HOME"/}" != "$conf" ] && inside="$ROOT/root/${conf#"$HOME"/}"
    mkdir -p "$(dirname "$inside")"
    rm -rf "$inside"
    cp -r "$conf" "$inside"
done
# Local folders and files the configuration names (find-links, file:// indexes, constraints): bound
# read-only at the same path. The CA bundle is copied above instead.
PIP_BINDS=()
pip_values=$( { { python3 -m pip config list 2>/dev/null || true; } | sed -E "s/^[^=]+=//; s/^'//; s/'$//"; \
                env | sed -nE 's/^PIP_[A-Z_]+=//p'; } | tr ' ' '\n' | sed -E 's#^file://##; s#/+$##' | sort -u)
for value in $pip_values; do
    case "$value" in /*) ;; *) continue ;; esac
    # A local index (file:///x/simple) links to its files beside it (../../files/...): bind the folder above.
    [ "$(basename "$value")" = simple ] && value=$(dirname "$value")
    [ -e "$value" ] || continue
    [ "$value" = "$HOST_BUNDLE" ] || [ "$value" = /etc/ssl/certs/ca-certificates.crt ] && continue
    case "$value" in /etc/pip.conf|/etc/xdg/pip|/etc/xdg/pip/*|"$HOME"/.config/pip*|"$HOME"/.pip*) continue ;; esac
    PIP_BINDS+=("$value")
done

# ---- 3. the checkout, copied in -------------------------------------------------------------------------
# What git would commit (tracked files and untracked ones that are not ignored), times kept. A file that was
# copied last time and is gone from the checkout is removed inside; what .gitignore names there (the
# root's own .venv, build outputs, .qm files) stays.
mkdir -p "$ROOT$SRC"
manifest="$ROOT/.copied-files"
git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' file; do [ -f "$file" ] && [ "${file#.debian13/}" = "$file" ] && printf '%s\0' "$file"; done \
    > "$manifest.new"
if [ -f "$manifest" ]; then
    comm -z -23 <(sort -z "$manifest") <(sort -z "$manifest.new") \
        | (cd "$ROOT$SRC" && xargs -0 -r rm -f --)
fi
tar --null -T "$manifest.new" -cf - | tar -xf - -C "$ROOT$SRC"
mv "$manifest.new" "$manifest"

# ---- 4. mounts, then make setup && make test inside --------------------------------------------------------
mount_here "$ROOT/proc" -t proc proc
mount_here "$ROOT/sys" -t sysfs sysfs
# /dev with its pts and shm, as a slave: nothing mounted or unmounted inside reaches the host's /dev.
mount_here "$ROOT/dev" --rbind /dev
mount --make-rslave "$ROOT/dev"
mkdir -p "$ROOT/var/cache/apt/archives" "$ROOT/root/.cache/pip"
mount_here "$ROOT/var/cache/apt/archives" --bind "$CACHE/debs"
mount_here "$ROOT/root/.cache/pip" --bind "$CACHE/pip"
for value in ${PIP_BINDS[@]+"${PIP_BINDS[@]}"}; do bind_ro "$value" "$value"; done
if [ -d "$HOST_DATA" ]; then
    bind_ro "$(cd "$HOST_DATA" && pwd)" "$DATA_INSIDE"
else
    say "no test data at $HOST_DATA: the tests that need it skip (fail under CI=true)"
fi

passthrough=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
             QT_QPA_PLATFORM=offscreen DEBIAN_FRONTEND=noninteractive SIAMCRNN_TEST_DATA="$DATA_INSIDE")
while IFS= read -r line; do passthrough+=("$line"); done \
    < <(env | grep -E '^(PIP_[A-Z_]+|CI|SIAMCRNN_SCREENSHOTS)=' | grep -v -E '^PIP_(FIND_LINKS|NO_INDEX)=' || true)

# The pinned wheels are kept in $CACHE/wheels, shared by both variants. pip's own HTTP cache cannot be
# relied on: it stores nothing when the server's (or a proxy's) answers carry no caching headers. When
# the root's .venv lacks the pins, `pip download` fetches what the folder does not have yet ("File was
# already downloaded" for the rest), and `make setup` then installs from the folder alone (PIP_NO_INDEX:
# with an index pip would fetch the index's copy of a wheel it has locally).
WHEELS_INSIDE=/var/cache/siamcrnn-wheels
mkdir -p "$CACHE/wheels" "$ROOT$WHEELS_INSIDE"
mount_here "$ROOT$WHEELS_INSIDE" --bind "$CACHE/wheels"
find_links=${PIP_FIND_LINKS:-$( { python3 -m pip config list 2>/dev/null || true; } \
                                 | sed -nE "s/^[^=]*\.find-links='(.*)'$/\1/p" | tr '\n' ' ')}
passthrough+=("PIP_FIND_LINKS=${find_links:+$find_links }$WHEELS_INSIDE")
want=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ "$(cat "$ROOT$SRC/.venv/.requirements.sha256" 2>/dev/null)" != "$want" ]; then
    say "downloading requirements.txt's wheels into $CACHE/wheels (what is already there is not fetched again)"
    env -i "${passthrough[@]}" chroot "$ROOT" /bin/bash -c \
        "{ command -v pip3 >/dev/null || { apt-get update -q && apt-get install -y -q --no-install-recommends python3-pip; }; } \
         && python3 -m pip download -q --disable-pip-version-check -r $SRC/requirements.txt -d $WHEELS_INSIDE"
    passthrough+=(PIP_NO_INDEX=1)
fi

command=${DEBIAN13_RUN:-make setup && make test}
say "$command, in $ROOT$SRC"
start=$SECONDS
status=0
env -i "${passthrough[@]}" chroot "$ROOT" /bin/bash -c "cd $SRC && $command" || status=$?
say "$command took $((SECONDS - start)) s, exit status $status"
exit $status
}
main "$@"
