import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error';
import { errorText, mergeMessages, messageKeys, splitBilingual } from './i18n';
import { coreEnUS, coreZhCN } from './locales';

const t = (key: string, named?: Record<string, unknown>) => `${key}${named ? JSON.stringify(named) : ''}`;
const te = (key: string) =>
  ['errors.INVALID_CREDENTIALS', 'errors.VALIDATION_FAILED', 'errors.NETWORK_ERROR'].includes(key);

describe('i18n helpers', () => {
  it('merges message trees deeply, later bundles winning', () => {
    expect(mergeMessages({ a: { b: '1', c: '2' } }, { a: { c: '3', d: '4' }, e: '5' })).toEqual({
      a: { b: '1', c: '3', d: '4' },
      e: '5',
    });
  });

  it('lists leaf keys', () => {
    expect(messageKeys({ a: { b: 'x', c: { d: 'y' } }, e: 'z' })).toEqual(['a.b', 'a.c.d', 'e']);
  });

  it('core texts have the same keys in zh-CN and en-US', () => {
    expect(messageKeys(coreEnUS)).toEqual(messageKeys(coreZhCN));
  });

  it('picks the half of a bilingual API message that matches the locale', () => {
    expect(splitBilingual('邮箱或密码错误 / wrong email or password', 'zh-CN')).toBe('邮箱或密码错误');
    expect(splitBilingual('邮箱或密码错误 / wrong email or password', 'en-US')).toBe(
      'wrong email or password',
    );
    expect(splitBilingual('a / b', 'zh-CN')).toBeNull();
  });

  it('turns errors into text: API message by locale, else the translated code, else the raw message', () => {
    const bilingual = new ApiError(
      409,
      'MODULE_REQUIRED_BY_OTHERS',
      '以下已订阅模块依赖 x / x is needed by: y',
    );
    expect(errorText(bilingual, t, te, 'zh-CN')).toBe('以下已订阅模块依赖 x');
    expect(errorText(new ApiError(0, 'NETWORK_ERROR', 'Failed to fetch'), t, te, 'zh-CN')).toBe(
      'errors.NETWORK_ERROR',
    );
    expect(errorText(new ApiError(418, 'TEAPOT', 'I am a teapot'), t, te, 'en-US')).toBe('I am a teapot');
    expect(errorText(new ApiError(418, 'TEAPOT', ''), t, te, 'en-US')).toBe(
      'errors.unknown{"code":"TEAPOT"}',
    );
    const validation = new ApiError(400, 'VALIDATION_FAILED', '请求参数不合法 / invalid request', [
      { field: 'title', message: 'too long' },
    ]);
    expect(errorText(validation, t, te, 'zh-CN')).toBe('errors.VALIDATION_FAILED');
  });
});
