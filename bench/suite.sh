# Sourced by the benchmarks: uses the suite running on $KCZG_HOME (./kczg up) or starts one for the run and stops
# it on exit. The ports are those `./kczg up` recorded in $KCZG_HOME/run/settings (else KCZG_*_PORT, else the
# defaults); a suite counts as running when the gateway answers ready on its management port (127.0.0.1,
# KCZG_GATEWAY_MANAGEMENT_PORT, 9000 by default: the gateway serves no /q/health on its public port).
# Sets ROOT, KCZG_HOME, GATEWAY, GATEWAY_HEALTH, REGISTRATION, PG_PORT, PSQL (array), PGBIN and SUITE_STARTED
# (the pid of the `./kczg up` this script started, empty when it reused a running suite); stop_started_suite
# stops only a suite started here. With BENCH_STARTUP_REPORT=FILE, a suite started here is watched from the
# moment `up` begins and each part's process-start → ready time is written to FILE (bench/startup.py).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export KCZG_HOME=$(realpath -m -- "${KCZG_HOME:-$ROOT/.kczg}")
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

load_suite_ports() { # the ports the suite on $KCZG_HOME was started with
  local key value
  if [ -f "$KCZG_HOME/run/settings" ]; then
    while IFS='=' read -r key value; do
      [[ $key =~ ^KCZG_[A-Z0-9_]+$ && $value =~ ^[0-9]+$ ]] && export "$key=$value"
    done <"$KCZG_HOME/run/settings"
  fi
  GATEWAY=http://127.0.0.1:${KCZG_GATEWAY_PORT:-8080}
  GATEWAY_HEALTH=http://127.0.0.1:${KCZG_GATEWAY_MANAGEMENT_PORT:-9000}/q/health/ready
  REGISTRATION=http://127.0.0.1:${KCZG_REGISTRATION_PORT:-8081}
  PG_PORT=${KCZG_PG_PORT:-15432}
  PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d kczg -q -v ON_ERROR_STOP=1)
}

suite_ready() { curl -fsS -m 2 "$GATEWAY_HEALTH" >/dev/null 2>&1; }

SUITE_STARTED=""
ensure_suite() {
  load_suite_ports
  if [ -f "$KCZG_HOME/run/settings" ] && suite_ready; then
    echo "[bench] using the running suite in $KCZG_HOME (gateway $GATEWAY)"
    return 0
  fi
  echo "[bench] starting the suite (KCZG_HOME=$KCZG_HOME ./kczg up) …"
  mkdir -p "$KCZG_HOME"
  : >"$KCZG_HOME/bench-up.log"
  local watcher="" t0
  t0=$(date +%s.%N)
  "$ROOT/kczg" up >"$KCZG_HOME/bench-up.log" 2>&1 &
  SUITE_STARTED=$!
  if [ -n "${BENCH_STARTUP_REPORT:-}" ]; then
    python3 "$ROOT/bench/startup.py" --home "$KCZG_HOME" --since "$t0" --timeout 300 --all \
      >"$BENCH_STARTUP_REPORT" 2>&1 &
    watcher=$!
  fi
  for _ in $(seq 1 600); do
    grep -q "KCZG READY" "$KCZG_HOME/bench-up.log" 2>/dev/null && break
    kill -0 "$SUITE_STARTED" 2>/dev/null || break
    sleep 0.5
  done
  if ! grep -q "KCZG READY" "$KCZG_HOME/bench-up.log"; then
    cat "$KCZG_HOME/bench-up.log"
    [ -z "$watcher" ] || kill "$watcher" 2>/dev/null || true
    stop_started_suite
    exit 1
  fi
  [ -z "$watcher" ] || wait "$watcher" || true
  load_suite_ports
}

stop_started_suite() {
  if [ -n "$SUITE_STARTED" ]; then
    echo "[bench] stopping the suite this benchmark started"
    "$ROOT/kczg" down >/dev/null 2>&1
    wait "$SUITE_STARTED" 2>/dev/null || true
    SUITE_STARTED=""
  fi
  true
}

ensure_suite
