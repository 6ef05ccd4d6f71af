/**
 * Up to two initials for an avatar: the first letters of the first and last words of the display
 * name, else the first letter of the user name. `Jane van Doe` → `JD`, `jane@contoso.com` → `J`.
 */
export function initialsOf(name: string | undefined, username: string): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const letters =
    words.length > 1 ? [words[0]!, words.at(-1)!].map((w) => [...w][0]) : [[...(words[0] ?? username)][0]];
  return letters.join('').toUpperCase();
}
