const ID_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random 16-character id (82 bits): unique across partners without coordination. */
export function newId(random: () => number): string {
  let id = '';
  for (let i = 0; i < 16; i++) id += ID_DIGITS[Math.floor(random() * ID_DIGITS.length)];
  return id;
}
