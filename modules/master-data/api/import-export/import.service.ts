import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { TenantDb } from '@mes/platform';
import { planBomLines } from './bom-import';
import { fileError, ImportConflictError, ImportInvalidError } from './import-export.errors';
import { MAX_REPORTED_ERRORS, type ImportKind, type ImportReport } from './import-export.types';
import type { ImportContext, ImportPlan } from './importer';
import { planItems } from './item-import';
import { parseBomLineRows, parseItemRows, parsePartnerRows, parseRoutingRows } from './parse-rows';
import { planPartners } from './partner-import';
import { columnLetters, ErrorSink, reportStrayCells, splitSheet, type HeaderMap } from './row-reader';
import { planRoutings } from './routing-import';
import { readSheet, type SheetRow, type UploadedSheetFile } from './sheet';

/** Milliseconds spent reading the file, validating it against the tenant's data, and writing. */
export interface ImportTimings {
  parse: number;
  validate: number;
  write: number;
}

/** SQLSTATEs of a concurrent change slipping between validation and write (unique, foreign key). */
const CONCURRENT_CHANGE = new Set(['23505', '23503']);

const elapsed = (since: number) => Math.round(performance.now() - since);

/**
 * Spreadsheet imports of master data: every row is checked first, every problem is reported with its
 * row number, and only a file without problems is written — in one transaction, with bulk statements.
 */
@Injectable()
export class MasterDataImportService {
  constructor(private readonly db: TenantDb) {}

  async import(
    tenantId: string,
    kind: ImportKind,
    file: UploadedSheetFile,
    dryRun: boolean,
  ): Promise<{ report: ImportReport; timings: ImportTimings }> {
    let started = performance.now();
    const sheet = await readSheet(file);
    const { header, data } = splitSheet(kind, sheet);
    if (!header) throw fileError('文件是空的 / the file is empty');
    const sink = new ErrorSink(header);
    sink.addAll(header.errors);
    for (const e of sheet.cellErrors) sink.add(e.row, fieldAt(header, e.col), e.message);
    const report = (created: number, updated: number): ImportReport => ({
      kind,
      dryRun,
      total: data.length,
      created,
      updated,
      errors: sink.sorted().slice(0, MAX_REPORTED_ERRORS),
      errorCount: sink.count,
    });
    if (header.errors.length) throw new ImportInvalidError(report(0, 0));
    if (!data.length) throw fileError('文件中没有数据行 / the file has no data rows');
    reportStrayCells(header, data, sink);
    const parsed = parse(kind, header, data, sink);
    const timings: ImportTimings = { parse: elapsed(started), validate: 0, write: 0 };

    try {
      return await this.db.runInTenant(tenantId, async (m) => {
        started = performance.now();
        const ctx: ImportContext = { m, tenantId, header, sink, dryRun };
        const plan = await this.plan(ctx, kind, parsed);
        timings.validate = elapsed(started);
        if (sink.count) throw new ImportInvalidError(report(0, 0));
        if (!dryRun) {
          started = performance.now();
          await plan.write();
          timings.write = elapsed(started);
        }
        return { report: report(plan.created, plan.updated), timings };
      });
    } catch (error) {
      const code =
        error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
      if (code && CONCURRENT_CHANGE.has(code)) throw new ImportConflictError();
      throw error;
    }
  }

  private plan(ctx: ImportContext, kind: ImportKind, parsed: Parsed): Promise<ImportPlan> {
    switch (parsed.kind) {
      case 'items':
        return planItems(ctx, parsed.records);
      case 'bom-lines':
        return planBomLines(ctx, parsed.records);
      case 'routings':
        return planRoutings(ctx, parsed.records);
      case 'partners':
        return planPartners(ctx, kind === 'customers' ? 'customer' : 'supplier', parsed.records);
    }
  }
}

type Parsed =
  | { kind: 'items'; records: ReturnType<typeof parseItemRows> }
  | { kind: 'bom-lines'; records: ReturnType<typeof parseBomLineRows> }
  | { kind: 'routings'; records: ReturnType<typeof parseRoutingRows> }
  | { kind: 'partners'; records: ReturnType<typeof parsePartnerRows> };

function parse(kind: ImportKind, header: HeaderMap, rows: SheetRow[], sink: ErrorSink): Parsed {
  switch (kind) {
    case 'items':
      return { kind, records: parseItemRows(header, rows, sink) };
    case 'bom-lines':
      return { kind, records: parseBomLineRows(header, rows, sink) };
    case 'routings':
      return { kind, records: parseRoutingRows(header, rows, sink) };
    case 'customers':
    case 'suppliers':
      return { kind: 'partners', records: parsePartnerRows(header, rows, sink) };
  }
}

/** The field of a 0-based column, or its spreadsheet letter when the column is not a known one. */
function fieldAt(header: HeaderMap, col: number): string {
  for (const [field, c] of header.columns) if (c.index === col) return field;
  return `column ${columnLetters(col)}`;
}
