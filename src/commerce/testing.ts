/** Test support for other modules' suites: shop rows written directly (see fixtures-for-tests.ts). */
export * from './fixtures-for-tests.ts';
