// The test run's one Chromium (docs/decisions/051): started by the first browser file that asks for it
// (sharedBrowser() in tests/support/browser.ts), it serves playwright's protocol on a local WebSocket until the run's
// teardown ends it (tests/support/run-setup.ts). Writes {wsEndpoint, pid} to the file named by its argument.
import { renameSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

const target = process.argv[2];
if (!target) throw new Error('usage: chromium-server.ts <endpoint file>');
const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, host: '127.0.0.1' });
writeFileSync(`${target}.partial`, JSON.stringify({ wsEndpoint: server.wsEndpoint(), pid: process.pid }));
renameSync(`${target}.partial`, target);
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
