#!/usr/bin/env bash
# run_jmeter.sh NAME FORMAT(csv|xml) DURATION_S THREADS
# One bounded JMeter 2.13 non-GUI run of jmeter/shop_plan.jmx against the Django
# app (started here under gunicorn, same settings as run_scenario.sh), with the
# same resource monitors.  Writes corpus/NAME/.
set -euo pipefail
# The app and the load generator run at nice -10 so that other jobs sharing this
# 2-core VM disturb them less (see _pidstat_all_tasks.txt for what else ran).
CORPUS=${CORPUS:-$(cd "$(dirname "$0")/.." && pwd)}
TOOLS=$CORPUS/_tools
VENV=${VENV:?set VENV to the virtual environment with locust, django and gunicorn}
NAME=$1; FMT=$2; DUR=$3; THREADS=$4; PLAN=${PLAN:?set PLAN to the .jmx}
OUT=$CORPUS/$NAME
PRE=5; POST=10
MON=$((PRE + DUR + POST))
rm -rf "$OUT"; mkdir -p "$OUT"
info() { echo "$*" >>"$OUT/_run_info.txt"; }
info "# run_jmeter.sh $NAME $FMT $DUR $THREADS"
info "host=$(hostname) nproc=$(nproc) mem_total_kb=$(awk '/MemTotal/{print $2}' /proc/meminfo)"
info "versions: jmeter 2.13 (Debian 2.13-5); $(java -version 2>&1 | head -1); $($VENV/bin/gunicorn --version); django $($VENV/bin/python -c 'import django; print(django.get_version())'); $(sar -V 2>&1 | head -1)"

GCMD=(nice -n -10 "$VENV/bin/gunicorn" --bind 127.0.0.1:8000 --workers 2 --worker-class sync --timeout 30
      --pid gunicorn.pid --daemon --no-control-socket
      --access-logfile "$OUT/gunicorn_access.log"
      --access-logformat '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(D)s'
      --error-logfile "$OUT/gunicorn_error.log"
      shop.wsgi:application)
info "app: cd _tools/app && SHOP_DB=shop.sqlite3 SHOP_FLAKY=0 ${GCMD[*]}"
rm -f gunicorn.pid
(cd "$TOOLS/app" && SHOP_DB=shop.sqlite3 SHOP_FLAKY=0 "${GCMD[@]}")
MASTER=""
for i in $(seq 1 40); do
  if [ -s gunicorn.pid ]; then
    MASTER=$(cat gunicorn.pid)
    KIDS=$(cat /proc/$MASTER/task/$MASTER/children 2>/dev/null || true)
    if [ "$(echo $KIDS | wc -w)" = 2 ] && timeout 1 bash -c '</dev/tcp/127.0.0.1/8000' 2>/dev/null; then break; fi
  fi
  sleep 0.5
done
KIDS=$(echo $(cat /proc/$MASTER/task/$MASTER/children))
PIDS="$MASTER,${KIDS// /,}"
info "gunicorn master=$MASTER workers=$KIDS"

export S_TIME_FORMAT=ISO
sar -o "$OUT/sar.sa" 1 "$MON" >"$OUT/sar_console.txt" 2>&1 &
SAR=$!
pidstat -h -u -r -p "$PIDS" 1 "$MON" >"$OUT/pidstat.txt" 2>&1 &
PIDSTAT=$!
python3 "$TOOLS/monitoring/ktop_log.py" 5 "$MON" >"$OUT/ktop.log" 2>&1 &
KTOP=$!
pidstat -u -l 5 $(( (MON + 4) / 5 )) >"$OUT/_pidstat_all_tasks.txt" 2>&1 &
ALLT=$!
info "monitor: S_TIME_FORMAT=ISO sar -o sar.sa 1 $MON > sar_console.txt"
info "monitor: pidstat -h -u -r -p $PIDS 1 $MON > pidstat.txt"
info "monitor: python3 _tools/monitoring/ktop_log.py 5 $MON > ktop.log"
info "monitor: pidstat -u -l 5 $(( (MON + 4) / 5 )) > _pidstat_all_tasks.txt"
MON_START=$(date +%s)
info "monitor_start_epoch=$MON_START ($(date -u -d @$MON_START +%FT%TZ))"
sleep "$PRE"

JCMD=(nice -n -10 "$TOOLS/jmeter/jmeter-shim.sh" -n -t "$PLAN"
      -l "$OUT/results.jtl" -j "$OUT/jmeter.log"
      -Jramp="$THREADS" -Jduration="$DUR" -Jrampup="${RAMPUP:-150}"
      -Jjmeterengine.nongui.port=0
      -Jjmeter.save.saveservice.output_format="$FMT"
      -Jjmeter.save.saveservice.print_field_names=true)
info "jmeter: timeout $((DUR + 90)) ${JCMD[*]}"
J_START=$(date +%s)
info "jmeter_start_epoch=$J_START ($(date -u -d @$J_START +%FT%TZ))"
set +e
(cd "$OUT" && timeout $((DUR + 90)) "${JCMD[@]}" >"$OUT/jmeter_console.log" 2>&1)
JRC=$?
set -e
J_END=$(date +%s)
info "jmeter_end_epoch=$J_END ($(date -u -d @$J_END +%FT%TZ)) exit_code=$JRC"

wait "$SAR" "$PIDSTAT" "$KTOP" "$ALLT" || true
MON_END=$(date +%s)
info "monitor_end_epoch=$MON_END ($(date -u -d @$MON_END +%FT%TZ))"
if curl -sf --max-time 2 http://127.0.0.1:9090/-/ready >/dev/null; then
  bash "$TOOLS/monitoring/prom_dump.sh" "$MON_START" "$MON_END" "$OUT/prometheus"
  info "prometheus: _tools/monitoring/prom_dump.sh $MON_START $MON_END prometheus/ (URLs in prometheus/queries.txt)"
fi
kill -TERM "$MASTER"
for i in $(seq 1 40); do kill -0 "$MASTER" 2>/dev/null || break; sleep 0.5; done
info "gunicorn stopped (kill -TERM $MASTER)"
sadf -x "$OUT/sar.sa" -- -u -r >"$OUT/sar_u_r.xml"
sadf -d "$OUT/sar.sa" -- -u -r >"$OUT/sar_u_r.csv"
info "export: sadf -x sar.sa -- -u -r > sar_u_r.xml ; sadf -d sar.sa -- -u -r > sar_u_r.csv"
echo "$NAME done: jmeter rc=$JRC"
