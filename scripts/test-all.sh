#!/usr/bin/env bash
# `npm test`: every check and test, in the order a failure is cheapest to find.
# Installs Debian's chromium when it is missing (browser tests drive /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
mkdir -p test-results

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "== installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium > /dev/null
fi

# php and jq run the guides' PHP and cURL snippets (webhook verification against the test vectors, API calls).
if ! command -v php > /dev/null || ! command -v jq > /dev/null; then
  echo "== installing Debian's php-cli and jq for the guides' snippets"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq php-cli jq > /dev/null
fi

step() { echo; echo "== $*"; }

step "OpenAPI: bundle and check"
npm run --silent openapi:bundle
npm run --silent openapi:check
npm run --silent openapi:originality
npx @redocly/cli lint openapi/dist/openapi.json --format=summary 2>&1 | grep -v -e '^\s*$' -e '║' -e '╔' -e '╚'
npx spectral lint openapi/dist/openapi.json --fail-severity=error

step "Static checks: format, lint, types"
npx prettier --check . > /dev/null || { npx prettier --check .; exit 1; }
npx eslint .
npx tsc --noEmit

step "Unit and contract tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json

step "Production build"
# Canary secrets (tests/helpers/canaries.ts): the e2e suite checks that none of them reaches the built output.
FACTUAREA_SANDBOX_KEY=fact_test_BuildCanaryKey0000000000000 PROXY_SECRET=build-canary-proxy-secret-0123456789abcdef \
  npx next build > test-results/build.log 2>&1 || { tail -60 test-results/build.log; exit 1; }
node scripts/compile-hints.mjs
tail -5 test-results/build.log

step "Browser and HTTP tests against next start"
npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=test-results/e2e.json

node scripts/test-summary.mjs test-results/unit.json test-results/e2e.json
