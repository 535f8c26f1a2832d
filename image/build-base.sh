#!/usr/bin/env bash
# Builds a small, reproducible base image (docker-save tar) from a JDK 25 on this machine, for tests only.
#
# jib needs a base image, and a machine without a registry has none to pull. This one is a jlink'ed
# Java 25 runtime plus the few shared libraries it links against, copied from the host: it carries
# the host's glibc, so it is never published. Releases build on a registry base with the same Java
# feature release (see the jib section of pom.xml and the README's "The image").
#
# The JDK: $BASE_JAVA_HOME, else $JAVA_HOME_25_X64 (what actions/setup-java sets), else $JAVA_HOME
# or the javac on PATH when it is a JDK 25, else a JDK 25 below /usr/lib/jvm.
#
# Usage: image/build-base.sh OUT.tar
set -euo pipefail

out=${1:?usage: build-base.sh OUT.tar}
out=$(realpath -m "$out")
feature=25
is_jdk() { [[ -x $1/bin/jlink ]] && grep -q "^JAVA_VERSION=\"$feature[.\"]" "$1/release" 2>/dev/null; }
java_home=${BASE_JAVA_HOME:-}
if [[ -z $java_home ]]; then
  for candidate in "${JAVA_HOME_25_X64:-}" "${JAVA_HOME:-}" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac || echo /nonexistent)")")")" /usr/lib/jvm/*; do
    if [[ -n $candidate ]] && is_jdk "$candidate"; then java_home=$candidate; break; fi
  done
fi
if [[ -z $java_home ]] || ! is_jdk "$java_home"; then
  echo "build-base: needs a JDK $feature (set BASE_JAVA_HOME; on Debian/Ubuntu: apt-get install openjdk-$feature-jdk-headless)" >&2
  exit 2
fi
# what the CLI and its libraries use (jdeps); java.net.http and jdk.crypto.ec for the GitHub API
modules=java.base,java.net.http,java.logging,java.xml,java.naming,java.sql,jdk.crypto.ec,jdk.zipfs

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root

# JDK 24 and later link from their own run-time image when they ship no jmods (Temurin 25 does not).
# The JDK's default class-data archive, as the release base has: from JDK 25 on the JVM writes it
# byte for byte the same every time, so the base stays reproducible (JDK 17 did not).
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --generate-cds-archive --output "$root/opt/java/openjdk"
# the archive for heaps over 32 GB: never used by a check
rm -f "$root/opt/java/openjdk/lib/server/classes_nocoops.jsa"

# every shared library the JRE links against, at the path the dynamic loader looks for it
find "$root/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null | awk '/=> \//{print $3} /^\t\/.*ld-linux/{print $1}' \
  | grep -v "^$work/" | sort -u \
  | while read -r lib; do
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
# without the C.utf8 locale file.encoding falls back to ASCII and non-ASCII paths break
mkdir -p "$root/usr/lib/locale"
cp -a /usr/lib/locale/C.utf8 "$root/usr/lib/locale/"
mkdir -p "$root/etc" "$root/tmp" "$root/root"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\n' >"$root/etc/group"

# one layer, byte-for-byte reproducible: sorted names, zero times, numeric root ownership
tar_flags=(--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu)
mkdir -p "$work/image"
tar "${tar_flags[@]}" -C "$root" -cf "$work/image/layer.tar" .
diff_id=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
cat >"$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],
   "WorkingDir":"/"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"image/build-base.sh (jlink $modules)"}]}
JSON
cat >"$work/image/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["localhost/kube-generate-base:test"],"Layers":["layer.tar"]}]
JSON
mkdir -p "$(dirname "$out")"
tar "${tar_flags[@]}" -C "$work/image" -cf "$out.partial" config.json layer.tar manifest.json
mv "$out.partial" "$out"
echo "build-base: $out $(du -m "$out" | cut -f1) MB sha256:$(sha256sum "$out" | cut -c1-12)"
