/** The bench's own keys, one per role, as an operator would configure them. */
export const BENCH_KEYS = {
  secretariat: { name: 'bench-secretariat', role: 'secretariat', key: 'bench-key-secretariat-000000001' },
  auditor: { name: 'bench-auditor', role: 'auditor', key: 'bench-key-auditor-00000000000002' },
  analyst: { name: 'bench-analyst', role: 'analyst', key: 'bench-key-analyst-00000000000003' },
} as const;

export const BENCH_KEYS_JSON = JSON.stringify(Object.values(BENCH_KEYS));

export const bearer = (role: keyof typeof BENCH_KEYS) => ({ authorization: `Bearer ${BENCH_KEYS[role].key}` });
