/**
 * Ids for the light-DOM children, whose labels, errors and descriptions point at each
 * other by id in a tree they share with the root and with each other.
 */
let counter = 0;

/** A document-unique id prefix, so that ids stay unique when an element is used twice. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
