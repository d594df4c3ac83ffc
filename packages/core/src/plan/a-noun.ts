// The article before a kind's name in an error message, so every message reads as English.

/** "an action", "a priority"; capitalised at the start of a sentence. */
export function an(noun: string, capital = false): string {
  const article = /^[aeiou]/.test(noun) ? 'an' : 'a';
  return `${capital ? article[0]!.toUpperCase() + article.slice(1) : article} ${noun}`;
}
