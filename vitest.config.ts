import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Hooks start DynamoDB Local: a JVM start can take minutes on a loaded 2-core machine.
    hookTimeout: 240_000,
  },
});
