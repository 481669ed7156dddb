// Label printing and label rules: the codes typed or carried over, and the rule form.
import type { LabelRuleInput, LabelRuleView, LabelTarget, Symbology } from './api/barcode.api';
import { isDecimal, type Option } from './data';

export const LABEL_TARGET_OPTIONS: Option<LabelTarget>[] = [
  { value: 'item', labelKey: 'masterData.labelTarget.item' },
  { value: 'location', labelKey: 'masterData.labelTarget.location' },
  { value: 'lot', labelKey: 'masterData.labelTarget.lot' },
];

/** Every label target, in the order of the label rules. */
export const LABEL_TARGETS: readonly LabelTarget[] = ['item', 'location', 'lot'];

export const SYMBOLOGY_OPTIONS: Option<Symbology>[] = [
  { value: 'code128', labelKey: 'masterData.symbology.code128' },
  { value: 'qrcode', labelKey: 'masterData.symbology.qrcode' },
];

export const LABEL_LIMITS = { codes: 200, copies: 100, prefix: 10 } as const;

/** Codes typed or pasted (commas, spaces, new lines), trimmed, each once, in order. */
export function splitCodes(text: string | readonly string[]): string[] {
  const parts = typeof text === 'string' ? text.split(/[,，\s]+/) : text;
  return [...new Set(parts.map((c) => c.trim()).filter(Boolean))];
}

/**
 * `?target=…&codes=a,b` of the label page (from the items list or the warehouses page). Codes are item
 * codes, `WAREHOUSE/LOCATION` or `ITEM/LOT`.
 */
export function labelQuery(target: LabelTarget, codes: readonly string[]) {
  return codes.length ? { target, codes: codes.join(',') } : { target };
}

export const isLabelTarget = (v: unknown): v is LabelTarget =>
  typeof v === 'string' && (LABEL_TARGETS as readonly string[]).includes(v);

export interface LabelRuleForm {
  symbology: Symbology;
  prefix: string;
  widthMm: string;
  heightMm: string;
}

export const labelRuleToForm = (r: LabelRuleView): LabelRuleForm => ({
  symbology: r.symbology,
  prefix: r.prefix,
  widthMm: r.widthMm,
  heightMm: r.heightMm,
});

export const labelRuleFormToInput = (f: LabelRuleForm): LabelRuleInput => ({
  symbology: f.symbology,
  prefix: f.prefix.trim(),
  widthMm: f.widthMm.trim(),
  heightMm: f.heightMm.trim(),
});

const PREFIX = /^[A-Za-z0-9:\-_.]*$/;

const inRange = (v: string, min: number, max: number) =>
  isDecimal(v) && /^\d+(\.\d{1,2})?$/.test(v.trim()) && Number(v) >= min && Number(v) <= max;

/** i18n keys of what is wrong with a rule (the API's limits: prefix, 20–200 × 10–200 mm). */
export function labelRuleErrors(f: LabelRuleForm): Partial<Record<keyof LabelRuleForm, string>> {
  const errors: Partial<Record<keyof LabelRuleForm, string>> = {};
  if (f.prefix.trim().length > LABEL_LIMITS.prefix || !PREFIX.test(f.prefix.trim()))
    errors.prefix = 'masterData.rules.prefixInvalid';
  if (!inRange(f.widthMm, 20, 200)) errors.widthMm = 'masterData.rules.widthInvalid';
  if (!inRange(f.heightMm, 10, 200)) errors.heightMm = 'masterData.rules.heightInvalid';
  return errors;
}
