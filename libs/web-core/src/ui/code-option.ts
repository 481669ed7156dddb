/** A record a code picker offers: the code (the value), its name, and what else the caller needs. */
export interface CodeOption {
  code: string;
  name: string;
}
