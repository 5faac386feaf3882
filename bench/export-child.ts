// Runs one export against a seeded database and reports rows, throughput and this process's peak memory.
import { connect, openReader } from '../db/connect.ts';
import { createApp } from '../server/app.ts';

const [file, dataset, format, range = 'from=2025-01-01&to=2026-12-31'] = process.argv.slice(2) as [string, string, string, string?];
const conn = connect(file);
const reader = openReader(conn)!;
const app = createApp({ db: conn.db, readDb: reader.db, now: () => new Date('2026-11-23T03:00:00Z') });
const login = await app.request('/api/auth/login', {
  method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' },
  body: JSON.stringify({ email: 'admin@demo.rapor.id', password: 'rapor-demo-2026' }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const started = process.hrtime.bigint();
const res = await app.request(`/api/exports/${dataset}.${format}?${range}`, { headers: { cookie } });
let bytes = 0;
let newlines = 0;
const reader2 = res.body!.getReader();
for (;;) {
  const { done, value } = await reader2.read();
  if (done) break;
  bytes += value.byteLength;
  if (format !== 'xlsx') for (const b of value) if (b === 10) newlines++;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
// Rows: one line per record in CSV (after the header) and NDJSON; XLSX is compressed, so its count is the audit's.
const audits = await conn.db.selectFrom('audit_log').select('details').where('action', '=', 'export').execute();
const rows = format === 'csv' ? newlines - 1 : format === 'ndjson' ? newlines : (JSON.parse(audits[audits.length - 1]!.details!) as { rows: number }).rows;
console.log(JSON.stringify({ status: res.status, rows, bytes, seconds, newlines, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
await reader.close();
await conn.close();
