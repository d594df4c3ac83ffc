import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'import',
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
