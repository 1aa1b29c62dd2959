import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { qualtricsResponse, surveyMonkeyDetails } from './webhook-payloads.js';

export const FAKE_API_TOKEN = 'vendor-api-token';

export interface FakeVendorApi {
  url: string;
  /** Paths requested, in order (to check what was fetched and that nothing was fetched). */
  requests: string[];
  stop(): Promise<void>;
}

/**
 * SurveyMonkey's and Qualtrics' response APIs on loopback: the only mock in these tests, as a vendor's
 * API cannot run here. Checks the token as the vendor would; `R_missing`/`404` ids are unknown.
 */
export async function startFakeVendorApi(): Promise<FakeVendorApi> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const surveyMonkey = /^\/v3\/surveys\/(\w+)\/responses\/(\w+)\/details$/.exec(url.pathname);
    const qualtrics = /^\/API\/v3\/surveys\/(\w+)\/responses\/(\w+)$/.exec(url.pathname);
    if (surveyMonkey) {
      if (request.headers.authorization !== `Bearer ${FAKE_API_TOKEN}`) return send(401, { error: 'token' });
      if (url.searchParams.get('simple') !== 'true') return send(400, { error: 'simple=true expected' });
      const id = surveyMonkey[2] ?? '';
      return id.endsWith('404') ? send(404, { error: 'not found' }) : send(200, surveyMonkeyDetails(id));
    }
    if (qualtrics) {
      if (request.headers['x-api-token'] !== FAKE_API_TOKEN) return send(401, { meta: { error: 'token' } });
      const id = qualtrics[2] ?? '';
      return id === 'R_missing' ? send(404, { meta: {} }) : send(200, qualtricsResponse(id));
    }
    send(500, { error: 'unexpected path' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
