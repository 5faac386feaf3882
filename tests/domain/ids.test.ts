// Identifiers from the pooled CSPRNG (core/domain/ids.ts): the right shapes, and no random byte handed out twice.
import { describe, expect, it } from 'vitest';
import { newReceipt, secureRandom, uuidV4, uuidV7 } from '../../core/domain/ids.ts';

describe('identifiers from the pooled random source', () => {
  it('gives UUID v4 and v7 and receipts in their shapes, all distinct across several pool refills', () => {
    const v4 = Array.from({ length: 3000 }, () => uuidV4());
    const v7 = Array.from({ length: 3000 }, () => uuidV7(Date.UTC(2026, 11, 1)));
    const receipts = Array.from({ length: 3000 }, () => newReceipt());
    for (const id of v4) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const id of v7) expect(id).toMatch(/^01a22ee6-b000-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const r of receipts) expect(r).toMatch(/^RPR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(v4).size).toBe(3000);
    expect(new Set(v7).size).toBe(3000);
    expect(new Set(receipts).size).toBe(3000);
  });

  it('hands out copies: changing one draw changes no other', () => {
    const a = secureRandom(16);
    const b = secureRandom(16);
    const before = Buffer.from(b).toString('hex');
    a.fill(0);
    expect(Buffer.from(b).toString('hex')).toBe(before);
    expect(secureRandom(10_000)).toHaveLength(10_000);
  });
});
