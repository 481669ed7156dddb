import { describe, expect, it } from 'vitest';
import { ApiError } from '@mes/web-core';
import type { RoutingView } from './api/routing.api';
import {
  emptyAlternative,
  emptyOperation,
  emptyRoutingForm,
  hasOperationErrors,
  operationErrors,
  operationServerErrors,
  routingFormToInput,
  routingFormToReplace,
  routingToForm,
  totalRunMinutes,
  type OperationRow,
} from './routing.data';
import {
  emptyWorkCenterForm,
  isEfficiency,
  workCenterFormToInput,
  workCenterToForm,
} from './work-center.data';

const routing: RoutingView = {
  id: 'r1',
  itemCode: 'SHAFT-X',
  itemName: '传动轴',
  version: '1',
  isDefault: true,
  createdAt: '2026-01-05T02:00:00Z',
  operations: [
    {
      seq: 20,
      name: '车削',
      workCenterCode: 'CNC-01',
      setupMinutes: '30',
      runMinutes: '2.5',
      queueMinutes: '0',
      moveMinutes: '5',
      skill: '数控车工',
      inspectionPoint: true,
      spanBreaks: true,
      sopUrl: 'https://sop.example/20',
      alternatives: [{ workCenterCode: 'CNC-02', runMinutes: '3' }],
    },
    {
      seq: 10,
      name: '下料',
      workCenterCode: 'SAW',
      setupMinutes: '0',
      runMinutes: '0.000001',
      queueMinutes: '0',
      moveMinutes: '0',
      skill: '',
      inspectionPoint: false,
      spanBreaks: true,
      sopUrl: '',
      alternatives: [],
    },
  ],
};

const op = (patch: Partial<OperationRow>): OperationRow => ({ ...emptyOperation(), ...patch });

