// The ceiling for the ingest benchmark: a bare Hono POST route on the same Node server adapter, which reads the same
// JSON body and answers 201, with no validation and no database. Usage: node --import tsx bench/bare-server.ts PORT
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.post('/api/units/:slug/ratings', async (c) => {
  const body = (await c.req.json()) as { idempotencyKey?: string };
  return c.json({ id: body.idempotencyKey ?? null, status: 'accepted' }, 201);
});
serve({ fetch: app.fetch, port: Number(process.argv[2]), hostname: '127.0.0.1' }, () => console.log('running at'));
