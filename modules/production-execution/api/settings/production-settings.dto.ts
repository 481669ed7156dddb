import { ApiProperty } from '@nestjs/swagger';
import { IsDecimalString } from '@mes/platform';
import type { ProductionSettingsView } from '@mes/shared';

export class ProductionSettingsDto implements ProductionSettingsView {
  @ApiProperty({
    example: '10',
    description: 'percent an operation may report beyond its base quantity, 0–100',
  })
  @IsDecimalString({ scale: 4, min: '0', max: '100' })
  overReportTolerance!: string;
}
