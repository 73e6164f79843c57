#!/bin/sh
# Builds the Dockerfile's base image (node:20.20.2-bookworm-slim) from Debian packages plus this
# machine's Node 20 and npm, for machines that reach no image registry (CI runners behind a mirror).
# Needs mmdebstrap (Debian's) and podman, as root. The image trusts this machine's CA bundle too (as a
# company base image would), so npm in the build stage gets through a TLS-inspecting egress proxy.
# An existing bookworm rootfs tarball can be reused:
#   ROOTFS_TAR=/tmp/bookworm.tar deploy/image/build-local-base.sh
set -eu
tag=${1:-docker.io/library/node:20.20.2-bookworm-slim}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${ROOTFS_TAR:-}" ]; then
  cp "$ROOTFS_TAR" "$work/rootfs.tar"
else
  mmdebstrap --variant=minbase --include=ca-certificates bookworm "$work/rootfs.tar"
fi
node_bin=$(command -v node)
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
mkdir "$work/root"
tar -xf "$work/rootfs.tar" -C "$work/root"
mkdir -p "$work/root/usr/local/bin" "$work/root/usr/local/lib/node_modules"
cp "$node_bin" "$work/root/usr/local/bin/node"
cp -r "$npm_dir" "$work/root/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$work/root/usr/local/bin/npm"
cp /etc/ssl/certs/ca-certificates.crt "$work/root/etc/ssl/certs/ca-certificates.crt"
tar -cf "$work/image.tar" -C "$work/root" .
podman import --change 'CMD ["node"]' --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
  --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' "$work/image.tar" "$tag"
