/**
 * The ↑ and ↓ buttons that move a section or an option one place, disabled at either end. They
 * show only the arrow: each is named by its label ("Monter la section 2").
 */
export function StepButtons({
  first,
  last,
  onStep,
  labels,
}: {
  first: boolean;
  last: boolean;
  onStep: (direction: -1 | 1) => void;
  labels: { up: string; down: string };
}) {
  return (
    <>
      <button type="button" className="button small" disabled={first} onClick={() => onStep(-1)} aria-label={labels.up}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" className="button small" disabled={last} onClick={() => onStep(1)} aria-label={labels.down}>
        <span aria-hidden="true">↓</span>
      </button>
    </>
  );
}
