/**
 * Checks a webhook signature in the browser: paste the raw body, the Factuarea-Signature header and the
 * endpoint secret, and it says whether the delivery is valid and, if not, why. Server-rendered form; the
 * checking code (WebCrypto, lib/webhooks/signature) loads on the first check, and nothing leaves the page.
 */
import { SignatureCheckerForm } from './signature-checker-form';

const field = 'mt-1 w-full rounded-lg border bg-fd-background px-3 py-2 font-mono text-xs';

export function SignatureChecker() {
  return (
    <SignatureCheckerForm>
      <label>
        <span className="font-medium">Raw body</span>
        <textarea
          name="payload"
          rows={5}
          required
          className={field}
          placeholder='{"id":"019d4d42-8f88-72a1-b304-3f0173edccf5","type":"invoice.paid",…}'
        />
      </label>
      <label>
        <span className="font-medium">Factuarea-Signature header</span>
        <input name="header" className={field} placeholder="t=1775117703,v1=4fc8e98d…" autoComplete="off" />
      </label>
      <label>
        <span className="font-medium">Endpoint secret</span>
        <input name="secret" type="password" className={field} placeholder="whsec_…" autoComplete="off" />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded-lg bg-fd-primary px-3 py-2 font-medium text-fd-primary-foreground hover:opacity-90">
          Check the signature
        </button>
        <span className="text-xs text-fd-muted-foreground">Computed in your browser; nothing is sent anywhere.</span>
      </div>
      <div
        role="status"
        aria-live="polite"
        hidden
        className="rounded-lg border p-3 data-[valid=false]:border-red-500/50 data-[valid=false]:bg-red-500/10 data-[valid=true]:border-emerald-500/50 data-[valid=true]:bg-emerald-500/10"
      >
        <p data-title="" className="font-semibold" />
        <p data-explain="" className="mt-1" />
        <p data-detail="" className="mt-2 break-all font-mono text-xs text-fd-muted-foreground" />
      </div>
    </SignatureCheckerForm>
  );
}
