/** `1234.5` → `1,235`; fractions below 10 keep one decimal. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) < 10 ? 1 : 0;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A ratio as `12.3×`. */
export function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)}×` : 'n/a';
}

/** Milliseconds, with seconds above ten thousand. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 10_000 ? `${num(value / 1000)} s` : `${num(value)} ms`;
}

/** `{ A: 1, B: 2 }` → `A 1, B 2`. */
export function counts(record: Record<string, number>): string {
  const entries = Object.entries(record);
  return entries.length
    ? entries.map(([name, n]) => `${name} ${n}`).join(', ')
    : 'none';
}

/** A Markdown table from a header row and body rows. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join(
    '\n',
  );
}
