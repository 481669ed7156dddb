import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@mes/platform';
import {
  SCHEDULE_RULES,
  SCHEDULE_RUN_STATUSES,
  SCHEDULE_STRATEGIES,
  type ObjectiveWeightsInput,
  type ScheduleRuleName,
  type ScheduleRunInput,
  type ScheduleRunStatus,
  type ScheduleStrategy,
} from '@mes/shared';

export class ObjectiveWeightsDto implements ObjectiveWeightsInput {
  @ApiPropertyOptional({ minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  makespan?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  weightedTardiness?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  lateJobs?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  setup?: number;
}

export class ScheduleRunDto implements ScheduleRunInput {
  @ApiPropertyOptional({
    enum: SCHEDULE_STRATEGIES,
    default: 'backward',
    description:
      'backward: from the due dates, then repaired forward (fewer late orders); forward: as early as possible',
  })
  @IsOptional()
  @IsIn(SCHEDULE_STRATEGIES)
  strategy?: ScheduleStrategy;

  @ApiPropertyOptional({ enum: SCHEDULE_RULES, default: 'auto' })
  @IsOptional()
  @IsIn(SCHEDULE_RULES)
  rule?: ScheduleRuleName;

  @ApiPropertyOptional({ minimum: 0, maximum: 300, default: 10 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(300)
  timeLimitSeconds?: number;

  @ApiPropertyOptional({ type: ObjectiveWeightsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ObjectiveWeightsDto)
  weights?: ObjectiveWeightsDto;

  @ApiPropertyOptional({ type: [String], description: 'only these work centers (one workshop)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  workCenterCodes?: string[];

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

export class ScheduleRunQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SCHEDULE_RUN_STATUSES })
  @IsOptional()
  @IsIn(SCHEDULE_RUN_STATUSES)
  status?: ScheduleRunStatus;
}
