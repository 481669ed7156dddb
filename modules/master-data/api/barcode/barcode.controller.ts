import { Body, Controller, Get, Param, ParseEnumPipe, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError, RequirePermission, RequiresModule, TenantActor, type Actor } from '@mes/platform';
import type { BarcodeLookupResult, LabelRuleView } from '@mes/shared';
import { MASTER_DATA_KEY, MasterDataPermission } from '../manifest';
import { BarcodeLookupQueryDto, LabelRuleDto, LabelsQueryDto, LABEL_TARGETS } from './barcode.dto';
import { BarcodeService } from './barcode.service';
import type { LabelTarget } from './label-rule.entity';
import { LabelRuleService } from './label-rule.service';

const targetPipe = new ParseEnumPipe(Object.fromEntries(LABEL_TARGETS.map((t) => [t, t])), {
  exceptionFactory: () => new NotFoundError('标签类型 / label target'),
});

@ApiTags('master-data')
@ApiBearerAuth()
@RequiresModule(MASTER_DATA_KEY)
@Controller('master-data')
export class BarcodeController {
  constructor(
    private readonly barcodes: BarcodeService,
    private readonly rules: LabelRuleService,
  ) {}

  /** What a scanned code is: an item (its own barcode or code) or a location. */
  @RequirePermission(MasterDataPermission.READ)
  @Get('barcodes/lookup')
  lookup(@Query() query: BarcodeLookupQueryDto): Promise<BarcodeLookupResult> {
    return this.barcodes.lookup(query.code);
  }

  /** Printable labels, one per page at the label size, Code128 or QR as the rule says. */
  @RequirePermission(MasterDataPermission.READ)
  @ApiProduces('application/pdf')
  @Get('labels')
  async labels(@Query() query: LabelsQueryDto, @Res() res: Response): Promise<void> {
    const pdf = await this.barcodes.labelsPdf(query.target, query.codes, query.copies ?? 1);
    res
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${query.target}-labels.pdf"`,
      })
      .send(pdf);
  }

  @RequirePermission(MasterDataPermission.READ)
  @Get('label-rules')
  async labelRules(): Promise<{ items: LabelRuleView[] }> {
    return { items: Object.values(await this.rules.all()) };
  }

  @RequirePermission(MasterDataPermission.WRITE)
  @Put('label-rules/:target')
  putLabelRule(
    @TenantActor() actor: Actor & { tenantId: string },
    @Param('target', targetPipe) target: LabelTarget,
    @Body() dto: LabelRuleDto,
  ): Promise<LabelRuleView> {
    return this.rules.put(actor.tenantId, target, dto);
  }
}
