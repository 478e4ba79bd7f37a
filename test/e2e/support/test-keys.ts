import type { ApiKey } from '@uccn/config';

/** One key per role, as an operator would configure them in UCCN_API_KEYS. */
export const TEST_KEYS = {
  secretariat: { name: 'unesco-secretariat', role: 'secretariat', key: 'test-key-secretariat-0000000001' },
  auditor: { name: 'external-auditor', role: 'auditor', key: 'test-key-auditor-000000000000002' },
  analyst: { name: 'network-analyst', role: 'analyst', key: 'test-key-analyst-000000000000003' },
} as const satisfies Record<string, ApiKey>;

export const TEST_KEYS_JSON = JSON.stringify(Object.values(TEST_KEYS));
