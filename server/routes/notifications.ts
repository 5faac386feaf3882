// Alerts and digests chosen per account (issue 27 item 3, docs/decisions/062-notifications.md):
// - /account/notifications: the signed-in account's choices, read and changed as JSON (GET, PUT) or by the plain
//   HTML form on /akun (POST, answered with 303 back to the page);
// - /notifications/unsubscribe?token=…: RFC 8058 one-click unsubscribe (POST, no session needed; the token is
//   signed); a GET changes nothing and sends the reader to the confirmation page with its button;
// - /admin/notifications/run: an administrator sends a digest now (mounted after the admin guard).
import { Hono, type Context } from 'hono';
import { checkPreferences, preferencesSchema, runSchema } from '../../core/domain/notifications.ts';
import { href } from '../../core/i18n/i18n.ts';
import type { Lang } from '../../core/i18n/lang.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { setPreferences, turnOff } from '../../db/queries/notifications.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { sendUnitDigests } from '../jobs/notifications.ts';
import { readJsonBody, readTextBody } from '../middleware/json-body.ts';
import { requireUser } from '../middleware/session.ts';
import { preferencesOf, unsubscribeView } from '../views/notification-preferences.ts';
import { parseWith } from '../validate.ts';
import { requireUnit } from './units.ts';
import { isFormPost } from './html-forms.ts';

const FORM_LIMIT_BYTES = 4 * 1024;
const formLangOf = (form: URLSearchParams): Lang => (form.get('lang') === 'en' ? 'en' : 'id');

export function notificationRoutes(deps: AppDeps) {
  const { db, now } = deps;

  const account = new Hono<AppEnv>()
    .get('/notifications', async (c) => {
      const user = requireUser(c);
      return c.json({ preferences: await preferencesOf(db, user) }, 200);
    })
    .put('/notifications', async (c) => {
      const user = requireUser(c);
      const body = parseWith(preferencesSchema, await readJsonBody(c));
      const checked = checkPreferences(user.role, body.preferences);
      if (!checked.ok) throw validationFailed(checked.fields);
      await store(user.id, checked.changes, 'api');
      return c.json({ preferences: await preferencesOf(db, user) }, 200);
    })
    .post('/notifications', async (c) => {
      // The plain HTML form on /akun (site/components/NotificationPreferences.astro): one select per kind.
      const user = requireUser(c);
      if (!isFormPost(c)) throw new ApiError(415, 'unsupported_media_type', 'Send the form as application/x-www-form-urlencoded, or PUT JSON.');
      const form = new URLSearchParams(await readTextBody(c, ['application/x-www-form-urlencoded'], FORM_LIMIT_BYTES));
      const lang = formLangOf(form);
      const choices = Object.fromEntries([...form.entries()].filter(([key]) => key !== 'lang'));
      const checked = checkPreferences(user.role, choices);
      if (!checked.ok) throw validationFailed(checked.fields);
      await store(user.id, checked.changes, 'form');
      return c.redirect(`${href(lang, '/akun')}?pemberitahuan=tersimpan#notifikasi`, 303);
    });

  async function store(userId: string, changes: Parameters<typeof setPreferences>[2], via: string) {
    const at = now();
    await db.transaction().execute(async (trx) => {
      await setPreferences(trx, userId, changes, at);
      await writeAudit(trx, { userId, action: 'notifications.preferences', details: { via, changes: Object.fromEntries(changes.map((ch) => [ch.kind, ch.frequency])) } }, at);
    });
  }

  const tokenOf = (c: Context): string => {
    const token = c.req.query('token') ?? '';
    if (!token) throw validationFailed({ token: 'is required' });
    return token;
  };

  const unsubscribe = new Hono<AppEnv>()
    .get('/unsubscribe', (c) => {
      // No state change on GET (a link scanner must not unsubscribe anyone): the page asks first.
      const token = tokenOf(c);
      return c.redirect(`/berhenti-langganan?${new URLSearchParams({ token })}`, 303);
    })
    .post('/unsubscribe', async (c) => {
      const token = tokenOf(c);
      const found = await unsubscribeView(deps, token);
      if (!found) throw notFound('Unsubscribe link', 'unsubscribe_link_invalid');
      // RFC 8058: the mail client posts "List-Unsubscribe=One-Click"; the confirmation page's button posts "confirm".
      const text = await readTextBody(c, ['application/x-www-form-urlencoded', 'multipart/form-data'], FORM_LIMIT_BYTES);
      const form = isFormPost(c) ? new URLSearchParams(text) : new URLSearchParams();
      const at = now();
      const changed = await db.transaction().execute(async (trx) => {
        const changed = await turnOff(trx, found.userId, found.kind, at);
        if (changed) await writeAudit(trx, { userId: found.userId, action: 'notifications.unsubscribe', details: { kind: found.kind, via: form.has('confirm') ? 'page' : 'one-click' } }, at);
        return changed;
      });
      if (form.has('confirm')) {
        return c.redirect(`${href(formLangOf(form), '/berhenti-langganan')}?${new URLSearchParams({ token, selesai: '1' })}`, 303);
      }
      return c.json({ unsubscribed: true, kind: found.kind, changed }, 200);
    });

  const admin = new Hono<AppEnv>()
    .post('/notifications/run', async (c) => {
      // The admin guard (server/routes/admin.ts) runs before this module's routes.
      const user = requireUser(c);
      const { kind, unit } = parseWith(runSchema, await readJsonBody(c));
      if (unit !== undefined) await requireUnit(db, unit);
      const result = await sendUnitDigests(deps, { mode: 'now', kind, ...(unit !== undefined ? { unit } : {}) });
      await writeAudit(db, { userId: user.id, action: 'notifications.run', details: { kind, unit: unit ?? null, ...result } }, now());
      return c.json({ kind, unit: unit ?? null, ...result }, 200);
    });

  return { account, unsubscribe, admin };
}
