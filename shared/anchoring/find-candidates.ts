/** A place in the normalised text where the quote may now be, with its edit errors. */
export interface RawCandidate {
  start: number;
  end: number;
  errors: number;
}
