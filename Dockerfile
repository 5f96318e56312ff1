# syntax=docker/dockerfile:1
# One image per fleet module, from the jar Maven already built (no Maven inside the image):
#   ./mvnw -B -DskipTests package
#   docker build --build-arg SERVICE=product-service -t emporium/product-service:0.1.0-SNAPSHOT .
# docker-compose.yml and docs/deployment.md build all of them.

ARG JAVA_IMAGE=eclipse-temurin:25-jre

FROM ${JAVA_IMAGE} AS extract
ARG SERVICE
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}.jar app.jar
COPY config-repo/ config-repo/
# Layers (dependencies change less often than the application) make rebuilds and pulls small.
# The default port is read from the jar's own application.yml (server.port: ${<SERVICE>_PORT:<port>})
# so the healthcheck needs no per-service table. Only config-server gets config-repo/, at
# /app/config-repo, where its default search location (./config-repo/) finds it.
RUN set -eu; \
    test -n "${SERVICE:-}" || { echo "build with --build-arg SERVICE=<module>" >&2; exit 1; }; \
    java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted; \
    port_variable="$(echo "${SERVICE}" | tr 'a-z-' 'A-Z_')_PORT"; \
    mkdir -p out; \
    sed -n "s/.*\${${port_variable}:\([0-9][0-9]*\)}.*/\1/p" extracted/application/BOOT-INF/classes/application.yml \
        | head -n 1 > out/default-port; \
    test -s out/default-port || { echo "no server.port: \${${port_variable}:<port>} in ${SERVICE}" >&2; exit 1; }; \
    if [ "${SERVICE}" = config-server ]; then cp -r config-repo out/config-repo; fi

FROM ${JAVA_IMAGE}
ARG SERVICE
LABEL org.opencontainers.image.title="emporium-${SERVICE}"
# A fixed numeric id, so Kubernetes' runAsNonRoot can verify it without a passwd lookup.
RUN groupadd --system --gid 10001 emporium \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin emporium
WORKDIR /app
COPY --from=extract /build/extracted/dependencies/ ./
COPY --from=extract /build/extracted/spring-boot-loader/ ./
COPY --from=extract /build/extracted/snapshot-dependencies/ ./
COPY --from=extract /build/extracted/application/ ./
COPY --from=extract /build/out/ ./
# Readiness over bash's /dev/tcp: the JRE image promises no curl or wget. The port is the one the
# service binds: SERVER_PORT, else <SERVICE>_PORT, else the default from its application.yml.
COPY --chmod=755 <<'SCRIPT' /usr/local/bin/healthcheck
#!/bin/bash
set -euo pipefail
port_variable="$(echo "${EMPORIUM_SERVICE}" | tr 'a-z-' 'A-Z_')_PORT"
port="${SERVER_PORT:-${!port_variable:-$(cat /app/default-port)}}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS=' ' read -r -t 5 _ status _ <&3
[ "${status}" = 200 ]
SCRIPT
# JVM sized for a 384 MiB container limit (k8s/, docker-compose.yml): heap half of it, the rest for
# metaspace, code cache and thread stacks. Serial GC: least overhead on 1-2 CPUs. Exit on OOM so the
# orchestrator restarts a clean JVM. The java launcher reads JDK_JAVA_OPTIONS; override it per container.
ENV EMPORIUM_SERVICE=${SERVICE} \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m"
USER 10001:10001
HEALTHCHECK --interval=10s --timeout=6s --start-period=120s --retries=6 CMD ["healthcheck"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
