import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cross',
    include: ['cross/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
