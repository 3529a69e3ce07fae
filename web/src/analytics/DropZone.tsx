// Where a file is dropped or picked: a drop target around a real file input (keyboard and screen
// readers use the input; the drop is a shortcut for the mouse).
import { type DragEvent, useId, useState } from 'react';

export const ACCEPTED_FILES =
  '.csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function DropZone({ onFile, disabled = false }: { onFile: (file: File) => void; disabled?: boolean }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const accept = (event: DragEvent<HTMLDivElement>) => {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    // The drop target is a mouse shortcut; the file input inside is the keyboard's way in.
    // biome-ignore lint/a11y/noStaticElementInteractions: see above
    <div
      className={over ? 'drop-zone is-over' : 'drop-zone'}
      data-testid="drop-zone"
      onDragEnter={accept}
      onDragOver={accept}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p className="drop-zone-title">Drop a work-order export here</p>
      <p className="muted">
        CSV (any delimiter, encoding or number format) or Excel .xlsx, with a header row.
      </p>
      <input
        id={id}
        type="file"
        className="visually-hidden drop-zone-input"
        accept={ACCEPTED_FILES}
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Picking the same file again must work: the input forgets it once handed on.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <label htmlFor={id} className="button button-secondary">
        Choose a file…
      </label>
    </div>
  );
}
