import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'seeds',
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
