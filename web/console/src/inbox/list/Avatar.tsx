/** Initials on a colour picked from the name, so a teammate is recognised at a glance. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]![0], words[words.length - 1]![0]] : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}

function tone(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 997;
  return hash % 6;
}

export function Avatar({ name, label }: { name: string; label?: string }) {
  return (
    <span className={`avatar avatar-${tone(name)}`} title={label ?? name} aria-label={label ?? name} role="img">
      {initials(name)}
    </span>
  );
}
