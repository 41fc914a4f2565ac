/** The two e-mails a new request causes: one to the team with every field, one to the requester with the reference. */
import type { OutboxMessage } from '../mail/outbox';
import { siteUrl } from '../site';
import { copies } from './copy';
import type { BetaRequest } from './store';

const SITE = siteUrl.replace(/\/$/, '');

export function statusUrl(reference: string): string {
  return `${SITE}/beta-access/status?ref=${reference}`;
}

export function newRequestMessages(r: BetaRequest): OutboxMessage[] {
  const en = copies.en;
  const team: OutboxMessage = {
    topic: 'beta_request.team',
    subject: `Beta request ${r.reference}: ${r.legal_name}`,
    body: [
      `A new beta-access request is waiting for review.`,
      ``,
      `Reference: ${r.reference}`,
      `Company: ${r.legal_name} (${r.tax_id_kind.toUpperCase()} ${r.tax_id})`,
      `Contact: ${r.contact_name}, ${r.role} <${r.email}>`,
      `Use case: ${en.useCases[r.use_case]}`,
      `Monthly invoices: ${en.volumes[r.monthly_volume]}`,
      `Integration: ${en.integrations[r.integration]}`,
      ``,
      r.use_case_details,
      ``,
      `Review it at ${SITE}/admin/beta-requests`,
    ].join('\n'),
  };
  const c = copies[r.lang];
  const requester: OutboxMessage =
    r.lang === 'es'
      ? {
          topic: 'beta_request.confirmation',
          to: r.email,
          subject: `Hemos recibido tu solicitud de acceso a la API de Factuarea (${r.reference})`,
          body: [
            `Hola, ${r.contact_name}:`,
            ``,
            `Hemos recibido la solicitud de ${r.legal_name} para la beta privada de la API de Factuarea.`,
            c.result.createdBody,
            ``,
            `${c.result.reference}: ${r.reference}`,
            `${c.result.statusLink}: ${statusUrl(r.reference)}`,
          ].join('\n'),
        }
      : {
          topic: 'beta_request.confirmation',
          to: r.email,
          subject: `We received your Factuarea API beta request (${r.reference})`,
          body: [
            `Hello ${r.contact_name},`,
            ``,
            `We received ${r.legal_name}'s request to join the private beta of the Factuarea API.`,
            c.result.createdBody,
            ``,
            `${c.result.reference}: ${r.reference}`,
            `${c.result.statusLink}: ${statusUrl(r.reference)}`,
          ].join('\n'),
        };
  return [team, requester];
}
