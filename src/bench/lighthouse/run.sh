#!/usr/bin/env bash
# Lighthouse 12 (mobile, default simulated throttling) on the pages of issue 26, acceptance 5: performance, CLS, the
# first view's and a second view's transfer size. Anyone can run it from the repository's root:
#
#   ./mvnw -q -DskipTests package            # the jar, with the precompressed assets
#   src/bench/lighthouse/run.sh              # starts the jar (living demo, fresh data folder), measures, stops it
#   BASE_URL=http://localhost:8080 src/bench/lighthouse/run.sh   # an instance already running the living demo
#
# Needs Node (npx fetches lighthouse@12.2.3 once), Chromium (CHROME_PATH, default /usr/bin/chromium), curl and jq.
# The signed-in pages (« Ma collectivité », the committee's page) are measured with the session cookie of a demo
# sign-in (the form, as a person would), sent by Lighthouse with every request.
# The second view: one browser profile loads the home page once, then each page in turn, its cache kept
# (--disable-storage-reset): what a page then downloads is what a person pays for each click after the first.
# Reports: target/lighthouse/<page>.json and <page>-second.json; the table is printed at the end (html_KB: what the
# page itself weighed on the wire, uncompressed for a signed-in person: ADR 48 and 60).
#
# The thresholds of acceptance 5 are checked: performance >= MIN_SCORE (90), CLS < MAX_CLS (0.1), a second view under
# MAX_SECOND_KB (100). Each failing page and metric is printed and the script exits with 1 (2: it could not measure).
# ONLY=carte,budget measures those pages alone. RUNS=3 measures each first view three times and keeps the run of median
# performance (Lighthouse's advice against the variance of one run, worth it on a busy machine).
set -euo pipefail

LIGHTHOUSE="npx -y lighthouse@12.2.3"
CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export CHROME_PATH
OUT="${OUT:-target/lighthouse}"
JAR="${JAR:-$(ls target/cocon-*.jar 2>/dev/null | grep -v original | head -1)}"
MOMENT="${COCON_DEMO_MOMENT:-funding}"
AGENT_SIREN="${AGENT_SIREN:-216901231}"   # Lyon
COMMITTEE="${COMMITTEE:-committee1}"
MIN_SCORE="${MIN_SCORE:-90}"
MAX_CLS="${MAX_CLS:-0.1}"
MAX_SECOND_KB="${MAX_SECOND_KB:-100}"
RUNS="${RUNS:-1}"
ONLY="${ONLY:-}"
mkdir -p "$OUT"

free_port() { node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})'; }

SERVER=""
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
}
trap cleanup EXIT

if [ -z "${BASE_URL:-}" ]; then
  [ -n "$JAR" ] || { echo "Pas de jar dans target/ : ./mvnw -q -DskipTests package" >&2; exit 2; }
  PORT="$(free_port)"
  DATA="$(mktemp -d /tmp/cocon-lighthouse.XXXXXX)"
  BASE_URL="http://localhost:$PORT"
  echo "Démarrage de $JAR sur $BASE_URL (démonstration au moment « $MOMENT », données dans $DATA)"
  COCON_DATA_DIR="$DATA" PORT="$PORT" COCON_EMBEDDED_POSTGRES_PORT="$(free_port)" COCON_DEMO_MOMENT="$MOMENT" \
    MALLOC_ARENA_MAX=2 java -Xmx200m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=96m -XX:MaxMetaspaceSize=128m \
    -Xss512k -XX:MaxDirectMemorySize=32m -XX:TrimNativeHeapInterval=5000 -jar "$JAR" > "$OUT/server.log" 2>&1 &
  SERVER=$!
fi

echo "Attente de la page d'accueil et de la démonstration prête…"
# ready: the home page answers, no demonstration is being prepared, and a campaign is there (the replay starts a
# moment after the home page first answers)
CAMPAIGN=""
for _ in $(seq 1 900); do
  if home="$(curl -sf "$BASE_URL/" 2>/dev/null)" && ! grep -q 'id="demonstration-en-preparation"' <<<"$home"; then
    CAMPAIGN="$(curl -sf "$BASE_URL/api/campaigns" 2>/dev/null | jq -r '(.items? // .)[0].id // empty' 2>/dev/null || true)"
    [ -n "$CAMPAIGN" ] && break
  fi
  sleep 1
done
[ -n "$CAMPAIGN" ] || { echo "L'instance ne répond pas ou n'a aucune campagne ($OUT/server.log)" >&2; exit 2; }
PROPOSAL="$(curl -sf "$BASE_URL/api/campaigns/$CAMPAIGN/proposals" | jq -r '(.items? // .proposals? // .) | max_by(.supports // .count // 0) | .id')"
echo "Campagne $CAMPAIGN, proposition $PROPOSAL"

# A demo sign-in through the form (the session cookie a ProConnect sign-in gives as well)
sign_in() { # persona [siren]
  local jar token
  jar="$(mktemp)"
  token="$(curl -sf -c "$jar" -b "$jar" "$BASE_URL/connexion" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')"
  curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "persona=$1" \
    --data-urlencode "siren=${2:-}" --data-urlencode "password=demo" "$BASE_URL/connexion"
  awk '$6 == "JSESSIONID" { print $7 }' "$jar"
  rm -f "$jar"
}
AGENT_COOKIE="$(sign_in agent "$AGENT_SIREN")"
COMMITTEE_COOKIE="$(sign_in "$COMMITTEE")"

