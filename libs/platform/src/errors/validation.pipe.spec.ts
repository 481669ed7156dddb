import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ValidationFailedError } from './domain-error';
import { createValidationPipe } from './validation.pipe';

class Line {
  @IsString() itemCode!: string;
  @IsInt() @Min(1) qty!: number;
}
class Order {
  @IsString() code!: string;
  @ValidateNested({ each: true }) @Type(() => Line) lines!: Line[];
}

describe('validation pipe', () => {
  const pipe = createValidationPipe();
  const run = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Order });

  it('reports nested fields as lines[0].qty and rejects unknown fields', async () => {
    const error = (await run({ code: 'A', lines: [{ itemCode: 'X', qty: 0 }], extra: 1 }).catch(
      (e: unknown) => e,
    )) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.status).toBe(400);
    const fields = error.details?.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['lines[0].qty', 'extra']));
    expect(error.details?.find((d) => d.field === 'extra')?.message).toBe(
      '不允许的字段 / property extra should not exist',
    );
    expect(error.details?.find((d) => d.field === 'lines[0].qty')?.message).toMatch(
      /^数值小于下限 \/ qty must not be less than 1$/,
    );
  });

  it('passes a valid body through', async () => {
    await expect(run({ code: 'A', lines: [{ itemCode: 'X', qty: 2 }] })).resolves.toMatchObject({
      code: 'A',
    });
  });
});
