#!/usr/bin/env bash
# Builds a small, reproducible base image (docker-save tar) like the release base, for tests only.
#
# jib needs a base image, and a machine without a registry has none to pull. This one stands in
# for the release base (gcr.io/distroless/base-nossl-debian13, pom.xml's jib.from.image): the
# glibc libraries a JVM links against, copied from this machine, root in /etc/passwd, a /tmp and
# the same PATH; no shell, no locale and no Java (the image's runtime layer brings the Java runtime
# and the C.UTF-8 locale: image/link-runtime). It carries the host's glibc, so it is never
# published.
#
# Usage: image/build-base.sh OUT.tar
set -euo pipefail

out=${1:?usage: build-base.sh OUT.tar}
out=$(realpath -m "$out")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root

# what a JVM links against (libc, libm, libdl, libpthread, librt) and the dynamic loader, at the
# paths the loader looks them up
copy() { mkdir -p "$root$(dirname "$1")" && cp -L "$1" "$root$1"; }
# awk reads to the end rather than exit at the first match: on a machine with many libraries the
# cache's listing outgrows the pipe, and pipefail would report ldconfig's SIGPIPE (exit 141)
ldcache=$(ldconfig -p)
for soname in libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1; do
  lib=$(awk -v n="$soname" '$1 == n && !found { print $NF; found = 1 }' <<<"$ldcache")
  [[ -n $lib ]] || { echo "build-base: $soname not found" >&2; exit 2; }
  copy "$lib"
done
copy "$(ldd /bin/sh | awk '/ld-linux/ && !found { print $1; found = 1 }')"
mkdir -p "$root/etc" "$root/tmp" "$root/root"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\n' >"$root/etc/group"
printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"

# one layer, byte-for-byte reproducible: sorted names, zero times, numeric root ownership
tar_flags=(--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu)
mkdir -p "$work/image"
tar "${tar_flags[@]}" -C "$root" -cf "$work/image/layer.tar" .
diff_id=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
cat >"$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"WorkingDir":"/"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"image/build-base.sh (glibc of the build machine)"}]}
JSON
cat >"$work/image/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["localhost/kube-generate-base:test"],"Layers":["layer.tar"]}]
JSON
mkdir -p "$(dirname "$out")"
tar "${tar_flags[@]}" -C "$work/image" -cf "$out.partial" config.json layer.tar manifest.json
mv "$out.partial" "$out"
echo "build-base: $out $(du -m "$out" | cut -f1) MB sha256:$(sha256sum "$out" | cut -c1-12)"
