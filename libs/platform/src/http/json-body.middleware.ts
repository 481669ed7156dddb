import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { ErrorCode, type ApiErrorBody } from '@mes/shared';

interface BodyParserError {
  type?: string;
}

/**
 * JSON bodies up to `limit`. Parse failures are answered here with the contract's error body:
 * left to Express they would skip the Nest routes and surface as a misleading 404.
 */
export function jsonBody(limit = '1mb'): RequestHandler {
  const parse = json({ limit, strict: true });
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (error?: unknown) => {
      if (!error) {
        next();
        return;
      }
      const type = (error as BodyParserError).type;
      const body: ApiErrorBody =
        type === 'entity.too.large'
          ? {
              statusCode: 413,
              code: ErrorCode.PAYLOAD_TOO_LARGE,
              message: `请求体超过 ${limit} / request body larger than ${limit}`,
            }
          : {
              statusCode: 400,
              code: ErrorCode.MALFORMED_JSON,
              message: '请求体不是合法的 JSON 对象 / body is not a valid JSON object',
            };
      res.status(body.statusCode).json(body);
    });
  };
}
