import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

/**
 * The event API Gateway's HTTP API (payload 2.0) hands the API function for one request, as the local
 * server builds it (`apiId: 'local'`): the only caller whose `x-closeloop-actor` header names the actor.
 */
export function apiEvent(
  method: string,
  target: string,
  { body, headers = {} }: { body?: string; headers?: Record<string, string> } = {},
): APIGatewayProxyEventV2 {
  const [rawPath = '/', rawQueryString = ''] = target.split('?');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: { 'content-type': 'application/json', ...headers },
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req-test',
      routeKey: '$default',
      stage: '$default',
      time: '2026-11-30T09:00:00Z',
      timeEpoch: 0,
    },
    ...(body !== undefined && { body }),
    isBase64Encoded: false,
  };
}

export const lambdaContext = { functionName: 'test', awsRequestId: 'lambda-test' } as Context;
