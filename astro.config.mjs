// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import modulePreload from './site/integrations/modulepreload.mjs';

// Static output: the Hono server serves dist/ and the API from one process (docs/decisions/003).
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
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
