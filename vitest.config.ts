import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that drive chromium or a preview server run after all others, so their load does not skew
 * anyone's timing. Only the first group builds the 2018 report in its global setup (builds in one
 * process must not overlap); the browser tests make the web editions they open themselves.
 */
const BROWSER = ['test/render/html/edition-browser.test.ts', 'test/preview/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...BROWSER],
          // The 2018 report is built once per run and shared by the tests that read it back.
          globalSetup: ['test/setup/build-2018.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'browser', include: BROWSER, sequence: { groupOrder: 1 } } },
    ],
  },
});
