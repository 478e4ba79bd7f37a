/** One line of the result table: a figure, what it is measured beside, and the target. */
export interface Row {
  readonly what: string;
  readonly measured: string;
  readonly beside?: string;
  readonly ratio?: string;
  readonly target?: string;
  /** undefined: no target for this line */
  readonly met?: boolean;
}

export function renderTable(rows: readonly Row[]): string {
  const header = ['what', 'measured', 'beside it, same run', 'ratio', 'target', 'met'];
  const cells = rows.map((r) => [r.what, r.measured, r.beside ?? '', r.ratio ?? '', r.target ?? '', r.met === undefined ? '' : r.met ? 'yes' : 'NO']);
  const line = (values: readonly string[]) => `| ${values.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...cells.map(line)].join('\n');
}

export const perSecond = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;
export const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
export const percent = (a: number, b: number) => `${Math.round((a / b) * 100)} %`;
export const times = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
