# The Palisade runtime image that `palisade build`'s Kubernetes manifests run (their default
# image name is ghcr.io/palisade-dev/palisade:0.1.0; `--image` names another).
#
#   mvn -B -DskipTests package -pl gitops -am     # builds gitops/target/palisade.jar
#   docker build -t ghcr.io/palisade-dev/palisade:0.1.0 .
#
# Debian's packages, as the README's commands use them: Java 17 and the OWASP Core Rule Set
# (3.3.4, under /usr/share/modsecurity-crs with its setup in /etc/modsecurity/crs), which the
# policies' `crs` lines load. The manifests mount the policies at /etc/palisade/policies. The same
# image runs the CI workflow (gitops/ci/github-actions.yaml) and the Argo CD plugin sidecar: they
# call `palisade` from a shell, and `palisade diff --base` reads the base revision with git.
FROM debian:bookworm-slim

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        openjdk-17-jre-headless modsecurity-crs git \
    && rm -rf /var/lib/apt/lists/*

COPY gitops/target/palisade.jar /opt/palisade/palisade.jar
RUN printf '#!/bin/sh\nexec java -jar /opt/palisade/palisade.jar "$@"\n' > /usr/local/bin/palisade \
    && chmod 755 /usr/local/bin/palisade

# The Deployment runs as this user with a read-only root filesystem; only /tmp (an emptyDir) is
# written, by the JVM and by Janino's generated classes.
USER 65532:65532
ENTRYPOINT ["java", "-jar", "/opt/palisade/palisade.jar"]
CMD ["--help"]
