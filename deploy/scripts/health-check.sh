#!/usr/bin/env bash
# Checks every service of the local stack (docker-compose.yml) and prints PASS or FAIL for each,
# with the reason. Exit status 0 only when every service passes. Used by `make health-check`.
# Ports can be moved with API_URL, CONTROL_PLANE_URL, PROMETHEUS_URL, GRAFANA_URL, MINIO_URL.
set -uo pipefail

API_URL=${API_URL:-http://127.0.0.1:8080}
CONTROL_PLANE_URL=${CONTROL_PLANE_URL:-http://127.0.0.1:8081}
PROMETHEUS_URL=${PROMETHEUS_URL:-http://127.0.0.1:9090}
GRAFANA_URL=${GRAFANA_URL:-http://127.0.0.1:3000}
MINIO_URL=${MINIO_URL:-http://127.0.0.1:9000}
COMPOSE=${COMPOSE:-docker compose}

failures=0
pass() { printf '  PASS  %-14s %s\n' "$1" "$2"; }
fail() { printf '  FAIL  %-14s %s\n' "$1" "$2"; failures=$((failures + 1)); }

# $1 = URL; prints the body, fails when the status is not 2xx or nothing answers.
fetch() { curl -fsS --max-time 5 "$1" 2>&1; }

json_field() { # $1 = JSON, $2 = field; without jq a grep is enough for flat fields
  if command -v jq >/dev/null 2>&1; then
    jq -r ".$2 // empty" <<<"$1"
  else
    sed -n "s/.*\"$2\":\(\"\([^\"]*\)\"\|\([a-z0-9.]*\)\).*/\2\3/p" <<<"$1"
  fi
}

echo "fraudops local stack:"

if out=$($COMPOSE exec -T postgres sh -c 'pg_isready -U "$POSTGRES_USER" -d "$POSTGRES_DB"' 2>&1); then
  pass postgres "$out"
else
  fail postgres "${out:-no answer}"
fi

if fetch "$MINIO_URL/minio/health/live" >/dev/null; then
  pass minio "$MINIO_URL live"
else
  fail minio "$MINIO_URL/minio/health/live does not answer"
fi

if body=$(fetch "$CONTROL_PLANE_URL/health"); then
  status=$(json_field "$body" status)
  if [ "$status" = healthy ]; then
    pass control-plane "$CONTROL_PLANE_URL status=$status"
  else
    fail control-plane "$CONTROL_PLANE_URL status=${status:-?}"
  fi
else
  fail control-plane "$CONTROL_PLANE_URL/health: $body"
fi

if body=$(fetch "$API_URL/health"); then
  status=$(json_field "$body" status)
  loaded=$(json_field "$body" model_loaded)
  version=$(json_field "$body" model_version)
  case "$status" in
    healthy) pass api "$API_URL serving model version ${version}" ;;
    degraded) fail api "$API_URL answers but no model is promoted (make docker-train, make docker-promote VERSION=N)" ;;
    *) fail api "$API_URL status=${status:-?} model_loaded=${loaded:-?}" ;;
  esac
else
  fail api "$API_URL/health: $body"
fi

if fetch "$PROMETHEUS_URL/-/ready" >/dev/null; then
  targets=$(fetch "$PROMETHEUS_URL/api/v1/targets?state=active" || true)
  down=$(grep -o '"health":"down"' <<<"$targets" | wc -l | tr -d ' ')
  if [ "${down:-0}" -eq 0 ]; then
    pass prometheus "$PROMETHEUS_URL ready, every scrape target up"
  else
    fail prometheus "$PROMETHEUS_URL ready, $down scrape target(s) down"
  fi
else
  fail prometheus "$PROMETHEUS_URL/-/ready does not answer"
fi

if body=$(fetch "$GRAFANA_URL/api/health"); then
  pass grafana "$GRAFANA_URL database=$(json_field "$body" database)"
else
  fail grafana "$GRAFANA_URL/api/health: $body"
fi

if [ "$failures" -eq 0 ]; then
  echo "all services healthy"
else
  echo "$failures service(s) failing"
  exit 1
fi
