/** The colours of an Element Plus tag. */
export type TagType = 'primary' | 'success' | 'warning' | 'info' | 'danger';

/** A value of a status (or kind) with the i18n key of its label and the colour of its tag. */
export interface StatusOption<T extends string = string> {
  value: T;
  labelKey: string;
  tagType: TagType;
}

/** The option of a status; an unknown value shows as a grey tag of itself. */
export function statusOption<T extends string>(
  options: readonly StatusOption<T>[],
  value: string,
): StatusOption<T> {
  return options.find((o) => o.value === value) ?? { value: value as T, labelKey: value, tagType: 'info' };
}
