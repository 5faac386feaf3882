// Administration (API.md: admin only): regions, units and services with their SLAs, accounts, the holiday calendar,
// officials with their tenure, targets, and the CSV import of units.
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { addOfficial, endOfficialTenure, listOfficials, listTargets, listUsers, putRegion, putService, putTarget, putUnit, type AdminOutcome } from '../../db/queries/admin.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { holidaySet, listHolidays, removeHoliday, setHoliday } from '../../db/queries/holidays.ts';
import { missingCalendarYears } from '../../core/domain/holiday-calendar.ts';
import { todayIn } from '../../core/domain/time-zones.ts';
import { deleteUserSessions } from '../../db/queries/sessions.ts';
import { disableTotp } from '../../db/queries/two-factor.ts';
import { importUnits } from '../../db/queries/unit-import.ts';
import { findUserByEmail, findUserById, insertUser, updateUser } from '../../db/queries/users.ts';
import { hashPassword } from '../../core/domain/passwords.ts';
import { holidaySchema, officialSchema, regionSchema, serviceSchema, targetSchema, unitSchema, userPatchSchema, userSchema } from '../../core/domain/admin-input.ts';
import { uuidV7 } from '../../core/domain/ids.ts';
import { isValidDate } from '../../core/domain/periods.ts';
import { parseUnitImport } from '../../core/domain/unit-import.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { readJsonBody, readTextBody } from '../middleware/json-body.ts';
import { requireRole } from '../middleware/session.ts';
import { parseWith } from '../validate.ts';
import { newToken } from '../auth/tokens.ts';
import { queueAccountLink } from '../mail/account-mails.ts';

const IMPORT_LIMIT_BYTES = 2 * 1024 * 1024;

function answer<T>(c: Context, result: AdminOutcome<T>, body: Record<string, unknown>) {
  if (!result.ok) {
    throw new ApiError(result.status, result.code, result.message, result.field ? { [result.field]: result.message } : undefined);
  }
  return c.json(body, result.created ? 201 : 200);
}

/** PATCH /admin/officials/{id}: the last day of an official's tenure. */
export const tenureEndSchema = v.object({ to: v.pipe(v.string('must be a date YYYY-MM-DD'), v.isoDate('must be a date YYYY-MM-DD'), v.check(isValidDate, 'must be a date YYYY-MM-DD')) });

