import { describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { ApiError } from '../http/api-error';
import { notify } from '../ui/feedback';
import { detailsByField, useSaveFlow } from './use-save-flow';

vi.mock('../ui/feedback', () => ({ notify: { success: vi.fn(), error: vi.fn() } }));

const errorText = (e: unknown) => `failed: ${(e as Error).message}`;
const refused = () =>
  new ApiError(400, 'VALIDATION', 'bad', [
    { field: 'code', message: '编码已存在 / code exists' },
    { field: 'qty', message: 'must be positive' },
  ]);

describe('useSaveFlow', () => {
  it('saves once with one key per input, toasts and hands the record on', async () => {
    const onSaved = vi.fn();
    const keys: string[] = [];
    const flow = useSaveFlow({
      errorText,
      persist: (createKey) => {
        keys.push(createKey({ code: 'A' }));
        return Promise.resolve({ id: '1' });
      },
      savedText: (s) => `saved ${s.id}`,
      onSaved,
    });
    await flow.save();
    await flow.save();
    expect(keys[0]).toBe(keys[1]);
    expect(notify.success).toHaveBeenCalledWith('saved 1');
    expect(onSaved).toHaveBeenCalledWith({ id: '1' });
    expect(flow.saving.value).toBe(false);
  });

  it('stops when the client checks fail, keeping the errors they set', async () => {
    const persist = vi.fn();
    const errors = ref<Record<string, string>>({ old: 'x' });
    const flow = useSaveFlow({
      errorText,
      errors,
      check: () => {
        errors.value = { code: 'required' };
        return false;
      },
      persist,
      savedText: () => '',
      onSaved: vi.fn(),
    });
    await flow.save();
    expect(persist).not.toHaveBeenCalled();
    expect(flow.errors.value).toEqual({ code: 'required' });
  });

  it('shows the field errors and the message of a refused save', async () => {
    const onError = vi.fn();
    const onSaved = vi.fn();
    const flow = useSaveFlow({
      errorText,
      persist: () => Promise.reject(refused()),
      savedText: () => '',
      onSaved,
      onError,
      fieldErrors: (e) => detailsByField(e, 'en-US'),
    });
    await flow.save();
    expect(onSaved).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalled();
    expect(flow.errors.value).toEqual({ code: 'code exists', qty: 'must be positive' });
    expect(flow.formError.value).toBe('failed: bad');
    flow.reset();
    expect(flow.errors.value).toEqual({});
    expect(flow.formError.value).toBe('');
  });
});

describe('detailsByField', () => {
  it('keys the details by field, bilingual ones in the locale or as sent', () => {
    expect(detailsByField(refused(), 'zh-CN')).toEqual({ code: '编码已存在', qty: 'must be positive' });
    expect(detailsByField(refused())).toEqual({ code: '编码已存在 / code exists', qty: 'must be positive' });
    expect(detailsByField(new Error('x'))).toEqual({});
  });
});