describe('routing form ↔ RoutingInput', () => {
  it('edits the operations in seq order and sends them back as typed', () => {
    const form = routingToForm(routing);
    expect(form.operations.map((o) => o.seq)).toEqual([10, 20]);
    expect(routingFormToReplace(form)).toEqual({
      version: '1',
      operations: [
        {
          seq: 10,
          name: '下料',
          workCenterCode: 'SAW',
          setupMinutes: '0',
          runMinutes: '0.000001',
          queueMinutes: '0',
          moveMinutes: '0',
          inspectionPoint: false,
          spanBreaks: true,
          alternatives: [],
        },
        {
          seq: 20,
          name: '车削',
          workCenterCode: 'CNC-01',
          setupMinutes: '30',
          runMinutes: '2.5',
          queueMinutes: '0',
          moveMinutes: '5',
          skill: '数控车工',
          inspectionPoint: true,
          spanBreaks: true,
          sopUrl: 'https://sop.example/20',
          alternatives: [{ workCenterCode: 'CNC-02', runMinutes: '3' }],
        },
      ],
    });
  });

  it('builds a create body: blanks left to the API, strings trimmed, no row keys', () => {
    const form = emptyRoutingForm(' SHAFT-X ');
    form.operations = [
      op({ seq: 10, name: ' 下料 ', workCenterCode: 'SAW', runMinutes: ' 1.5 ', setupMinutes: ' ' }),
      op({
        seq: 20,
        name: '车削',
        workCenterCode: 'CNC-01',
        runMinutes: '2',
        alternatives: [{ ...emptyAlternative(), workCenterCode: ' CNC-02 ', runMinutes: '2.5' }],
      }),
    ];
    expect(routingFormToInput(form)).toEqual({
      itemCode: 'SHAFT-X',
      isDefault: true,
      operations: [
        {
          seq: 10,
          name: '下料',
          workCenterCode: 'SAW',
          runMinutes: '1.5',
          inspectionPoint: false,
          spanBreaks: true,
          alternatives: [],
        },
        {
          seq: 20,
          name: '车削',
          workCenterCode: 'CNC-01',
          runMinutes: '2',
          inspectionPoint: false,
          spanBreaks: true,
          alternatives: [{ workCenterCode: 'CNC-02', runMinutes: '2.5' }],
        },
      ],
    });
    form.version = ' V2 ';
    expect(routingFormToInput(form).version).toBe('V2');
  });

  it('numbers a new operation 10 after the last', () => {
    expect(emptyOperation().seq).toBe(10);
    expect(emptyOperation([op({ seq: 10 }), op({ seq: 25 })]).seq).toBe(30);
    expect(emptyOperation([op({ seq: 9999 })]).seq).toBe(9999);
    expect(emptyOperation().key).not.toBe(emptyOperation().key);
  });

  it('checks the operations before sending', () => {
    const errors = operationErrors([
      op({ seq: 10, name: '下料', workCenterCode: 'SAW', runMinutes: '1.5' }),
      op({ seq: 10, name: '', workCenterCode: '', runMinutes: '' }),
      op({ seq: null, name: '车削', workCenterCode: 'CNC-01', runMinutes: '-1', setupMinutes: 'abc' }),
      op({
        seq: 30,
        name: '磨削',
        workCenterCode: 'GRD',
        runMinutes: '2',
        alternatives: [
          { key: 1, workCenterCode: 'GRD', runMinutes: '2' },
          { key: 2, workCenterCode: 'GRD-2', runMinutes: '' },
          { key: 3, workCenterCode: '', runMinutes: '1' },
          { key: 4, workCenterCode: 'GRD-3', runMinutes: '2' },
          { key: 5, workCenterCode: 'GRD-3', runMinutes: '2' },
        ],
      }),
    ]);
    expect(errors[0]).toEqual({ fields: { seq: 'masterData.rules.seqDuplicate' }, alternatives: {} });
    expect(errors[1]?.fields).toEqual({
      seq: 'masterData.rules.seqDuplicate',
      name: 'masterData.rules.operationNameRequired',
      workCenterCode: 'masterData.rules.workCenterRequired',
      runMinutes: 'masterData.rules.runMinutesRequired',
    });
    expect(errors[2]?.fields).toEqual({
      seq: 'masterData.rules.seqInvalid',
      runMinutes: 'masterData.rules.minutesInvalid',
      setupMinutes: 'masterData.rules.minutesInvalid',
    });
    expect(errors[3]).toEqual({
      fields: {},
      alternatives: {
        0: 'masterData.rules.alternativeIsPrimary',
        1: 'masterData.rules.minutesInvalid',
        2: 'masterData.rules.workCenterRequired',
        4: 'masterData.rules.alternativeDuplicate',
      },
    });
    expect(hasOperationErrors(errors)).toBe(true);
    expect(hasOperationErrors([{ fields: {}, alternatives: {} }])).toBe(false);
  });

  it('maps the API details on the operations to rows, fields and alternatives', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'bad', [
      { field: 'operations[1].workCenterCode', message: 'unknown work center NOPE' },
      { field: 'operations[1].seq', message: 'seq 10 appears twice' },
      { field: 'operations[0].alternatives[1].runMinutes', message: 'runMinutes must be a decimal' },
      { field: 'operations[2].inspectionPoint', message: 'must be a boolean' },
      { field: 'version', message: 'taken' },
    ]);
    expect(operationServerErrors(error)).toEqual({
      0: { fields: {}, alternatives: { 1: 'runMinutes must be a decimal' } },
      1: {
        fields: { workCenterCode: 'unknown work center NOPE', seq: 'seq 10 appears twice' },
        alternatives: {},
      },
      2: { fields: {}, alternatives: {}, row: 'must be a boolean' },
    });
    expect(operationServerErrors(new Error('x'))).toEqual({});
    const bilingual = new ApiError(400, 'VALIDATION_FAILED', 'bad', [
      { field: 'operations[0].name', message: '工序名称不能为空 / name should not be empty' },
    ]);
    expect(operationServerErrors(bilingual, (m) => m.split(' / ')[0] ?? m)[0]?.fields.name).toBe(
      '工序名称不能为空',
    );
  });

  it('adds up the run minutes exactly enough for a label', () => {
    expect(totalRunMinutes([op({ runMinutes: '0.1' }), op({ runMinutes: '0.2' })])).toBe('0.3');
    expect(totalRunMinutes([op({ runMinutes: '2' }), op({ runMinutes: '' })])).toBe('');
  });
});

describe('work-center form ↔ WorkCenterInput', () => {
  it('round-trips and clears the calendar with null', () => {
    const view = {
      id: 'w1',
      code: 'CNC-01',
      name: '数控车床1号',
      kind: 'machine' as const,
      parallelCapacity: 2,
      efficiency: '0.85',
      calendarCode: 'TWO-SHIFT',
      status: 'active' as const,
      createdAt: '2026-01-05T02:00:00Z',
    };
    const form = workCenterToForm(view);
    expect(workCenterFormToInput(form)).toEqual({
      code: 'CNC-01',
      name: '数控车床1号',
      kind: 'machine',
      parallelCapacity: 2,
      efficiency: '0.85',
      calendarCode: 'TWO-SHIFT',
      status: 'active',
    });
    form.calendarCode = '';
    form.efficiency = ' ';
    expect(workCenterFormToInput(form)).toMatchObject({ calendarCode: null, efficiency: '1' });
    expect(emptyWorkCenterForm()).toMatchObject({ kind: 'machine', parallelCapacity: 1, efficiency: '1' });
  });

  it('accepts the efficiencies the API accepts', () => {
    for (const ok of ['1', '0.85', '10', '0.0001', '1.2345']) expect(isEfficiency(ok)).toBe(true);
    for (const bad of ['0', '0.00001', '10.01', '-1', 'abc', '', '1e1', '100'])
      expect(isEfficiency(bad)).toBe(false);
  });
});
