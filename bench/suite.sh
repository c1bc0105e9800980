# Sourced by the benchmarks: uses the running suite (./kczg up) or starts one for the run and stops it on exit.
# Sets ROOT, KCZG_HOME, GATEWAY, PG_PORT, PSQL (array) and PGBIN.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export KCZG_HOME=${KCZG_HOME:-$ROOT/.kczg}
GATEWAY=http://127.0.0.1:${KCZG_GATEWAY_PORT:-8080}
PG_PORT=${KCZG_PG_PORT:-15432}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d kczg -q -v ON_ERROR_STOP=1)

started=""
if ! curl -fsS -m 2 "$GATEWAY/q/health/ready" >/dev/null 2>&1; then
  echo "[bench] starting the suite (./kczg up) …"
  mkdir -p "$KCZG_HOME"
  "$ROOT/kczg" up >"$KCZG_HOME/bench-up.log" 2>&1 &
  started=$!
  for _ in $(seq 1 600); do grep -q "KCZG READY" "$KCZG_HOME/bench-up.log" 2>/dev/null && break; sleep 0.5; done
  grep -q "KCZG READY" "$KCZG_HOME/bench-up.log" || { cat "$KCZG_HOME/bench-up.log"; exit 1; }
fi
stop_started_suite() { if [ -n "$started" ]; then "$ROOT/kczg" down >/dev/null 2>&1; fi; true; }
