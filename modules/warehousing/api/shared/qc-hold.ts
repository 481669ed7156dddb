/** The location in each warehouse where received goods wait for inspection (待检区). */
export const QC_HOLD_LOCATION = { code: 'QC-HOLD', name: '待检区' } as const;
