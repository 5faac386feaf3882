// `npm run user:create -- --email … --name … --role admin|evaluator|staff [--unit slug] [--region code]`
// Creates an account (the first real administrator, typically). The password is read from RAPOR_NEW_PASSWORD or
// asked for on the terminal; it is never taken from the command line, where it would stay in the shell history.
// It opens the database `npm start` opens with the same environment (NODE_ENV=production: data/rapor.db).
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { connect, migrateToLatest } from '../../db/connect.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { findUserByEmail, insertUser } from '../../db/queries/users.ts';
import { MIN_PASSWORD_LENGTH, hashPassword } from '../../core/domain/passwords.ts';
import { isDemoEmail } from '../../core/domain/demo.ts';
import { uuidV7 } from '../../core/domain/ids.ts';
import { readEnv } from '../env.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, region: { type: 'string' } },
  });
  const role = values.role as 'admin' | 'evaluator' | 'staff' | undefined;
  if (!values.email || !values.name || !role || !['admin', 'evaluator', 'staff'].includes(role)) {
    console.error('usage: npm run user:create -- --email EMAIL --name "NAME" --role admin|evaluator|staff [--unit SLUG] [--region CODE]');
    return 2;
  }
  if (role === 'staff' && !values.unit) {
    console.error('A staff account needs --unit SLUG.');
    return 2;
  }
  const env = readEnv();
  if (env.production && isDemoEmail(values.email)) {
    console.error(`${values.email} is a demo account's address: a live portal refuses to start on a database holding one.`);
    return 2;
  }
  let password = process.env.RAPOR_NEW_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question('Kata sandi / password: ');
    rl.close();
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    console.error(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
    return 2;
  }
  const conn = connect(env.databaseUrl);
  try {
    await migrateToLatest(conn.db);
    if (await findUserByEmail(conn.db, values.email)) {
      console.error(`An account ${values.email} already exists.`);
      return 1;
    }
    let unitId: string | null = null;
    if (values.unit) {
      const unit = await conn.db.selectFrom('units').select('id').where('slug', '=', values.unit).executeTakeFirst();
      if (!unit) {
        console.error(`No unit with slug ${values.unit}.`);
        return 1;
      }
      unitId = unit.id;
    }
    if (values.region && !(await conn.db.selectFrom('regions').select('code').where('code', '=', values.region).executeTakeFirst())) {
      console.error(`No region with code ${values.region}.`);
      return 1;
    }
    const now = new Date();
    const id = uuidV7(now.getTime());
    await insertUser(conn.db, {
      id, email: values.email, name: values.name, role, unitId, regionCode: values.region ?? null,
      passwordHash: await hashPassword(password), createdAt: now.toISOString(),
    });
    await writeAudit(conn.db, { userId: null, action: 'user.create', target: id, details: { email: values.email.toLowerCase(), role, via: 'cli' } }, now);
    console.log(`Akun dibuat / account created: ${values.email.toLowerCase()} (${role}).`);
    return 0;
  } finally {
    await conn.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error('user:create failed:', error);
  process.exit(1);
});
