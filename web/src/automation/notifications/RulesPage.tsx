// Placeholder until the notifications work lands (issue 19).
export function RulesPage() {
  return <p className="state-message">Not built yet.</p>;
}
