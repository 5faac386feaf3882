import { Hono } from 'hono';
import { pingDatabase } from '../../db/queries/health.ts';
import { DEMO_PASSWORD } from '../../db/seed.ts';
import type { AppDeps } from '../deps.ts';

export function healthRoutes({ db, demo }: AppDeps) {
  return new Hono()
    .get('/health', async (c) => {
      const ok = await pingDatabase(db);
      return ok ? c.json({ status: 'ok', db: 'ok' }, 200) : c.json({ status: 'degraded', db: 'unreachable' }, 503);
    })
    .get('/meta', (c) => c.json({ demo: demo === true, demoPassword: demo === true ? DEMO_PASSWORD : null }, 200));
}
