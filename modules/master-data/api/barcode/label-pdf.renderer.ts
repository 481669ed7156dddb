import { existsSync } from 'node:fs';
import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import type { Symbology } from './label-rule.entity';

export interface LabelContent {
  /** What the barcode encodes (prefix + code). */
  value: string;
  /** Big line: the code as people read it. */
  title: string;
  /** Smaller lines: name, spec, unit… */
  lines: string[];
}

export interface LabelLayout {
  symbology: Symbology;
  widthMm: number;
  heightMm: number;
}

const PT_PER_MM = 72 / 25.4;
/** A CJK font so Chinese names print; Debian's fonts-wqy-microhei (LABEL_FONT overrides). */
const CJK_FONTS = [process.env.LABEL_FONT, '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'];

export function cjkFont(): { path: string; family?: string } | null {
  for (const path of CJK_FONTS) {
    if (path && existsSync(path))
      return { path, ...(path.endsWith('.ttc') ? { family: 'WenQuanYiMicroHei' } : {}) };
  }
  return null;
}

/** The largest size up to `max` at which `text` fits `width` on one line. */
function fitFontSize(doc: PDFKit.PDFDocument, text: string, width: number, max: number): number {
  doc.fontSize(max);
  const natural = doc.widthOfString(text);
  return natural <= width ? max : Math.max(5, (max * width) / natural);
}

function barcodePng(symbology: Symbology, value: string): Promise<Buffer> {
  return bwipjs.toBuffer(
    symbology === 'qrcode'
      ? { bcid: 'qrcode', text: value, scale: 4 }
      : { bcid: 'code128', text: value, scale: 3, height: 12, includetext: false },
  );
}

/**
 * One label per page at the label's own size (what thermal label printers expect): the barcode
 * (Code128 across the top, or a QR code on the left), the code in large type, then name and spec.
 */
export async function renderLabelsPdf(
  labels: LabelContent[],
  layout: LabelLayout,
  copies = 1,
): Promise<Buffer> {
  const width = layout.widthMm * PT_PER_MM;
  const height = layout.heightMm * PT_PER_MM;
  const pad = 2.5 * PT_PER_MM;
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    autoFirstPage: false,
    info: { Title: 'labels', Creator: '数智工厂 SaaS' },
  });
  const font = cjkFont();
  if (font) doc.registerFont('label', font.path, font.family ?? '');
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
  const images = new Map<string, Buffer>();
  for (const label of labels) {
    if (!images.has(label.value)) images.set(label.value, await barcodePng(layout.symbology, label.value));
  }
  for (const label of labels) {
    const png = images.get(label.value) as Buffer;
    for (let copy = 0; copy < copies; copy++) {
      doc.addPage({ size: [width, height], margin: 0 });
      doc.font(font ? 'label' : 'Helvetica');
      // Without a CJK font, Chinese text would print as boxes: print only what Helvetica can show.
      const printable = (text: string) => (font ? text : text.replace(/[^\x20-\x7e]/g, '?'));
      if (layout.symbology === 'qrcode') {
        const side = Math.min(height - 2 * pad, width * 0.45);
        doc.image(png, pad, pad, { fit: [side, side] });
        const x = pad * 2 + side;
        const title = printable(label.title);
        doc
          .fontSize(fitFontSize(doc, title, width - x - pad, Math.min(14, height / 5)))
          .text(title, x, pad, { width: width - x - pad, lineBreak: false });
        doc.fontSize(Math.min(9, height / 8));
        for (const line of label.lines)
          doc.text(printable(line), { width: width - x - pad, ellipsis: true, height: height / 6 });
      } else {
        const barHeight = height * 0.42;
        doc.image(png, pad, pad, { fit: [width - 2 * pad, barHeight], align: 'center' });
        const title = printable(label.title);
        doc
          .fontSize(fitFontSize(doc, title, width - 2 * pad, Math.min(14, height / 6)))
          .text(title, pad, pad + barHeight + 2, {
            width: width - 2 * pad,
            align: 'center',
            lineBreak: false,
          });
        doc.fontSize(Math.min(9, height / 9));
        for (const line of label.lines)
          doc.text(printable(line), {
            width: width - 2 * pad,
            align: 'center',
            ellipsis: true,
            height: height / 8,
          });
      }
    }
  }
  doc.end();
  return done;
}
