# faultline as a container: `docker build -t faultline:0.1.0 .`, then `docker run --rm faultline:0.1.0 --help`.
# Two stages: the build stage compiles dist/ with every dependency; the runtime stage holds only the built
# package and its production dependencies, on Node 20 slim, as a non-root user.

# Pinned to an exact Node release and Debian suite, so a rebuild gets the same base.
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /build
COPY package.json package-lock.json ./
# No install scripts: nothing faultline builds needs them (and `prepare` would build before src/ is here).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY plugins ./plugins
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20.20.2-bookworm-slim
ENV NODE_ENV=production
WORKDIR /opt/faultline
COPY --from=build /build/package.json ./
COPY --from=build /build/node_modules ./node_modules
COPY --from=build /build/dist ./dist
COPY LICENSE README.md ./
RUN chmod 0755 dist/src/cli/bin.js \
  && ln -s /opt/faultline/dist/src/cli/bin.js /usr/local/bin/faultline \
  && mkdir /work && chown 10001:10001 /work
# A numeric user needs no /etc/passwd entry, and Kubernetes' runAsNonRoot can verify it.
ENV HOME=/work
USER 10001:10001
WORKDIR /work
ENTRYPOINT ["faultline"]
CMD ["--help"]
