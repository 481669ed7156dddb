import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { coreEnUS, coreZhCN, createAppI18n, sessionTokens, useAuthStore } from '@mes/web-core';
import { jsonResponse } from '@mes/web-core/testing';
import { fakeFiles } from '../testing/fake-files';
import type { ImportReport } from '../api/import-export.api';
import { messages } from '../locales';
import { pageMessages } from '../locales/pages';
import ImportDialog from './import-dialog.vue';

const notify = vi.hoisted(() => ({ success: vi.fn(), info: vi.fn(), warning: vi.fn(), error: vi.fn() }));
vi.mock('@mes/web-core', async (importOriginal) => ({ ...(await importOriginal<object>()), notify }));

const invalid: ImportReport = {
  kind: 'items',
  dryRun: true,
  total: 3,
  created: 0,
  updated: 0,
  errors: [
    { row: 4, column: '基本单位', field: 'baseUnit', message: '未知计量单位 箱子 / unknown unit 箱子' },
    { row: 2, column: '物料编码', field: 'code', message: '编码重复' },
  ],
  errorCount: 2,
};
const valid: ImportReport = { ...invalid, created: 2, updated: 1, errors: [], errorCount: 0 };

async function mountDialog(answer: (url: string) => Response) {
  const fake = fakeFiles((call) => answer(call.url));
  vi.stubGlobal('fetch', fake.fetch);
  sessionTokens.set({ accessToken: 'a', refreshToken: 'r' });
  const i18n = createAppI18n([{ 'zh-CN': coreZhCN, 'en-US': coreEnUS }, messages, pageMessages], 'zh-CN');
  const pinia = createPinia();
  useAuthStore(pinia).$patch({ permissions: ['master-data:write'] });
  const wrapper = mount(ImportDialog, {
    props: { kind: 'items', modelValue: false },
    global: { plugins: [pinia, i18n] },
    attachTo: document.body,
  });
  await wrapper.setProps({ modelValue: true });
  await flushPromises();
  return { wrapper, calls: fake.calls };
}

async function chooseFile(name: string) {
  const input = document.querySelector<HTMLInputElement>('[data-testid="import-dialog"] input[type="file"]');
  if (!input) throw new Error('no file input');
  const file = new File(['物料编码\nA'], name, { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await flushPromises();
}

const button = (testid: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`);

describe('import dialog', () => {
  afterEach(() => {
    sessionTokens.clear();
    document.body.innerHTML = '';
  });

  it('shows the rows a dry run refused and keeps 导入 disabled', async () => {
    const { calls } = await mountDialog(() =>
      jsonResponse(400, {
        statusCode: 400,
        code: 'IMPORT_INVALID',
        message: '导入文件有 2 处错误，未导入任何数据 / 2 errors',
        details: [],
        report: invalid,
      }),
    );
    expect(button('import-dry-run')?.disabled).toBe(true);
    await chooseFile('物料.csv');
    expect(button('import-dry-run')?.disabled).toBe(false);
    button('import-dry-run')?.click();
    await flushPromises();

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/master-data/imports/items?dryRun=true',
    ]);
    const report = document.querySelector('[data-testid="import-report"]');
    expect(report?.textContent).toContain('发现 2 处错误');
    expect(report?.textContent).toContain('共 3 行：新增 0，更新 0');
    const rows = [...document.querySelectorAll('[data-testid="import-errors"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
    );
    expect(rows).toEqual([
      ['2', '物料编码', '编码重复'],
      ['4', '基本单位', '未知计量单位 箱子'],
    ]);
    expect(button('import-confirm')?.disabled).toBe(true);
  });

  it('imports after a clean dry run and says what was written', async () => {
    const { wrapper, calls } = await mountDialog((url) =>
      jsonResponse(
        url.includes('dryRun=true') ? 200 : 201,
        url.includes('dryRun=true') ? valid : { ...valid, dryRun: false },
      ),
    );
    await chooseFile('物料.xlsx');
    expect(button('import-confirm')?.disabled).toBe(true);
    button('import-dry-run')?.click();
    await flushPromises();
    expect(document.querySelector('[data-testid="import-state-ready"]')?.textContent).toContain('预检通过');
    expect(button('import-confirm')?.disabled).toBe(false);
    button('import-confirm')?.click();
    await flushPromises();
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/master-data/imports/items?dryRun=true',
      '/api/v1/master-data/imports/items?dryRun=false',
    ]);
    expect(notify.success).toHaveBeenCalledWith('导入完成：新增 2，更新 1');
    expect(wrapper.emitted('imported')).toHaveLength(1);
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([false]);
  });

  it('refuses a file that is not .xlsx or .csv without sending it', async () => {
    const { calls } = await mountDialog(() => jsonResponse(200, valid));
    await chooseFile('物料.xls');
    expect(document.querySelector('[data-testid="import-error"]')?.textContent).toContain(
      '只支持 .xlsx 或 .csv',
    );
    expect(button('import-dry-run')?.disabled).toBe(true);
    expect(calls).toEqual([]);
  });
});
