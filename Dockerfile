# The auditor as an image for scheduled and sharded audits (examples/kubernetes/).
#
#   docker build -t readiness-auditor .
#   docker run --rm -v "$PWD/audit:/config:ro" -v "$PWD/reports:/reports" \
#     --env-file audit.env readiness-auditor run -c /config/audit.toml --profile production
#
# The configuration and the OpenAPI documents it names are mounted at /config (read-only);
# reports (and the history database, with `[history] path = "/reports/history.sqlite"`) go to
# /reports. Secrets come from the environment at run time, never from the image.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The package from this repository's source (it is not published on a package index), with
# the reference documents and probe suites it ships (pyproject.toml's force-include).
WORKDIR /src
COPY pyproject.toml README.md ./
COPY auditor ./auditor
COPY fixtures/openapi ./fixtures/openapi
COPY probes ./probes
RUN pip install --no-compile . && rm -rf /src

# An unprivileged user of its own; /reports is the only place it writes (and $TMPDIR).
RUN useradd --uid 10001 --user-group --create-home --home-dir /home/auditor \
      --shell /usr/sbin/nologin auditor \
    && mkdir -p /config /reports \
    && chown auditor:auditor /reports
USER 10001:10001
WORKDIR /reports
VOLUME ["/reports"]

ENTRYPOINT ["auditor"]
CMD ["--help"]
