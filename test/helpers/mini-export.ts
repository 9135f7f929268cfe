/** Replaces one cell of the mini export: data row `row` (0-based), column by export tag. */
export function editCell(text: string, row: number, column: string, value: string): string {
  const lines = text.split('\r\n');
  const col = lines[0]!.split(',').indexOf(column);
  const cells = lines[3 + row]!.split(',');
  cells[col] = value;
  lines[3 + row] = cells.join(',');
  return lines.join('\r\n');
}
