// Issue 24 F10: what proves publication (core/domain/publication-proof.ts).
import { describe, expect, it } from 'vitest';
import { framedByListedOrigin, loadedByListedPage, screenRan, SCREEN_DAYS, SCREEN_HOURS_A_DAY } from '../../core/domain/publication-proof.ts';

const LISTED = ['https://pemda.go.id'];

describe('publication proof', () => {
  it('counts the widget only when framed by a listed origin', () => {
    expect(framedByListedOrigin({ dest: 'iframe', site: 'cross-site', referer: 'https://pemda.go.id/ikm' }, LISTED)).toBe(true);
    expect(framedByListedOrigin({ dest: 'document', site: 'none', referer: undefined }, LISTED)).toBe(false);
    expect(framedByListedOrigin({ dest: 'iframe', site: 'cross-site', referer: 'https://lain.example/' }, LISTED)).toBe(false);
    expect(framedByListedOrigin({ dest: 'iframe', site: 'same-origin', referer: 'https://pemda.go.id/' }, LISTED)).toBe(false);
    expect(framedByListedOrigin({ dest: 'iframe', site: 'cross-site', referer: undefined }, LISTED)).toBe(false);
  });

  it('counts the badge only on a listed origin’s page', () => {
    expect(loadedByListedPage({ dest: 'image', site: 'cross-site', referer: 'https://pemda.go.id/' }, LISTED)).toBe(true);
    expect(loadedByListedPage({ dest: undefined, site: undefined, referer: undefined }, LISTED)).toBe(false);
    expect(loadedByListedPage({ dest: 'document', site: 'cross-site', referer: 'https://pemda.go.id/' }, LISTED)).toBe(false);
  });

  it('counts the screen once it ran for hours on several days, never from one visit', () => {
    const days = (hours: number[]) => new Map(hours.map((h, i) => [`2026-12-0${i + 1}`, h]));
    expect(screenRan(days([1]))).toBe(false);
    expect(screenRan(days(Array(SCREEN_DAYS).fill(SCREEN_HOURS_A_DAY - 1)))).toBe(false);
    expect(screenRan(days(Array(SCREEN_DAYS - 1).fill(24)))).toBe(false);
    expect(screenRan(days(Array(SCREEN_DAYS).fill(SCREEN_HOURS_A_DAY)))).toBe(true);
  });
});
