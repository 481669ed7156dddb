import PDFDocument from 'pdfkit';
import { cjkFont, type PartnerRef } from '@mes/master-data-api';
import type { PurchaseOrderView } from '@mes/shared';

export interface PurchaseOrderPrint {
  order: PurchaseOrderView;
  supplier: PartnerRef | null;
  /** The buying company (the tenant's name). */
  companyName: string;
}

const MARGIN = 40;
/** Columns of the line table: header, width (pt), alignment. */
const COLUMNS: { title: string; width: number; align: 'left' | 'right' }[] = [
  { title: '行号', width: 32, align: 'left' },
  { title: '物料编码', width: 80, align: 'left' },
  { title: '物料名称', width: 120, align: 'left' },
  { title: '单位', width: 36, align: 'left' },
  { title: '数量', width: 60, align: 'right' },
  { title: '单价', width: 60, align: 'right' },
  { title: '金额', width: 70, align: 'right' },
  { title: '交货日期', width: 57, align: 'left' },
];

/** 采购订单 on A4, to print or send to the supplier: header, supplier, lines, total, signatures. */
export function renderPurchaseOrderPdf(print: PurchaseOrderPrint): Promise<Buffer> {
  const { order, supplier } = print;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `采购订单 ${order.no}`, Creator: '数智工厂 SaaS' },
  });
  const font = cjkFont();
  if (font) doc.registerFont('cjk', font.path, font.family ?? '');
  doc.font(font ? 'cjk' : 'Helvetica');
  // Without a CJK font, Chinese text would print as boxes: print only what Helvetica can show.
  const p = (text: string) => (font ? text : text.replace(/[^\x20-\x7e]/g, '?'));
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  doc.fontSize(18).text(p(`${print.companyName} 采购订单`), { align: 'center' });
  doc.fontSize(10).text('PURCHASE ORDER', { align: 'center' }).moveDown();
  const contact = supplier?.contacts[0];
  const info: [string, string][] = [
    ['订单号 No.', order.no],
    ['订单日期 Date', order.orderDate],
    ['供应商 Supplier', `${order.supplierCode} ${order.supplierName}`],
    ['地址 Address', supplier?.address ?? ''],
    ['联系人 Contact', contact ? `${contact.name} ${contact.phone ?? ''}` : ''],
    ['采购员 Buyer', order.buyerName ?? ''],
    ['要求到货 Expected', order.expectedDate ?? ''],
    ['收货仓库 Warehouse', order.warehouseCode ?? ''],
    ['币种 Currency', order.currency],
  ];
  doc.fontSize(10);
  for (const [label, value] of info) doc.text(p(`${label}：${value}`));
  doc.moveDown();

  const rowHeight = 18;
  let y = doc.y;
  const drawRow = (cells: string[], bold = false) => {
    if (y + rowHeight > doc.page.height - MARGIN - 60) {
      doc.addPage();
      y = MARGIN;
    }
    let x = MARGIN;
    if (bold)
      doc
        .rect(MARGIN, y - 3, width, rowHeight)
        .fill('#eeeeee')
        .fillColor('#000000');
    cells.forEach((cell, i) => {
      const col = COLUMNS[i];
      if (!col) return;
      doc.text(p(cell), x + 2, y, {
        width: col.width - 4,
        height: rowHeight - 4,
        align: col.align,
        ellipsis: true,
      });
      x += col.width;
    });
    y += rowHeight;
    doc
      .moveTo(MARGIN, y - 3)
      .lineTo(MARGIN + width, y - 3)
      .lineWidth(0.5)
      .stroke('#999999');
  };
  doc.fontSize(9);
  drawRow(
    COLUMNS.map((c) => c.title),
    true,
  );
  for (const l of order.lines)
    drawRow([
      String(l.lineNo),
      l.itemCode,
      l.itemName,
      l.unit,
      l.qty,
      l.unitPrice,
      l.amount,
      l.dueDate ?? order.expectedDate ?? '',
    ]);
  doc.fontSize(11).text(p(`合计 Total：${order.currency} ${order.totalAmount}`), MARGIN, y + 6, {
    width,
    align: 'right',
  });
  if (order.note) doc.fontSize(9).text(p(`备注 Note：${order.note}`), MARGIN, doc.y + 6, { width });
  const signY = doc.y + 30;
  doc.fontSize(10).text(p('采购方（盖章）：________________'), MARGIN, signY, { width: width / 2 });
  doc.text(p('供应商确认（盖章）：________________'), MARGIN + width / 2, signY, { width: width / 2 });
  doc.end();
  return done;
}
