#!/usr/bin/env bash
# Writes the seed inputs of one fuzz target into DIR: the repository's fixtures and samples of
# the format (cut to 60 KiB, libFuzzer's -max_len), the shared corpus when present, and small
# hand-written examples for formats without a fixture.
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
dir=$2
mkdir -p "$dir"
fx=Tests/Fixtures
corpus=${CAPACITY_CORPUS:-/work/shared/corpus}
n=0
add() {
  local f
  for f in "$@"; do
    [[ -f $f ]] || continue
    n=$((n + 1))
    head -c 8192 "$f" >"$dir/seed-$n"
  done
}
text() {
  n=$((n + 1))
  printf '%b' "$1" >"$dir/seed-$n"
}
case $target in
  jtl-csv) add $fx/raw/jmeter_csv_results.jtl $fx/raw/generated_4000.jtl "$corpus"/jmeter_csv/results.jtl
    add $fx/realworld/*.jtl $fx/realworld/fewer_fields/*.jtl
    text '1717000000000,12,home,200,OK,t 1-1,text,true,,10,10,1,1,http://x/,5,0,1\n1717000000100,40,home,500,err,t 1-1,text,false,boom,1,1,1,1,http://x/,5,0,1\n' ;;
  jtl-xml) add $fx/raw/jmeter_xml_results.jtl "$corpus"/jmeter_xml/results.jtl $fx/realworld/empty_label.xml ;;
  k6-csv) add $fx/raw/generated_k6_300.csv $fx/realworld/k6_get_post_same_url.csv ;;
  k6-json) add $fx/raw/generated_k6_300.ndjson $fx/realworld/k6_get_post_same_url.ndjson ;;
  vegeta) text '1717000000000000000,200,1500000,0,12,,eyJvayI6dHJ1ZX0=,shop,0\n1717000001000000000,503,2500000,0,0,503 Service Unavailable,,shop,1\n1717000002000000000,200,900000,0,12,,,shop,2\n'
    text '1717000000123456789,200,8731123,0,5120,,,,0,GET,https://x.test/a,\n1717000000133456789,0,30000412345,0,0,"Get ""https://x.test/a"": context deadline exceeded",,,1,GET,https://x.test/a,\n' ;;
  gatling) add $fx/realworld/gatling*_simulation.log
    text 'RUN\tcom.acme.ShopSim\tshopsim\t1717000000000\t \t3.11.5\nUSER\tshoppers\tSTART\t1717000000000\nREQUEST\t\thome\t1717000000150\t1717000000230\tOK\t \nREQUEST\tcheckout\tpay\t1717000000300\t1717000001300\tKO\tstatus.find.is(200), but actually found 503\nUSER\tshoppers\tEND\t1717000001400\n' ;;
  locust-stats) add samples/runs/*/*_stats.csv ;;
  locust-history) add samples/runs/*/*_stats_history.csv ;;
  locust-failures) add samples/runs/*/*_failures.csv ;;
  pidstat) add $fx/resources/*/pidstat.txt ;;
  sadf-xml) add $fx/resources/*/sar_u_r.xml ;;
  sadf-csv) add $fx/resources/*/sar_u_r.csv ;;
  prometheus) add $fx/resources/*/prometheus/*.json ;;
  kubectl-top) add $fx/resources/*/ktop.log ;;
  docker-stats) text '2024-05-29T16:27:00Z CONTAINER ID   NAME            CPU %     MEM USAGE / LIMIT     MEM %     NET I/O          BLOCK I/O   PIDS\n2024-05-29T16:27:00Z 3f2a9c1b7d4e   shop-django-1   112.34%   45.6MiB / 1.944GiB    2.29%     1.2kB / 1e+03kB  0B / 0B     5\n2024-05-29T16:27:05Z {"BlockIO":"0B / 0B","CPUPerc":"0.50%","Container":"9a8b","ID":"9a8b","MemPerc":"0.1%","MemUsage":"2MB / 1.944GiB","Name":"shop-redis-1","NetIO":"0B / 0B","PIDs":"4"}\n' ;;
  events) text 'time,action,target,target_s\n2026-11-29T02:16:00Z,kill,postgresql-0,\n1795918620.5,kill,django-abc,5\n'
    text '{"time": "2026-11-29T03:16:00+01:00", "action": "drain", "target": "node-1"}\n{"time": 1795918500, "action": "kill", "target": "redis-master", "target_s": 30}\n' ;;
  manifests) add $fx/seed-k8s.yaml samples/k8s/*.yaml ;;
  slo) text 'defaults: false\nobjectives:\n  - {metric: p95_ms, max: 300}\n  - {metric: error_rate, max: "0.5%"}\n' ;;
  profiles) text 'profiles: [{name: vps-16gb, cpu: "8", memory: 16Gi, overhead: {cpu: 250m, memory: 512Mi}}]\n' ;;
  postgres-url) text 'postgres://ci:s%3Acret@127.0.0.1:55432/capacity_test?sslmode=disable\ndb.example:6543:team runs:ann:pw\n*:*:*:ci:a\\:b\\\\c\n'
    text 'postgresql://u@[::1]:5433/d?sslmode=verify-full&application_name=x\n# comment\nh:5432:*:u:p:with:colons\n'
    text 'postgres://%zz@h:99999999999999999999/%ff?sslmode=sometimes&x=1\n' ;;
  detect) "$0" jtl-csv "$dir/a" && "$0" k6-json "$dir/b" && "$0" pidstat "$dir/c" && "$0" sadf-xml "$dir/d"
    find "$dir" -mindepth 2 -type f | while read -r f; do mv "$f" "$dir/$(echo "$f" | tr / _)"; done
    rmdir "$dir"/a "$dir"/b "$dir"/c "$dir"/d ;;
  *) echo "fuzz: no target named $target (scripts/fuzz list)" >&2; exit 64 ;;
esac
# The inputs kept from earlier findings start the search where it found trouble before.
add $fx/fuzz/"$target"/*
