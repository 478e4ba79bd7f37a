// Jest runs in native ESM mode (NestJS 12 ships ESM only); @swc/jest strips types and keeps
// decorator metadata, so specs run on the same module graph as the app. Types are checked by
// `tsc --noEmit` in `npm test`, not here.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const libs = ['domain', 'application', 'event-store', 'read-store', 'projections', 'config', 'runtime', 'sqlite'];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': swc,
    // @fastify/static (Swagger UI's assets) require()s content-disposition, which ships ESM only:
    // Node 20 loads it through require(esm), Jest on Node 20 cannot, so Jest gets it as CommonJS
    '/node_modules/content-disposition/.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: {
    ...Object.fromEntries(libs.map((l) => [`^@uccn/${l}$`, `<rootDir>/libs/${l}/src/index.ts`])),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

export default {
  // a global option: the e2e specs start real servers (and some spawn and kill them)
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    { ...common, displayName: 'conformance', testMatch: ['<rootDir>/test/conformance/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
