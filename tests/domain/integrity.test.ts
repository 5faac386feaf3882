// The integrity rules as pure functions (docs/decisions/013, 022).
import { describe, expect, it } from 'vitest';
import { checkTicket, issueTicket, TICKET_MIN_AGE_MS } from '../../core/domain/form-ticket.ts';
import { integrityVerdict, kioskVerdict, type Candidate, type IntegrityContext } from '../../core/domain/integrity.ts';

const at = new Date('2026-11-02T02:00:00.000Z');
const base: Candidate = { signature: '333333333', channel: 'web', localHour: 10, honeypotFilled: false, comment: null, at, ticket: 'valid' };
const quiet: IntegrityContext = { fromAddress: [], ticketedCountedFromAddress: 0, fromBrowser: 0, ticketUsed: false, commentSeenRecently: false };
const rec = (signature: string, ticketed: boolean, excluded = false) => ({ signature, createdAt: at.toISOString(), ticketed, excluded });

describe('form tickets', () => {
  const secret = 'rahasia-uji';
  it('accepts its own ticket for the unit and purpose it was issued for, after a person could have filled the form', () => {
    const ticket = issueTicket(secret, 'rating', 'u-1', at);
    expect(checkTicket(secret, ticket, 'rating', 'u-1', new Date(at.getTime() + TICKET_MIN_AGE_MS)).state).toBe('valid');
    expect(checkTicket(secret, ticket, 'rating', 'u-1', new Date(at.getTime() + 1000)).state).toBe('too_fast');
    expect(checkTicket(secret, ticket, 'rating', 'u-2', new Date(at.getTime() + 60_000)).state).toBe('forged');
    expect(checkTicket(secret, ticket, 'permit', 'u-1', new Date(at.getTime() + 60_000)).state).toBe('forged');
    expect(checkTicket('lain', ticket, 'rating', 'u-1', new Date(at.getTime() + 60_000)).state).toBe('forged');
    expect(checkTicket(secret, ticket, 'rating', 'u-1', new Date(at.getTime() + 25 * 3_600_000)).state).toBe('expired');
    expect(checkTicket(secret, `t1.${crypto.randomUUID()}`, 'rating', 'u-1', at).state).toBe('forged');
    expect(checkTicket(secret, undefined, 'rating', 'u-1', at).state).toBe('none');
  });

  // Issue 24, F11: each spelling of one ticket counted as a ticket of its own.
  it('takes only the spelling it wrote: no leading zero, stray character, other case or padding', () => {
    const ticket = issueTicket(secret, 'rating', 'u-1', at);
    const later = new Date(at.getTime() + 60_000);
    const [t1, kind, time, nonce, tag] = ticket.split('.') as [string, string, string, string, string];
    for (const spelling of [
      [t1, kind, `0${time}`, nonce, tag], [t1, kind, `${time}_`, nonce, tag], [t1, kind, `+${time}`, nonce, tag],
      [t1, kind, time.toUpperCase(), nonce, tag], [t1, kind, time, nonce, `${tag}=`], [t1, kind, time, nonce, `${tag}==`],
      [t1, kind, time, `${nonce}=`, tag], [t1, kind, ` ${time}`, nonce, tag],
    ]) {
      expect(checkTicket(secret, spelling.join('.'), 'rating', 'u-1', later).state).toBe('forged');
    }
    const check = checkTicket(secret, ticket, 'rating', 'u-1', later);
    expect(check).toMatchObject({ state: 'valid' });
  });
});

describe('web and QR submissions', () => {
  it('lets a busy counter on one address count when each form carried its own ticket', () => {
    const busy = { ...quiet, fromAddress: Array.from({ length: 20 }, (_, i) => rec(String(100000000 + i), true)), ticketedCountedFromAddress: 20 };
    expect(integrityVerdict(base, busy)).toBeNull();
  });

  it('judges a submission without a ticket by the address: one counts per window, none once the address is busy', () => {
    expect(integrityVerdict({ ...base, ticket: 'none' }, quiet)).toBeNull();
    expect(integrityVerdict({ ...base, ticket: 'none' }, { ...quiet, fromAddress: [rec('111111111', false)] })).toBe('burst_client');
    expect(integrityVerdict({ ...base, ticket: 'expired' }, { ...quiet, fromAddress: [1, 2, 3, 4].map((i) => rec(`22222222${i}`, true)) })).toBe('burst_client');
  });

  it('holds back forged and reused tickets and a browser rating the unit a third time; a too-fast ticket counts as none', () => {
    expect(integrityVerdict({ ...base, ticket: 'forged' }, quiet)).toBe('forged_ticket');
    expect(integrityVerdict({ ...base, ticket: 'too_fast' }, quiet)).toBeNull();
    expect(integrityVerdict({ ...base, ticket: 'too_fast' }, { ...quiet, fromAddress: [rec('111111111', false)] })).toBe('burst_client');
    expect(integrityVerdict(base, { ...quiet, ticketUsed: true })).toBe('reused_ticket');
    expect(integrityVerdict(base, { ...quiet, fromBrowser: 1 })).toBeNull();
    expect(integrityVerdict(base, { ...quiet, fromBrowser: 2 })).toBe('burst_browser');
    expect(integrityVerdict(base, { ...quiet, ticketedCountedFromAddress: 30 })).toBe('burst_client');
    expect(integrityVerdict(base, { ...quiet, fromAddress: [rec('333333333', true), rec('333333333', true)] })).toBe('identical_pattern');
  });
});

describe('kiosks', () => {
  const device = { recent: [], lastCapturedAt: '2026-11-02T01:59:00.000Z', approvedAt: '2026-11-01T00:00:00.000Z', inClosedPeriod: false };
  it('needs increasing capture times after the approval, a person\'s pace, and an open quarter', () => {
    expect(kioskVerdict(base, device, false)).toBeNull();
    expect(kioskVerdict({ ...base, at: new Date('2026-11-02T01:58:00.000Z') }, device, false)).toBe('device_clock');
    expect(kioskVerdict({ ...base, at: new Date('2026-10-31T00:00:00.000Z') }, { ...device, lastCapturedAt: null }, false)).toBe('device_clock');
    expect(kioskVerdict({ ...base, at: new Date('2026-11-02T01:59:10.000Z') }, device, false)).toBe('burst_device');
    expect(kioskVerdict(base, { ...device, inClosedPeriod: true }, false)).toBe('closed_period');
    expect(kioskVerdict({ ...base, localHour: 22 }, device, false)).toBe('outside_hours');
  });
});
