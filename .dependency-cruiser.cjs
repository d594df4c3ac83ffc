// The package boundaries and the core's layers, checked by `npm run check`.
// Core layers, lowest first; a layer may import its own and those below it:
//   values (values, dates, timescales) → schema → document (Yjs access)
//   → plan (the plan API) → constitution (arrangements and meetings in the plan) → queries, versions, reports.
const CORE = '^packages/core/src/';
const layer = (name) => `${CORE}${name}/`;
const ABOVE = {
  values: ['schema', 'document', 'plan', 'constitution', 'queries', 'versions', 'reports'],
  // Rules as plain data and pure functions (issue 15): beside values; the schema's governance kinds use their types and checks.
  governance: ['document', 'plan', 'constitution', 'queries', 'versions', 'reports'],
  scorecard: ['document', 'plan', 'constitution', 'queries', 'versions', 'reports'],
  schema: ['document', 'plan', 'constitution', 'queries', 'versions', 'reports'],
  document: ['plan', 'constitution', 'queries', 'versions', 'reports'],
  plan: ['constitution', 'queries', 'versions', 'reports'],
  constitution: ['queries', 'versions', 'reports'],
};

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in one direction only.',
      from: { path: '^packages/[^/]+/src/' },
      to: { circular: true },
    },
    ...Object.entries(ABOVE).map(([from, above]) => ({
      name: `core-layer-${from}`,
      severity: 'error',
      comment: `The core's ${from} layer imports only its own layer and the layers below it.`,
      from: { path: layer(from) },
      to: { path: `${CORE}(${above.join('|')})/` },
    })),
    {
      name: 'import-readers-below-mapping',
      severity: 'error',
      comment: 'In @coplan/import, reading a format into blocks knows nothing of mapping blocks into a plan, nor of the entry points.',
      from: { path: '^packages/import/src/(source|source-reader|clean-text|read-(docx|html|text|xlsx)|[a-z]+-reader)\\.ts$' },
      to: { path: '^packages/import/src/(headings|split-cell|plan-builder|loose-[a-z-]+|map-source|finish-preview|import-preview|preview-import|read-source|index)\\.ts$' },
    },
    {
      name: 'import-mapping-below-entry',
      severity: 'error',
      comment: 'In @coplan/import, mapping knows nothing of the entry points that call it.',
      from: { path: '^packages/import/src/(headings|split-cell|plan-builder|loose-[a-z-]+|map-source|finish-preview|import-preview)\\.ts$' },
      to: { path: '^packages/import/src/(preview-import|read-source|index)\\.ts$' },
    },
    {
      name: 'publish-typesetting-below-writers',
      severity: 'error',
      comment: 'In @coplan/publish, typesetting (renderers, registers) knows nothing of the writers or the entry points.',
      from: { path: '^packages/publish/src/(render-[a-z]+|register-[a-z]+|rag-colours|running-header)\\.ts$' },
      to: { path: '^packages/publish/src/([a-z]+-writer|plan-writer|export-plan|export-report|index)\\.ts$' },
    },
    {
      name: 'publish-writers-below-entry',
      severity: 'error',
      comment: 'In @coplan/publish, a writer knows nothing of the entry points that list it.',
      from: { path: '^packages/publish/src/([a-z]+-writer|plan-writer)\\.ts$' },
      to: { path: '^packages/publish/src/(export-plan|export-report|index)\\.ts$' },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      comment: 'The core runs in browsers and Node alike: no Node built-ins (the DOM is kept out by its tsconfig).',
      from: { path: CORE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-small-dependencies',
      severity: 'error',
      comment: 'The core depends on yjs (a peer), fractional-indexing and fast-diff (text revisions merged word by word), nothing else.',
      from: { path: CORE },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown'], pathNot: 'node_modules/(yjs|fractional-indexing|fast-diff)/' },
    },
    {
      name: 'core-knows-no-plugins',
      severity: 'error',
      comment: 'The core is blind to what plugs into it.',
      from: { path: CORE },
      to: { path: '^packages/(import|publish|seeds|app|cli|sync-server)/' },
    },
    {
      name: 'formats-stand-alone',
      severity: 'error',
      comment: 'Reading and writing are separate packages; neither imports the other.',
      from: { path: '^packages/(import|publish)/src/' },
      to: { path: '^packages/(import|publish|app|cli|sync-server)/', pathNot: '^packages/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types'], extensions: ['.ts', '.js'] },
    moduleSystems: ['es6'],
  },
};
