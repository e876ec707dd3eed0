#!/usr/bin/env bash
# Starts Cocon from its jar with the JVM settings the project ships (README, ADR 0026) and Spring Boot's Class Data
# Sharing archive (issue 26, ADR 0054): the classes of the JVM, Spring and Cocon are mapped from the archive instead of
# being read, checked and parsed from the jar at each start, the largest part of a cold start on 2 cores.
#
#   ./mvnw -q -DskipTests package && src/main/scripts/cocon.sh          # same environment variables as `java -jar` (README)
#
# The archive is made once per jar, at the first start after a build (about one start more: the jar extracted with
# `-Djarmode=tools extract`, then a training run on a throw-away data folder that serves its home page once, as a first
# visitor would, and stops (cocon.platform.CdsTraining, ADR 0054); with a configured database, SPRING_DATASOURCE_URL,
# it connects to it as any start would, migrations included); COCON_CDS_DIR says where (default: target/cds next to
# the jar). COCON_CDS=false starts the plain jar. `cocon.sh --cds-archive-only` makes the archive again and stops.
set -euo pipefail

JAR="${JAR:-$(ls "$(dirname "$0")"/../../../target/cocon-*.jar 2>/dev/null | grep -v original | head -1)}"
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "Pas de jar : ./mvnw -q -DskipTests package (ou JAR=chemin/du/jar)" >&2; exit 2; }
OPTS=(-Xmx200m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=128m -Xss512k -XX:MaxDirectMemorySize=32m -XX:TrimNativeHeapInterval=5000)
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

if [ "${COCON_CDS:-true}" = "false" ]; then
  exec java "${OPTS[@]}" -jar "$JAR" "$@"
fi

CDS="${COCON_CDS_DIR:-$(dirname "$JAR")/cds}"
APP="$CDS/$(basename "$JAR")"
# the archive belongs to one jar: its size and date say which
STAMP="$(stat -c '%s %Y' "$JAR") $(java -version 2>&1 | head -1)"
ONLY=false
if [ "${1:-}" = "--cds-archive-only" ]; then
  ONLY=true
  rm -f "$CDS/jar.stamp"
fi
if [ ! -f "$CDS/application.jsa" ] || [ "$(cat "$CDS/jar.stamp" 2>/dev/null)" != "$STAMP" ]; then
  echo "Cocon : première exécution de ce jar, préparation de l'archive CDS (une fois)…" >&2
  rm -rf "$CDS"
  mkdir -p "$CDS"
  java -Djarmode=tools -jar "$JAR" extract --destination "$CDS" > /dev/null
  training="$(mktemp -d)"
  # a throw-away data folder, no demonstration, any free port: the training run stops once its home page is served
  if COCON_DATA_DIR="$training" COCON_DEMO_SEED=false PORT=0 COCON_EMBEDDED_POSTGRES_PORT=0 \
      java "${OPTS[@]}" -XX:ArchiveClassesAtExit="$CDS/application.jsa" -Dcocon.cds.training=true \
      -jar "$APP" > "$CDS/training.log" 2>&1; then
    echo "$STAMP" > "$CDS/jar.stamp"
  else
    echo "Cocon : l'archive CDS n'a pu être faite ($CDS/training.log) ; démarrage sans elle." >&2
    rm -f "$CDS/application.jsa"
  fi
  rm -rf "$training"
fi
if [ "$ONLY" = true ]; then
  [ -f "$CDS/jar.stamp" ]
  exit
fi

if [ -f "$CDS/application.jsa" ]; then
  exec java "${OPTS[@]}" -XX:SharedArchiveFile="$CDS/application.jsa" -jar "$APP" "$@"
fi
exec java "${OPTS[@]}" -jar "$JAR" "$@"
