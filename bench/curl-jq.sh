#!/usr/bin/env bash
# The seed tutorial's approach, automated: get a token, list each batch's failed files, download every file with
# curl, extract the errors with jq and append them to a file per batch. One curl + one jq per file, one batch after
# the other, the way a person scripts it. Used by bench/run.sh as the baseline; runnable on its own:
#
#   AEP_CLIENT_SECRET=demo-secret bench/curl-jq.sh <base-url> <token-url> <batch-ids-file> <out-dir>
#
# Env: AEP_CLIENT_ID (demo-client), AEP_CLIENT_SECRET (required), AEP_ORG_ID (DEMO0000000000000000000@AdobeOrg),
# AEP_SANDBOX (prod). Prints "CURLJQ batches=<n> files=<n> events=<n>" at the end.
set -euo pipefail

base=${1:?base url}; token_url=${2:?token url}; ids=${3:?batch ids file}; out=${4:?output dir}
client_id=${AEP_CLIENT_ID:-demo-client}
org=${AEP_ORG_ID:-DEMO0000000000000000000@AdobeOrg}
sandbox=${AEP_SANDBOX:-prod}
: "${AEP_CLIENT_SECRET:?set AEP_CLIENT_SECRET}"
mkdir -p "$out"

# Secrets stay off the command line (ps): the secret goes through stdin, the headers through a private file.
umask 077
headers=$(mktemp)
trap 'rm -f "$headers"' EXIT
# A new token before the current one expires (at 3/4 of its expires_in; bash's SECONDS costs nothing per batch).
renew_at=0
renew_token() {
  local answer expires
  answer=$(printf '%s' "$AEP_CLIENT_SECRET" | curl -sS -f -X POST "$token_url" \
    --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$client_id" \
    --data-urlencode client_secret@- --data-urlencode scope=openid,AdobeID,read_organizations)
  expires=$(jq -r '.expires_in // 86399' <<<"$answer")
  renew_at=$(( SECONDS + expires * 3 / 4 ))
  printf 'Authorization: Bearer %s\nx-api-key: %s\nx-gw-ims-org-id: %s\nx-sandbox-name: %s\n' \
    "$(jq -r .access_token <<<"$answer")" "$client_id" "$org" "$sandbox" > "$headers"
}

batches=0; files=0
while IFS= read -r id || [ -n "$id" ]; do
  [ -z "$id" ] && continue
  [ "$SECONDS" -ge "$renew_at" ] && renew_token
  batches=$((batches + 1))
  : > "$out/$id.jsonl"
  url="$base/data/foundation/export/batches/$id/failed"
  while [ -n "$url" ]; do
    page=$(curl -sS -f -H @"$headers" "$url")
    for name in $(jq -r '.data[] | select(.name != "_SUCCESS" and .length != "0") | .name' <<<"$page"); do
      files=$((files + 1))
      curl -sS -f -H @"$headers" "$base/data/foundation/export/batches/$id/failed?path=$name" \
        | jq -c --arg batchId "$id" --arg file "$name" \
            '(._errors._streamingValidation // ._validationErrors // [])[] | {batchId: $batchId, file: $file, code, message}' \
        >> "$out/$id.jsonl"
    done
    url=$(jq -r '._links.next.href // empty' <<<"$page")
  done
done < "$ids"
events=$(cat "$out"/*.jsonl 2>/dev/null | wc -l)
echo "CURLJQ batches=$batches files=$files events=$events"
