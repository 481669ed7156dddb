import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsObject, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CODE_PATTERN } from '../item/item.dto';
import { trimString } from '../shared/trim';

export class CreateCalendarDto {
  @ApiProperty({ example: 'TWO-SHIFT' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'code may hold letters, digits and - _ . / only' })
  code!: string;

  @ApiProperty({ example: '两班制' })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    description:
      'CalendarDefinition: { timeZone?, weekly: { mon: [{ start: "08:00", end: "12:00" }], … }, exceptions? }',
    example: {
      timeZone: 'Asia/Shanghai',
      weekly: {
        mon: [{ start: '08:00', end: '12:00' }],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [],
        sun: [],
      },
    },
  })
  @IsObject()
  definition!: object;
}

export class UpdateCalendarDto extends PartialType(CreateCalendarDto) {}

export class WorkingTimeQueryDto {
  @ApiProperty({ example: '2026-11-23T00:00:00+08:00' })
  @IsDateString({ strict: true })
  from!: string;

  @ApiProperty({ example: '2026-11-30T00:00:00+08:00' })
  @IsDateString({ strict: true })
  to!: string;
}
