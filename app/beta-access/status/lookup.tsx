/** The texts of the status pages and their reference form (a plain GET form: no JavaScript needed). */
import type { Lang } from '@/lib/beta/fields';
import { betaAccessEmail } from '@/lib/site';

export const statusText = {
  en: {
    title: 'Your beta request',
    reference: 'Reference',
    company: 'Company',
    status: 'Status',
    received: 'Received',
    decided: 'Decided',
    explain: {
      pending: 'We answer within five business days of receiving the request.',
      approved: 'Your company can now create API keys in the web app under Developers → API keys.',
      declined: `We sent the reasons by e-mail. Write to ${betaAccessEmail} if your situation changes.`,
    },
    lookup: 'Check another reference',
    lookupLabel: 'Reference (BETA-…)',
    lookupButton: 'Check status',
    notFoundTitle: 'No request has this reference',
    notFound: 'Check the reference in your confirmation e-mail: it looks like BETA-7K2M9Q4X1Z.',
  },
  es: {
    title: 'Tu solicitud de acceso',
    reference: 'Referencia',
    company: 'Empresa',
    status: 'Estado',
    received: 'Recibida',
    decided: 'Resuelta',
    explain: {
      pending: 'Respondemos en un plazo de cinco días hábiles desde que recibimos la solicitud.',
      approved: 'Tu empresa ya puede crear claves de API en la aplicación web, en Desarrolladores → Claves de API.',
      declined: `Te hemos enviado los motivos por correo. Escríbenos a ${betaAccessEmail} si tu situación cambia.`,
    },
    lookup: 'Consultar otra referencia',
    lookupLabel: 'Referencia (BETA-…)',
    lookupButton: 'Consultar estado',
    notFoundTitle: 'Ninguna solicitud tiene esta referencia',
    notFound: 'Revisa la referencia del correo de confirmación: tiene este aspecto, BETA-7K2M9Q4X1Z.',
  },
};

export function ReferenceLookup({ lang, initial }: { lang: Lang; initial?: string }) {
  const t = statusText[lang];
  return (
    <form method="get" action="/beta-access/status" className="mt-10 flex flex-wrap items-end gap-3">
      {lang === 'es' ? <input type="hidden" name="lang" value="es" /> : null}
      <div>
        <label htmlFor="ref" className="block text-sm font-medium">
          {initial ? t.lookup : t.lookupLabel}
        </label>
        <input
          id="ref"
          name="ref"
          required
          defaultValue={initial}
          pattern="\s*[Bb][Ee][Tt][Aa]-[0-9A-Za-z]{10}\s*"
          spellCheck={false}
          autoComplete="off"
          className="mt-1 w-64 rounded-lg border bg-fd-background px-3 py-2 font-mono uppercase focus:outline-none focus:ring-2 focus:ring-fd-ring"
        />
      </div>
      <button
        type="submit"
        className="rounded-lg border px-4 py-2 font-medium hover:bg-fd-accent focus:outline-none focus:ring-2 focus:ring-fd-ring"
      >
        {t.lookupButton}
      </button>
    </form>
  );
}
