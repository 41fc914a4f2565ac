/** Every sentence of the beta-access form, result, status page and API errors, in English and Spanish. */
import type { BetaStatus, Field, Integration, Lang, MonthlyVolume, UseCase } from './fields';
import type { Reason } from './schema';

export interface BetaCopy {
  lang: Lang;
  fields: Record<Field, { label: string; hint?: string }>;
  useCases: Record<UseCase, string>;
  volumes: Record<MonthlyVolume, string>;
  integrations: Record<Integration, string>;
  statuses: Record<BetaStatus, string>;
  /** `{label}`, `{min}` and `{max}` are filled in. */
  errors: Record<Reason, string>;
  form: {
    required: string;
    choose: string;
    submit: string;
    submitting: string;
    summary: string;
    honeypot: string;
    rateLimited: string;
    failed: string;
  };
  result: {
    createdTitle: string;
    createdBody: string;
    existingTitle: string;
    existingBody: string;
    reference: string;
    statusLink: string;
  };
}

const en: BetaCopy = {
  lang: 'en',
  fields: {
    legal_name: { label: 'Legal name of the company', hint: 'As registered, e.g. “Talleres Martínez e Hijos, S.L.”' },
    tax_id: { label: 'Tax ID (NIF, CIF or NIE)', hint: 'E.g. B64812738. Spaces and dashes are fine.' },
    contact_name: { label: 'Your name' },
    email: { label: 'Work e-mail', hint: 'We send the confirmation and our answer here.' },
    role: { label: 'Your role', hint: 'E.g. CTO, developer, accountant.' },
    use_case: { label: 'What will you build?' },
    use_case_details: {
      label: 'Tell us about it',
      hint: 'What the integration does and which systems it connects. At least 20 characters.',
    },
    monthly_volume: { label: 'Invoices a month through the API (estimate)' },
    integration: { label: 'How will you integrate?' },
    consent: { label: 'I agree that Factuarea stores these details to handle my request, as the privacy notice below explains.' },
  },
  useCases: {
    erp_sync: 'Sync with an ERP',
    ecommerce: 'Online shop',
    accounting_firm: 'Accounting firm (gestoría)',
    saas_platform: 'SaaS platform for my customers',
    internal_tool: 'Internal tool',
    other: 'Something else',
  },
  volumes: { '<100': 'Fewer than 100', '100-1000': '100 to 1,000', '1000-10000': '1,000 to 10,000', '>10000': 'More than 10,000' },
  integrations: { typescript_sdk: 'TypeScript SDK', php_sdk: 'PHP SDK', http: 'Plain HTTP', mcp: 'MCP (AI agents)', cli: 'CLI' },
  statuses: { pending: 'Pending review', approved: 'Approved', declined: 'Declined' },
  errors: {
    required: 'Fill in “{label}”.',
    choose: 'Choose an answer to “{label}”.',
    wrong_type: '“{label}” must be text.',
    too_short: '“{label}” needs at least {min} characters.',
    too_long: '“{label}” can have at most {max} characters.',
    invalid_email: 'Enter an e-mail address like name@company.es.',
    invalid_choice: 'Choose one of the options of “{label}”.',
    characters: "“{label}” can only contain letters, digits, spaces and . , ' & ( ) - / + :",
    code: 'Remove the markup or code from “{label}”: plain words are enough.',
    consent: 'Accept the privacy notice so we can store your request.',
    honeypot: 'Leave this field empty: it is there to catch automated submissions.',
    unknown: 'This field is not part of a beta-access request.',
    format:
      'Enter a Spanish tax ID: a NIF (8 digits and a letter), an NIE (X, Y or Z, 7 digits and a letter) or a CIF (a letter, 7 digits and a check character).',
    nif_check_letter: 'The letter of this NIF does not match its 8 digits: check it for a typo.',
    nie_check_letter: 'The letter at the end of this NIE does not match its digits: check it for a typo.',
    cif_check_digit_expected: 'A CIF that starts with A, B, E or H ends in a digit, not a letter.',
    cif_check_letter_expected: 'A CIF that starts with P, Q, R, S, N or W ends in a letter, not a digit.',
    cif_check: 'The last character of this CIF does not match the others: check it for a typo.',
  },
  form: {
    required: 'required',
    choose: 'Choose…',
    submit: 'Request beta access',
    submitting: 'Sending…',
    summary: 'Some answers need a change:',
    honeypot: 'Leave this field empty',
    rateLimited: 'Too many requests from your network. Try again in {seconds} seconds.',
    failed: 'We could not store your request just now. Nothing was saved; try again in a minute.',
  },
  result: {
    createdTitle: 'Request received',
    createdBody: 'We review every request within five business days and answer by e-mail. Keep your reference to check the status.',
    existingTitle: 'We already have a request for this tax ID',
    existingBody: 'Nothing new was stored: this is the reference of the request we already have.',
    reference: 'Reference',
    statusLink: 'See the status of your request',
  },
};

