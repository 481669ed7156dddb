/** class-transformer helper: trims strings, leaves everything else for the validators to refuse. */
export const trimString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
