/** NIF, NIE and CIF check digits, with valid and invalid vectors computed by hand from the published rules. */
import { describe, expect, it } from 'vitest';
import { checkTaxId, normalizeTaxId } from '@/lib/beta/tax-id';

describe('NIF (DNI)', () => {
  it.each(['29384756W', '52817364A', '12345678Z', '00000000T'])('accepts %s', (v) => {
    expect(checkTaxId(v)).toEqual({ valid: true, kind: 'nif', value: v });
  });
  it.each(['29384756X', '52817364B', '12345678A', '00000000R'])('refuses %s: wrong check letter', (v) => {
    expect(checkTaxId(v)).toEqual({ valid: false, problem: 'nif_check_letter' });
  });
});

describe('NIE', () => {
  it.each(['Y4728391L', 'X1234567L', 'Z7654321H', 'Y0000000Z'])('accepts %s', (v) => {
    expect(checkTaxId(v)).toEqual({ valid: true, kind: 'nie', value: v });
  });
  it.each(['Y4728391K', 'X1234567T', 'Z7654321A'])('refuses %s: wrong check letter', (v) => {
    expect(checkTaxId(v)).toEqual({ valid: false, problem: 'nie_check_letter' });
  });
});

describe('CIF', () => {
  it.each(
    [
      'B64812738', // our dataset
      'B11759024',
      'A28391464',
      'P4619300I',
      'Q2826000H', // P Q R S N W: a letter
      'S2833002E',
      'N0123456F',
      'W8265432H',
      'H7162534', // A B E H: a digit
      'E34567891',
      'G46218715', // the others: either
      'G4621871E',
      'J12345674',
      'J1234567D',
      'U98765431',
      'V4610528D',
    ].map((v) => (v.length === 8 ? `${v}7` : v)),
  )('accepts %s', (v) => {
    expect(checkTaxId(v)).toEqual({ valid: true, kind: 'cif', value: v });
  });
  it.each([
    ['B64812739', 'cif_check'],
    ['A28391465', 'cif_check'],
    ['G4621871F', 'cif_check'],
    ['P4619300J', 'cif_check'],
    ['B6481273H', 'cif_check_digit_expected'],
    ['A2839146D', 'cif_check_digit_expected'],
    ['P46193009', 'cif_check_letter_expected'],
    ['Q28260008', 'cif_check_letter_expected'],
  ])('refuses %s: %s', (v, problem) => {
    expect(checkTaxId(v)).toEqual({ valid: false, problem });
  });
});

describe('normalisation and format', () => {
  it('ignores case, spaces, dots, dashes and an ES VAT prefix', () => {
    expect(normalizeTaxId(' b-64.812.738 ')).toBe('B64812738');
    expect(normalizeTaxId('ESB64812738')).toBe('B64812738');
    expect(checkTaxId('es b64812738')).toEqual({ valid: true, kind: 'cif', value: 'B64812738' });
    expect(checkTaxId('y-4728391-l')).toEqual({ valid: true, kind: 'nie', value: 'Y4728391L' });
  });
  it.each(['', '1234', '2938475W', '293847566W', 'I4619300I', 'X12345678L', 'B648127381', 'ABCDEFGHI', '<script>'])(
    'refuses %j as not a Spanish tax ID',
    (v) => {
      expect(checkTaxId(v)).toEqual({ valid: false, problem: 'format' });
    },
  );
});
