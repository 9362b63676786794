#!/usr/bin/env bash
# The runs behind compare-corrections' fixtures: plain (no CHAOS) Locust and JMeter runs of one build
# twice, and of a build made 30 % slower (SHOP_SLOW=1.3: the app burns 1.3x its CPU per request).
set -euo pipefail
R=/work/rig/runs/compare-corrections
cd /work/rig/_tools/chaos
locust_run() { # NAME [env...]
  local name=$1; shift
  env OUT_ROOT=$R VENV=/work/rig/venv "$@" LOCUSTFILE=$PWD/locustfile.py \
    flock /tmp/loadtest.lock ./run_scenario_chaos.sh "$name" ${DUR:-100} -u ${USERS:-30} -r 10 -t ${DUR:-100}s
}
jmeter_run() { # NAME [env...]
  local name=$1; shift
  env OUT_ROOT=$R VENV=/work/rig/venv "$@" flock /tmp/loadtest.lock ./run_jmeter_chaos.sh "$name" csv ${DUR:-100} ${USERS:-30}
}
what=${1:-all}
if [ "$what" = all ] || [ "$what" = locust ]; then
  locust_run cc_locust${TAG:-}_a
  locust_run cc_locust${TAG:-}_b
  locust_run cc_locust${TAG:-}_slow SHOP_SLOW=1.3
fi
if [ "$what" = all ] || [ "$what" = jmeter ]; then
  jmeter_run cc_jmeter${TAG:-}_a
  jmeter_run cc_jmeter${TAG:-}_b
  jmeter_run cc_jmeter${TAG:-}_slow SHOP_SLOW=1.3
fi
# Made with: ./make_runs.sh all (30 users, 100 s), then TAG=10u USERS=10 DUR=120 ./make_runs.sh locust
# and: TAG=10t USERS=10 DUR=120 ./make_runs.sh jmeter
