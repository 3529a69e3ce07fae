// Placeholder until the scheduled-analyses work lands (issue 19).
export function SchedulesPages({ path }: { path: string }) {
  return <p className="state-message">Not built yet: {path}</p>;
}
