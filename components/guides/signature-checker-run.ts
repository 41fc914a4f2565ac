/**
 * Verifies what the reader pasted in the signature checker and writes the verdict into its status box.
 * Loaded on the first check. It only sets text and attributes of server-rendered elements.
 */
import { DEFAULT_TOLERANCE_SECONDS, verifySignature, type VerifyResult } from '@/lib/webhooks/signature';

const EXPLAIN: Record<VerifyResult['reason'], string> = {
  valid: 'The signature matches and the timestamp is within five minutes of your clock. Accept the delivery.',
  missing_header: 'Paste the value of the Factuarea-Signature header.',
  missing_secret: 'Paste the signing secret of the endpoint (whsec_…).',
  malformed_header: 'The header needs a t=<Unix seconds> value and at least one v1=<hex> value, separated by commas.',
  timestamp_outside_tolerance:
    'The signature matches, but t is more than five minutes away from now: a live receiver rejects it as a possible replay. That is expected when you check an old delivery from the log.',
  no_matching_signature:
    'No v1 value matches. Check that the body is byte for byte what was received (not parsed and serialised again), that the secret belongs to this endpoint, and that it is the whole whsec_ string.',
};

export async function run(form: HTMLFormElement) {
  const data = new FormData(form);
  const result = await verifySignature(
    String(data.get('payload') ?? ''),
    String(data.get('header') ?? ''),
    String(data.get('secret') ?? ''),
    {
      toleranceSeconds: DEFAULT_TOLERANCE_SECONDS,
    },
  );
  const box = form.querySelector<HTMLElement>('[role="status"]');
  if (!box) return;
  box.dataset.verdict = result.reason;
  box.dataset.valid = String(result.valid);
  box.querySelector('[data-title]')!.textContent = result.valid ? 'Valid signature' : `Not valid: ${result.reason.replace(/_/g, ' ')}`;
  box.querySelector('[data-explain]')!.textContent = EXPLAIN[result.reason];
  const detail = result.expected
    ? `expected v1=${result.expected}${result.age !== undefined ? ` · t is ${Math.abs(result.age)} s ${result.age >= 0 ? 'ago' : 'ahead'} · ${result.signatures} v1 value${result.signatures === 1 ? '' : 's'} in the header` : ''}`
    : '';
  box.querySelector('[data-detail]')!.textContent = detail;
  box.hidden = false;
}
