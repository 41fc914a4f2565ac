/**
 * Spanish tax IDs: normalises a NIF (DNI), NIE or CIF and verifies its check character, saying what is wrong
 * when it fails. Framework-free and small: the form runs it in the browser too.
 */

export type TaxIdKind = 'nif' | 'nie' | 'cif';
export type TaxIdProblem =
  'format' | 'nif_check_letter' | 'nie_check_letter' | 'cif_check_digit_expected' | 'cif_check_letter_expected' | 'cif_check';
export type TaxIdResult = { valid: true; kind: TaxIdKind; value: string } | { valid: false; problem: TaxIdProblem };

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const CIF_LETTERS = 'JABCDEFGHI';
/** Entity types whose control character must be a digit, and those where it must be a letter; the rest take either. */
const CIF_DIGIT_ONLY = 'ABEH';
const CIF_LETTER_ONLY = 'PQRSNW';

/** Upper case, without spaces, dots or dashes, and without the `ES` of an intra-EU VAT number. */
export function normalizeTaxId(raw: string): string {
  const compact = raw.toUpperCase().replace(/[\s.\-_/]/g, '');
  return compact.length === 11 && compact.startsWith('ES') ? compact.slice(2) : compact;
}

/** The check letter of a DNI number (8 digits) or of an NIE once X/Y/Z are read as 0/1/2. */
export function dniLetter(digits: string): string {
  return DNI_LETTERS[Number(digits) % 23];
}

/** The control value D of a CIF's 7 digits: the digit is D, the letter is "JABCDEFGHI"[D]. */
export function cifControl(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = Number(digits[i]);
    if (i % 2 === 1) sum += d;
    else {
      const twice = d * 2;
      sum += Math.floor(twice / 10) + (twice % 10);
    }
  }
  return (10 - (sum % 10)) % 10;
}

export function checkTaxId(raw: string): TaxIdResult {
  const value = normalizeTaxId(raw);
  let m = /^(\d{8})([A-Z])$/.exec(value);
  if (m) return m[2] === dniLetter(m[1]) ? { valid: true, kind: 'nif', value } : { valid: false, problem: 'nif_check_letter' };

  m = /^([XYZ])(\d{7})([A-Z])$/.exec(value);
  if (m) {
    const digits = String('XYZ'.indexOf(m[1])) + m[2];
    return m[3] === dniLetter(digits) ? { valid: true, kind: 'nie', value } : { valid: false, problem: 'nie_check_letter' };
  }

  m = /^([ABCDEFGHJNPQRSUVW])(\d{7})([0-9A-J])$/.exec(value);
  if (m) {
    const [, entity, digits, control] = m;
    const d = cifControl(digits);
    const isDigit = /\d/.test(control);
    if (CIF_DIGIT_ONLY.includes(entity) && !isDigit) return { valid: false, problem: 'cif_check_digit_expected' };
    if (CIF_LETTER_ONLY.includes(entity) && isDigit) return { valid: false, problem: 'cif_check_letter_expected' };
    const ok = isDigit ? Number(control) === d : control === CIF_LETTERS[d];
    return ok ? { valid: true, kind: 'cif', value } : { valid: false, problem: 'cif_check' };
  }
  return { valid: false, problem: 'format' };
}
