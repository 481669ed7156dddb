import { percentShipped } from './order-progress.service';

describe('percentShipped', () => {
  it('is shipped / ordered in percent, one decimal rounded down, capped at 100', () => {
    expect(percentShipped('3', '1')).toBe('33.3');
    expect(percentShipped('3', '2')).toBe('66.6');
    expect(percentShipped('40', '10')).toBe('25');
    expect(percentShipped('0.000003', '0.000001')).toBe('33.3');
    expect(percentShipped('10', '10')).toBe('100');
    expect(percentShipped('10', '12')).toBe('100');
    expect(percentShipped('10', '0')).toBe('0');
    expect(percentShipped('0', '0')).toBe('0');
  });
});
