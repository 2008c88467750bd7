import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorCode } from '@pgs/domain';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';
import { sqlState } from './db-errors.ts';

const FIELD_LABELS: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** Fastify's own 4xx errors, said in Chinese. */
const FASTIFY_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大，超过了该接口的上限（一般接口 1 MB，导入接口 64 MB）' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '上传的文件超过 64 MB 上限' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: '请求内容不是合法的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY', message: '请求内容为空' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', message: '请求长度与内容不符' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 400, code: 'BAD_REQUEST', message: '请以 multipart/form-data 上传文件' },
  FST_PARTS_LIMIT: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '上传内容的部分过多' },
  FST_FILES_LIMIT: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '一次只能上传一个文件' },
};

/** PostgreSQL data exceptions only bad input causes: a number beyond the column's range, a NUL character in text. */
const BAD_INPUT_SQLSTATES: Record<string, string> = {
  '22003': '请求中的数值超出了允许的范围',
  '22021': '请求内容含有无法保存的字符（如空字符）',
  '22P05': '请求内容含有无法保存的字符（如空字符）',
};

/**
 * One place turns every error into `{error:{code,message,details}}` (DESIGN.md). Bad input is always a 4xx with a
 * Chinese sentence; anything unexpected is a 500 that hides internals and is logged.
 */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.status).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        field: `${FIELD_LABELS[error.validationContext ?? ''] ?? ''}${issue.instancePath ? ` ${issue.instancePath.replace(/^\//, '').replaceAll('/', '.')}` : ''}`.trim(),
        message: issue.message,
      }));
      const first = details[0];
      return reply.code(400).send({
        error: { code: 'VALIDATION_FAILED', message: first ? `${first.field}：${first.message}` : '请求参数不正确', details },
      });
    }
    const badInput = BAD_INPUT_SQLSTATES[sqlState(error) ?? ''];
    if (badInput) return reply.code(400).send({ error: { code: 'BAD_REQUEST', message: badInput } });
    const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
    if (known) return reply.code(known.status).send({ error: { code: known.code, message: known.message } });
    if (isResponseSerializationError(error)) request.log.error({ err: error, issues: error.cause }, 'response does not match its schema');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: { code: 'BAD_REQUEST', message: `请求无法处理：${error.message}` } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试或联系系统管理员' } });
  });
}
