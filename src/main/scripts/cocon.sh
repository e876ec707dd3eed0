#!/usr/bin/env bash
# Starts Cocon from its jar with the JVM settings the project ships (README, ADR 0026) and an archive of the classes
# the start needs (issue 26): the classes of the JVM, Spring and Cocon are mapped from the archive instead of being
# read, checked and parsed from the jar at each start, the largest part of a cold start on 2 cores. On Java 25 and
# later (the production runtime, ADR 0066) the archive is the JDK's AOT cache (JEP 483, 514, 515: classes loaded and
# linked, and the method profiles of the training run, so that the JIT compiles the hot paths sooner); on Java 17 to
# 24, Spring Boot's Class Data Sharing archive (ADR 0054).
#
#   ./mvnw -q -DskipTests package && src/main/scripts/cocon.sh          # same environment variables as `java -jar` (README)
#
# The archive is made once per jar and Java, at the first start after a build (about one start more, and the
# demonstration's replay: the jar extracted with `-Djarmode=tools extract`, then a training run on a throw-away data
# folder that serves its home page once, as a first visitor would, and stops (cocon.platform.CdsTraining, ADR 0054),
# after replaying the demonstration and erasing it where the start would prepare one (ADR 0082); with a configured
# database, SPRING_DATASOURCE_URL, it connects to it as any start would, migrations included); COCON_CDS_DIR says where
# (default: target/cds next to the jar). JAVA_HOME says which Java (else `java` on the PATH). COCON_CDS=false starts
# the plain jar. `cocon.sh --cds-archive-only` makes the archive again and stops.
set -euo pipefail

JAR="${JAR:-$(ls "$(dirname "$0")"/../../../target/cocon-*.jar 2>/dev/null | grep -v original | head -1)}"
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "Pas de jar : ./mvnw -q -DskipTests package (ou JAR=chemin/du/jar)" >&2; exit 2; }
# absolute paths: the archive keeps the class path as the training run was given it, and a JVM started with the same
# archive from another directory, where a relative class path names other files, stops at once ("sealing violation",
# Java 25); the archive's folder is then the same whatever the directory the script is called from
JAR="$(readlink -f "$JAR")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
OPTS=(-Xmx200m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=96m -XX:MaxMetaspaceSize=128m -Xss512k -XX:MaxDirectMemorySize=32m -XX:TrimNativeHeapInterval=5000)
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

if [ "${COCON_CDS:-true}" = "false" ]; then
  exec "$JAVA" "${OPTS[@]}" -jar "$JAR" "$@"
fi

CDS="$(readlink -m "${COCON_CDS_DIR:-$(dirname "$JAR")/cds}")"
# a fresh embedded data folder is copied from a PostgreSQL cluster kept next to the archive instead of running initdb
# (ADR 0068): made by the training run, made again with the archive; once the training run has stopped, its database
# (the migrations done, the directory loaded, no request's data) takes the pristine cluster's place (ADR 0079)
export COCON_POSTGRES_TEMPLATE="${COCON_POSTGRES_TEMPLATE:-$CDS/postgres-template}"
APP="$CDS/${JAR##*/}"
# the archive belongs to one jar and one Java: the jar's size and date say which jar; the Java's `release` file (its
# folder, version and build) says which Java without starting one (`java -version` costs 0.1 s of every start), else
# `java -version` (without the "Picked up JDK_JAVA_OPTIONS / JAVA_TOOL_OPTIONS" line the launcher prints first when
# they are set: it would make every start look like another Java, and hide the feature version)
JAVA_FILE="$(readlink -f "$(command -v "$JAVA")")"
RUNTIME="${JAVA_FILE%/bin/*}"
VERSION=""
FEATURE=""
if [ -f "$RUNTIME/release" ]; then
  # KEY="value" lines, read by the shell itself: no process started
  while IFS='=' read -r key value; do
    case "$key" in
      IMPLEMENTOR|JAVA_RUNTIME_VERSION) VERSION+=" $key=$value" ;;
      # the Java's feature version ("17.0.15", "25.0.3", "1.8.0_…" → 17, 25, 8)
      JAVA_VERSION) VERSION+=" $key=$value"; value="${value//\"/}"; value="${value#1.}"; FEATURE="${value%%[._+-]*}" ;;
    esac
  done < "$RUNTIME/release"
fi
if [ -n "$FEATURE" ]; then
  VERSION="$RUNTIME$VERSION"
else
  VERSION="$("$JAVA" -version 2>&1 | grep -v 'Picked up' | head -1)"
  FEATURE="$(sed -nE 's/.*version "(1\.)?([0-9]+).*/\2/p' <<< "$VERSION")"
fi
# the archive's class path is part of it: a jar moved, or another folder for the archive, makes it again
STAMP="$(stat -c '%s %Y' "$JAR") $APP $VERSION"
TRAINING=("${OPTS[@]}")
if [ "${FEATURE:-0}" -ge 25 ]; then
  ARCHIVE="$CDS/application.aot"
  # the cache is assembled at the training run's exit; with the shipped 128 MB of metaspace its assembly can run out
  # of room ("Unable to allocate from 'ro' region") as the classes grow: the training run alone gets more
  TRAINING=("${OPTS[@]/-XX:MaxMetaspaceSize=128m/-XX:MaxMetaspaceSize=256m}" -XX:AOTCacheOutput="$ARCHIVE")
  USE=(-XX:AOTCache="$ARCHIVE")
else
  ARCHIVE="$CDS/application.jsa"
  TRAINING+=(-XX:ArchiveClassesAtExit="$ARCHIVE")
  USE=(-XX:SharedArchiveFile="$ARCHIVE")
fi
ONLY=false
if [ "${1:-}" = "--cds-archive-only" ]; then
  ONLY=true
  rm -f "$CDS/jar.stamp"
fi
if [ ! -f "$ARCHIVE" ] || [ ! -f "$CDS/jar.stamp" ] || [ "$(< "$CDS/jar.stamp")" != "$STAMP" ]; then
  echo "Cocon : première exécution de ce jar avec ce Java, préparation de l'archive des classes (une fois)…" >&2
  rm -rf "$CDS"
  mkdir -p "$CDS"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$CDS" > /dev/null
  training="$(mktemp -d)"
  # a throw-away data folder, any free port: the training run stops once its home page is served and, where the real
  # start would prepare the demonstration (the embedded default, no configured database), once the training run has
  # replayed it too and erased what the replay wrote (ADR 0082): its profiles are in the archive, its database is as
  # before any request; with a configured database, never a demonstration
  demo="${COCON_DEMO_SEED:-true}"
  [ -n "${SPRING_DATASOURCE_URL:-}" ] && demo=false
  if COCON_DATA_DIR="$training" COCON_DEMO_SEED="$demo" PORT=0 COCON_EMBEDDED_POSTGRES_PORT=0 \
      "$JAVA" "${TRAINING[@]}" -Dcocon.cds.training=true \
      -jar "$APP" > "$CDS/training.log" 2>&1; then
    echo "$STAMP" > "$CDS/jar.stamp"
  else
    echo "Cocon : l'archive des classes n'a pu être faite ($CDS/training.log) ; démarrage sans elle." >&2
    rm -f "$ARCHIVE"
  fi
  rm -rf "$training"
fi
if [ "$ONLY" = true ]; then
  [ -f "$CDS/jar.stamp" ]
  exit
fi

if [ -f "$ARCHIVE" ]; then
  exec "$JAVA" "${OPTS[@]}" "${USE[@]}" -jar "$APP" "$@"
fi
exec "$JAVA" "${OPTS[@]}" -jar "$JAR" "$@"
