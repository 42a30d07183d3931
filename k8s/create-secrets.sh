#!/usr/bin/env bash
# Creates the Secrets the manifests reference, with fresh random values, in namespace instaclone
# (or $1), for either shape (overlays/local, overlays/prod, overlays/monolith). Nothing secret is ever
# committed: run this once per cluster before `kubectl apply -k`.
# Existing Secrets are left alone (a database keeps the password it was initialised with).
#   k8s/create-secrets.sh [namespace]
# Needs kubectl and openssl.
set -euo pipefail
ns="${1:-instaclone}"
kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"
kubectl label namespace "$ns" --overwrite pod-security.kubernetes.io/enforce=restricted >/dev/null

create_secret() { # name, then kubectl create secret generic arguments
  local name="$1"; shift
  if kubectl -n "$ns" get secret "$name" >/dev/null 2>&1; then
    echo "secret/$name exists, kept"
  else
    kubectl -n "$ns" create secret generic "$name" "$@" >/dev/null && echo "secret/$name created"
  fi
}
password() { openssl rand -hex 24; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# One database password per service (used by the service and by its PostgreSQL StatefulSet)
create_secret follow-service-db --from-literal=password="$(password)"
create_secret upload-service-db --from-literal=password="$(password)"
create_secret ads-service-db --from-literal=password="$(password)"
create_secret integrations-service-db --from-literal=password="$(password)"
create_secret metrics-service-db --from-literal=password="$(password)"
# The monolith twin's one database (overlays/monolith; it shares the two keys below with the services)
create_secret monolith-db --from-literal=password="$(password)"
create_secret grafana-admin --from-literal=password="$(password)"
# integrations-service (and the monolith's integrations module) encrypts webhook signing secrets at rest
# with this AES-256 key (base64, 32 bytes)
create_secret integrations-service-secret-key --from-literal=key="$(openssl rand -base64 32)"

# follow-service's (and the monolith's follow module's) ES256 signing key as a JWK
# (<epoch-millis>.jwk.json; the newest file name signs).
# A P-256 private key in SEC1 DER is 121 bytes: d at offset 7, the public point (x, y) at 57 and 89.
if ! kubectl -n "$ns" get secret follow-service-signing-key >/dev/null 2>&1; then
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  openssl ecparam -name prime256v1 -genkey -noout | openssl ec -outform DER 2>/dev/null > "$tmp/key.der"
  d="$(dd if="$tmp/key.der" bs=1 skip=7 count=32 2>/dev/null | b64url)"
  x="$(dd if="$tmp/key.der" bs=1 skip=57 count=32 2>/dev/null | b64url)"
  y="$(dd if="$tmp/key.der" bs=1 skip=89 count=32 2>/dev/null | b64url)"
  kid="$(printf '{"crv":"P-256","kty":"EC","x":"%s","y":"%s"}' "$x" "$y" | openssl dgst -sha256 -binary | b64url)"
  file="$(date +%s)000.jwk.json"
  printf '{"kty":"EC","use":"sig","alg":"ES256","crv":"P-256","kid":"%s","x":"%s","y":"%s","d":"%s"}' \
    "$kid" "$x" "$y" "$d" > "$tmp/$file"
  chmod 600 "$tmp/$file"
fi
create_secret follow-service-signing-key --from-file="${tmp:-/dev/null}/${file:-unused}"
