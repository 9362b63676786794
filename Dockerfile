# capacity in a container: build in the official Swift image, run in slim Debian.
#
#   docker build -t capacity .
#   docker run --rm -v "$PWD:/work" capacity analyze runs/ --manifests k8s/
#
# Not built on the development machine (no Docker engine there); scripts/test-static-binary runs
# the same steps without Docker: the release build, then the binary alone under env -i.

ARG SWIFT_VERSION=6.3
FROM swift:${SWIFT_VERSION}-bookworm AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends libsqlite3-dev libxml2-dev \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so a source change does not refetch them.
COPY Package.swift ./
COPY Package.resolve[d] ./
RUN swift package resolve
COPY . .
RUN swift build -c release --static-swift-stdlib --product capacity \
  && install -D "$(swift build -c release --static-swift-stdlib --show-bin-path)/capacity" /out/capacity \
  && strip /out/capacity

FROM debian:bookworm-slim
# The Swift runtime and Foundation are inside the binary; SQLite and libxml2 come from Debian.
RUN apt-get update \
  && apt-get install -y --no-install-recommends libsqlite3-0 libxml2 \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/capacity /usr/local/bin/capacity
RUN capacity --version
WORKDIR /work
ENTRYPOINT ["capacity"]
CMD ["--help"]
