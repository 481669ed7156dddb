import type { BarcodeLookupResult, LabelRuleView, LotView } from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';
import { createFileTransfer } from './file-transfer';

export type { BarcodeLookupResult, LabelRuleView, LotView };

export type LabelTarget = LabelRuleView['target'];
export type Symbology = LabelRuleView['symbology'];

/** `PUT /label-rules/:target`: the symbology, and the prefix and size when given. */
export interface LabelRuleInput {
  symbology: Symbology;
  prefix?: string;
  widthMm?: string;
  heightMm?: string;
}

/** Typed client of the barcode endpoints of `/api/v1/master-data` (扫码查询, 标签打印, 标签规则). */
export function createBarcodeApi(client: HttpClient = http, fetchImpl?: typeof fetch) {
  const files = createFileTransfer(client, fetchImpl);
  return {
    /** What a scanned code is; 404 when nothing has that code. */
    lookup: (code: string) =>
      client.get<BarcodeLookupResult>(
        '/master-data/barcodes/lookup',
        { code: code.trim() },
        { silent: true },
      ),
    /**
     * The labels as one PDF (a page per label). Item codes, `WAREHOUSE/LOCATION` for locations,
     * `ITEM/LOT` for lots; 400 on `codes` naming the unknown ones.
     */
    labels: async (target: LabelTarget, codes: readonly string[], copies = 1): Promise<Blob> =>
      (
        await files.download(
          '/master-data/labels',
          {
            target,
            codes: codes
              .map((c) => c.trim())
              .filter(Boolean)
              .join(','),
            copies,
          },
          `${target}-labels.pdf`,
        )
      ).blob,
    /** Lots (批次) to print labels of: the latest, or those of one item. */
    lots: (query: { itemCode?: string; pageSize?: number } = {}) =>
      client.get<{ items: LotView[]; total: number }>('/master-data/lots', {
        itemCode: query.itemCode?.trim(),
        pageSize: query.pageSize,
      }),
    labelRules: () => client.get<{ items: LabelRuleView[] }>('/master-data/label-rules'),
    putLabelRule: (target: LabelTarget, rule: LabelRuleInput) =>
      client.put<LabelRuleView>(`/master-data/label-rules/${encodeURIComponent(target)}`, rule, {
        silent: true,
      }),
  };
}

export type BarcodeApi = ReturnType<typeof createBarcodeApi>;
export const barcodeApi: BarcodeApi = createBarcodeApi();