export function adminRoutes(deps: AppDeps) {
  const { db, now } = deps;
  return new Hono<AppEnv>()
    .use('*', async (c, next) => {
      requireRole(c, 'admin');
      await next();
    })
    .put('/regions/:code', async (c) => {
      const r = parseWith(regionSchema, { ...((await readJsonBody(c)) as object), code: c.req.param('code') });
      return answer(c, await putRegion(db, r, c.get('user')!.id, now()), r);
    })
    .put('/units/:slug', async (c) => {
      const u = parseWith(unitSchema, { ...((await readJsonBody(c)) as object), slug: c.req.param('slug') });
      return answer(c, await putUnit(db, u, c.get('user')!.id, now()), u);
    })
    .put('/units/:slug/services/:service', async (c) => {
      const s = parseWith(serviceSchema, { ...((await readJsonBody(c)) as object), slug: c.req.param('service') });
      return answer(c, await putService(db, c.req.param('slug'), s, c.get('user')!.id, now()), s);
    })
    .post('/import/units', async (c) => {
      const text = await readTextBody(c, ['text/csv', 'text/plain'], IMPORT_LIMIT_BYTES);
      const { rows, problems } = parseUnitImport(text);
      if (problems.length) throw new ApiError(400, 'import_failed', `${problems.length} problem(s); nothing was imported.`, Object.fromEntries(problems.map((p) => [`line ${p.line}: ${p.field}`, p.message])));
      const result = await importUnits(db, rows, c.get('user')!.id, now());
      if (!result.ok) throw new ApiError(400, 'import_failed', `${result.problems.length} problem(s); nothing was imported.`, Object.fromEntries(result.problems.map((p) => [`line ${p.line}: ${p.field}`, p.message])));
      return c.json({ rows: rows.length, ...result.summary }, 200);
    })
    .get('/users', async (c) => c.json({ items: await listUsers(db) }, 200))
    .post('/users', async (c) => {
      const body = await readJsonBody(c);
      // An account chooses its own password from its invitation mail (issue 27 item 2, decision 061).
      if (body && typeof body === 'object' && 'password' in body) {
        throw new ApiError(400, 'password_not_accepted', 'The account chooses its own password from the invitation mail; send no password.', { password: 'is not accepted' });
      }
      const u = parseWith(userSchema, body);
      if (u.role === 'staff' && !u.unitSlug) throw validationFailed({ unitSlug: 'a staff account needs its unit' });
      if (u.role !== 'staff' && u.unitSlug) throw validationFailed({ unitSlug: 'only staff accounts belong to a unit' });
      if (u.role !== 'evaluator' && u.regionCode) throw validationFailed({ regionCode: 'only evaluator accounts have a region' });
      if (await findUserByEmail(db, u.email)) throw new ApiError(409, 'email_taken', 'An account with this email exists.', { email: 'is already used' });
      let unitId: string | null = null;
      if (u.unitSlug) {
        const unit = await db.selectFrom('units').select('id').where('slug', '=', u.unitSlug).executeTakeFirst();
        if (!unit) throw validationFailed({ unitSlug: 'is not a unit' });
        unitId = unit.id;
      }
      if (u.regionCode && !(await db.selectFrom('regions').select('code').where('code', '=', u.regionCode).executeTakeFirst())) {
        throw validationFailed({ regionCode: 'is not a region' });
      }
      const at = now();
      const id = uuidV7(at.getTime());
      // Until the invitation is used the account's hash is of a random password nobody knows: sign-in is refused as for
      // any wrong password, with the same answer and the same time.
      const passwordHash = await hashPassword(newToken());
      const invitation = await db.transaction().execute(async (trx) => {
        await insertUser(trx, { id, email: u.email, name: u.name, role: u.role, unitId, regionCode: u.regionCode, passwordHash, createdAt: at.toISOString() });
        const sent = await queueAccountLink(trx, { ...deps, now: () => at }, { id, email: u.email, name: u.name, role: u.role }, 'invite');
        await writeAudit(trx, { userId: c.get('user')!.id, action: 'user.create', unitId, target: id, details: { email: u.email, role: u.role, invitation: true } }, at);
        return sent;
      });
      return c.json({ id, email: u.email, name: u.name, role: u.role, unitSlug: u.unitSlug, regionCode: u.regionCode, invitation: { expiresAt: invitation.expiresAt } }, 201);
    })
    .patch('/users/:id', async (c) => {
      const p = parseWith(userPatchSchema, await readJsonBody(c));
      const user = await findUserById(db, c.req.param('id'));
      if (!user) throw notFound('Account', 'user_not_found');
      const at = now();
      await updateUser(db, user.id, {
        ...(p.name !== undefined ? { name: p.name } : {}),
        ...(p.password !== undefined ? { password_hash: await hashPassword(p.password) } : {}),
        ...(p.disabled !== undefined ? { disabled_at: p.disabled ? at.toISOString() : null } : {}),
      });
      if (p.resetTwoFactor) {
        await disableTotp(db, user.id);
        await writeAudit(db, { userId: c.get('user')!.id, action: 'auth.2fa.reset', unitId: user.unit_id, target: user.id }, at);
      }
      // A new password, a disabled account or a reset second factor ends every open session of that account.
      if (p.password !== undefined || p.disabled || p.resetTwoFactor) await deleteUserSessions(db, user.id);
      await writeAudit(db, { userId: c.get('user')!.id, action: 'user.update', target: user.id, details: { fields: Object.keys(p) } }, at);
      return c.json({ id: user.id, updated: Object.keys(p) }, 200);
    })
    .get('/holidays', async (c) => {
      const [items, all] = await Promise.all([listHolidays(db, c.req.query('year')), holidaySet(db)]);
      // The current or next year without holidays: working days there would count every Monday to Friday (decision 029).
      return c.json({ items, calendar: { missingYears: missingCalendarYears(all, todayIn('Asia/Jakarta', now())) } }, 200);
    })
    .put('/holidays/:date', async (c) => {
      const date = c.req.param('date');
      if (!isValidDate(date)) throw validationFailed({ date: 'must be a date YYYY-MM-DD' });
      const h = parseWith(holidaySchema, await readJsonBody(c));
      const at = now();
      const recomputed = await setHoliday(db, { date, ...h });
      await writeAudit(db, { userId: c.get('user')!.id, action: 'holiday.set', target: date, details: { ...h, recomputed } }, at);
      return c.json({ date, ...h, recomputedReports: recomputed }, 200);
    })
    .delete('/holidays/:date', async (c) => {
      const date = c.req.param('date');
      const recomputed = isValidDate(date) ? await removeHoliday(db, date) : null;
      if (recomputed === null) throw notFound(`Holiday ${date.slice(0, 20)}`, 'holiday_not_found');
      await writeAudit(db, { userId: c.get('user')!.id, action: 'holiday.remove', target: date, details: { recomputed } }, now());
      return c.json({ date, recomputedReports: recomputed }, 200);
    })
    .get('/officials', async (c) => c.json({ items: await listOfficials(db, c.req.query('unit')) }, 200))
    .post('/officials', async (c) => {
      const o = parseWith(officialSchema, await readJsonBody(c));
      const result = await addOfficial(db, o, c.get('user')!.id, now());
      return answer(c, result, { id: result.ok ? result.value : undefined, ...o });
    })
    .patch('/officials/:id', async (c) => {
      const { to } = parseWith(tenureEndSchema, await readJsonBody(c));
      return answer(c, await endOfficialTenure(db, c.req.param('id'), to, c.get('user')!.id, now()), { id: c.req.param('id'), to });
    })
    .get('/targets', async (c) => {
      const year = c.req.query('year');
      if (year && !/^\d{4}$/.test(year)) throw validationFailed({ year: 'must be a year such as 2026' });
      return c.json({ items: await listTargets(db, year ? Number(year) : undefined) }, 200);
    })
    .put('/targets', async (c) => {
      const t = parseWith(targetSchema, await readJsonBody(c));
      const result = await putTarget(db, t, c.get('user')!.id, now());
      if (!result.ok) throw new ApiError(result.status, result.code, result.message, result.field ? { [result.field]: result.message } : undefined);
      return c.json(t, 200);
    });
}
