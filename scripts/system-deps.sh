#!/bin/sh
# Installs the system libraries QtWebEngine needs, when they are missing and we may.
# On a workstation image these come with the installer bundle instead (see README).
set -e
missing=""
for lib in libnss3.so libxkbcommon.so.0 libEGL.so.1 libGL.so.1 libfontconfig.so.1 \
           libdbus-1.so.3 libxkbfile.so.1 libXcomposite.so.1 libXdamage.so.1 \
           libXrandr.so.2 libXtst.so.6 libasound.so.2 libxshmfence.so.1 libgbm.so.1 \
           libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-image.so.0 \
           libxcb-render-util.so.0 libxkbcommon-x11.so.0; do
    if ! ldconfig -p 2>/dev/null | grep -q "$lib"; then missing="$missing $lib"; fi
done
command -v git >/dev/null || missing="$missing git"
[ -z "$missing" ] && exit 0
echo "Missing system libraries:$missing"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        libnss3 libxkbcommon0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 \
        libxkbfile1 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libasound2 \
        libxshmfence1 libgbm1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
        libxcb-render-util0 git
else
    echo "Install them with your package manager (see README), then run make again."
    exit 1
fi
