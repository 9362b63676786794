# capacity in a container: build in the official Swift image, run in slim Debian.
#
#   docker build -t capacity .
#   docker run --rm -v "$PWD:/work" capacity analyze runs/ --manifests k8s/
#
# Not built on the development machine (no Docker engine there); scripts/test-static-binary runs
# the same steps without Docker: the release build, then the binary alone under env -i.

ARG SWIFT_VERSION=6.3
FROM swift:${SWIFT_VERSION}-bookworm AS build
# The static archives of SQLite and libxml2 (and libxml2's ICU, liblzma, zlib): scripts/static-c-libs
# links them into the binary, as scripts/release does.
RUN apt-get update \
  && apt-get install -y --no-install-recommends libsqlite3-dev libxml2-dev libicu-dev liblzma-dev zlib1g-dev \
    pkg-config \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so a source change does not refetch them.
COPY Package.swift ./
COPY Package.resolve[d] ./
RUN swift package resolve
COPY . .
RUN export PKG_CONFIG_PATH="$(scripts/static-c-libs /tmp/static-c-libs)" \
  && swift build -c release --static-swift-stdlib --product capacity \
  && install -D "$(swift build -c release --static-swift-stdlib --show-bin-path)/capacity" /out/capacity \
  && strip /out/capacity \
  && ! ldd /out/capacity | grep -E 'libswift|libFoundation|libsqlite3|libxml2|libicu'

FROM debian:bookworm-slim
# The binary carries the Swift runtime, Foundation, SQLite and libxml2; glibc, libstdc++ and
# libgcc_s are in the base image.
COPY --from=build /out/capacity /usr/local/bin/capacity
RUN capacity --version
WORKDIR /work
ENTRYPOINT ["capacity"]
CMD ["--help"]