const es: BetaCopy = {
  lang: 'es',
  fields: {
    legal_name: { label: 'Razón social', hint: 'Tal como consta en el registro, p. ej. «Talleres Martínez e Hijos, S.L.»' },
    tax_id: { label: 'NIF, CIF o NIE', hint: 'P. ej. B64812738. Puedes escribir espacios y guiones.' },
    contact_name: { label: 'Tu nombre' },
    email: { label: 'Correo de trabajo', hint: 'Aquí te enviamos la confirmación y nuestra respuesta.' },
    role: { label: 'Tu cargo', hint: 'P. ej. CTO, desarrollador, contable.' },
    use_case: { label: '¿Qué vas a construir?' },
    use_case_details: { label: 'Cuéntanos más', hint: 'Qué hará la integración y qué sistemas conecta. Al menos 20 caracteres.' },
    monthly_volume: { label: 'Facturas al mes a través de la API (estimación)' },
    integration: { label: '¿Cómo vas a integrarte?' },
    consent: { label: 'Acepto que Factuarea guarde estos datos para tramitar mi solicitud, como explica el aviso de privacidad de abajo.' },
  },
  useCases: {
    erp_sync: 'Sincronizar con un ERP',
    ecommerce: 'Tienda online',
    accounting_firm: 'Gestoría o asesoría',
    saas_platform: 'Plataforma SaaS para mis clientes',
    internal_tool: 'Herramienta interna',
    other: 'Otra cosa',
  },
  volumes: { '<100': 'Menos de 100', '100-1000': 'De 100 a 1.000', '1000-10000': 'De 1.000 a 10.000', '>10000': 'Más de 10.000' },
  integrations: {
    typescript_sdk: 'SDK de TypeScript',
    php_sdk: 'SDK de PHP',
    http: 'HTTP directo',
    mcp: 'MCP (agentes de IA)',
    cli: 'CLI',
  },
  statuses: { pending: 'Pendiente de revisión', approved: 'Aprobada', declined: 'Rechazada' },
  errors: {
    required: 'Rellena el campo «{label}».',
    choose: 'Elige una respuesta en «{label}».',
    wrong_type: 'El campo «{label}» debe ser texto.',
    too_short: 'El campo «{label}» necesita al menos {min} caracteres.',
    too_long: 'El campo «{label}» admite como mucho {max} caracteres.',
    invalid_email: 'Escribe un correo como nombre@empresa.es.',
    invalid_choice: 'Elige una de las opciones de «{label}».',
    characters: "El campo «{label}» solo admite letras, números, espacios y . , ' & ( ) - / + :",
    code: 'Quita el código o las etiquetas de «{label}»: basta con texto normal.',
    consent: 'Acepta el aviso de privacidad para que podamos guardar tu solicitud.',
    honeypot: 'Deja este campo vacío: sirve para detectar envíos automáticos.',
    unknown: 'Este campo no forma parte de una solicitud de acceso.',
    format:
      'Escribe un identificador fiscal español: un NIF (8 cifras y una letra), un NIE (X, Y o Z, 7 cifras y una letra) o un CIF (una letra, 7 cifras y un carácter de control).',
    nif_check_letter: 'La letra de este NIF no corresponde a sus 8 cifras: revisa si hay una errata.',
    nie_check_letter: 'La letra final de este NIE no corresponde a sus cifras: revisa si hay una errata.',
    cif_check_digit_expected: 'Un CIF que empieza por A, B, E o H termina en una cifra, no en una letra.',
    cif_check_letter_expected: 'Un CIF que empieza por P, Q, R, S, N o W termina en una letra, no en una cifra.',
    cif_check: 'El último carácter de este CIF no corresponde a los demás: revisa si hay una errata.',
  },
  form: {
    required: 'obligatorio',
    choose: 'Elige…',
    submit: 'Solicitar acceso a la beta',
    submitting: 'Enviando…',
    summary: 'Hay respuestas que corregir:',
    honeypot: 'Deja este campo vacío',
    rateLimited: 'Demasiadas solicitudes desde tu red. Vuelve a intentarlo en {seconds} segundos.',
    failed: 'No hemos podido guardar tu solicitud ahora mismo. No se ha guardado nada; inténtalo de nuevo en un minuto.',
  },
  result: {
    createdTitle: 'Solicitud recibida',
    createdBody:
      'Revisamos cada solicitud en un plazo de cinco días hábiles y respondemos por correo. Guarda tu referencia para consultar el estado.',
    existingTitle: 'Ya tenemos una solicitud para este identificador fiscal',
    existingBody: 'No se ha guardado nada nuevo: esta es la referencia de la solicitud que ya tenemos.',
    reference: 'Referencia',
    statusLink: 'Ver el estado de tu solicitud',
  },
};

export const copies: Record<Lang, BetaCopy> = { en, es };

export function pickLang(value: unknown): Lang {
  return value === 'es' ? 'es' : 'en';
}

/** The language of an Accept-Language header: Spanish when it is preferred, English otherwise. */
export function langFromHeader(acceptLanguage: string | null): Lang {
  return /^\s*es\b/i.test(acceptLanguage ?? '') ? 'es' : 'en';
}
