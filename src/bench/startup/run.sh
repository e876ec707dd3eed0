#!/usr/bin/env bash
# Start-up of the embedded default (issue 26, acceptance 2): seconds from `java` to the home page answering 200, on a
# fresh data folder then on the same folder again, and where the time went (from the server's log: the embedded
# PostgreSQL up, the migrations done, Spring's context started). With --cds, the same again through the shipped
# script `src/main/scripts/cocon.sh` and its archive of the classes, made first as it makes it (`--cds-archive-only`:
# the jar extracted, one training run that serves the home page once and stops): Spring Boot's Class Data Sharing
# archive on Java 17 to 24, the JDK's AOT cache on 25 and later (ADR 0066). The JVM options are those the project
# ships; JAVA_HOME says which Java (else `java` on the PATH).
#
#   ./mvnw -q -DskipTests package
#   src/bench/startup/run.sh [--cds]          # COCON_DEMO_SEED=false by default: the home page, not the demo
#   src/bench/startup/run.sh --demo           # the shipped src/main/scripts/cocon.sh on a fresh folder: home page, then the living
#                                             # demo at the default moment (after a first launch, not measured, that
#                                             # makes the archive if it is missing or made with another Java),
#                                             # with the CPU seconds of each JVM thread and of PostgreSQL during the
#                                             # replay: whether it is bound by the processor or by waits
set -euo pipefail

# cpu_of <pid>: the process's CPU seconds (user + system)
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }
# threads <pid> <data dir>: "name|CPU seconds|key" for each thread of the JVM, and for the embedded PostgreSQL of that
# data folder (its server process with the children it reaped, and its live children)
threads() {
  local hz t p
  hz="$(getconf CLK_TCK)"
  for t in /proc/"$1"/task/*; do
    printf '%s|%s|%s\n' "$(cat "$t/comm" 2>/dev/null)" "$(awk -v hz="$hz" '{print ($14 + $15) / hz}' "$t/stat" 2>/dev/null)" "${t##*/}"
  done
  # the server process's command line names the data folder; its backends retitle theirs, hence their parent
  for p in $(pgrep -f "$2" || true); do
    [ "$p" = "$1" ] && continue
    grep -q postgres "/proc/$p/comm" 2>/dev/null || continue
    printf 'postgres|%s|pg%s\n' "$(awk -v hz="$hz" '{print ($14 + $15 + $16 + $17) / hz}' "/proc/$p/stat" 2>/dev/null)" "$p"
    for c in $(pgrep -P "$p" || true); do
      printf 'postgres|%s|pg%s\n' "$(awk -v hz="$hz" '{print ($14 + $15) / hz}' "/proc/$c/stat" 2>/dev/null)" "$c"
    done
  done
}

if [ "${1:-}" = "--demo" ]; then
  ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
  OUT="${OUT:-$ROOT/target/startup}"
  mkdir -p "$OUT"
  port="$(python3 -c 'import socket;s=socket.socket();s.bind(("",0));print(s.getsockname()[1])')"
  data="$(mktemp -d /tmp/cocon-startup.XXXXXX)"
  # a first launch, not measured, makes the archive of this jar and this Java if it is missing or stale (the script
  # decides; a stamp of the same jar made with another Java is stale), as any first start after a build would
  COCON_DATA_DIR="$data" PORT=0 COCON_DEMO_SEED=false "$ROOT/src/main/scripts/cocon.sh" > "$OUT/demo-archive.log" 2>&1 &
  pid=$!
  until grep -q "Cocon est prêt" "$OUT/demo-archive.log"; do
    kill -0 "$pid" 2>/dev/null || { echo "le serveur s'est arrêté ($OUT/demo-archive.log)" >&2; exit 1; }
    sleep 0.5
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"; data="$(mktemp -d /tmp/cocon-startup.XXXXXX)"
  echo "charge moyenne : $(cut -d' ' -f1-3 /proc/loadavg)"
  t0=$(date +%s.%N)
  COCON_DATA_DIR="$data" PORT="$port" COCON_DEMO_SEED=true "$ROOT/src/main/scripts/cocon.sh" > "$OUT/demo.log" 2>&1 &
  pid=$!
  until curl -sfo /dev/null "http://localhost:$port/"; do
    kill -0 "$pid" 2>/dev/null || { echo "le serveur s'est arrêté ($OUT/demo.log)" >&2; exit 1; }
    sleep 0.1
  done
  echo "accueil en $(python3 -c "import time;print(round(time.time() - $t0, 1))") s (src/main/scripts/cocon.sh, dossier neuf)"
  echo "CPU de la JVM à l'accueil : $(cpu_of "$pid") s"
  # the CPU of each of the JVM's threads, and of the embedded PostgreSQL, from the replay's start to its end: whether
  # the replay is bound by the processor (and whose) or by waits
  # waits until the demo's log shows one of these lines, as long as the server runs
  await_log() {
    until grep -qE "$1" "$OUT/demo.log"; do
      kill -0 "$pid" 2>/dev/null || { echo "le serveur s'est arrêté ($OUT/demo.log)" >&2; exit 1; }
      sleep 0.05
    done
  }
  await_log "rejeu de 2021 au moment|Démonstration prête|préparation interrompue"
  threads "$pid" "$data" > "$OUT/demo-cpu-start.txt"
  r0=$(date +%s.%N)
  await_log "Démonstration prête|préparation interrompue"
  threads "$pid" "$data" > "$OUT/demo-cpu-end.txt"
  r1=$(date +%s.%N)
  echo "démonstration prête en $(python3 -c "import time;print(round(time.time() - $t0, 1))") s après le lancement"
  grep -E "Démonstration prête|préparation interrompue|durées du rejeu" "$OUT/demo.log" | sed 's/.*Démonstration/Démonstration/'
  python3 - "$OUT/demo-cpu-start.txt" "$OUT/demo-cpu-end.txt" "$r0" "$r1" <<'PY'
