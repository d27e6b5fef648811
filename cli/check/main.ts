// Placeholder until this command lands (issue 10: render, issue 11: check).
export async function main(_args: string[]): Promise<number> {
  console.error('not built yet');
  return 1;
}
