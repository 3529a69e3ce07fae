import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiError, setAuthenticator } from './api';
import { onIdentityChange, sessionAuthenticator, startSession } from './auth/session';
import { realtime } from './realtime';
import './styles.css';
import './ui.css';
import './tables.css';
import './session.css';
import './jobs.css';
import './plant.css';

/** Retry once after network trouble or a server fault; a 4xx answer will not change by asking again. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status !== null && error.status < 500) return false;
  return failureCount < 1;
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: true },
  },
});

startSession();
setAuthenticator(sessionAuthenticator);
// One person's data must never show for the next one signed in to this tab.
onIdentityChange(() => {
  queryClient.clear();
  realtime.reset();
});

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element in index.html');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
