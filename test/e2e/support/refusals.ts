import type { Answer, ApiClient } from './http-client.js';

/** The position of the log's last event, read by an auditor through the API. */
export async function logHead(auditor: ApiClient): Promise<number | undefined> {
  let head: number | undefined;
  let page = await auditor.get('/api/audit/events?limit=500');
  for (;;) {
    head = page.body.items.at(-1)?.position ?? head;
    if (page.body.next === null) return head;
    page = await auditor.get(`/api/audit/events?limit=500&after=${page.body.next}`);
  }
}

/** A refused command: the status as problem+json, and the log's head left where it was. */
export async function expectRefused(auditor: ApiClient, status: number, send: () => Promise<Answer>): Promise<Answer> {
  const head = await logHead(auditor);
  const answer = await send();
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body.status).toBe(status);
  expect(await logHead(auditor)).toBe(head);
  return answer;
}

/** The fields a 400 problem names, in its order: `answer.body.errors[].field`. */
export const fieldsNamed = (answer: Answer): string[] => answer.body.errors.map((e: { field: string }) => e.field);
