// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';

// Static output: the Hono server serves dist/ and the API from one process (docs/decisions/003).
export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [svelte()],
});
