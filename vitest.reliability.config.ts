import { defineConfig } from 'vitest/config';

/**
 * The reliability checks of targets.md at their full sizes: `npm run reliability`
 * (EILAND_RELIABILITY=full). Files run one after another, so that the kill -9 run and the
 * hostile barrage do not share two cores with each other and their timings mean something.
 * Each check prints one `reliability.*` line with its counts.
 */
export default defineConfig({
  test: {
    include: ['test/integration/reliability/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // Full sizes unless the caller says otherwise (EILAND_RELIABILITY=reduced), on every platform.
    env: { EILAND_RELIABILITY: process.env.EILAND_RELIABILITY ?? 'full' },
    testTimeout: 15 * 60_000,
    hookTimeout: 2 * 60_000,
  },
});
