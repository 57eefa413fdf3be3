/** Deepest nesting a JSON body may have: far beyond any DTO of ours, far below what recursion can survive. */
export const MAX_JSON_DEPTH = 64;

/**
 * How deeply arrays and objects nest in a JSON text, read from the bytes in one pass (brackets
 * inside strings do not count). Checked before parsing: a body of 20,000 nested arrays parses,
 * but then overflows the stack of whatever walks it (validation, logging) into a 500.
 */
export function jsonDepthOf(bytes: Buffer): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (byte === 0x5d || byte === 0x7d) depth--;
  }
  return deepest;
}
