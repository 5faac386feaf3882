// The import rule (issue 26, docs/decisions/055-one-bottom-layer.md): one line of layers, core ← db ← server ← site.
// core/ is the bottom; db/ sits on core/; server/ on both; site/ (pages rendered on demand inside the server, islands)
// on all three. Nothing imports upward. `npm run lint` runs this in CI and fails on a violation.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-nothing-above',
      comment: 'core/ holds the rules, words, formats, schema and API shapes that everything shares: it imports none of db/, server/ or site/.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(db|server|site)/' },
    },
    {
      name: 'db-imports-only-core',
      comment: 'db/ (queries, migrations, seed) imports core/, never server/ or site/.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(server|site)/' },
    },
    {
      name: 'server-does-not-import-site',
      comment: 'server/ serves the built site (its pages import server/ functions, never the other way round); what both need lives in core/.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^site/' },
    },
    {
      name: 'no-unresolvable-imports',
      severity: 'error',
      from: { path: '^(core|db|server|site)/' },
      to: { couldNotResolve: true, dependencyTypesNot: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    extraExtensionsToScan: ['.astro'],
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.mjs', '.svelte', '.astro', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'types', 'svelte', 'default'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
