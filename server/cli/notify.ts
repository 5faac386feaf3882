// `npm run notify -- --kind weekly-digest [--unit slug]` (issue 27 item 3): sends a digest now, as an administrator's
// POST /api/admin/notifications/run does, to every staff account (of one unit) that has not turned it off. The mails
// are queued in the outbox of the database `npm start` opens with the same environment; the portal's worker sends them.
import { parseArgs } from 'node:util';
import { connect, migrateToLatest } from '../../db/connect.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { findUnitBySlug } from '../../db/queries/units.ts';
import { readEnv } from '../env.ts';
import { DIGEST_RUN_KINDS, sendUnitDigests, type DigestRunKind } from '../jobs/notifications.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { kind: { type: 'string' }, unit: { type: 'string' } } });
  if (!values.kind || !(DIGEST_RUN_KINDS as readonly string[]).includes(values.kind)) {
    console.error(`usage: npm run notify -- --kind ${DIGEST_RUN_KINDS.join('|')} [--unit SLUG]`);
    return 2;
  }
  const env = readEnv();
  const conn = connect(env.databaseUrl);
  try {
    await migrateToLatest(conn.db);
    if (values.unit !== undefined && !(await findUnitBySlug(conn.db, values.unit))) {
      console.error(`No unit with slug ${values.unit}.`);
      return 1;
    }
    const kind = values.kind as DigestRunKind;
    const result = await sendUnitDigests(
      { db: conn.db, now: () => new Date(), publicUrl: env.publicUrl, mailBaseUrl: env.publicUrl ?? `http://localhost:${env.port}` },
      { mode: 'now', kind, ...(values.unit !== undefined ? { unit: values.unit } : {}) },
    );
    await writeAudit(conn.db, { userId: null, action: 'notifications.run', details: { kind, unit: values.unit ?? null, via: 'cli', ...result } }, new Date());
    console.log(`${kind}: ${result.queued} surel diantrekan / mails queued, ${result.skipped} dilewati / skipped.`);
    return 0;
  } finally {
    await conn.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error('notify failed:', error);
  process.exit(1);
});
