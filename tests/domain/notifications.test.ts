// Digest windows, due at 07:00 local time, contiguous across missed runs, never the same window twice; the choices an
// account may make; unsubscribe tokens that only the portal can make (issue 27 item 3, decision 062).
import { describe, expect, it } from 'vitest';
import { checkPreferences, dueDigestWindow, effectivePreferences, kindsForRole } from '../../core/domain/notifications.ts';
import { readUnsubscribeToken, unsubscribeToken } from '../../core/domain/unsubscribe-token.ts';

// 2026-12-07 is a Monday. 07:00 WITA (Gorontalo, UTC+8) is 23:00 UTC the day before.
const at = (iso: string) => new Date(iso);

describe('digest windows', () => {
  it('sends the weekly digest from 07:00 local time on Monday, covering Monday to Sunday of the week before', () => {
    expect(dueDigestWindow('weekly', null, 'Asia/Makassar', at('2026-12-06T22:59:59Z'))).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(dueDigestWindow('weekly', '2026-11-29', 'Asia/Makassar', at('2026-12-06T22:59:59Z'))).toBeNull();
    expect(dueDigestWindow('weekly', '2026-11-29', 'Asia/Makassar', at('2026-12-06T23:00:00Z'))).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    // The same instant is still before 07:00 in WIB (Palembang): not yet.
    expect(dueDigestWindow('weekly', '2026-11-29', 'Asia/Jakarta', at('2026-12-06T23:00:00Z'))).toBeNull();
  });

  it('never sends a window already sent, and catches up a missed one from the day after the last (at most 31 days)', () => {
    const monday = at('2026-12-07T03:00:00Z');
    expect(dueDigestWindow('weekly', '2026-12-06', 'Asia/Makassar', monday)).toBeNull();
    expect(dueDigestWindow('weekly', '2026-11-22', 'Asia/Makassar', monday)).toEqual({ from: '2026-11-23', to: '2026-12-06' });
    expect(dueDigestWindow('weekly', '2026-01-04', 'Asia/Makassar', monday)).toEqual({ from: '2026-11-06', to: '2026-12-06' });
    expect(dueDigestWindow('daily', '2026-12-05', 'Asia/Makassar', monday)).toEqual({ from: '2026-12-06', to: '2026-12-06' });
    expect(dueDigestWindow('daily', '2026-12-06', 'Asia/Makassar', monday)).toBeNull();
    expect(dueDigestWindow('off', null, 'Asia/Makassar', monday)).toBeNull();
  });
});

describe('choices', () => {
  it('gives staff the weekly digest and alerts by default, evaluators their own kinds, and refuses what a role may not choose', () => {
    expect(effectivePreferences('staff', []).find((p) => p.kind === 'unit-digest')?.frequency).toBe('weekly');
    expect(kindsForRole('evaluator')).not.toContain('unit-digest');
    expect(checkPreferences('staff', { 'unit-digest': 'immediately' })).toEqual({ ok: false, fields: { 'unit-digest': 'must be one of daily, weekly, off' } });
    expect(checkPreferences('evaluator', { 'unit-digest': 'weekly' })).toMatchObject({ ok: false });
    expect(checkPreferences('staff', { 'unit-digest': 'off', 'score-alert': 'daily' })).toEqual({ ok: true, changes: [{ kind: 'unit-digest', frequency: 'off' }, { kind: 'score-alert', frequency: 'daily' }] });
  });
});

describe('unsubscribe tokens', () => {
  it('names the account and kind only with the secret it was made with, and not after any change', () => {
    const user = '0190b6d2-7a3c-7def-8abc-0123456789ab';
    const token = unsubscribeToken('secret-a', user, 'unit-digest');
    expect(readUnsubscribeToken('secret-a', token)).toEqual({ userId: user, kind: 'unit-digest' });
    expect(readUnsubscribeToken('secret-b', token)).toBeNull();
    expect(readUnsubscribeToken('secret-a', token.replace('unit-digest', 'score-alert'))).toBeNull();
    expect(readUnsubscribeToken('secret-a', token.replace(user, '0190b6d2-7a3c-7def-8abc-0123456789ac'))).toBeNull();
    expect(readUnsubscribeToken('secret-a', 'u1.x.y.z')).toBeNull();
  });
});
