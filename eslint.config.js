// Lint rules: TypeScript recommendations plus the layer boundaries of DESIGN.md, file size, and one reader of process.env.

import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const DRIVERS = ['kysely', 'kysely/*', 'pg', 'better-sqlite3']
const HTTP = ['fastify', '@fastify/*']

/** A no-restricted-imports rule forbidding the given folders (as path segments) and packages. */
const forbid = (folders, packages = []) => ['error', {
  patterns: [
    ...(folders.length ? [{ group: folders.map((f) => `**/${f}/**`), message: 'Imports only point down the layers (DESIGN.md, Layout).' }] : []),
    ...(packages.length ? [{ group: packages, message: 'This layer may not use that package (DESIGN.md, Layout).' }] : []),
  ],
}]

const ABOVE_STORE = ['editorial', 'accounts', 'mail', 'reading', 'related', 'search', 'popular', 'media', 'importers', 'render', 'web', 'jobs', 'cli']

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'bench/results/', 'public/', 'client/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    // main.ts hands the environment to the CLI, which passes it to loadConfig unread.
    ignores: ['src/config.ts', 'src/composition.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only src/config.ts reads the environment.' }],
      'no-console': 'error',
    },
  },
  { files: ['src/cli/**/*.ts', 'src/composition.ts'], rules: { 'no-console': 'off' } },
  { files: ['src/domain/**/*.ts'], rules: { 'no-restricted-imports': forbid(['content', 'store', ...ABOVE_STORE], [...DRIVERS, ...HTTP, 'node:*']) } },
  // src/text is pure: it knows words, not articles, storage or HTTP.
  { files: ['src/text/**/*.ts'], rules: { 'no-restricted-imports': forbid(['content', 'store', ...ABOVE_STORE], [...DRIVERS, ...HTTP, 'node:*']) } },
  // Catalogues are data over domain/ only; the loader reads its own folder, hence node:fs.
  { files: ['src/i18n/**/*.ts'], rules: { 'no-restricted-imports': forbid(['content', 'store', ...ABOVE_STORE], [...DRIVERS, ...HTTP]) } },
  { files: ['src/content/**/*.ts'], rules: { 'no-restricted-imports': forbid(['store', ...ABOVE_STORE], [...DRIVERS, ...HTTP]) } },
  { files: ['src/store/**/*.ts'], rules: { 'no-restricted-imports': forbid(ABOVE_STORE, HTTP) } },
  { files: ['src/search/**/*.ts', 'src/popular/**/*.ts', 'src/media/**/*.ts'], rules: { 'no-restricted-imports': forbid(['editorial', 'accounts', 'mail', 'reading', 'related', 'importers', 'render', 'web', 'jobs', 'cli'], [...DRIVERS, ...HTTP]) } },
  { files: ['src/related/**/*.ts'], rules: { 'no-restricted-imports': forbid(['editorial', 'accounts', 'mail', 'reading', 'importers', 'render', 'web', 'jobs', 'cli'], [...DRIVERS, ...HTTP]) } },
  { files: ['src/editorial/**/*.ts', 'src/accounts/**/*.ts', 'src/reading/**/*.ts', 'src/importers/**/*.ts'], rules: { 'no-restricted-imports': forbid(['render', 'web', 'jobs', 'cli'], [...DRIVERS, ...HTTP]) } },
  { files: ['src/render/**/*.ts'], rules: { 'no-restricted-imports': forbid(['store', 'editorial', 'accounts', 'reading', 'related', 'search', 'popular', 'media', 'importers', 'web', 'jobs', 'cli'], [...DRIVERS, ...HTTP, 'node:*']) } },
  // mail is a transport: it sends what the use-cases wrote to the outbox and knows no store or page.
  { files: ['src/mail/**/*.ts'], rules: { 'no-restricted-imports': forbid(['store', ...ABOVE_STORE.filter((f) => f !== 'mail')], [...DRIVERS, ...HTTP]) } },
  // web/ translates HTTP into use-case calls: it reaches the database only through services (DESIGN.md principle 7), never
  // the store itself, neither by import nor through a `store` property of the services.
  {
    files: ['src/web/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(['store', 'jobs', 'cli'], DRIVERS),
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[property.name='store']", message: 'web/ calls services, never the store (DESIGN.md principle 7).' },
        { selector: "ObjectPattern > Property[key.name='store']", message: 'web/ calls services, never the store (DESIGN.md principle 7).' }],
    },
  },
  { files: ['src/jobs/**/*.ts'], rules: { 'no-restricted-imports': forbid(['web', 'cli', 'render'], [...DRIVERS, ...HTTP]) } },
  { files: ['src/cli/**/*.ts'], rules: { 'no-restricted-imports': forbid(['web', 'jobs', 'render'], [...DRIVERS, ...HTTP]) } },
  // The command line calls the same services as the desk (services.ts openServices), as the operator. The commands that
  // work on the database as a whole (a file copy, the export's snapshot, migrating, seeding an empty site) open it
  // themselves through data-dir.ts; every other command is held to the rule of web/.
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/backup.ts', 'src/cli/export.ts', 'src/cli/migrate.ts', 'src/cli/seed-demo.ts'],
    rules: {
      'no-restricted-imports': forbid(['store', 'web', 'jobs', 'render'], [...DRIVERS, ...HTTP]),
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[property.name='store']", message: 'cli/ calls services, never the store (DESIGN.md principle 7).' },
        { selector: "ObjectPattern > Property[key.name='store']", message: 'cli/ calls services, never the store (DESIGN.md principle 7).' }],
    },
  },
)
