/** Indentation of everything printed under a step title. */
const INDENT = '      ';

/**
 * Prints the demo's narrated log: numbered step titles, what happened, and
 * a verdict per step. Writes to stdout only; the demo prints no values.
 */
export class Narrator {
  constructor(private readonly write: (line: string) => void = console.log) {}

  /** Prints the demo's title. */
  banner(title: string): void {
    this.write(`\n${title}\n${'='.repeat(title.length)}`);
  }

  /** Prints a step title, e.g. `[2/7] Create the secrets`. */
  step(index: number, total: number, title: string): void {
    this.write(`\n[${index}/${total}] ${title}`);
  }

  /** Prints an unnumbered heading, e.g. for the final cleanup. */
  heading(title: string): void {
    this.write(`\n${title}`);
  }

  /** Prints one line of narration under the current step. */
  say(text: string): void {
    for (const line of text.split('\n')) this.write(`${INDENT}${line}`);
  }

  /** Prints a block (a JSON body, an error message) indented and framed. */
  block(text: string): void {
    for (const line of text.split('\n')) this.write(`${INDENT}| ${line}`);
  }

  /** Prints the step's verdict. */
  verdict(ok: boolean, text: string): void {
    this.write(`${INDENT}${ok ? 'OK' : 'FAILED'}: ${text}`);
  }
}