PAGES=(
  "accueil|/|"
  "campagne|/campagnes/$CAMPAIGN|"
  "propositions|/campagnes/$CAMPAIGN/propositions|"
  "proposition|/propositions/$PROPOSAL|"
  "soutiens|/propositions/$PROPOSAL/soutiens|"
  "carte|/campagnes/$CAMPAIGN/carte|"
  "budget|/campagnes/$CAMPAIGN/budget|"
  "decisions|/campagnes/$CAMPAIGN/decisions|"
  "ma-collectivite|/ma-collectivite|$AGENT_COOKIE"
  "comite|/campagnes/$CAMPAIGN/comite|$COMMITTEE_COOKIE"
)

FLAGS="--headless=new --no-sandbox --disable-dev-shm-usage"
lighthouse() { # url output cookie [extra options]
  local url="$1" output="$2" cookie="$3"
  shift 3
  local headers=()
  if [ -n "$cookie" ]; then
    printf '{"Cookie":"JSESSIONID=%s"}' "$cookie" > "$OUT/headers.json"
    headers=(--extra-headers "$OUT/headers.json")
  fi
  $LIGHTHOUSE "$url" --quiet --only-categories=performance --output=json --output-path="$output" \
    "${headers[@]}" "$@" >/dev/null 2>>"$OUT/lighthouse.log"
}

# one browser profile for the second views: the home page first, then each page, its cache kept
profile="$(mktemp -d /tmp/cocon-lighthouse-profile.XXXXXX)"
lighthouse "$BASE_URL/" "$OUT/warm.json" "" --chrome-flags="$FLAGS --user-data-dir=$profile"
echo "Charge moyenne au début : $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
printf '%-16s %5s %7s %7s %7s %6s %9s %9s %8s\n' page perf FCP_s LCP_s TBT_ms CLS first_KB second_KB html_KB
failures=()
for entry in "${PAGES[@]}"; do
  IFS='|' read -r name path cookie <<<"$entry"
  if [ -n "$ONLY" ] && [[ ",$ONLY," != *",$name,"* ]]; then continue; fi
  # the first view, RUNS times; the run of median performance is kept as <page>.json
  scores=()
  for run in $(seq 1 "$RUNS"); do
    lighthouse "$BASE_URL$path" "$OUT/$name-run$run.json" "$cookie" --chrome-flags="$FLAGS"
    scores+=("$(jq -r '.categories.performance.score * 100 | round' "$OUT/$name-run$run.json") $run")
  done
  median="$(printf '%s\n' "${scores[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p" | cut -d' ' -f2)"
  cp "$OUT/$name-run$median.json" "$OUT/$name.json"
  lighthouse "$BASE_URL$path" "$OUT/$name-second.json" "$cookie" --disable-storage-reset \
    --chrome-flags="$FLAGS --user-data-dir=$profile"
  read -r perf fcp lcp tbt cls first second html < <(jq -r --slurpfile second "$OUT/$name-second.json" '[
      (.categories.performance.score * 100 | round),
      (.audits["first-contentful-paint"].numericValue / 1000 * 10 | round / 10),
      (.audits["largest-contentful-paint"].numericValue / 1000 * 10 | round / 10),
      (.audits["total-blocking-time"].numericValue | round),
      (.audits["cumulative-layout-shift"].numericValue * 1000 | round / 1000),
      (.audits["total-byte-weight"].numericValue / 1024 | round),
      ($second[0].audits["total-byte-weight"].numericValue / 1024 | round),
      ([.audits["network-requests"].details.items[] | select(.resourceType == "Document")][0].transferSize / 1024
        | round) ] | map(tostring) | join(" ")' "$OUT/$name.json")
  printf '%-16s %5s %7s %7s %7s %6s %9s %9s %8s\n' "$name" "$perf" "$fcp" "$lcp" "$tbt" "$cls" "$first" "$second" "$html"
  [ "$perf" -ge "$MIN_SCORE" ] || failures+=("$name : performance $perf < $MIN_SCORE")
  awk -v c="$cls" -v m="$MAX_CLS" 'BEGIN { exit !(c < m) }' || failures+=("$name : CLS $cls >= $MAX_CLS")
  [ "$second" -lt "$MAX_SECOND_KB" ] || failures+=("$name : seconde vue $second Ko >= $MAX_SECOND_KB Ko")
done
rm -rf "$profile"
echo "Charge moyenne à la fin : $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
if [ "${#failures[@]}" -gt 0 ]; then
  echo "Seuils non atteints (performance >= $MIN_SCORE, CLS < $MAX_CLS, seconde vue < $MAX_SECOND_KB Ko) :" >&2
  printf '  %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "Toutes les pages atteignent les seuils (performance >= $MIN_SCORE, CLS < $MAX_CLS, seconde vue < $MAX_SECOND_KB Ko)."
