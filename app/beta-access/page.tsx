/** /beta-access: the request form (a client island), what happens next, and the privacy notice. */
import type { Metadata } from 'next';
import { SiteHeader } from '@/components/lean/site-header';
import { SiteFooter } from '@/components/lean/site-footer';
import { BetaForm } from '@/components/beta/beta-form';
import { copies, pickLang } from '@/lib/beta/copy';
import { betaAccessEmail } from '@/lib/site';
import { submitBetaForm } from './actions';

export const metadata: Metadata = {
  title: 'Request beta access',
  description:
    'The Factuarea API is in private beta. Tell us about your company and what you will build; we answer within five business days.',
};

const text = {
  en: {
    title: 'Request beta access',
    intro:
      'The API is in private beta: companies get keys once they are on the allow-list. Tell us who you are and what you are building; we answer within five business days.',
    other: { href: '/beta-access?lang=es', label: 'Español', lang: 'es' },
    next: 'What happens next',
    steps: [
      'You get a reference at once, and an e-mail confirming it. Keep it to check the status of your request.',
      'We check the company and the use case, and answer within five business days.',
      'Once approved, your company creates API keys in the web app under Developers → API keys. Start with a fact_test_ key: it works on a sandbox copy of your company where nothing reaches clients, AEAT or FACe.',
    ],
    privacyTitle: 'Privacy notice',
    privacy: [
      'Factuarea stores what you send in this form to review your request, to contact you about it, and to set up your access. Only the team that runs the beta reads it.',
      'We keep it while your request is open and for as long as your company uses the beta; after that we delete it. You can ask to see, correct or delete it at any time at',
    ],
    statusLink: 'Already sent a request? Check its status',
  },
  es: {
    title: 'Solicita acceso a la beta',
    intro:
      'La API está en beta privada: las empresas reciben claves cuando están en la lista de acceso. Cuéntanos quién eres y qué vas a construir; respondemos en un plazo de cinco días hábiles.',
    other: { href: '/beta-access', label: 'English', lang: 'en' },
    next: 'Qué pasa después',
    steps: [
      'Recibes una referencia al momento y un correo que la confirma. Guárdala para consultar el estado de tu solicitud.',
      'Revisamos la empresa y el caso de uso, y respondemos en un plazo de cinco días hábiles.',
      'Una vez aprobada, tu empresa crea claves de API en la aplicación web, en Desarrolladores → Claves de API. Empieza con una clave fact_test_: funciona sobre una copia de pruebas de tu empresa y nada llega a clientes, a la AEAT ni a FACe.',
    ],
    privacyTitle: 'Aviso de privacidad',
    privacy: [
      'Factuarea guarda lo que envías en este formulario para revisar tu solicitud, contactarte sobre ella y preparar tu acceso. Solo lo lee el equipo que gestiona la beta.',
      'Lo conservamos mientras la solicitud está abierta y mientras tu empresa use la beta; después lo borramos. Puedes pedir verlo, corregirlo o borrarlo cuando quieras en',
    ],
    statusLink: '¿Ya enviaste una solicitud? Consulta su estado',
  },
};

export default async function BetaAccessPage({ searchParams }: { searchParams: Promise<{ lang?: string }> }) {
  const lang = pickLang((await searchParams).lang);
  const t = text[lang];
  return (
    <>
      <SiteHeader />
      <main id="main" lang={lang} className="mx-auto w-full max-w-3xl flex-1 px-4 py-14">
        <p className="text-end text-sm">
          <a href={t.other.href} hrefLang={t.other.lang} lang={t.other.lang} className="text-fd-primary underline">
            {t.other.label}
          </a>
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">{t.title}</h1>
        <p className="mt-3 text-lg text-fd-muted-foreground">{t.intro}</p>
        <div className="mt-10">
          <BetaForm copy={copies[lang]} action={submitBetaForm} />
        </div>
        <p className="mt-6 text-sm">
          <a href={`/beta-access/status${lang === 'es' ? '?lang=es' : ''}`} className="text-fd-primary underline">
            {t.statusLink}
          </a>
        </p>
        <h2 className="mt-12 text-xl font-semibold">{t.next}</h2>
        <ol className="mt-3 list-decimal space-y-1 ps-6">
          {t.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        <section
          id="privacy-notice"
          aria-labelledby="privacy-title"
          className="mt-10 rounded-xl border p-5 text-sm text-fd-muted-foreground"
        >
          <h2 id="privacy-title" className="text-base font-semibold text-fd-foreground">
            {t.privacyTitle}
          </h2>
          <p className="mt-2">{t.privacy[0]}</p>
          <p className="mt-2">
            {t.privacy[1]}{' '}
            <a className="text-fd-primary underline" href={`mailto:${betaAccessEmail}`}>
              {betaAccessEmail}
            </a>
            .
          </p>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
