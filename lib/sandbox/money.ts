/**
 * Line and document amounts with decimal arithmetic (decimal.js, never binary floats): line subtotal =
 * quantity × unit price − discount; IVA, *recargo de equivalencia* and IRPF retention on the line subtotal,
 * each rounded half-up to the cent per line; document totals are the sums of the lines.
 */
import Decimal from 'decimal.js';

export interface LineAmountsInput {
  quantity: number | string;
  unitPrice: number | string;
  discountPercent?: number | string | null;
  vatRate?: number | string | null;
  surchargeRate?: number | string | null;
  retentionRate?: number | string | null;
}

export interface LineAmounts {
  subtotal: Decimal;
  vat: Decimal;
  surcharge: Decimal;
  retention: Decimal;
  /** subtotal + vat + surcharge − retention */
  total: Decimal;
}

const D = (v: number | string | null | undefined) => new Decimal(v ?? 0);
export const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
/** A JSON number for a field the document types as `number` (exact to the cent once rounded). */
export const num = (d: Decimal) => cents(d).toNumber();
/** A decimal string for a field the document types as `Money`. */
export const money = (d: Decimal) => cents(d).toFixed(2);

export function lineAmounts(i: LineAmountsInput): LineAmounts {
  const gross = D(i.quantity).times(D(i.unitPrice));
  const subtotal = cents(gross.minus(gross.times(D(i.discountPercent)).dividedBy(100)));
  const pct = (rate: number | string | null | undefined) => cents(subtotal.times(D(rate)).dividedBy(100));
  const vat = pct(i.vatRate);
  const surcharge = pct(i.surchargeRate);
  const retention = pct(i.retentionRate);
  return { subtotal, vat, surcharge, retention, total: subtotal.plus(vat).plus(surcharge).minus(retention) };
}

export function sumAmounts(lines: LineAmounts[]): LineAmounts {
  const zero = new Decimal(0);
  return lines.reduce(
    (a, l) => ({
      subtotal: a.subtotal.plus(l.subtotal),
      vat: a.vat.plus(l.vat),
      surcharge: a.surcharge.plus(l.surcharge),
      retention: a.retention.plus(l.retention),
      total: a.total.plus(l.total),
    }),
    { subtotal: zero, vat: zero, surcharge: zero, retention: zero, total: zero },
  );
}

/**
 * The *recargo de equivalencia* that goes with an IVA rate (Spanish law: 5.2 % with 21 %, 1.4 % with 10 %,
 * 0.5 % with 4 %); 0 for any other rate.
 */
export function surchargeForVat(vatRate: number | string | null | undefined): number {
  const r = D(vatRate);
  if (r.equals(21)) return 5.2;
  if (r.equals(10)) return 1.4;
  if (r.equals(4)) return 0.5;
  return 0;
}

export { Decimal };