import re, sys, collections
def read(path):
    rows = {}
    for line in open(path, encoding="utf-8", errors="replace"):
        name, ticks, key = line.rstrip("\n").rsplit("|", 2)
        rows[key] = (name, float(ticks or 0))
    return rows
start, end, wall = read(sys.argv[1]), read(sys.argv[2]), float(sys.argv[4]) - float(sys.argv[3])
groups = collections.Counter()
for key, (name, ticks) in end.items():
    group = "PostgreSQL" if key.startswith("pg") else re.sub(r"[-#]?\d+$", "", name.strip()) or name
    groups[group] += ticks - start.get(key, (name, 0))[1]
for key, (name, ticks) in start.items():
    if key.startswith("pg") and key not in end:
        groups["PostgreSQL"] -= ticks  # its whole life now counts in the server process's reaped children
total = sum(groups.values())
print(f"rejeu : {wall:.1f} s au mur, {total:.1f} s de processeur ({total / wall:.2f} cœur en moyenne sur 2) :")
print("  " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in groups.most_common() if seconds >= 0.05))
PY
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  exit 0
fi

JAR="${JAR:-$(ls target/cocon-*.jar 2>/dev/null | grep -v original | head -1)}"
[ -n "$JAR" ] || { echo "Pas de jar dans target/ : ./mvnw -q -DskipTests package" >&2; exit 2; }
OPTS=(-Xmx200m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=96m -XX:MaxMetaspaceSize=128m -Xss512k -XX:MaxDirectMemorySize=32m -XX:TrimNativeHeapInterval=5000)
OUT="${OUT:-target/startup}"
mkdir -p "$OUT"
export MALLOC_ARENA_MAX=2 COCON_DEMO_SEED="${COCON_DEMO_SEED:-false}"

free_port() { node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})' 2>/dev/null \
  || python3 -c 'import socket;s=socket.socket();s.bind(("",0));print(s.getsockname()[1])'; }

# run <label> <data dir> <arguments after $LAUNCH...>: prints the seconds to the home page and the milestones of the log
run() {
  local label="$1" data="$2"
  shift 2
  local port log t0 t1 pid cpu
  port="$(free_port)"
  log="$OUT/$label.log"
  t0=$(date +%s.%N)
  COCON_DATA_DIR="$data" PORT="$port" COCON_EMBEDDED_POSTGRES_PORT="$(free_port)" "${LAUNCH[@]}" "$@" > "$log" 2>&1 &
  pid=$!
  until curl -sfo /dev/null "http://localhost:$port/"; do
    kill -0 "$pid" 2>/dev/null || { echo "$label : le serveur s'est arrêté ($log)" >&2; return 1; }
    sleep 0.1
  done
  t1=$(date +%s.%N)
  # the JVM's own CPU seconds (user + system) until then: a figure the other processes of a shared machine barely move
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # the log's own instants, relative to the first line (the JVM's start is a few hundred ms before it)
  python3 - "$log" "$label" "$t0" "$t1" "$cpu" <<'PY'
import re, sys, datetime
log, label, t0, t1, cpu = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
marks = [("PostgreSQL prêt", "PostgreSQL embarqué démarré"), ("migrations faites", r"Successfully applied|is up to date|No migration necessary"),
         ("contexte Spring prêt", r"Started CoconApplication"), ("annonce « prêt »", "Cocon est prêt")]
first, seen = None, {}
for line in open(log, encoding="utf-8", errors="replace"):
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+)Z", line)
    if not m:
        continue
    at = datetime.datetime.fromisoformat(m.group(1)).replace(tzinfo=datetime.timezone.utc).timestamp()
    first = first or at
    for name, pattern in marks:
        if re.search(pattern, line):
            seen[name] = at
print(f"{label:<28} accueil en {t1 - t0:5.1f} s (CPU de la JVM {cpu} s) | " + " | ".join(
    f"{name} {seen[name] - t0:5.1f} s" for name, _ in marks if name in seen))
PY
}

# the plain jar, then (--cds) the shipped script; the script execs its Java, so $! is the JVM either way
LAUNCH=("${JAVA_HOME:+$JAVA_HOME/bin/}java" "${OPTS[@]}")
fresh="$(mktemp -d /tmp/cocon-startup.XXXXXX)"
run "jar, dossier neuf" "$fresh" -jar "$JAR"
run "jar, dossier existant" "$fresh" -jar "$JAR"

if [ "${1:-}" = "--cds" ]; then
  CDS="$OUT/cds"
  # the archive as the shipped script makes it (its training run serves the home page once, then stops), then the
  # starts as it makes them: Class Data Sharing on Java 17 to 24, the AOT cache on 25 and later (ADR 0066)
  JAR="$JAR" COCON_CDS_DIR="$CDS" "$(dirname "$0")/../../main/scripts/cocon.sh" --cds-archive-only
  cp "$CDS/training.log" "$OUT/cds-training.log"
  echo "Archive des classes : $(du -h "$CDS"/application.* | cut -f1) ($("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | grep -v 'Picked up' | head -1))"
  cds_fresh="$(mktemp -d /tmp/cocon-startup.XXXXXX)"
  LAUNCH=(env JAR="$JAR" COCON_CDS_DIR="$CDS" "$(dirname "$0")/../../main/scripts/cocon.sh")
  run "archive, dossier neuf" "$cds_fresh"
  run "archive, dossier existant" "$cds_fresh"
  rm -rf "$cds_fresh"
fi
rm -rf "$fresh"
