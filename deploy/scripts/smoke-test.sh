#!/usr/bin/env bash
# Smoke test of a deployed fraudops API, used by cd.yml after each deployment and by hand:
#   deploy/scripts/smoke-test.sh https://api.example.com
# Checks the JSON, not only the status: /health must report a loaded model, /predict must score a
# real transaction into a well-formed answer, and a broken request must get a 422 problem document
# naming the field. Exits non-zero on the first failure (cd.yml then rolls back).
set -euo pipefail

BASE_URL=${1:?usage: smoke-test.sh BASE_URL}
BASE_URL=${BASE_URL%/}
ATTEMPTS=${SMOKE_ATTEMPTS:-12}   # /health is retried while a new deployment settles
command -v jq >/dev/null || { echo "smoke: jq is required" >&2; exit 2; }

fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
ok() { echo "smoke: ok: $*"; }

# ---- /health: status healthy and a model loaded ---------------------------------------------------
health=""
for attempt in $(seq 1 "$ATTEMPTS"); do
  if health=$(curl -fsS --max-time 5 "$BASE_URL/health") \
      && [ "$(jq -r '.status' <<<"$health")" = healthy ] \
      && [ "$(jq -r '.model_loaded' <<<"$health")" = true ]; then
    break
  fi
  echo "smoke: /health not ready yet (attempt $attempt/$ATTEMPTS): ${health:-no answer}"
  health=""
  sleep 10
done
[ -n "$health" ] || fail "/health never reported status=healthy with model_loaded=true"
version=$(jq -r '.model_version // empty' <<<"$health")
[ -n "$version" ] || fail "/health has no model_version: $health"
ok "/health healthy, serving model version $version"

# ---- /predict: a real transaction, a well-formed score --------------------------------------------
request='{"transaction_id": "SMOKE-TEST-1", "amount": 250.0, "merchant_category": "online_retail",
  "merchant_country": "USA", "hour_of_day": 14, "day_of_week": 3, "is_online": true,
  "is_weekend": false, "transactions_last_24h": 2, "total_amount_last_24h": 500.0,
  "transactions_last_1h": 0, "distance_from_home": 5.0}'
response=$(curl -sS --max-time 10 -w '\n%{http_code}' -H 'Content-Type: application/json' \
  -d "$request" "$BASE_URL/predict") || fail "/predict did not answer"
status=${response##*$'\n'}
body=${response%$'\n'*}
[ "$status" = 200 ] || fail "/predict answered $status: $body"
jq -e '
  .transaction_id == "SMOKE-TEST-1"
  and (.is_fraud == 0 or .is_fraud == 1)
  and (.fraud_probability | type == "number" and . >= 0 and . <= 1)
  and (.risk_level as $r | ["low", "medium", "high"] | index($r) != null)
  and ((.fraud_probability < 0.3 and .risk_level == "low")
       or (.fraud_probability >= 0.3 and .fraud_probability < 0.7 and .risk_level == "medium")
       or (.fraud_probability >= 0.7 and .risk_level == "high"))
  and (.timestamp | type == "string" and length > 0)
' <<<"$body" >/dev/null || fail "/predict answer is not a well-formed prediction: $body"
served=$(jq -r '.model_version' <<<"$body")
[ "$served" = "$version" ] || fail "/predict scored with model $served, /health reports $version"
ok "/predict scored p=$(jq -r '.fraud_probability' <<<"$body") risk=$(jq -r '.risk_level' <<<"$body") with model $served"

# ---- a broken request: 422 problem document naming the field --------------------------------------
response=$(curl -sS --max-time 10 -w '\n%{http_code}' -H 'Content-Type: application/json' \
  -d '{"amount": -5}' "$BASE_URL/predict") || fail "/predict did not answer the invalid request"
status=${response##*$'\n'}
body=${response%$'\n'*}
[ "$status" = 422 ] || fail "an invalid request got $status instead of 422: $body"
jq -e '[.errors[].field] | index("amount") != null' <<<"$body" >/dev/null \
  || fail "the 422 answer does not name the field 'amount': $body"
ok "invalid request refused with 422 naming 'amount'"

echo "smoke: all checks passed against $BASE_URL"
