import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cross',
    include: ['cross/**/*.test.ts', 'e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
