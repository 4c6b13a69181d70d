import { describe, expect, it } from 'vitest';
import { debutJourParis, formatDate, formatDateHeureParis, formatMontant, montantCsv, parseMontant } from '../src/index.js';

const espaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('amounts', () => {
  it('formats euros the French way', () => {
    expect(espaces(formatMontant(292000))).toBe('2 920,00 €');
    expect(espaces(formatMontant(120000))).toBe('1 200,00 €');
    expect(espaces(formatMontant(5))).toBe('0,05 €');
  });

  it('formats CSV amounts', () => {
    expect(montantCsv(292000)).toBe('2920.00');
    expect(montantCsv(5)).toBe('0.05');
    expect(montantCsv(0)).toBe('0.00');
    expect(montantCsv(-150)).toBe('-1.50');
  });

  it('parses exactly, without float arithmetic', () => {
    expect(parseMontant('2920.00')).toBe(292000);
    expect(parseMontant('2920')).toBe(292000);
    expect(parseMontant('2920.5')).toBe(292050);
    expect(parseMontant('2920,05')).toBe(292005);
    expect(parseMontant(2920.1)).toBe(292010);
    expect(parseMontant('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996 in floats
    expect(parseMontant(1.15)).toBe(115); // 1.15 * 100 = 114.99999999999999
    expect(parseMontant(0)).toBe(0);
  });

  it.each(['-1', '1.234', 'abc', '', '1e3', '1 000', ' . '])('refuses %j', (v) => expect(parseMontant(v)).toBeNull());
  it('refuses odd numbers', () => {
    expect(parseMontant(-5)).toBeNull();
    expect(parseMontant(Number.NaN)).toBeNull();
    expect(parseMontant(0.1 + 0.2)).toBeNull();
  });
});

describe('dates', () => {
  it('formats dd/mm/yyyy from UTC parts', () => {
    expect(formatDate('2022-09-20')).toBe('20/09/2022');
    expect(formatDate(new Date('2022-12-08T00:00:00Z'))).toBe('08/12/2022');
    expect(formatDate('2023-04-07T00:00:00.000Z')).toBe('07/04/2023');
    expect(formatDate('pas une date')).toBe('');
  });
});

describe('Paris time', () => {
  it('starts a day at midnight in Paris, winter and summer, across the DST changes', () => {
    expect(debutJourParis('2026-11-30').toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(debutJourParis('2026-07-14').toISOString()).toBe('2026-07-13T22:00:00.000Z');
    // The day after 28/03/2026 (winter) is 29/03, when summer time begins at 02:00.
    expect(debutJourParis('2026-03-28', 1).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(debutJourParis('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(debutJourParis('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(debutJourParis('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(debutJourParis('2026-12-31', 1).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('writes an instant as read in Paris', () => {
    expect(formatDateHeureParis(new Date('2026-11-30T18:05:09Z'))).toBe('30/11/2026 19:05');
    expect(formatDateHeureParis(new Date('2026-07-13T22:30:00Z'))).toBe('14/07/2026 00:30');
  });
});
