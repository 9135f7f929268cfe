import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The 2018 report is built once per run and shared by the tests that read it back.
    globalSetup: ['test/setup/build-2018.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
