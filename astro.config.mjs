// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import svelte from '@astrojs/svelte';
import modulePreload from './site/integrations/modulepreload.mjs';

// Static output: the Hono server serves the prerendered pages (dist/client/) and the API from one process
// (docs/decisions/003). A page that shows live data says `export const prerender = false`; the Node adapter in
// middleware mode builds those into dist/server/entry.mjs, whose handler the Hono server calls (docs/decisions/054).
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  output: 'static',
  adapter: node({ mode: 'middleware' }),
  trailingSlash: 'ignore',
  // The site's one stylesheet (about 2 KB gzipped) goes into each page's head: on a slow phone a separate file costs a
  // round trip before the first paint, queued behind the islands' preloads (decision 068).
  build: { format: 'directory', inlineStylesheets: 'always' },
  // modulePreload: each page's head names its islands' start scripts, so they load in one round trip (decision 040).
  integrations: [svelte(), modulePreload()],
  // The Svelte runtime in one chunk instead of seven small ones: a slow phone's browser opens six connections to a
  // host (HTTP/1.1), so each extra file a page needs at start can cost another round trip (decision 040).
  vite: {
    build: {
      rollupOptions: {
        output: {
          manualChunks(id) {
            if (id.includes('/node_modules/svelte/src/')) return 'svelte';
          },
        },
      },
    },
  },
});
