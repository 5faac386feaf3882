import { Hono } from 'hono';
import { pingDatabase } from '../../db/queries/health.ts';
import type { AppDeps } from '../deps.ts';

export function healthRoutes({ db }: AppDeps) {
  return new Hono().get('/health', async (c) => {
    const ok = await pingDatabase(db);
    return ok ? c.json({ status: 'ok', db: 'ok' }, 200) : c.json({ status: 'degraded', db: 'unreachable' }, 503);
  });
}
