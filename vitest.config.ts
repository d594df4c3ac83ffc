import { defineConfig } from 'vitest/config';

// One runner for the whole workspace, so CI can sum a single set of counts.
const reporters: (string | [string, { outputFile: string }])[] = ['default'];
if (process.env.COPLAN_TEST_JSON) reporters.push(['json', { outputFile: process.env.COPLAN_TEST_JSON }]);

export default defineConfig({
  test: {
    projects: ['packages/*', 'test'],
    reporters,
  },
});
