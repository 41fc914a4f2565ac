/**
 * Which hooks build each stateful kind, and the edits and deletions each document's life cycle forbids:
 * only drafts change, numbered invoices are never deleted (void, annul or correct them), converted quotes
 * and proformas stay, paid purchase invoices stay.
 */
import type { JsonObject } from '../../openapi/bundle';
import { isObject } from '../../openapi/walk';
import { ApiError, badTransition } from '../errors';
import type { KindInfo } from '../kinds';
import { contactHooksFor, productHooks, seriesHooks, taxHooks, webhookHooks } from './catalog';
import type { Hooks } from './crud';
import { buildDocument } from './documents';

const what = (info: KindInfo) => info.objectType.replace(/_/g, ' ');

export function documentHooks(info: KindInfo): Hooks {
  return {
    build: (ctx, body, existing) => buildDocument(ctx, info, body, existing),
    beforeUpdate(_ctx, o) {
      if (info.kind === 'recurring_invoices') {
        if (o.status === 'cancelled') throw badTransition(what(info), String(o.status), 'change');
        return;
      }
      if (o.status === 'draft') return;
      if (info.kind === 'purchase_invoices')
        throw new ApiError('business_rule_violation', 'Only a draft purchase invoice can be edited.', null, {
          subcode: 'purchase_invoice_not_editable_in_current_state',
        });
      throw badTransition(what(info), String(o.status), 'change');
    },
    beforeDelete(_ctx, o) {
      const refuse = (why: string) => {
        throw new ApiError('resource_conflict', why);
      };
      if (info.kind === 'invoices' && o.status !== 'draft')
        refuse('An invoice with a number cannot be deleted: void, annul or correct it instead.');
      if ((info.kind === 'quotes' || info.kind === 'proformas') && o.status === 'converted')
        refuse(`A converted ${what(info)} cannot be deleted.`);
      if (info.kind === 'delivery_notes' && o.status !== 'draft')
        throw new ApiError(
          'invalid_status_transition',
          `Only a draft delivery note can be deleted; this one is ${String(o.status)}. Cancel it instead.`,
        );
      if (info.kind === 'purchase_invoices' && o.status === 'paid') refuse('A paid purchase invoice cannot be deleted.');
    },
    presentInList:
      info.kind === 'invoices'
        ? (o: JsonObject) => (isObject(o.payments) ? { ...o, payments: { ...o.payments, detail: [] } } : o)
        : undefined,
  };
}

export function hooksFor(info: KindInfo): Hooks | undefined {
  switch (info.kind) {
    case 'clients':
    case 'suppliers':
      return contactHooksFor(info);
    case 'products':
      return productHooks;
    case 'series':
      return seriesHooks;
    case 'taxes':
      return taxHooks(info);
    case 'webhook_endpoints':
      return webhookHooks(info);
    case 'invoices':
    case 'quotes':
    case 'proformas':
    case 'delivery_notes':
    case 'recurring_invoices':
    case 'purchase_invoices':
      return documentHooks(info);
    default:
      return undefined;
  }
}
