import { renderLabelsPdf } from './label-pdf.renderer';

describe('renderLabelsPdf', () => {
  const labels = [
    { value: 'DRL-13', title: 'DRL-13', lines: ['冲击电钻', '650W 13mm'] },
    { value: 'L:WH-RM/A-01', title: 'WH-RM/A-01', lines: ['原材料仓 A区01货架'] },
  ];

  it('makes a PDF with one page per label and copy, at the label size', async () => {
    const pdf = await renderLabelsPdf(labels, { symbology: 'code128', widthMm: 60, heightMm: 40 }, 3);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(6);
    // 60 × 40 mm in points
    expect(text).toMatch(/\/MediaBox \[0 0 170\.07\d* 113\.38\d*\]/);
  });

  it('draws QR labels too and embeds the CJK font (.ci/run installs fonts-wqy-microhei)', async () => {
    const pdf = await renderLabelsPdf(labels.slice(0, 1), { symbology: 'qrcode', widthMm: 50, heightMm: 30 });
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toMatch(/\/Subtype \/Image/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+WenQuanYiMicroHei/);
  });
});
