import type { APIGatewayProxyResult } from 'aws-lambda';

const baseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export const jsonResult = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult => ({
  statusCode,
  headers: { ...baseHeaders, ...headers },
  body: JSON.stringify(body),
});

export const errorResult = (
  statusCode: number,
  code: string,
  message: string,
  fields: ReadonlyArray<{ path: string; message: string }> = [],
): APIGatewayProxyResult => jsonResult(statusCode, { error: { code, message, fields } });
