// A button that downloads a file of the API (which needs the user's token, so a plain link cannot).
import { useMutation } from '@tanstack/react-query';
import { ErrorNotice } from '../components/ErrorNotice';
import { download } from '../transfer';

export function DownloadButton({ path, fileName, label }: { path: string; fileName: string; label: string }) {
  const save = useMutation({ mutationFn: () => download(path, fileName) });
  return (
    <span className="download">
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={save.isPending}
        onClick={() => save.mutate()}
      >
        {save.isPending ? 'Downloading…' : label}
      </button>
      {save.isError ? <ErrorNotice error={save.error} title={`Could not download ${fileName}`} /> : null}
    </span>
  );
}
