import { t, type Locale } from './i18n';
import type { OutboxError } from './outbox';

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '?');

const STATUS_WORDS = ['planned', 'released', 'in_progress', 'paused', 'completed', 'closed', 'cancelled'];

/** The work order status a 409 INVALID_STATUS names (`… is closed: cannot …`), if any. */
function statusOf(error: OutboxError): string | null {
  const fromDetail = error.details?.find((d) => d.field === 'status')?.message.replace(/^is /, '');
  if (fromDetail && STATUS_WORDS.includes(fromDetail)) return fromDetail;
  const m = /is (\w+):/.exec(error.message);
  return m?.[1] && STATUS_WORDS.includes(m[1]) ? m[1] : null;
}

/** Why the server refused an outbox entry, in the operator's words. */
export function explain(error: OutboxError, l?: Locale): string {
  const word = (s: string) => t(`wo.${s}` as Parameters<typeof t>[0], {}, l);
  switch (error.code) {
    case 'WORK_ORDER_PAUSED':
      return t('why.paused', {}, l);
    case 'OVER_REPORT': {
      const d = error.details?.[0] ?? { field: '', message: '' };
      return t(
        'why.over',
        {
          seq: text(d['operationSeq']),
          allowed: text(d['allowed']),
          requested: text(d['requested']),
        },
        l,
      );
    }
    case 'INVALID_STATUS': {
      const status = statusOf(error);
      if (status && ['closed', 'completed', 'cancelled'].includes(status))
        return t('why.closed', { status: word(status) }, l);
      return t('why.status', { status: status ? word(status) : '?' }, l);
    }
    case 'NOT_FOUND':
      return t('why.notFound', {}, l);
    case 'VALIDATION_FAILED':
      return t(
        'why.invalid',
        { message: (error.details ?? []).map((d) => `${d.field}: ${d.message}`).join('; ') || error.message },
        l,
      );
    case 'IDEMPOTENCY_KEY_REUSED':
      return t('why.reused', {}, l);
    default:
      if (error.status >= 500) return t('why.server', {}, l);
      return t('why.other', { message: error.message }, l);
  }
}
