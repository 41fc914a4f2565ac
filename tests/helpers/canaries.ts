/**
 * Values `npm test` puts in FACTUAREA_SANDBOX_KEY and PROXY_SECRET while it builds (scripts/test-all.sh uses the
 * same literals), so that the e2e suite can prove that no server-held secret ends up in the built output.
 */
export const BUILD_CANARY_KEY = 'fact_test_BuildCanaryKey0000000000000';
export const BUILD_CANARY_SECRET = 'build-canary-proxy-secret-0123456789abcdef';
