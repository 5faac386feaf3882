// The one mapping from API errors to the words the staff and administrator screens show (decision 032): every field
// message the admin schemas give has words in both languages, and nothing of the API's English or its keys leaks.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { officialSchema, serviceSchema, unitSchema, userSchema } from '../../core/domain/admin-input.ts';
import { parseWith } from '../../server/validate.ts';
import { ApiError } from '../../server/errors.ts';
import { explain, fieldMessage } from '../../site/lib/form-errors.ts';

function apiFields(schema: v.GenericSchema, body: unknown): Record<string, string> {
  try {
    parseWith(schema, body);
  } catch (e) {
    return (e as ApiError).fields ?? {};
  }
  return {};
}

describe('API errors in words', () => {
  it('says each admin schema message in Indonesian and English, never with the generic fallback', () => {
    const cases = [
      apiFields(unitSchema, { slug: 'Bukan Slug!', name: '', kind: 'x', regionCode: 'abc', address: 'x'.repeat(401) }),
      apiFields(userSchema, { email: 'nope', name: 'A', role: 'boss', unitSlug: null, regionCode: null, password: 'short' }),
      apiFields(serviceSchema, { slug: 'a', name: 'A', isPermit: true, sla: null, declaredUsers: -1 }),
      apiFields(officialSchema, { nip: '12', name: 'A', position: 'B', unitSlug: 'a', from: '2026-02-30', to: null }),
    ];
    const messages = cases.flatMap((c) => Object.values(c));
    expect(messages.length).toBeGreaterThan(8);
    for (const m of messages) {
      expect(fieldMessage('id', 'Isian', m), m).not.toBe('Isian belum benar.');
      expect(fieldMessage('en', 'Field', m), m).not.toBe('Field is not right yet.');
    }
  });

  it('names fields by their labels, and says a missing route or an ended session in words', () => {
    const labels = { name: 'Nama unit', 'sla.value': 'Janji waktu' };
    const p = explain('id', { ok: false, status: 400, error: { code: 'validation_failed', message: 'x', fields: { name: 'is required', 'sla.value': 'must be a whole number from 1 to 100000' } } }, labels);
    expect(p.fields).toEqual({ name: 'Nama unit wajib diisi.', 'sla.value': 'Janji waktu berupa bilangan bulat 1 sampai 100000.' });
    expect(explain('id', { ok: false, status: 404, error: { code: 'not_found', message: 'No API route PUT /api/admin/units/.' } }, labels).general).not.toMatch(/API|route|PUT/);
    const out = explain('en', { ok: false, status: 401, error: { code: 'not_signed_in', message: 'Sign in first.' } }, labels);
    expect(out).toEqual({ fields: {}, general: 'Your session has ended, so this was not saved.', signedOut: true });
    // A field the form does not show is said without its key.
    expect(explain('id', { ok: false, status: 400, error: { code: 'validation_failed', message: 'x', fields: { '(body)': 'must be a JSON object' } } }, labels))
      .toEqual({ fields: {}, general: 'Isian belum tersimpan. Periksa lalu coba lagi.', signedOut: false });
  });
});
