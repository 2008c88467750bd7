import type { FastifyError, FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify';
import type { ErrorCode } from '@pgs/domain';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';
import { sqlState } from './db-errors.ts';
import { deadlineAnswer } from './request-deadlines.ts';

const FIELD_LABELS: Record<string, string> = {
  body: '请求内容',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

/** Fastify's own 4xx errors, said in Chinese. */
const FASTIFY_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: '请求内容过大，超过了该接口的上限（一般接口 1 MB，导入接口 64 MB）',
  },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '上传的文件超过 64 MB 上限' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: '请求内容不是合法的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY', message: '请求内容为空' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', message: '请求长度与内容不符' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 400,
    code: 'BAD_REQUEST',
    message: '请以 multipart/form-data 上传文件',
  },
  FST_PARTS_LIMIT: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '上传内容的部分过多' },
  FST_FILES_LIMIT: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '一次只能上传一个文件' },
};

/**
 * PostgreSQL data exceptions (SQLSTATE class 22, the same codes on PGlite) are caused by the data a request carried —
 * a number beyond the column's range, a NUL or a lone surrogate in text, a value the type cannot read. The contract
 * refuses these first (issue #10.3); whatever still gets through is the client's input, so a 400, never a 500.
 */
const BAD_INPUT_SQLSTATES: Record<string, string> = {
  '22003': '请求中的数值超出了允许的范围',
  '22021': '请求内容含有无法保存的字符（如空字符）',
  '22P05': '请求内容含有无法保存的字符（如空字符或不成对的代理字符）',
  '22P02': '请求内容中有无法识别的值（如不成对的代理字符或格式不对的数字），未保存',
  '22001': '请求中的文字超过了允许的长度，未保存',
  '22007': '请求中的日期或时间格式不正确，未保存',
  '22008': '请求中的日期或时间超出了允许的范围，未保存',
};
const DATA_EXCEPTION_MESSAGE = '请求内容中有无法保存的数据，未保存；请检查输入后重试';

export function badInputMessage(state: string | undefined): string | null {
  if (!state) return null;
  return BAD_INPUT_SQLSTATES[state] ?? (state.startsWith('22') ? DATA_EXCEPTION_MESSAGE : null);
}

/**
 * One place turns every error into `{error:{code,message,details}}` (DESIGN.md). Bad input is always a 4xx with a
 * Chinese sentence; anything unexpected is a 500 that hides internals and is logged.
 */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .code(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        field:
          `${FIELD_LABELS[error.validationContext ?? ''] ?? ''}${issue.instancePath ? ` ${issue.instancePath.replace(/^\//, '').replaceAll('/', '.')}` : ''}`.trim(),
        message: issue.message,
      }));
      const first = details[0];
      return reply.code(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: first ? `${first.field}：${first.message}` : '请求参数不正确',
          details,
        },
      });
    }
    if (error.code === 'FST_ERR_HANDLER_TIMEOUT') return deadlineAnswer(request, reply);
    const badInput = badInputMessage(sqlState(error));
    if (badInput) return reply.code(400).send({ error: { code: 'BAD_REQUEST', message: badInput } });
    const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
    if (known) return reply.code(known.status).send({ error: { code: known.code, message: known.message } });
    if (isResponseSerializationError(error))
      request.log.error({ err: error, issues: error.cause }, 'response does not match its schema');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .code(error.statusCode)
        .send({ error: { code: 'BAD_REQUEST', message: `请求无法处理：${error.message}` } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试或联系系统管理员' } });
  });
}

/**
 * Fastify's router answers a path it cannot decode (`/projects/%ED%A0%80`, a lone surrogate's bytes) before any
 * route or error handler runs; this gives that answer the same `{error:{code,message}}` body in Chinese.
 */
export const frameworkErrors: FastifyServerOptions['frameworkErrors'] = (error, _request, reply) => {
  const badUrl = error.code === 'FST_ERR_BAD_URL';
  void (reply as unknown as FastifyReply).code(400).send({
    error: { code: 'BAD_REQUEST', message: badUrl ? '请求地址中含有无法识别的字符' : '请求无法处理，请检查后重试' },
  });
};

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE', '请求地址或请求头过长'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', '请求在规定时间内没有传完，连接已断开'],
};

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (a 16 KB address, a malformed request line);
 * they get the same `{error:{code,message}}` body in Chinese, and the connection is closed.
 */
export const clientErrorHandler: FastifyServerOptions['clientErrorHandler'] = (error, socket) => {
  if (!socket.writable) return void socket.destroy();
  const [status, code, message] = CLIENT_ERRORS[(error as NodeJS.ErrnoException).code ?? ''] ?? [
    400,
    'BAD_REQUEST',
    '请求格式不正确',
  ];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
};
