/** The plant scheduler's result types (docs/decisions/0014, "Plant scheduling"). */

export interface ScheduledOperation {
  job: number;
  index: number;
  resource: number;
  /** When the work itself begins (after the changeover). */
  start: number;
  end: number;
  /** Changeover working minutes before the work (0 when none). */
  setup: number;
  /** When the changeover begins (= start when there is none). */
  setupStart: number;
}

export interface PlantKpis {
  makespan: number;
  totalWeightedTardiness: number;
  totalTardiness: number;
  lateJobs: number;
  setupTime: number;
  jobEnd: number[];
  jobTardiness: number[];
  /** per resource: busy minutes (work + setup) / working minutes available in [0, makespan] (0 when none available) */
  utilisation: number[];
}

export interface PlantSchedule {
  /** [job][index] */
  operations: ScheduledOperation[][];
  kpis: PlantKpis;
  objective: number;
  strategy: 'forward' | 'backward';
  rule: string;
  iterations: number;
  stoppedBy: 'constructive' | 'time' | 'iterations' | 'cancel' | 'bound';
}

/** A schedule in flat form: per operation (FlatPlant numbering) its resource, option and times. */
export interface PlantTimes {
  resource: Int32Array;
  option: Int32Array;
  start: Float64Array;
  end: Float64Array;
  setup: Float64Array;
  setupStart: Float64Array;
}

export function emptyTimes(opCount: number): PlantTimes {
  return {
    resource: new Int32Array(opCount).fill(-1),
    option: new Int32Array(opCount).fill(-1),
    start: new Float64Array(opCount),
    end: new Float64Array(opCount),
    setup: new Float64Array(opCount),
    setupStart: new Float64Array(opCount),
  };
}
